"""Serving the built site locally, with the headers a static host should send too."""

from __future__ import annotations

import functools
import http.server
import os
import sys
from pathlib import Path

from . import LOCAL_HOST, LOCAL_PORT
from .csp import WORKER_POLICY

# The Content-Security-Policy is a <meta> tag in every page (scorecard.sitegen.csp), so it
# holds on any static host; this server adds only headers that need no page knowledge. One of
# them is a policy a <meta> tag cannot carry: no other site may show these pages in a frame
# (frame-ancestors, and X-Frame-Options for older browsers); the README asks hosts to send it too.
FRAME_HEADERS = {"X-Frame-Options": "DENY", "Content-Security-Policy": "frame-ancestors 'none'"}

# The build writes file.br and file.gz beside large files (scorecard.sitegen.compress); these are
# sent, in this order of preference, to a browser that accepts them (as nginx's brotli_static
# and gzip_static do).
ENCODINGS = {"br": ".br", "gzip": ".gz"}


def accepted_encodings(header: str) -> set[str]:
    """The content codings an Accept-Encoding header allows (q=0 refuses; * allows any)."""
    accepted: set[str] = set()
    refused: set[str] = set()
    for item in header.split(","):
        name, _, params = item.strip().partition(";")
        name = name.strip().lower()
        if not name:
            continue
        q = 1.0
        for param in params.split(";"):
            key, _, value = param.strip().partition("=")
            if key.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        (accepted if q > 0 else refused).add(name)
    if "*" in accepted:
        accepted |= set(ENCODINGS) - refused
    return accepted - refused


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".mjs": "text/javascript",
        ".wasm": "application/wasm",
        ".whl": "application/zip",
        ".json": "application/json",
        ".zip": "application/zip",
    }

    variant: tuple[str, str, str] | None = None  # (encoding, compressed file, original file)
    has_variants = False

    def parse_request(self) -> bool:
        self.variant, self.has_variants = None, False  # per request (a connection may carry several)
        return super().parse_request()

    def send_head(self):
        """Pick a precompressed copy when one exists and the browser accepts it, then serve as usual."""
        path = super().translate_path(self.path)
        if os.path.isdir(path) and self.path.split("?", 1)[0].endswith("/"):
            path = os.path.join(path, "index.html")
        if os.path.isfile(path):
            accepted = accepted_encodings(self.headers.get("Accept-Encoding", ""))
            for encoding, suffix in ENCODINGS.items():
                if os.path.isfile(path + suffix):
                    self.has_variants = True
                    if encoding in accepted and self.variant is None:
                        self.variant = (encoding, path + suffix, path)
        return super().send_head()

    # The base class's send_head opens translate_path(self.path) and types it with guess_type:
    # with a variant chosen, that is the compressed file, typed as the original.
    def translate_path(self, path: str) -> str:
        return self.variant[1] if self.variant else super().translate_path(path)

    def guess_type(self, path) -> str:
        return super().guess_type(self.variant[2] if self.variant and path == self.variant[1] else path)

    def send_response(self, code, message=None) -> None:
        self.status_sent = code
        super().send_response(code, message)

    def end_headers(self) -> None:
        if self.variant and getattr(self, "status_sent", None) == 200:
            self.send_header("Content-Encoding", self.variant[0])
        if self.has_variants:
            self.send_header("Vary", "Accept-Encoding")
        self.send_header("X-Content-Type-Options", "nosniff")
        # Revalidate rather than guess freshness: after a rebuild the new files are served
        # (offline use and repeat visits are the service worker's job, not the HTTP cache's).
        self.send_header("Cache-Control", "no-cache")
        self.send_header("Referrer-Policy", "no-referrer")
        for name, value in FRAME_HEADERS.items():
            self.send_header(name, value)
        if self.path.split("?", 1)[0].endswith((".js", ".mjs")):
            self.send_header("Content-Security-Policy", WORKER_POLICY)  # the engine's worker has a policy too
        super().end_headers()

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - signature from the base class
        if getattr(self.server, "verbose", True):
            super().log_message(format, *args)


class SiteServer(http.server.ThreadingHTTPServer):
    verbose = True  # each request logged (make_server(verbose=False): quiet, for tests and benchmarks)

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
