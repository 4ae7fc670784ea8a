"""Precompressed copies: the build writes them, and `scorecard serve` sends the one the browser
accepts, typed as the original file, with Vary: Accept-Encoding."""

from __future__ import annotations

import gzip
import http.client
import threading

import brotli
import pytest

from scorecard.sitegen.compress import precompress
from scorecard.sitegen.csp import WORKER_POLICY
from scorecard.sitegen.serve import accepted_encodings, make_server

WASM = bytes(range(256)) * 64 + b"\0" * 50_000  # compressible, like the real runtime
SCRIPT = ("export const answer = 42;\n" * 400).encode()


@pytest.fixture
def site(tmp_path, monkeypatch):
    monkeypatch.setenv("SCORECARD_CACHE_DIR", str(tmp_path / "cache"))
    root = tmp_path / "site"
    (root / "assets").mkdir(parents=True)
    (root / "assets" / "runtime.wasm").write_bytes(WASM)
    (root / "assets" / "module.mjs").write_bytes(SCRIPT)
    (root / "assets" / "tiny.js").write_text("let a = 1;\n")
    (root / "assets" / "image.png").write_bytes(b"\x89PNG" + bytes(5000))
    (root / "index.html").write_text("<!doctype html><title>t</title>" + "<p>hello</p>" * 500)
    precompress(root)
    return root


@pytest.fixture
def server(site):
    server = make_server(site, port=0, verbose=False)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server
    server.shutdown()
    server.server_close()


def get(server, path, method="GET", **headers):
    connection = http.client.HTTPConnection("127.0.0.1", server.server_address[1], timeout=10)
    connection.request(method, path, headers=headers)
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response, body


def test_build_writes_copies_only_where_they_help(site):
    assert brotli.decompress((site / "assets" / "runtime.wasm.br").read_bytes()) == WASM
    assert gzip.decompress((site / "assets" / "runtime.wasm.gz").read_bytes()) == WASM
    assert gzip.decompress((site / "index.html.gz").read_bytes()) == (site / "index.html").read_bytes()
    assert not (site / "assets" / "tiny.js.br").exists()  # under 1 KiB
    assert not (site / "assets" / "image.png.br").exists()  # images are compressed already


@pytest.mark.parametrize(
    "accept, encoding, suffix",
    [
        ("gzip, deflate, br, zstd", "br", ".br"),  # what Chromium sends
        ("gzip, deflate", "gzip", ".gz"),
        ("br;q=0, gzip;q=0.5", "gzip", ".gz"),
        ("*", "br", ".br"),
    ],
)
def test_sends_the_accepted_encoding_typed_as_the_original(server, site, accept, encoding, suffix):
    response, body = get(server, "/assets/runtime.wasm", **{"Accept-Encoding": accept})
    assert response.status == 200
    assert response.getheader("Content-Encoding") == encoding
    assert response.getheader("Content-Type") == "application/wasm"
    assert response.getheader("Vary") == "Accept-Encoding"
    assert body == (site / "assets" / f"runtime.wasm{suffix}").read_bytes()
    assert int(response.getheader("Content-Length")) == len(body)


def test_sends_the_file_itself_when_no_encoding_is_accepted(server):
    for headers in ({}, {"Accept-Encoding": "identity"}, {"Accept-Encoding": "br;q=0, gzip;q=0"}):
        response, body = get(server, "/assets/module.mjs", **headers)
        assert response.status == 200
        assert response.getheader("Content-Encoding") is None
        assert response.getheader("Content-Type") == "text/javascript"
        assert (
            response.getheader("Vary") == "Accept-Encoding"
        )  # a cache must not reuse it for a browser that accepts br
        assert body == SCRIPT


def test_files_without_copies_are_served_as_before(server):
    response, body = get(server, "/assets/tiny.js", **{"Accept-Encoding": "br, gzip"})
    assert response.status == 200 and body == b"let a = 1;\n"
    assert response.getheader("Content-Encoding") is None and response.getheader("Vary") is None
    response, _ = get(server, "/assets/missing.wasm", **{"Accept-Encoding": "br"})
    assert response.status == 404 and response.getheader("Content-Encoding") is None


def test_folder_index_head_and_revalidation(server, site):
    response, body = get(server, "/", **{"Accept-Encoding": "br"})
    assert response.getheader("Content-Encoding") == "br"
    assert response.getheader("Content-Type") == "text/html"
    assert brotli.decompress(body) == (site / "index.html").read_bytes()
    response, body = get(server, "/assets/runtime.wasm", method="HEAD", **{"Accept-Encoding": "br"})
    assert response.status == 200 and body == b"" and response.getheader("Content-Encoding") == "br"
    modified = response.getheader("Last-Modified")
    response, body = get(server, "/assets/runtime.wasm", **{"Accept-Encoding": "br", "If-Modified-Since": modified})
    assert response.status == 304 and body == b""
    assert response.getheader("Content-Encoding") is None and response.getheader("Vary") == "Accept-Encoding"


def test_accept_encoding_parsing():
    assert accepted_encodings("gzip, deflate, br, zstd") >= {"gzip", "br"}
    assert accepted_encodings("br;q=0") == set()
    assert accepted_encodings("BR;Q=0.8, GZIP") == {"br", "gzip"}
    assert accepted_encodings("*;q=0.1, gzip;q=0") == {"*", "br"}
    assert accepted_encodings("") == set()


@pytest.mark.parametrize("path", ["/", "/assets/module.mjs", "/assets/runtime.wasm"])
def test_no_other_site_may_frame_the_pages(server, path):
    """Issue 26, F26: any site could frame the scorecard (a <meta> policy cannot say frame-ancestors)."""
    response, _ = get(server, path)
    assert response.getheader("X-Frame-Options") == "DENY"
    assert "frame-ancestors 'none'" in response.headers.get_all("Content-Security-Policy")


@pytest.mark.parametrize(
    ("path", "policy"), [("/", False), ("/assets/module.mjs", True), ("/assets/runtime.wasm", False)]
)
def test_scripts_carry_the_workers_own_policy(server, path, policy):
    """Issue 26, F26: the page's <meta> policy does not govern a worker loaded over HTTP; its script's response does.
    Pages keep only frame-ancestors in a header (their <meta> policy allows Material's inline scripts by hash)."""
    response, _ = get(server, path)
    assert (WORKER_POLICY in response.headers.get_all("Content-Security-Policy")) is policy
