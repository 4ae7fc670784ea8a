"""Building the static site: pages from the banks, the engine wheel, Pyodide, then MkDocs.

Output is a folder of static files (``_build/site``) that any static web host can serve.
Everything the browser needs is copied in: nothing is fetched from another host.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import jinja2

from ..engine import Bank
from .banks import load_bank
from .csp import add_policy
from .offline import write_service_worker
from .problems import Problem
from .worked_example import worked_example

ROOT = Path(__file__).resolve().parents[2]
SITE_SOURCES = ROOT / "site"
NODE_MODULES = ROOT / "node_modules"
EXAMPLES = ROOT / "examples" / "region"
# The parts of the npm pyodide package the browser loads (no package wheels are used).
PYODIDE_FILES = ["pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json"]
VENDOR_FILES = {"chart.umd.min.js": "chart.js/dist/chart.umd.min.js"}


class BuildError(Exception):
    """The site could not be built; the message says what to do."""


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
    render_pages(bank, compiled, layout.docs, wheel.name, len(examples))
    log(f"Generated {sum(1 for _ in layout.docs.rglob('*.md'))} pages; engine {wheel.name}")
    run_mkdocs(write_config(bank, layout, wheel.name, site_url))
    add_policy(layout.site)
    write_service_worker(layout.site, SITE_SOURCES / "service-worker.js")
    return layout.site


class BankProblems(BuildError):
    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(map(str, problems)))


def build_engine_wheel(dest: Path) -> Path:
    """`pip wheel` the scorecard package: a pure-Python wheel Pyodide unpacks as is."""
    dest.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        # From a fresh copy of the sources: built in place, setuptools reuses ./build/lib, so a
        # module deleted from scorecard/ would still be shipped to the browser.
        source = Path(tmp) / "source"
        shutil.copytree(ROOT / "scorecard", source / "scorecard", ignore=shutil.ignore_patterns("__pycache__"))
        for name in ("pyproject.toml", "README.md"):
            shutil.copy2(ROOT / name, source / name)
        command = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--quiet", "-w", tmp, str(source)]
        done = subprocess.run(command, capture_output=True, text=True)
        wheels = list(Path(tmp).glob("scorecard-*.whl"))
        if done.returncode != 0 or not wheels:
            raise BuildError(f"building the engine wheel failed:\n{done.stderr.strip()}")
        return Path(shutil.copy2(wheels[0], dest / wheels[0].name))


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


def render_pages(bank: Bank, compiled: dict, docs: Path, wheel_name: str, example_count: int) -> None:
    """Generate the Markdown pages (with HTML forms) from the bank through Jinja2 templates."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(SITE_SOURCES / "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        # Markdown heading ids ({#id}) would otherwise open Jinja comments.
        comment_start_string="{##",
        comment_end_string="##}",
    )
    env.filters["guidance_href"] = guidance_href
    context = {"bank": bank, "compiled": compiled, "wheel": wheel_name, "example": worked_example(bank),
               "example_count": example_count}
    pages = {
        "index.md": ("index.md.j2", {}),
        "results.md": ("results.md.j2", {}),
        "compare.md": ("compare.md.j2", {}),
        "how-scoring-works.md": ("how-scoring-works.md.j2", {}),
        "privacy.md": ("privacy.md.j2", {}),
    }
    for theme in bank.themes:
        pages[f"themes/{theme.id}.md"] = ("theme.md.j2", {"theme": theme})
    for path, (template, extra) in pages.items():
        target = docs / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(env.get_template(template).render(**context, **extra), encoding="utf-8")


def guidance_href(link: str, depth: int = 1) -> str:
    """A bank guidance link (page.md#anchor) as a URL from a page `depth` folders deep."""
    page, _, anchor = link.partition("#")
    href = "../" * depth + "guidance/" + page.replace(".md", ".html")
    return f"{href}#{anchor}" if anchor else href


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
