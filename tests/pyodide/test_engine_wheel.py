"""The wheel is the engine: the browser gets the run-time engine and its adapter, nothing else.

Build-time (bank_source, sitegen), CLI and report code stay out of it, and the engine must
import in a Pyodide that holds the wheel and nothing else (no PyYAML, no Jinja2). The site ships
it compiled by Pyodide's own Python (one .pyc per module); the sources' wheel it is made from is
the same bytes whenever the sources are.
"""

from __future__ import annotations

import base64
import hashlib
import zipfile
from pathlib import Path

import scorecard
from scorecard.i18n import translated_languages
from scorecard.sitegen.wheel import build_engine_wheel

PACKAGE = Path(scorecard.__file__).resolve().parent


def engine_modules() -> list[str]:
    """What the browser may import: the package face, browser.py and every engine module."""
    files = [PACKAGE / "__init__.py", PACKAGE / "browser.py", *sorted((PACKAGE / "engine").rglob("*.py"))]
    return sorted(f"scorecard/{path.relative_to(PACKAGE).as_posix()}" for path in files)


def test_the_wheel_holds_the_engine_and_its_adapter_only(engine_wheel):
    dist_info = f"scorecard-{scorecard.__version__}.dist-info"
    with zipfile.ZipFile(engine_wheel) as wheel:
        names = wheel.namelist()
        metadata = wheel.read(f"{dist_info}/METADATA").decode()
        tags = wheel.read(f"{dist_info}/WHEEL").decode()
        record = wheel.read(f"{dist_info}/RECORD").decode().splitlines()
        contents = {name: wheel.read(name) for name in names}
    compiled = [name + "c" for name in engine_modules()]  # bytecode only, for Pyodide's Python
    catalogues = [f"scorecard/messages/{code}.mo" for code in translated_languages()]  # the engine's words
    assert sorted(names) == sorted(
        compiled + catalogues + [f"{dist_info}/{n}" for n in ("METADATA", "WHEEL", "RECORD")]
    )
    assert (
        engine_wheel.name == f"scorecard-{scorecard.__version__}-cp314-none-any.whl" and "Tag: cp314-none-any" in tags
    )
    assert not any(part in name for name in names for part in ("bank_source", "sitegen", "reports", "cli", "testing"))
    assert "Description" not in metadata and len(metadata) < 300  # no README in the browser
    for line in record:  # a valid wheel: every file with its hash and size
        name, digest, size = line.rsplit(",", 2)
        if name.endswith("RECORD"):
            continue
        data = contents[name]
        assert digest == "sha256=" + base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
        assert int(size) == len(data)


def test_the_same_sources_give_the_same_wheel(tmp_path):
    assert build_engine_wheel(tmp_path / "a").read_bytes() == build_engine_wheel(tmp_path / "b").read_bytes()


IMPORT_EVERYTHING = """
import importlib, json, os, site, sys
import scorecard
before = set(sys.modules)
names = json.loads(INPUT_JSON)
for name in names:
    importlib.import_module(name)
added = sorted({m.split(".")[0] for m in set(sys.modules) - before})
json.dumps({"unpacked": sorted(os.listdir(os.path.dirname(os.path.dirname(scorecard.__file__)))),
            "site_packages": sorted(os.listdir(site.getsitepackages()[0])),
            "loaded": [name for name in names if name in sys.modules], "not_stdlib": [m for m in added if m != "scorecard" and m not in sys.stdlib_module_names]})
"""


def test_every_engine_module_imports_in_pyodide_with_nothing_else(pyodide):
    modules = [name.removesuffix(".py").removesuffix("/__init__").replace("/", ".") for name in engine_modules()]
    reply = pyodide.run(IMPORT_EVERYTHING, modules)
    assert reply["unpacked"] == [
        "scorecard",
        f"scorecard-{scorecard.__version__}.dist-info",
    ]  # where the worker unpacks it
    assert reply["site_packages"] == []  # no package installed besides
    assert reply["loaded"] == modules and len(modules) >= 15
    assert reply["not_stdlib"] == []
