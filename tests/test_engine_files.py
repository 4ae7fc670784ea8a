"""The engine's version, under which the browser keeps its snapshot: it changes with anything that
shapes the started engine, and only then."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from scorecard.sitegen.engine_files import PLACEHOLDER, engine_manifest, write_engine_manifest

FILES = {
    "pyodide/pyodide.asm.wasm": b"\0asm runtime",
    "pyodide/pyodide.mjs": b"export const loadPyodide = 1;",
    "pyodide/pyodide.asm.mjs": b"export default 1;",
    "pyodide/stdlib.zip": b"PK stdlib",
    "bank.json": b'{"bank_version": "2026.1"}',
    "worker.mjs": f"const ENGINE = {PLACEHOLDER};".encode(),
}


def make_wheel(path: Path, source: str, date=(2026, 1, 1, 0, 0, 0)) -> Path:
    with zipfile.ZipFile(path, "w") as wheel:
        wheel.writestr(zipfile.ZipInfo("scorecard/browser.py", date), source)
    return path


@pytest.fixture
def assets(tmp_path) -> Path:
    assets = tmp_path / "site" / "assets"
    for name, data in FILES.items():
        (assets / name).parent.mkdir(parents=True, exist_ok=True)
        (assets / name).write_bytes(data)
    (assets / "engine").mkdir()
    make_wheel(assets / "engine" / "scorecard.whl", "print('engine')")
    return assets


LOCK = {"info": {"abi_version": "2026_0", "version": "314.0.7"}, "packages": {"numpy": {"imports": ["numpy"]}}}


def manifest(assets: Path, bank_version: str = "2026.1", lock: dict = LOCK) -> dict:
    return engine_manifest(
        assets,
        assets / "engine" / "scorecard.whl",
        assets / "pyodide" / "stdlib.zip",
        bank_version,
        ["scorecard.browser"],
        lock,
    )


def test_manifest_lists_the_fetched_files_with_hashes_and_sizes(assets):
    found = manifest(assets)
    assert set(found["files"]) == {
        "assets/pyodide/pyodide.asm.wasm",
        "assets/pyodide/stdlib.zip",
        "assets/engine/scorecard.whl",
        "assets/bank.json",
    }
    assert found["lock"] == {"info": LOCK["info"], "packages": {}}  # the site loads no packages
    assert found["bytes"] == sum(f["bytes"] for f in found["files"].values())
    assert found["stdlib"] == "assets/pyodide/stdlib.zip" and found["bank"] == "2026.1"
    assert found == manifest(assets)  # the same files, the same version


@pytest.mark.parametrize(
    "changed",
    [
        "pyodide/pyodide.asm.wasm",
        "pyodide/pyodide.asm.mjs",
        "pyodide/pyodide.mjs",
        "pyodide/stdlib.zip",
        "bank.json",
        "worker.mjs",
    ],
)
def test_version_changes_with_any_file_that_shapes_the_engine(assets, changed):
    before = manifest(assets)["version"]
    path = assets / changed
    path.write_bytes(path.read_bytes() + b" ")
    assert manifest(assets)["version"] != before


def test_version_changes_with_the_pyodide_lock_info(assets):
    assert (
        manifest(assets, lock={"info": {**LOCK["info"], "abi_version": "2027_0"}})["version"]
        != manifest(assets)["version"]
    )


def test_version_follows_the_wheel_contents_not_its_timestamps(assets):
    wheel = assets / "engine" / "scorecard.whl"
    before = manifest(assets)["version"]
    make_wheel(wheel, "print('engine')", date=(2027, 6, 1, 12, 0, 0))  # rebuilt from the same sources
    assert manifest(assets)["version"] == before
    make_wheel(wheel, "print('engine, changed')")
    assert manifest(assets)["version"] != before


def test_manifest_is_written_into_the_worker_once(assets):
    found = manifest(assets)
    write_engine_manifest(assets, found)
    text = (assets / "worker.mjs").read_text()
    assert PLACEHOLDER not in text
    assert json.loads(text.removeprefix("const ENGINE = ").removesuffix(";")) == found
    with pytest.raises(ValueError, match="placeholder"):
        write_engine_manifest(assets, found)


def test_each_language_has_its_bank_and_a_start_downloads_only_its_own(assets):
    """A Welsh page's engine loads bank-cy.json: the manifest names each language's bank and what a start in that
    language downloads (the engine's files and that bank, not the other), and the version covers every bank."""
    welsh = b'{"bank_version": "2026.1", "words": "Cymraeg"}'
    (assets / "bank-cy.json").write_bytes(welsh)
    found = engine_manifest(
        assets,
        assets / "engine" / "scorecard.whl",
        assets / "pyodide" / "stdlib.zip",
        "2026.1",
        ["scorecard.browser"],
        LOCK,
        {"en": "bank.json", "cy": "bank-cy.json"},
    )
    assert found["default_language"] == "en"
    assert found["banks"]["cy"]["path"] == "assets/bank-cy.json" and "assets/bank-cy.json" in found["files"]
    assert found["banks"]["en"]["bytes"] == found["bytes"] - len(welsh)
    assert found["banks"]["cy"]["bytes"] == found["bytes"] - len(FILES["bank.json"])
    assert found["version"] != manifest(assets)["version"]
