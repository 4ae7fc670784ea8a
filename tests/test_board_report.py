"""The board report (`scorecard report`): its content, worked on the small bank, and the HTML page.

Printing to A4 and the site's copy of the page are checked in tests/browser/test_board_print.py.
"""

from __future__ import annotations

import json
import random
import re

import pytest

from scorecard.engine import load_assessment, score_assessment
from scorecard.engine.board import board_report
from scorecard.engine.wording import long_date
from scorecard.reports.board import board_html
from scorecard.testing import yearly_example
from tests.helpers import MINI, make_assessment, run_cli

ANSWERS = {"ALP-01": "no", "ALP-02": "some", "ALP-03": ["front"], "ALP-04": "yes"}
SECTIONS = {
    "notes": {"ALP-02": "Front line trained in May."},
    "evidence": {
        "ALP-02": {
            "link": "https://intranet.example.gov.uk/training",
            "reference": "Training log",
            "date": "2026-05-20",
        }
    },
    "action_plan": {
        "ALP-01": {"owner": "Head of Legal", "due": "2027-03-31", "status": "in_progress"},
        "ALP-02": {"status": "not_planned", "reason": "Budget"},
    },
    "sign_off": {"name": "Ann Lead", "role": "Modern slavery lead", "date": "2026-11-30"},
    "previous": {"assessment_date": "2025-11-01", "answers": {"ALP-01": "no", "ALP-02": "none", "ALP-04": "yes"}},
    "review": ["ALP-04"],
}


@pytest.fixture
def report(mini_bank):
    assessment = load_assessment(make_assessment(mini_bank, "district", ANSWERS, **SECTIONS), mini_bank)
    return board_report(mini_bank, assessment, score_assessment(mini_bank, assessment))


@pytest.mark.parametrize(
    "iso,text", [("2026-12-01", "1 December 2026"), ("2027-03-31", "31 March 2027"), ("not a date", "not a date")]
)
def test_dates_are_written_out(iso, text):
    assert long_date(iso) == text


def test_the_summary(report):
    assert report["council"] == "Testshire" and report["subtitle"] == "District council, England, Test Region"
    assert report["assessed"] == "Assessed 1 April 2026 against question bank 2000.1"
    # ALP-01 no 0 + ALP-02 some 2 + ALP-03 front 0.4 + ALP-04 yes 2 = 4.4 of 10
    assert report["headline"] == {
        "score": "44.0",
        "tier": "Early progress",
        "coverage": "100%",
        "risk": "Residual risk not rated",
        "status": "Every question that applies is answered.",
        "weakest": "Weakest theme: Alpha theme (Early progress)",  # named beside the overall
    }
    alpha = report["themes"][0]
    # last year 2 of 10 (ALP-03 closed by "none"; ALP-04 yes): 20.0 -> 44.0
    assert (alpha["score"], alpha["change"]) == ("44.0", "+24.0")
    assert alpha["evidence"] == "20.0 (1 of 4)"  # the evidenced score, and the answers with evidence
    # beside it, the score of the answers with documented, in-date evidence: ALP-02 some, 2 of 10
    assert alpha["evidenced"] == "20.0"
    # planned: ALP-01 yes (+2) = 6.4 of 10; ALP-02 is not planned
    assert alpha["planned"] == "Early progress (64.0)"
    assert report["themes"][1]["state"] == "not_for_council" and report["themes"][1]["tier"] == "Not for this council"
    assert report["since"] == {
        "date": "1 November 2025",
        "overall": "+24.0",
        "summary": "Since 1 November 2025: 1 answer better, 0 answers worse, 1 other change.",
        "source": "Changes are worked out from last year's answers as recorded in this file "
        "(assessed 1 November 2025), not checked against last year's own file.",
        "warning": "",
    }
    first = report["actions"][0]
    assert (first["question"], first["owner"], first["due"], first["status"]) == (
        "ALP-01",
        "Head of Legal",
        "31 March 2027",
        "In progress",
    )
    assert [a["owner"] for a in report["actions"][1:]] == ["No owner yet"] * (len(report["actions"]) - 1)
    assert report["actions_owned"] == 1
    assert report["evidence"] == (
        "1 of 4 answered questions (25%) have evidence (documented 100%); 1 count towards the evidenced score."
    )
    assert report["sign_off"] == "Signed off by Ann Lead, Modern slavery lead, on 30 November 2026."
    assert report["review"] == "1 answer carried from last year still to review."


def test_the_annex_has_every_answer_note_evidence_and_action(report):
    rows = {q["id"]: q for theme in report["annex"] for q in theme["questions"]}
    assert list(rows) == ["ALP-01", "ALP-02", "ALP-03", "ALP-04"]
    assert rows["ALP-02"]["note"] == "Front line trained in May."
    assert rows["ALP-02"]["evidence"] == {
        "reference": "Training log",
        "link": "https://intranet.example.gov.uk/training",
        "date": "2026-05-20",
        "date_long": "20 May 2026",
        "strength": "Documented",  # a file from before strengths: a document and its date
    }
    assert rows["ALP-02"]["change"] == "Last year: Not at all"
    assert rows["ALP-02"]["action"] == "Not planned. Reason: Budget"
    assert rows["ALP-01"]["action"] == "In progress, owner Head of Legal, due 31 March 2027"
    assert rows["ALP-04"]["review"] == "Carried from last year; not yet reviewed"


def test_an_unfinished_assessment_is_not_rated(mini_bank):
    assessment = load_assessment(make_assessment(mini_bank, "county", {"ALP-01": "yes"}), mini_bank)
    report = board_report(mini_bank, assessment, score_assessment(mini_bank, assessment))
    assert report["headline"]["tier"] == "Not yet rated"
    assert report["headline"]["status"] == (
        "Overall not rated until every theme is: Alpha theme has not enough answered to rate; Beta theme has no answers."
    )
    assert (
        report["themes"][0]["tier"] == "Not rated"
        and report["themes"][0]["note"] == "Too little answered: 25% of its weight"
    )
    assert " A theme is rated once 50% of its weight is answered." in report["table_note"]
    assert report["sign_off"] == "Not yet signed off." and report["since"] is None
    unanswered = [q for theme in report["annex"] for q in theme["questions"] if q["answer"] == "Not answered"]
    assert [q["id"] for q in unanswered] == ["ALP-02", "BET-01", "BET-02"]


def test_the_command_writes_the_page(tmp_path, mini_bank):
    data = make_assessment(mini_bank, "district", ANSWERS, **SECTIONS)
    data["notes"]["ALP-01"] = '<script>alert("x")</script> & more'
    (tmp_path / "a.json").write_text(json.dumps(data), encoding="utf-8")
    ran = run_cli("--questions", str(MINI / "questions"), "report", "a.json", "-o", "report.html", cwd=tmp_path)
    assert ran.returncode == 0, ran.stderr
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert "<script>" not in html and "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; more" in html
    for text in (
        "Testshire",
        "Signed off by Ann Lead, Modern slavery lead, on 30 November 2026.",
        "Head of Legal",
        "Annex: every answer, note and piece of evidence",
        "Front line trained in May.",
        "(dated 20 May 2026)",
    ):
        assert text in html, text
    assert '<a href="https://intranet.example.gov.uk/training">https://intranet.example.gov.uk/training</a>' in html
    assert "@page" in html and "size: A4" in html
    assert re.search(r'<span style="width: 44.0%"></span>', html)


def test_a_bad_file_gets_a_reason_not_a_page(tmp_path):
    (tmp_path / "a.json").write_text("{}", encoding="utf-8")
    ran = run_cli("--questions", str(MINI / "questions"), "report", "a.json", "-o", "report.html", cwd=tmp_path)
    assert ran.returncode == 2 and "cannot write its report" in ran.stderr and not (tmp_path / "report.html").exists()


def test_the_report_of_a_full_example_on_the_real_bank(real_bank):
    data = yearly_example(real_bank, random.Random(11))
    assessment = load_assessment(data, real_bank)
    report = board_report(real_bank, assessment, score_assessment(real_bank, assessment))
    assert len(report["actions"]) == 5 and report["actions_owned"] >= 5
    assert report["since"]["summary"].startswith("Since 14 November 2025:")
    answered = sum(1 for t in report["annex"] for q in t["questions"] if q["state"] == "answered")
    assert answered == score_assessment(real_bank, assessment)["evidence"]["answered"] > 40
    html = board_html(report)
    assert html.count('data-question="') == sum(len(t["questions"]) for t in report["annex"])


def test_the_standalone_page_allows_no_script_as_the_comparison_page_does(report, real_bank):
    """Issue 26, F26: the command line's board report carried no Content-Security-Policy (its comparison did)."""
    from scorecard.engine.comparison import compare_files
    from scorecard.reports.comparison import comparison_html
    from tests.helpers import ROOT

    policy = "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"
    kent = ROOT / "examples" / "region" / "invented-kent-county-council-2026.json"
    assert policy in comparison_html(compare_files(real_bank, [(kent.name, kent.read_text(encoding="utf-8"))]))
    assert policy in board_html(report)


def test_a_barely_begun_assessment_keeps_its_summary_short(real_bank):
    """The summary page holds the headline and the top actions: with most themes not rated, the overall's reason
    counts the themes (the table names them), and duties and controls not yet answered take one line, while
    those not met keep a line each with their law."""
    answers = {"SPC-01": "yes", "PRO-16": "not_checked", "LIC-01": "no"}
    assessment = load_assessment(make_assessment(real_bank, "district", answers), real_bank)
    report = board_report(real_bank, assessment, score_assessment(real_bank, assessment))
    status = report["headline"]["status"]
    assert status.startswith("Overall not rated until every theme is rated: ") and status.endswith(
        "(the table says which)."
    )
    assert "themes with no answers" in status and "with not enough answered" in status
    assert [(g["question"], g["status"]) for g in report["gates"]] == [("PRO-16", "not met"), ("LIC-01", "not met")]
    assert report["essentials"] == []
    line = report["not_answered"]
    assert line.startswith("Not answered yet: legal duties SAF-03 (Modern Slavery Act 2015, section 52)")
    assert line.endswith("essential controls SAF-01, SAF-10 and SUR-01.")
    assert "PRO-16" not in line and "LIC-01" not in line
    html = board_html(report)
    assert line in html
