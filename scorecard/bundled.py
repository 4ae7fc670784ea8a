"""Where the built-in question banks, guidance and site sources are, in a checkout or installed.

Maintainers edit the top-level folders of the checkout (``questions/``, ``guidance/``,
``site/``, ``data/``, ``examples/region/``, ``mkdocs.yml``). A package installed with ``pip install .``
carries copies of the same files in ``scorecard/_data/`` (``pyproject.toml`` maps them in),
so every command works from any folder. This module is the one place that knows both.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
CHECKOUT = PACKAGE.parent
INSTALLED_DATA = PACKAGE / "_data"


def in_checkout() -> bool:
    """Running from a source checkout (or an editable install of one)."""
    return (CHECKOUT / "pyproject.toml").is_file() and (CHECKOUT / "questions").is_dir()


def data_root() -> Path:
    """The folder holding questions/, guidance/, site/, examples/, mkdocs.yml and package.json."""
    return CHECKOUT if in_checkout() else INSTALLED_DATA


def questions_dir() -> Path:
    return data_root() / "questions"


def guidance_dir(questions: Path) -> Path:
    """The guidance beside a question bank folder: the built-in one's, or a maintainer's own."""
    return questions.parent / "guidance"


def site_sources() -> Path:
    return data_root() / "site"


def mkdocs_config() -> Path:
    return data_root() / "mkdocs.yml"


def example_region() -> Path:
    return data_root() / "examples" / "region"


def register_dir() -> Path:
    """The UK council register (data/uk_local_authorities.csv) and its source metadata."""
    return data_root() / "data"


def package_json() -> Path:
    """The pinned front-end packages (Pyodide, Chart.js) the site copies from node_modules."""
    return data_root() / "package.json"


def default_node_modules() -> Path:
    """The checkout's node_modules (scripts/setup runs npm ci there); installed: ./node_modules."""
    return CHECKOUT / "node_modules" if in_checkout() else Path.cwd() / "node_modules"


def default_output() -> Path:
    """Where `scorecard build` writes: the checkout's _build/, or ./_build when installed."""
    return CHECKOUT / "_build" if in_checkout() else Path.cwd() / "_build"
