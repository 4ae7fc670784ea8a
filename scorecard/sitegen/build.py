"""Building the static site: pages from the banks, the engine wheel, Pyodide, then MkDocs.

Output is a folder of static files (``_build/site``) that any static web host can serve.
Everything the browser needs is copied in: nothing is fetched from another host.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from ..bank_source.load import load_bank
from ..engine import Bank
from .csp import add_policy
from .errors import BankProblems, BuildError
from .offline import write_service_worker
from .pages import render_pages
from .wheel import build_engine_wheel

ROOT = Path(__file__).resolve().parents[2]
SITE_SOURCES = ROOT / "site"
NODE_MODULES = ROOT / "node_modules"
EXAMPLES = ROOT / "examples" / "region"
# The parts of the npm pyodide package the browser loads (no package wheels are used).
PYODIDE_FILES = ["pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json"]
VENDOR_FILES = {"chart.umd.min.js": "chart.js/dist/chart.umd.min.js"}


@dataclass(frozen=True)
class Layout:
    """Where the build reads and writes."""

    questions: Path
    guidance: Path
    out: Path

    @property
    def docs(self) -> Path:
        return self.out / "docs"

    @property
    def site(self) -> Path:
        return self.out / "site"


def default_layout(questions: Path | None = None) -> Layout:
    questions = Path(questions) if questions else ROOT / "questions"
    return Layout(questions=questions, guidance=questions.parent / "guidance", out=ROOT / "_build")


DEFAULT_SITE_URL = "http://127.0.0.1:8000/"


def build_site(layout: Layout, log=print, site_url: str = DEFAULT_SITE_URL) -> Path:
    """Check the banks, generate the docs folder, and run `mkdocs build --strict`.

    site_url is where the site will be served. Material's instant navigation (which keeps
    the engine running between pages) matches links against the sitemap by protocol, host
    name and port, so the port must be right; the host name may differ.
    """
    compiled, problems = load_bank(layout.questions, layout.guidance)
    if problems:
        raise BankProblems(problems)
    bank = Bank.from_dict(compiled)
    if layout.docs.exists():
        shutil.rmtree(layout.docs)
    assets = layout.docs / "assets"
    shutil.copytree(SITE_SOURCES / "assets", assets)
    shutil.copytree(layout.guidance, layout.docs / "guidance")
    (assets / "bank.json").write_text(json.dumps(compiled, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    wheel = build_engine_wheel(assets / "engine")
    copy_runtime(assets)
    examples = copy_examples(assets / "examples")
    render_pages(bank, compiled, layout.docs, SITE_SOURCES / "templates", wheel.name, len(examples))
    log(f"Generated {sum(1 for _ in layout.docs.rglob('*.md'))} pages; engine {wheel.name}")
    run_mkdocs(write_config(bank, layout, wheel.name, site_url))
    add_policy(layout.site)
    write_service_worker(layout.site, SITE_SOURCES / "service-worker.js")
    return layout.site


def copy_runtime(assets: Path) -> None:
    """Self-host Pyodide and the chart library from node_modules (pinned in package-lock.json)."""
    missing = [name for name in PYODIDE_FILES if not (NODE_MODULES / "pyodide" / name).exists()]
    missing += [src for src in VENDOR_FILES.values() if not (NODE_MODULES / src).exists()]
    if missing:
        raise BuildError("missing front-end packages (" + ", ".join(missing) + "): run `npm ci` in " + str(ROOT))
    (assets / "pyodide").mkdir(parents=True, exist_ok=True)
    for name in PYODIDE_FILES:
        shutil.copy2(NODE_MODULES / "pyodide" / name, assets / "pyodide" / name)
    (assets / "vendor").mkdir(parents=True, exist_ok=True)
    for name, src in VENDOR_FILES.items():
        shutil.copy2(NODE_MODULES / src, assets / "vendor" / name)


def copy_examples(dest: Path) -> list[str]:
    """The invented example region, for the Compare page's "Load the example region" button."""
    dest.mkdir(parents=True, exist_ok=True)
    names = sorted(p.name for p in EXAMPLES.glob("*.json"))
    for name in names:
        shutil.copy2(EXAMPLES / name, dest / name)
    (dest / "index.json").write_text(json.dumps(names), encoding="utf-8")
    return names


def write_config(bank: Bank, layout: Layout, wheel_name: str, site_url: str) -> Path:
    """A config that INHERITs the top-level mkdocs.yml and adds the nav in the bank's theme order."""
    nav = [
        {"Home": "index.md"},
        {"Self-assessment": [f"themes/{t.id}.md" for t in bank.themes]},
        {"Results": "results.md"},
        {"Compare councils": "compare.md"},
        {"Guidance": [f"guidance/{Path(t.guidance).name}" for t in bank.themes]},
        {"How scoring works": "how-scoring-works.md"},
        {"Privacy": "privacy.md"},
    ]
    config = {"INHERIT": str(ROOT / "mkdocs.yml"), "site_url": site_url, "docs_dir": str(layout.docs), "site_dir": str(layout.site),
              "theme": {"name": "material", "custom_dir": str(SITE_SOURCES / "overrides")}, "nav": nav,
              "extra": {"engine_wheel": wheel_name, "bank_version": bank.version, "modules": browser_modules(),
                        "early_script": (SITE_SOURCES / "early.js").read_text(encoding="utf-8")}}
    path = layout.out / "mkdocs.yml"
    path.write_text(json.dumps(config, indent=1), encoding="utf-8")  # JSON is valid YAML
    return path


def browser_modules() -> list[str]:
    """The modules app.js imports, for <link rel="modulepreload">: fetched at once, not one import level at a time."""
    return sorted(f"assets/js/{path.name}" for path in (SITE_SOURCES / "assets" / "js").glob("*.js"))


def run_mkdocs(config: Path) -> None:
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", str(config)]
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
    if done.returncode != 0:
        raise BuildError("mkdocs build --strict failed:\n" + (done.stderr or done.stdout).strip())
