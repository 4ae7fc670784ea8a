"""Comparison in the engine: hand-worked statistics, like with like, trends, skipped files, one council however named."""

from __future__ import annotations

import json
import random
import re

from scorecard.engine import AssessmentError, load_assessment, score_assessment
from scorecard.engine.comparison import compare, compare_files, summary_stats
from scorecard.reports.comparison import comparison_html, comparison_text
from scorecard.testing import random_assessment

from ..helpers import make_assessment
from .region import ALL_BEST, FULL, as_files, by_name, council, part

# --- statistics -------------------------------------------------------------------------------


def test_summary_stats_hand_worked():
    # inclusive quartiles: position (n-1)/4 and 3(n-1)/4 in the sorted scores
    assert summary_stats([50, 10, 40, 20, 30]) == {
        "n": 5,
        "median": 30,
        "lower_quartile": 20,
        "upper_quartile": 40,
        "min": 10,
        "max": 50,
    }
    # n=4: positions 0.75 and 2.25: 10 + 0.75x10 = 17.5; 30 + 0.25x10 = 32.5
    assert summary_stats([10, 20, 30, 40])["lower_quartile"] == 17.5
    assert summary_stats([10, 20, 30, 40])["upper_quartile"] == 32.5
    assert summary_stats([42.0]) == {
        "n": 1,
        "median": 42.0,
        "lower_quartile": 42.0,
        "upper_quartile": 42.0,
        "min": 42.0,
        "max": 42.0,
    }
    assert summary_stats([])["median"] is None and summary_stats([])["n"] == 0


def test_theme_medians_quartiles_and_gaps(mini_bank, region):
    result = compare_files(mini_bank, as_files(region), group_by="none")  # all five councils as one group
    (group,) = result["groups"]
    assert (group["id"], group["title"], group["councils"]) == ("all", "All councils", 5)
    alpha = group["stats"]["themes"][0]
    # latest alpha scores, Elmford's (0.0: too little answered to rate, so no tier) left out: 25.0, 52.0, 60.0, 100.0
    # median (52 + 60) / 2 = 56; lower quartile at 0.75: 25 + 0.75 x 27 = 45.25;
    # upper at 2.25: 60 + 0.25 x 40 = 70
    assert alpha == {
        "id": "alpha",
        "title": "Alpha theme",
        "n": 4,
        "median": 56.0,
        "lower_quartile": 45.25,
        "upper_quartile": 70.0,
        "min": 25.0,
        "max": 100.0,
        "provisional_counted": 0,
        "not_rated_left_out": 1,
        "not_asked": 0,
        "not_scored": 0,
        "hidden": False,
    }
    beta = group["stats"]["themes"][1]
    # county 100.0 and unitary 0.0; the three districts are not asked: median 50, quartiles 25 and 75
    assert (beta["n"], beta["median"], beta["lower_quartile"], beta["upper_quartile"]) == (2, 50.0, 25.0, 75.0)
    assert (beta["not_asked"], beta["not_rated_left_out"]) == (3, 0)
    overall = group["stats"]["overall"]
    # overall (theme weights alpha 1, beta 3, each times the share of the theme the council is asked: a county 8 of
    # alpha's 10): Aville 52.0, Beeford 100.0, Cedarshire (25 x 0.8 + 100 x 3) / 3.8 = 84.2, Dunmere (60 + 0) / 4 =
    # 15.0; Elmford has no overall tier (alpha not rated), so it is left out -> median (52 + 84.2) / 2 = 68.1;
    # quartiles (15 + 3x52) / 4 = 42.75, (3x84.2 + 100) / 4 = 88.15
    assert (overall["n"], overall["median"], overall["lower_quartile"], overall["upper_quartile"]) == (
        4,
        68.1,
        42.75,
        88.15,
    )

    rows = by_name(result)
    gaps = {name: part(row, "alpha")["gap"] for name, row in rows.items()}
    assert gaps == {
        "Aville District Council": -4.0,
        "Beeford District Council": 44.0,
        "Cedarshire County Council": -31.0,
        "Dunmere Council": 4.0,
        "Elmford District Council": -56.0,
    }  # a provisional score still has its gap shown
    assert part(rows["Cedarshire County Council"], "beta")["gap"] == 50.0
    assert part(rows["Aville District Council"], "beta")["gap"] is None  # not asked: no score, no gap
    assert rows["Dunmere Council"]["overall"]["gap"] == -53.1  # 15.0 - 68.1
    elmford = rows["Elmford District Council"]
    assert (part(elmford, "alpha")["rated"], elmford["overall"]["rated"]) == (False, False)
    assert (
        elmford["overall"]["note"]
        == "Overall not rated until every theme is: Alpha theme has not enough answered to rate."
    )


def test_rows_are_the_latest_assessment_of_each_council(mini_bank, region):
    result = compare_files(mini_bank, as_files(region), group_by="none")
    assert [r["council"]["name"] for r in result["rows"]] == [
        "Aville District Council",
        "Beeford District Council",
        "Cedarshire County Council",
        "Dunmere Council",
        "Elmford District Council",
    ]
    aville = result["rows"][0]
    assert (aville["assessment_date"], aville["file"], aville["assessments"], aville["bank_version"]) == (
        "2026-04-01",
        "aville-2026.json",
        2,
        "2000.1",
    )
    assert part(aville, "alpha") == {
        "id": "alpha",
        "score": 52.0,
        "tier": "early",
        "rated": True,
        "note": "",
        "risk": None,
        "coverage": 1.0,
        "provisional": False,
        "asked": 4,
        "answered": 4,
        "gap": -4.0,
        "hidden": False,
    }
    assert [(r["file"], r["bank_version"], r["version_changed"]) for r in result["earlier"]] == [
        ("aville-2025.json", "1999.1", True)
    ]
    assert result["counts"] == {"files": 6, "assessments": 6, "councils": 5, "skipped": 0, "contributions": 0}


def test_result_is_json_and_does_not_depend_on_file_order(mini_bank, region):
    forward = compare_files(mini_bank, as_files(region))
    backward = compare_files(mini_bank, as_files(region[::-1]))
    assert forward == backward
    assert json.loads(json.dumps(forward)) == forward


# --- like with like ---------------------------------------------------------------------------


def test_like_with_like(mini_bank, region):
    result = compare_files(mini_bank, as_files(region), group_by="none")
    like = result["like_with_like"]
    assert like["bank_versions"] == [
        {"version": "1999.1", "councils": 1, "assessments": 1, "current": False},
        {"version": "2000.1", "councils": 5, "assessments": 5, "current": True},
    ]
    alpha, beta = like["asked_differs"]
    # alpha: 3 questions apply to counties (no ALP-04), 4 to the rest; Elmford was asked 3 (ALP-03 waits on ALP-02)
    assert alpha["by_type"] == [
        {"type": "county", "applicable": 3, "min": 2, "max": 2},
        {"type": "district", "applicable": 4, "min": 3, "max": 4},
        {"type": "unitary", "applicable": 4, "min": 4, "max": 4},
    ]
    assert beta["by_type"][1] == {"type": "district", "applicable": 0, "min": 0, "max": 0}
    assert like["provisional"] == [
        {
            "key": "name:elmford district council",
            "council": "Elmford District Council",
            "assessment_date": "2026-04-01",
            "coverage": 0.3333,
            "answered": 1,
            "overall": True,
            "scored": True,
            "overall_note": "Overall not rated until every theme is: Alpha theme has not enough answered to rate.",
            "themes": ["alpha"],
            "theme_titles": ["Alpha theme"],
        }
    ]
    notes = "\n".join(result["notes"])
    assert "1999.1 (1 council, 1 assessment) and 2000.1 (5 councils, 5 assessments)" in notes
    assert "Beta theme: the number of questions that apply differs by council type" in notes
    assert "District council: none, so not scored" in notes
    assert "follow-up" in notes and "these themes: Alpha theme." in notes
    # a council with answers is never said to have answered none: it is told why its overall is not rated
    assert "Elmford District Council (2026-04-01) answered 1 question (33% of those that apply to it)." in notes
    assert "Overall not rated until every theme is: Alpha theme has not enough answered to rate." in notes
    assert "has not answered any" not in notes
    # the coverage view: what each council still lacks, for a coordinator
    assert [(c["council"], c["rated_themes"], c["themes"]) for c in result["coverage"]][-1] == (
        "Elmford District Council",
        0,
        1,
    )
    (missing,) = result["coverage"][-1]["missing"]
    assert (missing["theme"], missing["why"], missing["answered"], missing["asked"]) == (
        "alpha",
        "not_enough_answered",
        1,
        3,
    )
    assert all(not c["missing"] for c in result["coverage"][:-1])


def test_one_bank_version_one_region_gives_short_notes(mini_bank):
    files = [
        ("a.json", json.dumps(council(mini_bank, "A Council", "district", FULL, ons="E99000001"))),
        ("b.json", json.dumps(council(mini_bank, "B Council", "district", ALL_BEST, ons="E99000002"))),
    ]
    result = compare_files(mini_bank, files)
    assert result["notes"] == [
        "Councils are compared with councils of the same nation and type: England: District council (2 councils). "
        "Each group has its own median and quartiles, and each council's gap is to its own group's median.",
        "All assessments were answered against question bank 2000.1, the version used to score them.",
    ]
    assert result["like_with_like"]["asked_differs"] == [] and result["trends"] == []


def test_a_blank_assessment_is_noted_not_scored(mini_bank):
    files = [
        ("a.json", json.dumps(council(mini_bank, "A Council", "district", FULL))),
        ("blank.json", json.dumps(council(mini_bank, "Blank  Council", "county", {}))),
    ]
    result = compare_files(mini_bank, files, group_by="none")
    assert result["groups"][0]["stats"]["overall"] == {
        **summary_stats([52.0]),
        "id": "overall",
        "title": "Overall",
        "provisional_counted": 0,
        "not_rated_left_out": 0,
        "not_asked": 0,
        "not_scored": 1,
        "hidden": False,
    }
    assert any("Blank  Council (2026-04-01) has not answered any of the questions" in n for n in result["notes"])
    assert re.search(r"^Blank Council +county +2026-04-01 +- +- +-$", comparison_text(result), re.M)


def test_mixed_regions_and_same_day_duplicates_are_noted(mini_bank):
    files = [
        ("first.json", json.dumps(council(mini_bank, "A Council", "district", FULL))),
        ("second.json", json.dumps(council(mini_bank, "a  council.", "district", ALL_BEST))),
        ("other.json", json.dumps(council(mini_bank, "B Council", "district", FULL, region="Elsewhere"))),
    ]
    result = compare_files(mini_bank, files)
    # same normalised name and date: one council, the file given last is used
    assert len(result["rows"]) == 2 and by_name(result)["a  council."]["file"] == "second.json"
    assert result["like_with_like"]["same_day_duplicates"] == [
        {
            "council": "a  council.",
            "assessment_date": "2026-04-01",
            "files": ["first.json", "second.json"],
            "used": "second.json",
        }
    ]  # named as in the file used
    assert result["trends"] == []  # one date only
    notes = "\n".join(result["notes"])
    assert "the last one given (second.json) is used" in notes
    assert "more than one region: Elsewhere (1 council) and Test Region (1 council)" in notes


# --- trends ---------------------------------------------------------------------------------


def test_trend_scores_by_date_and_changed_answers(mini_bank, region):
    result = compare_files(mini_bank, as_files(region))
    (trend,) = result["trends"]
    assert (trend["council"], trend["key"], trend["dates"]) == (
        "Aville District Council",
        "ons:E99000001",
        ["2025-04-01", "2026-04-01"],
    )
    assert trend["bank_versions"] == ["1999.1", "2000.1"]
    alpha = trend["themes"][0]
    assert [(p["date"], p["score"], p["tier"]) for p in alpha["points"]] == [
        ("2025-04-01", 24.0, "basic"),
        ("2026-04-01", 52.0, "early"),
    ]
    assert alpha["change"] == 28.0
    assert trend["themes"][1]["change"] is None  # beta: not asked of districts
    (change,) = trend["changes"]
    assert (change["from_date"], change["to_date"]) == ("2025-04-01", "2026-04-01")
    assert change["answers"] == [
        {"question": "ALP-01", "theme": "alpha", "text": "Is there a named lead for this?", "from": "No", "to": "Yes"},
        {
            "question": "ALP-03",
            "theme": "alpha",
            "text": "Which groups have been trained?",
            "from": "Front line",
            "to": "Front line; Suppliers",
        },
    ]


def test_trend_groups_by_ons_code_then_name(mini_bank):
    b = mini_bank
    files = [
        ("1.json", council(b, "Old Name Council", "district", {"ALP-01": "no"}, date="2024-05-01", ons="E99000009")),
        ("2.json", council(b, "New Name Council", "district", {"ALP-01": "yes"}, date="2025-05-01", ons="E99000009")),
        # no code, but the same name as a council with one: the same council
        (
            "3.json",
            council(
                b,
                "new name council",
                "district",
                {"ALP-01": "yes", "ALP-03": ["suppliers", "front"]},
                date="2026-05-01",
            ),
        ),
        (
            "4.json",
            council(
                b,
                "New Name Council",
                "district",
                {"ALP-01": "yes", "ALP-03": ["front", "suppliers"]},
                date="2026-06-01",
                ons="E99000009",
            ),
        ),
    ]
    result = compare_files(b, [(n, json.dumps(d)) for n, d in files])
    (trend,) = result["trends"]
    assert trend["dates"] == ["2024-05-01", "2025-05-01", "2026-05-01", "2026-06-01"]
    assert trend["council"] == "New Name Council"  # the latest name
    changes = [[a["question"] for a in c["answers"]] for c in trend["changes"]]
    # the order options were ticked in is not a change
    assert changes == [["ALP-01"], ["ALP-03"], []]
    assert trend["changes"][1]["answers"][0]["from"] == "Not answered"


def test_council_type_change_is_noted(mini_bank):
    files = [
        ("1.json", council(mini_bank, "Shire Council", "district", FULL, date="2025-01-01")),
        ("2.json", council(mini_bank, "Shire Council", "unitary", FULL, date="2026-01-01")),
    ]
    result = compare_files(mini_bank, [(n, json.dumps(d)) for n, d in files])
    assert any("changed council type over time (District council to Unitary authority)" in n for n in result["notes"])


# --- skipped files ------------------------------------------------------------------------------


def test_compare_files_skips_bad_files_with_reasons(mini_bank, region):
    good = as_files(region[:2])
    bom = ("bom.json", "\ufeff" + json.dumps(council(mini_bank, "Bom Council", "district", FULL)))
    as_bytes = ("bytes.json", json.dumps(council(mini_bank, "Bytes Council", "district", FULL)).encode("utf-8-sig"))
    bad = [
        ("broken.json", "{not json"),
        ("other.json", json.dumps({"format": "something-else"})),
        ("wrong.json", json.dumps(council(mini_bank, "X", "district", {"ALP-01": 5, "ALP-03": "front"}))),
        ("latin1.json", "café".encode("latin-1")),
    ]
    result = compare_files(
        mini_bank,
        [*good, bom, as_bytes, *bad],
        skipped=[{"file": "gone.json", "reason": "cannot read", "problems": ["cannot read"]}],
    )
    assert len(result["rows"]) == 3
    skipped = {s["file"]: s for s in result["skipped"]}
    assert list(skipped) == ["gone.json", "broken.json", "other.json", "wrong.json", "latin1.json"]
    assert skipped["broken.json"]["reason"].startswith("the file is not valid JSON (line 1)")
    assert "not a scorecard assessment file" in skipped["other.json"]["reason"]
    assert (
        len(skipped["wrong.json"]["problems"]) == 2
        and "expected one option id, got a number" in skipped["wrong.json"]["reason"]
    )
    assert "not UTF-8" in skipped["latin1.json"]["reason"]
    assert result["counts"] == {"files": 9, "assessments": 4, "councils": 3, "skipped": 5, "contributions": 0}


def test_every_figure_a_comparison_shows_is_the_engines(real_bank):
    """A comparison scores nothing itself: each row shows score_assessment's figures for its file, and each
    skipped file load_assessment's reasons. Files of every council type, at every answer rate, some with
    corrected functions, evidence, an action plan or an older bank version; two the engine refuses."""
    rng = random.Random(29)
    files = []
    for council_type in sorted(real_bank.council_types):
        for rate in (1.0, 0.6, 0.0):
            file = random_assessment(real_bank, rng, council_type, rate, name=f"{council_type} {rate} council")
            answered = sorted(file["answers"])
            if rng.random() < 0.3:
                file["council"]["functions"] = rng.sample(sorted(real_bank.functions), 2)
            if answered and rng.random() < 0.5:
                file["evidence"] = {answered[0]: {"reference": "Cabinet report 14"}}
                file["action_plan"] = {qid: {"status": "in_progress"} for qid in answered[:3]}
            if rng.random() < 0.2:
                file["bank_version"] = "2020.1"
            files.append(file)
    files[1]["answers"][next(iter(real_bank.questions))] = {"not": "an answer"}
    files[4]["assessment_date"] = "2014-12-31"
    result = compare_files(real_bank, [(f"{i}.json", json.dumps(file)) for i, file in enumerate(files)])

    rows = {row["file"]: row for row in result["rows"] + result["earlier"]}
    skipped = {s["file"]: s for s in result["skipped"]}
    assert set(skipped) == {"1.json", "4.json"} and len(rows) == len(files) - 2
    figures = ("score", "tier", "risk", "coverage", "provisional")
    for i, file in enumerate(files):
        try:
            assessment = load_assessment(file, real_bank)
        except AssessmentError as error:
            assert skipped[f"{i}.json"]["problem_details"] == [m.to_dict() for m in error.details]
            continue
        engine, row = score_assessment(real_bank, assessment), rows[f"{i}.json"]
        assert row["council"] == engine["council"] and row["version_changed"] == engine["changes"]["version_changed"]
        assert {k: row["overall"][k] for k in figures} == {k: engine["overall"][k] for k in figures}
        for shown, scored in zip(row["themes"], engine["themes"], strict=True):
            assert {k: shown[k] for k in ("id", *figures, "asked", "answered")} == {
                k: scored[k] for k in ("id", *figures, "asked", "answered")
            }


def test_nothing_to_compare(mini_bank):
    result = compare(mini_bank, [])
    assert result["rows"] == [] and result["groups"] == []
    assert "No assessments could be compared." in comparison_text(result)
    assert 'class="heatmap"' not in comparison_html(result)


def test_compare_accepts_assessments_without_names(mini_bank):
    assessment = load_assessment(make_assessment(mini_bank, "district", FULL), mini_bank)
    result = compare(mini_bank, [assessment])
    assert result["rows"][0]["file"] == "" and result["groups"][0]["stats"]["themes"][0]["median"] == 52.0


# --- issue 13: one council however its name is written; names and file names on one line ------


def test_names_written_differently_are_one_council(mini_bank):
    """Composed and decomposed accents (macOS writes the latter), full-width letters, case: one council."""
    b = mini_bank
    files = [
        ("nfc.json", json.dumps(council(b, "Ynys M\u00f4n Council", "unitary", FULL, date="2025-04-01"))),
        ("nfd.json", json.dumps(council(b, "YNYS MO\u0302N COUNCIL", "unitary", FULL, date="2025-10-01"))),
        ("wide.json", json.dumps(council(b, "\uff39\uff4e\uff59\uff53 M\u00f4n Council", "unitary", FULL))),
    ]
    result = compare_files(b, files)
    assert result["counts"]["councils"] == 1 and result["rows"][0]["assessments"] == 3


def test_a_soft_hyphen_does_not_make_one_council_two(mini_bank):
    """Issue 26 (first work's probes): a soft hyphen (U+00AD) pasted from a word processor is read, but
    invisible; it split one council in two in a comparison."""
    files = [
        ("a.json", json.dumps(council(mini_bank, "Northvale Council", "unitary", FULL, date="2025-04-01"))),
        ("b.json", json.dumps(council(mini_bank, "North\u00advale Council", "unitary", FULL, date="2025-10-01"))),
    ]
    assert compare_files(mini_bank, files)["counts"]["councils"] == 1


def test_invisible_characters_do_not_split_a_council(mini_bank):
    """Zero-width and direction characters (the reader refuses them; an assessment built in code may have them)."""
    from dataclasses import replace

    def named(name, date):
        assessment = load_assessment(council(mini_bank, "x", "district", FULL, date=date), mini_bank)
        return replace(assessment, council=replace(assessment.council, name=name))

    result = compare(
        mini_bank,
        [
            named("Test\u200bshire", "2025-04-01"),
            named("\u2066Testshire\u2069", "2025-10-01"),
            named("Testshire\ufeff", "2026-04-01"),
        ],
    )
    assert result["counts"]["councils"] == 1


def test_the_cycle_collector_is_left_as_it_was_found(mini_bank, region):
    """compare_files pauses Python's cycle collector while it reads the files (compare._collector_paused), then
    puts it back as it was: on stays on, off stays off, and a file that cannot be read changes nothing."""
    import gc

    files = as_files(region) + [("broken.json", "{")]
    expected = compare_files(mini_bank, files, group_by="none")
    try:
        for before in (True, False):
            (gc.enable if before else gc.disable)()
            assert compare_files(mini_bank, files, group_by="none") == expected
            assert gc.isenabled() is before
    finally:
        gc.enable()
    assert [s["file"] for s in expected["skipped"]] == ["broken.json"]
