"""Serving the built site locally, with the headers a static host should send too."""

from __future__ import annotations

import functools
import http.server
import sys
from pathlib import Path

from . import LOCAL_HOST, LOCAL_PORT

# The Content-Security-Policy is a <meta> tag in every page (scorecard.sitegen.csp), so it
# holds on any static host; this server adds only headers that need no page knowledge.


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".mjs": "text/javascript", ".wasm": "application/wasm", ".whl": "application/zip",
                      ".json": "application/json"}

    def end_headers(self) -> None:
        self.send_header("X-Content-Type-Options", "nosniff")
        # Revalidate rather than guess freshness: after a rebuild the new files are served
        # (offline use and repeat visits are the service worker's job, not the HTTP cache's).
        self.send_header("Cache-Control", "no-cache")
        self.send_header("Referrer-Policy", "no-referrer")
        super().end_headers()

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - signature from the base class
        if self.server.verbose:
            super().log_message(format, *args)


class SiteServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        """A browser that stops a download (a page left mid-load) is not an error worth a traceback."""
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


def make_server(root: Path, host: str = LOCAL_HOST, port: int = LOCAL_PORT, verbose: bool = True) -> SiteServer:
    handler = functools.partial(SiteHandler, directory=str(root))
    server = SiteServer((host, port), handler)
    server.verbose = verbose
    return server


def serve(root: Path, host: str, port: int) -> None:
    """Serve until Ctrl+C. OSError if the address cannot be listened on (the CLI says so)."""
    server = make_server(root, host, port)
    print(f"Serving the scorecard at http://{host}:{server.server_address[1]}/ (Ctrl+C to stop)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
