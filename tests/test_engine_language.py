"""The engine's words in another language (engine/language.py), chosen at the edge: the command line's --lang, the
browser's worker. Words change; numbers and ids never do."""

from __future__ import annotations

import json
import re
from html import unescape
from typing import Any

from babel.messages.frontend import parse_mapping_cfg
from hypothesis import given
from hypothesis import strategies as st

from scorecard.browser import BrowserApi
from scorecard.engine import load_assessment, score_assessment
from scorecard.engine.csv_export import actions_csv
from scorecard.engine.language import speaking
from scorecard.engine.plan_csv import import_plan_csv
from scorecard.i18n import ENGINE_KEYWORDS, engine_catalogue_mo, languages, translated_languages, translator
from tests.helpers import ROOT, run_cli
from tests.test_properties import SETTINGS, assessment_files

ANGLESEY = ROOT / "tests" / "data" / "real_councils" / "anglesey.json"  # a Welsh council's own file
# The parts of a result written in words; everything else (scores, tiers, ids, counts) is the same in every language.
WORDED = {
    *("rating_note", "tier_note", "weakest_note", "message", "plan_statuses", "evidence_note", "current", "problems"),
    *("provisional", "tier_names_note", "not_risk_rated", "answer", "before", "after", "text", "trend"),
    *("period_text", "previous_period_text"),
}


def differences(english: Any, other: Any, path: tuple[str, ...] = ()) -> set[tuple[str, ...]]:
    """Where two results differ, as key paths; anything but a string differing is an assertion error."""
    if isinstance(english, dict):
        assert isinstance(other, dict) and english.keys() == other.keys(), path
        return set().union(*(differences(english[k], other[k], (*path, k)) for k in english), set())
    if isinstance(english, list):
        assert isinstance(other, list) and len(english) == len(other), path
        return set().union(*(differences(a, b, path) for a, b in zip(english, other, strict=True)), set())
    if isinstance(english, str) and isinstance(other, str):
        return {path} if english != other else set()
    assert english == other and type(english) is type(other), path
    return set()


@SETTINGS
@given(data=st.data(), lang=st.sampled_from(translated_languages()))
def test_a_result_is_the_same_in_every_language_but_its_words(real_bank, data, lang):
    """Scores, tiers, risks, ids and counts do not depend on the language the engine writes in: only the notes and
    messages (WORDED) differ, and the English is the same with the default language chosen as with none."""
    file = data.draw(assessment_files(real_bank))
    english = score_assessment(real_bank, load_assessment(file, real_bank))
    with speaking(translator(lang)):
        other = score_assessment(real_bank, load_assessment(file, real_bank))
    with speaking(translator(languages()[0].code)):
        assert score_assessment(real_bank, load_assessment(file, real_bank)) == english
    worded = {next((key for key in reversed(path) if key in WORDED), path[-1]) for path in differences(english, other)}
    assert worded <= WORDED, worded


def _visible(html: str) -> str:
    """A page's text as read: tags and the stylesheet gone, entities read, spaces folded."""
    html = re.sub(r"<style>.*?</style>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html)))


def _figures(html: str) -> list[str]:
    """The report's figures: the number cells of its tables and its headline figure."""
    return re.findall(r'<(?:td|span) class="sc-board__(?:num|figure)">([^<]*)<', html)


def test_a_welsh_board_report_of_a_welsh_councils_file(tmp_path):
    """Worked by hand from Anglesey's file (tests/data/real_councils): the Welsh report has the Welsh headings, the
    engine's notes in Welsh with Welsh dates, and exactly the English report's figures."""
    welsh = run_cli("report", str(ANGLESEY), "--lang", "cy", cwd=tmp_path)
    english = run_cli("report", str(ANGLESEY), cwd=tmp_path)
    assert welsh.returncode == 0 and english.returncode == 0, welsh.stderr
    assert '<html lang="cy">' in welsh.stdout and '<html lang="en">' in english.stdout
    text = _visible(welsh.stdout)
    for heading in ("Crynodeb", "Sgorau fesul thema", "Dyletswyddau cyfreithiol a rheolaethau hanfodol",
                    "Y prif gamau gweithredu", "Atodiad: pob ateb, nodyn a darn o dystiolaeth",
                    "Termau a ddefnyddir yn yr adroddiad hwn"):  # fmt: skip
        assert heading in text, heading
    # assessed on 1 January 2022 against bank 2026.2; 1 of 9 SPOC questions and 1 of 17 procurement answered
    assert "Aseswyd 1 Ionawr 2022 yn erbyn banc cwestiynau 2026.2" in text
    assert "Dim gradd gyffredinol nes bod pob thema wedi'i graddio: 6 thema heb atebion a 2 heb ddigon" in text
    assert "Rhy ychydig wedi'i ateb: 9% o'i phwysau" in text
    # the Procurement Act's duties start on 24 February 2025, after this assessment
    assert "mewn grym o 24 Chwefror 2025, ar ôl dyddiad yr asesiad hwn (1 Ionawr 2022)" in text
    assert "Mae gan 4 o 4 cwestiwn a atebwyd (100%) dystiolaeth" in text
    assert "Y thema wannaf: Datganiad tryloywder" in text  # the bank's Welsh, as the site's Welsh pages show it
    for english_words in ("Summary", "Top actions", "Not yet rated", "No owner yet", "January"):
        assert english_words not in text, english_words
    # overall not scored; per theme score, share answered and change: SPOC 1.8 (11%), procurement 1.9 (6%), the
    # statement 11.6 (14%), six themes not started; then the five top actions' priorities
    none = ["", "0%", ""]
    expected = [
        "–",
        "1.8",
        "11%",
        "",
        *none,
        *none,
        "1.9",
        "6%",
        "",
        *none * 4,
        "11.6",
        "14%",
        "",
        "1",
        "2",
        "3",
        "4",
        "5",
    ]
    assert _figures(english.stdout) == expected
    assert _figures(welsh.stdout) == expected


def test_a_bilingual_board_report_has_each_language_marked(tmp_path):
    """--lang cy,en: the Welsh report, then the English one, each in an element marked with its language; the English
    part is the English report's body (its heading ids made unique)."""
    both = run_cli("report", str(ANGLESEY), "--lang", "cy,en", cwd=tmp_path)
    english = run_cli("report", str(ANGLESEY), cwd=tmp_path)
    assert both.returncode == 0, both.stderr
    main = re.search(r'<main class="sc-board">\n(.*)\n</main>', both.stdout, flags=re.S)
    assert main
    pieces = re.split(r'<div class="sc-board__language" lang="(\w+)">\n', main.group(1))
    assert pieces[0] == ""  # nothing outside the two parts
    parts = [
        (lang, part.removesuffix("\n").removesuffix("\n</div>"))
        for lang, part in zip(pieces[1::2], pieces[2::2], strict=True)
    ]
    assert [lang for lang, _ in parts] == ["cy", "en"]
    assert '<h2 id="sc-board-summary-cy">Crynodeb</h2>' in parts[0][1]
    body = re.search(r'<main class="sc-board">\n(.*)\n</main>', english.stdout, flags=re.S)
    assert body and parts[1][1] == body.group(1).replace("sc-board-summary", "sc-board-summary-en").replace(
        "sc-board-annex", "sc-board-annex-en"
    )
    assert len(set(re.findall(r' id="([^"]+)"', both.stdout))) == len(re.findall(r' id="', both.stdout))


def test_score_writes_the_engines_notes_in_the_language(tmp_path):
    welsh = run_cli("score", str(ANGLESEY), "--format", "json", "--lang", "cy", cwd=tmp_path)
    english = run_cli("score", str(ANGLESEY), "--format", "json", cwd=tmp_path)
    assert welsh.returncode == 0, welsh.stderr
    cy, en = json.loads(welsh.stdout), json.loads(english.stdout)
    assert cy["themes"][0]["rating_note"] == (
        "Dim digon wedi'i ateb i raddio: 1 o 9 cwestiwn wedi'u hateb (9% o bwysau'r thema; mae haen angen 50%)."
    )
    assert en["themes"][0]["rating_note"].startswith("Not enough answered to rate: 1 of 9 questions answered")
    assert [(t["score"], t["tier"], t["coverage"]) for t in cy["themes"]] == [
        (t["score"], t["tier"], t["coverage"]) for t in en["themes"]
    ]


def test_an_unknown_language_is_refused_with_the_languages_listed(tmp_path):
    for command in (["score", str(ANGLESEY)], ["report", str(ANGLESEY)], ["compare", str(ANGLESEY)]):
        ran = run_cli(*command, "--lang", "xx", cwd=tmp_path)
        assert ran.returncode == 2 and ran.stdout == "", ran.stdout
        assert "argument --lang: 'xx': the scorecard is written in" in ran.stderr
        for language in languages():  # every language, by its code and its own name (languages.json)
            assert f"{language.code} ({language.name}" in ran.stderr
        assert "Traceback" not in ran.stderr
    twice = run_cli("score", str(ANGLESEY), "--lang", "cy,en", cwd=tmp_path)
    assert twice.returncode == 2 and "give one language" in twice.stderr


def test_compare_takes_the_language(tmp_path):
    ran = run_cli("compare", str(ANGLESEY), "--lang", "cy", "--format", "json", cwd=tmp_path)
    assert ran.returncode == 0, ran.stderr
    assert "Dim gradd gyffredinol" in json.loads(ran.stdout)["rows"][0]["overall"]["note"]


REAL_COUNCILS = sorted((ROOT / "tests" / "data" / "real_councils").glob("*.json"))


def test_compare_writes_its_notes_tables_and_skipped_files_in_the_language(tmp_path):
    """`scorecard compare --lang cy`: the heading, legend, tables, like-with-like notes, a skipped file's reasons and
    the lines around them in Welsh, nothing of the English left; the same figures as in English."""
    bad = tmp_path / "drwg.json"
    bad.write_text('{"format": "scorecard-assessment", "council": []}', encoding="utf-8")
    files = [*map(str, REAL_COUNCILS), str(bad)]
    welsh = run_cli("compare", *files, "--lang", "cy", cwd=tmp_path)
    english = run_cli("compare", *files, cwd=tmp_path)
    assert welsh.returncode == english.returncode == 3, welsh.stderr  # compared, one file skipped
    for words in ("Cymhariaeth ranbarthol: 8 cyngor, 8 asesiad", "Asesiad diweddaraf pob cyngor.", "Chwartel isaf",
                  "Tebyg â thebyg:", "Caiff cynghorau eu cymharu â chynghorau o'r un genedl a'r un math",
                  "Ffeiliau a hepgorwyd (1):", "format_version null heb ei gefnogi", "Cyngor", "Aseswyd"):  # fmt: skip
        assert words in welsh.stdout, words
    assert "wedi'i hepgor: " in welsh.stderr and "skipped" not in welsh.stderr
    for words in ("Regional comparison", "Latest assessment", "Lower quartile", "Like with like", "Skipped files",
                  "Councils are compared", "unsupported", "not answered", "Gap to the group's median"):  # fmt: skip
        assert words in english.stdout and words not in welsh.stdout, words
    cy = json.loads(run_cli("compare", *files, "--lang", "cy", "--format", "json", cwd=tmp_path).stdout)
    en = json.loads(run_cli("compare", *files, "--format", "json", cwd=tmp_path).stdout)
    assert [(r["overall"]["score"], r["overall"]["tier"]) for r in cy["rows"]] == [
        (r["overall"]["score"], r["overall"]["tier"]) for r in en["rows"]
    ]
    assert len(cy["notes"]) == len(en["notes"]) and not set(cy["notes"]) & set(en["notes"])
    assert cy["skipped"][0]["problem_details"][0]["code"] == en["skipped"][0]["problem_details"][0]["code"]
    page = _visible(run_cli("compare", *files, "--lang", "cy", "--format", "html", cwd=tmp_path).stdout)
    english_page = _visible(run_cli("compare", *files, "--format", "html", cwd=tmp_path).stdout)
    for words in ("Cymhariaeth ranbarthol", "Cymharu tebyg â thebyg", "Ffeiliau a hepgorwyd", "Canolrif y grŵp"):
        assert words in page, words
    for words in ("Regional comparison", "Comparing like with like", "Skipped files", "Group median", "vs median"):
        assert words in english_page and words not in page, words


def test_a_files_problems_are_written_in_the_language(tmp_path):
    """`scorecard score --lang cy` of a file it cannot score: every problem and the line above them in Welsh; the
    same problems, in the same order, as in English."""
    bad = tmp_path / "drwg.json"
    data = json.loads(ANGLESEY.read_text(encoding="utf-8"))
    data["council"]["type"] = "parish"
    data["answers"]["SPC-01"] = ["yes", "yes"]
    data["notes"] = {"SPC-01": 7}
    bad.write_text(json.dumps(data), encoding="utf-8")
    welsh = run_cli("score", str(bad), "--lang", "cy", cwd=tmp_path)
    english = run_cli("score", str(bad), cwd=tmp_path)
    assert welsh.returncode == english.returncode == 2
    assert welsh.stderr.splitlines()[0].endswith("drwg.json: ni ellir sgorio'r asesiad hwn:"), welsh.stderr
    assert "nid yw council.type 'parish' yn un o: county, district" in welsh.stderr
    assert "notes: SPC-01: rhaid i nodyn fod yn destun, cafwyd rhif" in welsh.stderr
    assert len(welsh.stderr.splitlines()) == len(english.stderr.splitlines()) > 2
    for words in ("cannot score", "is not one of", "must be text", "a number"):
        assert words in english.stderr and words not in welsh.stderr, words


def test_an_action_plan_written_in_welsh_reads_back(real_bank):
    """The CSV's headings and statuses are written in the language, and read back in it (and in English)."""
    data = json.loads(ANGLESEY.read_text(encoding="utf-8"))
    action = "SPC-09"
    data.setdefault("action_plan", {})[action] = {"status": "in_progress", "owner": "Pennaeth Diogelu"}
    assessment = load_assessment(data, real_bank)
    with speaking(translator("cy")):
        written = actions_csv(score_assessment(real_bank, assessment), data)
        header = written.splitlines()[0]
        assert "Blaenoriaeth,Thema,Cwestiwn" in header and "Statws" in header
        assert ",Ar y gweill," in written
        edited = written.replace(",Ar y gweill,", ",Wedi'i wneud,")
        read = import_plan_csv(real_bank, data, edited)
    assert read.changed == [action] and read.data["action_plan"][action]["status"] == "done"


def test_a_piece_of_evidence_names_its_strength_as_the_banks_language_does(real_compiled):
    """The action plan CSV (and the board report's annex, the import dialog, a review sheet) names the strength a
    piece of evidence claims as the bank names it: in Welsh from the Welsh bank, in English as it always read."""
    from scorecard.bank_source.load import translation_sources
    from scorecard.bank_source.translations import localise
    from scorecard.engine import Bank
    from scorecard.engine.operations import plan_export

    data = json.loads(ANGLESEY.read_text(encoding="utf-8"))
    data["evidence"] = {"SPC-09": {"reference": "Adroddiad y Cabinet 14", "strength": "independently_verified",
                                   "reviewer": "Rhian Jones", "date": "2021-11-01"}}  # fmt: skip
    welsh = Bank.from_dict(localise(real_compiled, translation_sources(ROOT / "questions"), "cy")[0])
    with speaking(translator("cy")):
        cymraeg = plan_export(welsh, {"assessment": data})["csv"]
    english = plan_export(Bank.from_dict(real_compiled), {"assessment": data})["csv"]
    assert "Adroddiad y Cabinet 14; dyddiedig 2021-11-01; wedi'i gwirio'n annibynnol; wedi'i wirio gan Rhian Jones" in (
        cymraeg
    ), cymraeg
    assert "Adroddiad y Cabinet 14; dated 2021-11-01; independently verified; verified by Rhian Jones" in english


def test_the_worker_writes_in_the_pages_language(real_compiled):
    """BrowserApi with the wheel's compiled catalogue: Welsh words for a Welsh page; English, byte for byte, for an
    English one or none."""
    api = BrowserApi(json.dumps(real_compiled), {code: engine_catalogue_mo(code) for code in translated_languages()})
    payload = json.dumps(json.loads(ANGLESEY.read_text(encoding="utf-8")))
    welsh = json.loads(api.call("board_report", payload, "cy"))["report"]
    assert welsh["words"]["summary"] == "Crynodeb" and welsh["assessed"].startswith("Aseswyd 1 Ionawr 2022")
    assert api.call("board_report", payload, "en") == api.call("board_report", payload)
    assert json.loads(api.call("board_report", payload))["report"]["words"]["summary"] == "Summary"


def test_the_engines_marks_are_extracted_as_the_wheel_reads_them():
    """babel.cfg (pybabel extract) and the wheel's build (ENGINE_KEYWORDS) read the engine's marks alike."""
    with (ROOT / "babel.cfg").open(encoding="utf-8") as handle:
        _methods, options = parse_mapping_cfg(handle)
    assert options["scorecard/engine/**.py"]["keywords"] == ENGINE_KEYWORDS


def test_the_text_report_is_written_in_the_language(tmp_path):
    """`scorecard score --lang cy`: the table's headings and words in Welsh, the same figures in the same places."""
    welsh = run_cli("score", str(ANGLESEY), "--lang", "cy", cwd=tmp_path)
    english = run_cli("score", str(ANGLESEY), cwd=tmp_path)
    assert welsh.returncode == 0, welsh.stderr
    cy, en = welsh.stdout.splitlines(), english.stdout.splitlines()
    assert cy[3].split() == ["Thema", "Sgôr", "Haen", "Amlygiad", "Risg", "weddilliol", "Cwmpas"]
    assert cy[13].startswith("Cyffredinol") and en[13].startswith("Overall")
    assert "heb ei sgorio" in cy[5] and "not scored" in en[5]
    figures = re.compile(r"\b\d+(?:\.\d+)?%?")
    assert [figures.findall(line) for line in cy[3:14]] == [figures.findall(line) for line in en[3:14]]
    assert not any(word in welsh.stdout for word in ("not scored", "not rated", "Top actions", "Overall"))
