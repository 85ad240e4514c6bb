import java.io.BufferedReader;
import java.io.InputStreamReader;

import org.codelibs.opensearch.runner.OpenSearchRunner;

/**
 * Several OpenSearch nodes in one JVM, for the fault tests (tests/faults): run with the
 * runner's classpath as {@code java -cp CP Cluster.java BASE_PATH NODES BASE_HTTP_PORT};
 * node N answers HTTP on BASE_HTTP_PORT + N. Prints "ready" once the cluster has formed,
 * then reads commands from stdin: "stop N" closes node N ("stopped N"), "quit" ends.
 */
public class Cluster {
    public static void main(String[] args) throws Exception {
        String basePath = args[0];
        int nodes = Integer.parseInt(args[1]);
        int baseHttpPort = Integer.parseInt(args[2]);
        OpenSearchRunner runner = new OpenSearchRunner();
        runner.onBuild((index, settings) -> {
            // A test cluster on a nearly full disk must still take writes.
            settings.put("cluster.routing.allocation.disk.threshold_enabled", false);
        }).build(OpenSearchRunner.newConfigs()
                .basePath(basePath)
                .numOfNode(nodes)
                .baseHttpPort(baseHttpPort)
                .clusterName("disclosure-faults-" + baseHttpPort)
                .disableESLogger());
        runner.ensureYellow();
        System.out.println("ready");
        System.out.flush();
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in));
        for (String line; (line = commands.readLine()) != null;) {
            if (line.startsWith("stop ")) {
                int node = Integer.parseInt(line.substring(5).trim());
                runner.getNode(node - 1).close();
                System.out.println("stopped " + node);
                System.out.flush();
            } else if (line.equals("quit")) {
                break;
            }
        }
        runner.close();
        runner.clean();
    }
}
