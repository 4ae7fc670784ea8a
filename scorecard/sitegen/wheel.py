"""The engine wheel the browser's Pyodide unpacks: the run-time engine and its browser adapter only.

Everything build-time, CLI and report code stays out, so the browser downloads (and the
service worker precaches) only what it imports. The wheel is written directly with
``zipfile``: a pure-Python wheel is a zip with three metadata files, and writing it here
needs no setuptools, no pip and no source checkout (an installed ``scorecard build`` packs
the installed engine). Entries are sorted and dated 1980-01-01, so the same sources give the
same bytes.
"""

from __future__ import annotations

import base64
import hashlib
import zipfile
from pathlib import Path

import scorecard

NAME = "scorecard"
PACKAGE = Path(scorecard.__file__).resolve().parent
# What the browser imports: the package's face, the engine, the worker's adapter; and the engine's words in each
# language but the sources' own, compiled from the catalogues (browser.CATALOGUES).
RUNTIME = ("__init__.py", "browser.py", "engine")
CATALOGUES = "messages"
SUMMARY = "Modern slavery risk self-assessment for UK local authorities: the run-time engine"
DATE = (1980, 1, 1, 0, 0, 0)


def runtime_files(package: Path = PACKAGE) -> list[tuple[str, Path]]:
    """(path in the wheel, source file) for every module the browser needs, sorted."""
    files = []
    for part in RUNTIME:
        source = package / part
        paths = sorted(source.rglob("*.py")) if source.is_dir() else [source]
        files += [(f"{NAME}/{path.relative_to(package).as_posix()}", path) for path in paths]
    return sorted(files)


def wheel_name(version: str = scorecard.__version__, tag: str = "py3-none-any") -> str:
    return f"{NAME}-{version}-{tag}.whl"


def build_engine_wheel(dest: Path, package: Path = PACKAGE, version: str = scorecard.__version__) -> Path:
    """Write the engine wheel (its sources and the engine's catalogues) into ``dest``; returns its path."""
    from ..i18n import engine_catalogue_mo, translated_languages

    catalogues = [
        (f"{NAME}/{CATALOGUES}/{code}.mo", engine_catalogue_mo(code, package / "engine"))
        for code in translated_languages()
    ]
    return _write_wheel(
        dest,
        [(name, path.read_bytes()) for name, path in runtime_files(package)] + catalogues,
        version,
        "py3-none-any",
        "Requires-Python: >=3.11\n",
    )


def build_compiled_wheel(compiled: Path, python_version: str, dest: Path, version: str = scorecard.__version__) -> Path:
    """The wheel the site ships: the engine compiled by the browser's own Python, one .pyc per module.

    ``compiled`` is the engine wheel with each .py replaced by its .pyc, written by the build's
    Pyodide (stdlib_trace.mjs). Bytecode saves the browser compiling the engine at every first start
    (about a quarter of a second of a first visit); it is only for that Python, so its tag is
    cpXY, not py3, and its metadata and RECORD are written here again.
    """
    major, minor = python_version.split(".")[:2]
    dist_info = f"{NAME}-{version}.dist-info/"
    with zipfile.ZipFile(compiled) as archive:
        modules = [(name, archive.read(name)) for name in archive.namelist() if not name.startswith(dist_info)]
    return _write_wheel(dest, modules, version, f"cp{major}{minor}-none-any", f"Requires-Python: =={major}.{minor}.*\n")


def _write_wheel(dest: Path, modules: list[tuple[str, bytes]], version: str, tag: str, requires: str) -> Path:
    dest.mkdir(parents=True, exist_ok=True)
    dist_info = f"{NAME}-{version}.dist-info"
    entries = modules + [
        (
            f"{dist_info}/METADATA",
            f"Metadata-Version: 2.1\nName: {NAME}\nVersion: {version}\nSummary: {SUMMARY}\n{requires}".encode(),
        ),
        (
            f"{dist_info}/WHEEL",
            f"Wheel-Version: 1.0\nGenerator: scorecard.sitegen.wheel\nRoot-Is-Purelib: true\nTag: {tag}\n".encode(),
        ),
    ]
    record = (
        "".join(f"{name},sha256={_digest(data)},{len(data)}\n" for name, data in entries) + f"{dist_info}/RECORD,,\n"
    )
    entries.append((f"{dist_info}/RECORD", record.encode()))
    target = dest / wheel_name(version, tag)
    # Stored, not deflated: the site serves it brotli-compressed (compress.py), and brotli across
    # all the files is about 30 % smaller than deflate file by file (51 kB against 72 kB in 2026.2).
    with zipfile.ZipFile(target, "w", zipfile.ZIP_STORED) as wheel:
        for name, data in entries:
            info = zipfile.ZipInfo(name, DATE)
            info.external_attr = 0o644 << 16
            wheel.writestr(info, data)
    return target


def _digest(data: bytes) -> str:
    return base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
