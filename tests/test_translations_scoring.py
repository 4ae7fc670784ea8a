"""Translations of scoring.yaml and the bank's other files (translations.FILE_STRINGS): tier names, rules' reasons,
the legal-status register's duties... flagged missing or stale at their line, and shown by the Welsh bank, which
scores exactly as the English one."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from scorecard.bank_source.load import schema, translation_sources
from scorecard.bank_source.translations import FILE_STRINGS, fingerprint, localise
from scorecard.engine import Bank, load_assessment, score_assessment
from tests.helpers import MINI, ROOT, compile_bank, run_cli
from tests.real_councils import real_councils

TIER = "  - {id: early, name: Early progress, min_score: 40, description: Some.}\n"


def _mini(tmp_path: Path, welsh_from: str = "Early progress") -> Path:
    """The mini bank with a Welsh name for its tier "early", written from ``welsh_from``."""
    bank = tmp_path / "bank"
    shutil.copytree(MINI, bank)
    scoring = bank / "questions" / "scoring.yaml"
    text = scoring.read_text(encoding="utf-8")
    assert TIER in text
    welsh = f"translations: {{cy: {{name: {{text: Cynnydd cynnar, from: {fingerprint(welsh_from)}, status: draft}}}}}}"
    scoring.write_text(text.replace(TIER, TIER[:-2] + ", " + welsh + "}\n"), encoding="utf-8")
    return bank / "questions"


def _line(path: Path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line)


def test_a_scoring_string_without_a_translation_is_listed_at_its_line(tmp_path):
    questions = _mini(tmp_path)
    scoring = questions / "scoring.yaml"
    ran = run_cli("validate", str(questions), "--translations", "warn", cwd=tmp_path)
    assert ran.returncode == 0, ran.stdout + ran.stderr
    basic = _line(scoring, "id: basic,")
    assert f"scoring.yaml:{basic}: tiers.basic: no cy translation of name, description" in ran.stderr, ran.stderr
    # the tier with a Welsh name lacks only its description
    early = _line(scoring, "id: early,")
    assert f"scoring.yaml:{early}: tiers.early: no cy translation of description" in ran.stderr, ran.stderr


def test_changing_a_tier_name_flags_its_welsh_one_as_stale_at_its_line(tmp_path):
    questions = _mini(tmp_path, welsh_from="Early steps")
    ran = run_cli("validate", str(questions), cwd=tmp_path)
    assert ran.returncode == 0, ran.stdout + ran.stderr  # a warning by default
    line = _line(questions / "scoring.yaml", "Cynnydd cynnar")
    assert f"scoring.yaml:{line}: tiers.early: translations.cy.name is stale" in ran.stderr, ran.stderr
    strict = run_cli("validate", str(questions), "--translations", "error", cwd=tmp_path)
    assert strict.returncode == 1


def test_a_translation_of_a_field_an_entry_does_not_have_is_an_error(tmp_path):
    questions = _mini(tmp_path)
    scoring = questions / "scoring.yaml"
    scoring.write_text(scoring.read_text(encoding="utf-8").replace("{cy: {name:", "{cy: {min_score:"), "utf-8")
    ran = run_cli("validate", str(questions), cwd=tmp_path)
    assert ran.returncode == 1
    assert "translations.cy: 'min_score' is not a string of this entry (one of: description, name)" in ran.stdout


def test_the_compiled_bank_carries_no_translations(tmp_path):
    compiled = compile_bank(_mini(tmp_path))
    assert "translations" not in json.dumps(compiled)
    assert [t["name"] for t in compiled["tiers"]][1] == "Early progress"


def test_the_welsh_bank_names_tiers_and_risks_in_welsh_and_scores_as_the_english_one(real_compiled):
    """The built-in bank in Welsh: its tier, exposure and risk level names are the Welsh drafts, and every real
    council's assessment scores exactly as in English (same scores, tiers, risks, caps)."""
    sources = translation_sources(ROOT / "questions")
    welsh, untranslated = localise(real_compiled, sources, "cy")
    for kind in ("tiers", "exposure_levels", "risk_levels"):
        english = [level["name"] for level in real_compiled[kind]]
        cymraeg = [level["name"] for level in welsh[kind]]
        assert not set(english) & set(cymraeg) and not set(english) & untranslated, (kind, cymraeg)
    assert [t["name"] for t in welsh["tiers"]] == [
        "Camau cyntaf sylfaenol",
        "Cynnydd cynnar",
        "Cynnydd sylweddol",
        "Arfer aeddfed",
    ]
    assert [t["id"] for t in welsh["tiers"]] == [t["id"] for t in real_compiled["tiers"]]
    english_bank, welsh_bank = Bank.from_dict(real_compiled), Bank.from_dict(welsh)
    for council in real_councils():
        english = score_assessment(english_bank, load_assessment(council.assessment, english_bank))
        cymraeg = score_assessment(welsh_bank, load_assessment(council.assessment, welsh_bank))
        assert _scores(english) == _scores(cymraeg), council.name


THEME_RATING = ("id", "score", "evidenced_score", "tier", "uncapped_tier", "caps", "exposure", "risk", "rated")


def _scores(result: dict) -> list:
    """What a result rates, without its words: each theme's scores, tier, caps, exposure and risk, the overall's,
    and the actions' order and gains."""
    themes = [tuple(t.get(key) for key in THEME_RATING) for t in result["themes"]]
    overall = result["overall"]
    rated = (overall.get("score"), overall.get("tier"), (overall.get("weakest") or {}).get("theme"))
    actions = [(a.get("part"), a.get("question"), a.get("gain")) for a in result.get("actions", [])]
    return [themes, rated, [n["theme"] for n in overall.get("not_rated", [])], actions]


def test_each_bank_file_schema_allows_the_same_translations_as_the_theme_files():
    """The four schemas' copy of the theme schema's translations (JSON Schema files cannot share a definition without
    a registry the editors' language server lacks), kept in step."""
    theme = schema("theme")["$defs"]
    for name in FILE_STRINGS:
        defs = schema(name.removesuffix(".yaml"))["$defs"]
        assert defs["translation"] == theme["translation"], name
        assert {k: v for k, v in defs["translations"].items() if k != "description"} == {
            k: v for k, v in theme["translations"].items() if k != "description"
        }, name


def test_a_file_given_to_localise_that_the_compiled_bank_lacks_stays_english(tmp_path):
    """localise() given a file whose strings are not in the compiled bank (a bank compiled without indicators) leaves
    the bank as it is, and never fails."""
    questions = _mini(tmp_path)
    compiled = compile_bank(questions)
    sources = translation_sources(questions)
    sources["indicators.yaml"] = {"outcomes": [{"id": "a", "name": "An outcome"}], "indicators": []}
    welsh, untranslated = localise(compiled, sources, "cy")
    assert welsh["indicators"] == compiled["indicators"] and welsh["tiers"][1]["name"] == "Cynnydd cynnar"
