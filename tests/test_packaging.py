"""Packaging that works when installed: `pip install .` (not editable) gives a working command.

The slow test builds the wheel from a copy of the sources, installs it into a fresh venv (the
already-installed dependencies seen through --system-site-packages, nothing downloaded) and
runs the command from a folder that is not the checkout.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tomllib
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOT_SOURCES = shutil.ignore_patterns(
    ".git", "node_modules", "_build", "build", "dist", "*.egg-info", "__pycache__", ".hypothesis", ".pytest_cache"
)


def test_every_code_package_is_listed_in_pyproject():
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"])
    found = {".".join(init.parent.relative_to(ROOT).parts) for init in (ROOT / "scorecard").rglob("__init__.py")}
    assert found <= listed, f"add to [tool.setuptools] packages: {sorted(found - listed)}"


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """A fresh venv with scorecard installed from a wheel built from the sources; returns its bin/."""
    tmp = tmp_path_factory.mktemp("install")
    shutil.copytree(ROOT, tmp / "source", ignore=NOT_SOURCES)
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "--quiet",
            "-w",
            str(tmp / "dist"),
            str(tmp / "source"),
        ],
        capture_output=True,
        text=True,
        env=clean_env(),
    )
    assert done.returncode == 0, done.stderr
    [wheel] = (tmp / "dist").glob("scorecard-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "scorecard/_data/questions/scoring.yaml" in names and "scorecard/_data/site/early/store.js" in names
    assert "scorecard/cli/__init__.py" in names and "scorecard/engine/operations.py" in names  # the code packages
    assert "scorecard/py.typed" in names
    assert (
        "scorecard/_data/data/uk_local_authorities.csv" in names
        and "scorecard/_data/data/uk_local_authorities.json" in names
    )
    venv.create(tmp / "venv", system_site_packages=True, with_pip=False)
    bin_dir = tmp / "venv" / "bin"
    done = subprocess.run(
        [str(bin_dir / "python"), "-m", "pip", "install", "--no-deps", "--no-index", "--quiet", str(wheel)],
        capture_output=True,
        text=True,
        env=clean_env(),
    )
    assert done.returncode == 0, done.stderr
    return bin_dir


def clean_env() -> dict[str, str]:
    """No PYTHONPATH: the tests run with the worktree on it, the installed command must not."""
    return {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}


def run(bin_dir: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(bin_dir / "scorecard"), *args], capture_output=True, text=True, cwd=cwd, env=clean_env(), timeout=300
    )


@pytest.mark.slow
def test_the_installed_command_works_from_any_folder(installed, tmp_path):
    where = subprocess.run(
        [str(installed / "python"), "-c", "import scorecard; print(scorecard.__file__)"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=clean_env(),
    )
    assert where.stdout.startswith(str(installed.parent)), (
        where.stdout + where.stderr
    )  # the venv's copy, not the checkout

    validated = run(installed, tmp_path, "validate")
    assert validated.returncode == 0 and validated.stdout.startswith("OK: "), validated.stdout + validated.stderr
    made = run(
        installed,
        tmp_path,
        "template",
        "--council-type",
        "district",
        "--name",
        "Example District Council",
        "-o",
        "mine.json",
    )
    assert made.returncode == 0, made.stderr
    registered = run(installed, tmp_path, "template", "--council", "E07000116")  # the register ships in the package
    assert registered.returncode == 0 and '"code": "TUN"' in registered.stdout, registered.stderr
    scored = run(installed, tmp_path, "score", "mine.json", "--format", "json")
    assert scored.returncode == 0, scored.stderr
    result = json.loads(scored.stdout)
    assert result["council"]["name"] == "Example District Council" and len(result["unanswered"]) > 0
    assert run(installed, tmp_path, "score", "mine.json").stdout.startswith("Example District Council")
    compared = run(installed, tmp_path, "compare", "mine.json", "--format", "html")
    assert compared.returncode == 0 and "<html" in compared.stdout, compared.stderr

    # --questions still works, with a maintainer's own folder
    shutil.copytree(ROOT / "tests" / "fixtures" / "mini", tmp_path / "mini")
    own = run(installed, tmp_path, "--questions", "mini/questions", "validate")
    assert own.returncode == 0 and "2 themes" in own.stdout, own.stdout + own.stderr


@pytest.mark.slow
def test_the_installed_command_builds_the_site(installed, tmp_path):
    missing = run(installed, tmp_path, "build")
    assert (
        missing.returncode == 2 and "missing front-end packages" in missing.stderr and "npm install" in missing.stderr
    )
    assert "Traceback" not in missing.stderr
    built = run(installed, tmp_path, "build", "--node-modules", str(ROOT / "node_modules"))
    assert built.returncode == 0, built.stderr
    site = tmp_path / "_build" / "site"
    assert (
        (site / "index.html").is_file()
        and (site / "sw.js").is_file()
        and list((site / "assets" / "engine").glob("*.whl"))
    )
