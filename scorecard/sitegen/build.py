"""Building the static site: pages from the banks, the engine wheel, Pyodide, then MkDocs.

Output is a folder of static files (``_build/site``) that any static web host can serve.
Everything the browser needs is copied in: nothing is fetched from another host. The sources
(site/, mkdocs.yml, the example region) come from ``scorecard.bundled``: the checkout's, or the
copies an installed package carries.
"""

from __future__ import annotations

import importlib.util
import json
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import bundled
from ..bank_source.load import load_bank
from ..engine import Bank
from ..i18n import default_language, languages, translator
from ..reports.board import STYLESHEET as BOARD_STYLESHEET
from . import DEFAULT_SITE_URL
from .about import read_about
from .compress import precompress
from .councils import site_register, write_register_asset
from .csp import add_policy
from .engine_files import bank_file, prepare_engine
from .errors import BankProblems, BuildError
from .i18n_hooks import KEPT as KEPT_404
from .i18n_site import drop_head_alternates, guidance_copies, localised_banks, plugin_config, translate_heading_links
from .offline import write_service_worker
from .pages import render_pages
from .search_worker import add_search_after_engine
from .template_downloads import add_template_downloads

# The parts of the npm pyodide package the browser loads (no package wheels are used). Its
# python_stdlib.zip and pyodide-lock.json are not copied: the build makes a trimmed library from
# the one, and the worker is given what it needs of the other (stdlib.py, engine_files.py).
PYODIDE_FILES = ["pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm"]
PYODIDE_SOURCES = PYODIDE_FILES + ["python_stdlib.zip", "pyodide-lock.json"]
VENDOR_FILES = {
    "chart.umd.min.js": "chart.js/dist/chart.umd.min.js",
    # GOV.UK's accessible autocomplete: the home page's council picker (a plain <select> without it)
    "accessible-autocomplete.min.js": "accessible-autocomplete/dist/accessible-autocomplete.min.js",
    "accessible-autocomplete.min.css": "accessible-autocomplete/dist/accessible-autocomplete.min.css",
}


@dataclass(frozen=True)
class Layout:
    """Where the build reads and writes."""

    questions: Path
    guidance: Path
    out: Path
    node_modules: Path = field(default_factory=bundled.default_node_modules)

    @property
    def docs(self) -> Path:
        return self.out / "docs"

    @property
    def site(self) -> Path:
        return self.out / "site"


def default_layout(questions: Path | None = None, node_modules: Path | None = None) -> Layout:
    questions = Path(questions) if questions else bundled.questions_dir()
    return Layout(
        questions=questions,
        guidance=bundled.guidance_dir(questions),
        out=bundled.default_output(),
        node_modules=Path(node_modules) if node_modules else bundled.default_node_modules(),
    )


def build_site(layout: Layout, log=print, site_url: str = DEFAULT_SITE_URL, about_file: Path | None = None) -> Path:
    """Check the banks, generate the docs folder, and run `mkdocs build --strict`.

    site_url is where the site will be served. Material's instant navigation (which keeps
    the engine running between pages) matches links against the sitemap by protocol, host
    name and port, so the port must be right; the host name may differ.
    """
    check_tools(layout.node_modules)
    about = read_about(bundled.mkdocs_config(), about_file)
    if not about["filled_in"]:
        log(
            "Note: the site's owner and contact details are not filled in (mkdocs.yml extra: owner:, or --about FILE); "
            "the Accessibility and Contact pages say so."
        )
    compiled, problems = load_bank(layout.questions, layout.guidance)
    if problems or compiled is None:
        raise BankProblems(problems)
    bank = Bank.from_dict(compiled)
    sources = bundled.site_sources()
    if layout.docs.exists():
        shutil.rmtree(layout.docs)
    assets = layout.docs / "assets"
    shutil.copytree(sources / "assets", assets)
    shutil.copy2(BOARD_STYLESHEET, assets / "board.css")  # the board report's, shared with `scorecard report`
    shutil.copytree(layout.guidance, layout.docs / "guidance")
    add_template_downloads(layout.docs / "guidance", site_url)
    for language in languages():
        if not language.default:
            guidance_copies(layout.guidance, layout.docs / "guidance", language, translator(language.code), site_url)
    localised = localised_banks(compiled, layout.questions)
    banks = {default_language(): compiled, **{code: local.compiled for code, local in localised.items()}}
    for code, data in banks.items():
        (assets / bank_file(code)).write_text(
            json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
        )
    copy_runtime(assets, layout.node_modules)
    wheel, engine = prepare_engine(
        assets, bank.version, layout.node_modules / "pyodide", {code: bank_file(code) for code in banks}
    )
    examples = copy_examples(assets / "examples")
    register = site_register(compiled)
    write_register_asset(register, assets)
    render_pages(
        bank, compiled, layout.docs, sources / "templates", wheel.name, len(examples), register, about, localised
    )
    log(f"Generated {sum(1 for _ in layout.docs.rglob('*.md'))} pages; engine {wheel.name}")
    run_mkdocs(write_config(bank, layout, wheel.name, site_url, about))
    (layout.site / KEPT_404).unlink(missing_ok=True)
    drop_head_alternates(layout.site)
    translate_heading_links(layout.site)
    add_policy(layout.site)
    add_search_after_engine(layout.site, sources / "search-after-engine.js")
    write_service_worker(layout.site, sources / "service-worker.js", engine)
    precompress(layout.site)
    return layout.site


def check_tools(node_modules: Path) -> None:
    """Say at once what is missing (MkDocs Material, the npm packages), before any work is done."""
    missing_python = [
        name
        for name, module in (
            ("mkdocs", "mkdocs"),
            ("mkdocs-material", "material"),
            ("mkdocs-static-i18n", "mkdocs_static_i18n"),
            ("brotli", "brotli"),
            ("pypandoc_binary", "pypandoc"),
        )
        if importlib.util.find_spec(module) is None
    ]
    if missing_python:
        raise BuildError(
            f"building the site needs {' and '.join(missing_python)}, which are not installed: "
            "pip install 'scorecard[site]'"
        )
    missing = [f"pyodide/{name}" for name in PYODIDE_SOURCES if not (node_modules / "pyodide" / name).exists()]
    missing += [src for src in VENDOR_FILES.values() if not (node_modules / src).exists()]
    if missing:
        pinned = json.loads(bundled.package_json().read_text(encoding="utf-8"))["dependencies"]
        install = " ".join(f"{name}@{version}" for name, version in sorted(pinned.items()))
        where = (
            f"run `npm ci` in {bundled.CHECKOUT}"
            if node_modules == bundled.CHECKOUT / "node_modules"
            else f"run `npm install --no-save {install}` in {node_modules.parent}, or give --node-modules DIR"
        )
        raise BuildError(f"missing front-end packages in {node_modules} ({', '.join(missing)}): {where}")


def copy_runtime(assets: Path, node_modules: Path) -> None:
    """Self-host Pyodide and the chart library from node_modules (pinned in package-lock.json)."""
    (assets / "pyodide").mkdir(parents=True, exist_ok=True)
    for name in PYODIDE_FILES:
        shutil.copy2(node_modules / "pyodide" / name, assets / "pyodide" / name)
    (assets / "vendor").mkdir(parents=True, exist_ok=True)
    for name, src in VENDOR_FILES.items():
        shutil.copy2(node_modules / src, assets / "vendor" / name)


def copy_examples(dest: Path) -> list[str]:
    """The example region (real councils, invented answers), for the Compare page's "Load the example region" button."""
    dest.mkdir(parents=True, exist_ok=True)
    examples = bundled.example_region()
    names = sorted(p.name for p in examples.glob("*.json"))
    for name in names:
        shutil.copy2(examples / name, dest / name)
    (dest / "index.json").write_text(json.dumps(names), encoding="utf-8")
    return names


def write_config(bank: Bank, layout: Layout, wheel_name: str, site_url: str, about: dict) -> Path:
    """A config that INHERITs the top-level mkdocs.yml and adds the nav in the bank's theme order."""
    sources = bundled.site_sources()
    nav: list[dict[str, Any]] = [
        {"Home": "index.md"},
        {"Self-assessment": [f"themes/{t.id}.md" for t in bank.themes]},
        {"Results": "results.md"},
        {"Check your answers and sign off": "check.md"},
        {"Board report": "report.md"},
        {"Review an assessment": "review.md"},
        {"Compare councils": "compare.md"},
        {"Guidance": [f"guidance/{Path(t.guidance).name}" for t in bank.themes]},
        {"How scoring works": "how-scoring-works.md"},
        {"Legal duties": "legal-duties.md"},
        {"Browsers and settings": "browsers.md"},
        {"Privacy": "privacy.md"},
        {"Accessibility": "accessibility.md"},
        {"Contact": "contact.md"},
    ]
    config = {
        "INHERIT": str(bundled.mkdocs_config()),
        "site_url": site_url,
        "docs_dir": str(layout.docs),
        "site_dir": str(layout.site),
        "theme": {"name": "material", "custom_dir": str(sources / "overrides")},
        "nav": nav,
        "plugins": [
            "search",
            plugin_config([title for item in nav for title in item], sources / "assets" / "js", sources / "early"),
        ],
        "hooks": [str(Path(__file__).with_name("i18n_hooks.py"))],
        "extra": {
            "engine_wheel": wheel_name,
            "bank_version": bank.version,
            "stylesheets": material_stylesheets(),
            "early_script": inline_script(sources / "early"),
            "about": about,
            "default_lang": default_language(),  # for i18n_hooks.py
        },
    }
    path = layout.out / "mkdocs.yml"
    path.write_text(json.dumps(config, indent=1), encoding="utf-8")  # JSON is valid YAML
    return path


# The early scripts, inlined in this order in the <head> of every page (site/overrides/main.html): the store
# (the saved assessment, the only writer of saved data), the form's listeners, the engine's worker started.
EARLY_SCRIPTS = ("store.js", "form.js", "start.js")


def inline_script(folder: Path) -> str:
    """The early scripts as one inline script, each file whole (comments too: no line is taken out, so none
    can be cut from a string or a pattern). A file must not hold what would end the <script> element early."""
    texts = [(folder / name).read_text(encoding="utf-8") for name in EARLY_SCRIPTS]
    for name, text in zip(EARLY_SCRIPTS, texts, strict=True):
        if re.search(r"</script|<!--", text, re.IGNORECASE):
            raise BuildError(
                f"site/early/{name}: holds </script or <!--, which would end or change its inline <script>"
            )
    return "\n".join(text.rstrip("\n") for text in texts)


def material_stylesheets() -> list[str]:
    """The stylesheets Material's base.html links (their names carry a hash), for site/overrides/main.html to ask
    for before the early inline script: read from the installed theme, so an upgrade cannot leave a stale name."""
    spec = importlib.util.find_spec("material")
    if spec is None or spec.origin is None:
        raise BuildError("mkdocs-material is not installed: run `pip install -e .`")
    base = (Path(spec.origin).parent / "templates" / "base.html").read_text(encoding="utf-8")
    sheets = re.findall(r"'(assets/stylesheets/[\w.]+\.css)'", base)
    if not sheets:
        raise BuildError("mkdocs-material's base.html links no stylesheet under assets/stylesheets/: has it changed?")
    return sheets


def run_mkdocs(config: Path) -> None:
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", str(config)]
    done = subprocess.run(command, capture_output=True, text=True, cwd=config.parent)
    if done.returncode != 0:
        raise BuildError("mkdocs build --strict failed:\n" + (done.stderr or done.stdout).strip())
