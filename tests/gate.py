"""A TCP gate in front of a real service (the OpenSearch node, a live server): closed,
every new connection is cut at once (and counted); open, traffic passes through,
optionally slowed down. Lets a test take a service away from another process and give
it back, without stopping the service."""

import contextlib
import socket
import threading
import time


class Gate:
    def __init__(self, target_host: str, target_port: int, *, delay: float = 0.0):
        self.target = (target_host, target_port)
        # Seconds added to each answer passed back, to make a slow service.
        self.delay = delay
        self.is_open = False
        self.refused = 0
        self._connections: list[socket.socket] = []
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        threading.Thread(target=self._accept, daemon=True).start()

    def open(self) -> None:
        self.is_open = True

    def close(self) -> None:
        """Refuse new connections and cut the ones open now (the service "goes away")."""
        self.is_open = False
        for end in self._connections:
            with contextlib.suppress(OSError):
                end.shutdown(socket.SHUT_RDWR)
        self._connections.clear()

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
            self._connections += [client, upstream]
            for source, sink, delay in ((client, upstream, 0.0), (upstream, client, self.delay)):
                threading.Thread(target=_pipe, args=(source, sink, delay), daemon=True).start()


def _pipe(source: socket.socket, sink: socket.socket, delay: float) -> None:
    try:
        while data := source.recv(65536):
            time.sleep(delay)
            sink.sendall(data)
    except OSError:
        pass
    finally:
        for end in (source, sink):
            with contextlib.suppress(OSError):
                end.shutdown(socket.SHUT_RDWR)
