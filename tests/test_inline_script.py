"""The early scripts inlined in every page's <head> (scorecard/sitegen/build.py, inline_script): each file
whole and in order (the store before the form that uses it, the worker last), nothing taken out of them, and a
file that would end its <script> element early refused."""

from __future__ import annotations

import shutil

import pytest

from scorecard import bundled
from scorecard.sitegen.build import EARLY_SCRIPTS, inline_script
from scorecard.sitegen.errors import BuildError


def test_the_early_scripts_are_inlined_whole_and_in_order():
    folder = bundled.site_sources() / "early"
    inlined = inline_script(folder)
    texts = [(folder / name).read_text(encoding="utf-8").rstrip("\n") for name in EARLY_SCRIPTS]
    assert inlined == "\n".join(texts)
    assert EARLY_SCRIPTS == ("store.js", "form.js", "start.js")
    assert sorted(p.name for p in folder.glob("*.js")) == sorted(EARLY_SCRIPTS), "a script in site/early/ not inlined"


@pytest.mark.parametrize("text", ["const end = '</script>';", "// <!-- a comment", "x = `</SCRIPT >`;"])
def test_a_script_that_would_end_its_element_early_is_refused(tmp_path, text):
    for name in EARLY_SCRIPTS:
        shutil.copy(bundled.site_sources() / "early" / name, tmp_path / name)
    (tmp_path / "form.js").write_text(text, encoding="utf-8")
    with pytest.raises(BuildError, match="form.js"):
        inline_script(tmp_path)
