"""Our search worker is written where the pages look for it, beside Material's real one."""

from __future__ import annotations

import shutil
from pathlib import Path

import material
import pytest

from scorecard import bundled
from scorecard.sitegen.errors import BuildError
from scorecard.sitegen.search_worker import PREFIX, WORKERS, add_search_after_engine

MATERIAL_WORKERS = Path(material.__file__).parent / "templates" / WORKERS
SOURCE = bundled.site_sources() / "search-after-engine.js"


def test_written_beside_materials_worker_under_the_name_the_pages_ask_for(tmp_path):
    (tmp_path / WORKERS).mkdir(parents=True)
    [theirs] = MATERIAL_WORKERS.glob("search.*.min.js")
    shutil.copy2(theirs, tmp_path / WORKERS / theirs.name)
    ours = add_search_after_engine(tmp_path, SOURCE)
    assert ours.name == PREFIX + theirs.name
    assert ours.read_text(encoding="utf-8") == SOURCE.read_text(encoding="utf-8")
    # the pages' config names Material's worker with the prefix (site/overrides/main.html), and the
    # worker takes the prefix off its own name to import Material's
    template = (bundled.site_sources() / "overrides" / "main.html").read_text(encoding="utf-8")
    assert f'replace("{WORKERS.as_posix()}/search.", "{WORKERS.as_posix()}/{PREFIX}search.")' in template
    assert f'const PREFIX = "{PREFIX}";' in SOURCE.read_text(encoding="utf-8")


def test_a_theme_without_a_search_worker_fails_the_build(tmp_path):
    (tmp_path / WORKERS).mkdir(parents=True)
    with pytest.raises(BuildError, match="one Material search worker"):
        add_search_after_engine(tmp_path, SOURCE)
