"""What every fake API shares: an HTTP server on a free port of 127.0.0.1, served from a daemon thread, started
and stopped by `with`."""
from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Self


class Served:
    """A fake API's server. Subclasses set `handler` (whose requests reach the fake as `self.server.api`)."""

    handler: type[BaseHTTPRequestHandler]
    _server: ThreadingHTTPServer | None = None
    _thread: threading.Thread | None = None

    def start(self) -> Self:
        """Bind a free port on 127.0.0.1 and serve from a daemon thread."""
        server = ThreadingHTTPServer(("127.0.0.1", 0), self.handler)
        server.api = self  # type: ignore[attr-defined]
        self._server = server
        # A short poll interval makes shutdown() (which waits for the serve loop to notice) quick.
        self._thread = threading.Thread(target=server.serve_forever, args=(0.05,), name=type(self).__name__,
                                        daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and free the port."""
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._server = self._thread = None

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()
