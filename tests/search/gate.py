"""A TCP gate in front of the real OpenSearch node: closed, every connection is cut at
once (and counted); open, traffic passes through. Lets a test take the engine away from
a worker process and give it back, without stopping the shared node."""

import contextlib
import socket
import threading


class Gate:
    def __init__(self, target_host: str, target_port: int):
        self.target = (target_host, target_port)
        self.is_open = False
        self.refused = 0
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        threading.Thread(target=self._accept, daemon=True).start()

    def open(self) -> None:
        self.is_open = True

    def shut(self) -> None:
        self._listener.close()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return  # shut
            if not self.is_open:
                self.refused += 1
                client.close()
                continue
            upstream = socket.create_connection(self.target)
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=_pipe, args=(source, sink), daemon=True).start()


def _pipe(source: socket.socket, sink: socket.socket) -> None:
    try:
        while data := source.recv(65536):
            sink.sendall(data)
    except OSError:
        pass
    finally:
        for end in (source, sink):
            with contextlib.suppress(OSError):
                end.shutdown(socket.SHUT_RDWR)
