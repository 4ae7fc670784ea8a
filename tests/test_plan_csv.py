"""The action plan's round trip: the file -> CSV -> a spreadsheet's edits -> `scorecard plan import` -> the file.

The CSV carries owner, due date, status, progress notes and the reason an action is not planned
from the file, with absolute guidance links; what a council types into it comes back; what a
spreadsheet program does to it on saving (day-first dates, a byte order mark, semicolons, a
formula guard) is read; anything unreadable is refused with its row and nothing is written.
"""

from __future__ import annotations

import csv
import io
import json

import pytest

from scorecard.engine import load_assessment, score_assessment
from scorecard.engine.csv_export import ACTION_COLUMNS, actions_csv
from tests.helpers import MINI, make_assessment, run_cli

ANSWERS = {"ALP-01": "no", "ALP-02": "some", "ALP-03": ["front"], "ALP-04": "no"}


def cli(tmp_path, *args):
    return run_cli("--questions", str(MINI / "questions"), *args, cwd=tmp_path)


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"), newline="")))


def write_rows(path, table: list[dict[str, str]], delimiter=",", encoding="utf-8") -> None:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(table[0]), delimiter=delimiter, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(table)
    path.write_bytes(out.getvalue().encode(encoding))


@pytest.fixture
def start(tmp_path, mini_bank):
    data = make_assessment(
        mini_bank,
        "district",
        ANSWERS,
        notes={"ALP-02": "Only the front line so far."},
        evidence={"ALP-02": {"reference": "Training log", "date": "2026-02-01"}},
        action_plan={"ALP-04": {"owner": "Lee Licensing", "status": "not_started"}},
    )
    (tmp_path / "a.json").write_text(json.dumps(data), encoding="utf-8")
    return data


def test_the_csv_carries_the_plan_notes_evidence_and_absolute_links(tmp_path, start):
    ran = cli(tmp_path, "plan", "export", "a.json", "--site-url", "https://scorecard.example.gov.uk/", "-o", "plan.csv")
    assert ran.returncode == 0, ran.stderr
    text = (tmp_path / "plan.csv").read_text(encoding="utf-8")
    table = rows(text)
    assert list(table[0]) == ACTION_COLUMNS
    by_question = {r["Question"]: r for r in table}
    assert set(by_question) == {"ALP-01", "ALP-02", "ALP-03", "ALP-04"}
    assert (by_question["ALP-04"]["Owner"], by_question["ALP-04"]["Status"]) == ("Lee Licensing", "Not started")
    assert by_question["ALP-02"]["Answer note"] == "Only the front line so far."
    assert by_question["ALP-02"]["Evidence"] == "Training log; dated 2026-02-01"
    assert by_question["ALP-01"]["Owner"] == by_question["ALP-01"]["Status"] == ""
    for row in table:
        for link in row["Guidance"].split():
            assert link.startswith("https://scorecard.example.gov.uk/guidance/") and ".html" in link


def test_owners_dates_status_and_notes_come_back(tmp_path, start, mini_bank):
    cli(tmp_path, "plan", "export", "a.json", "-o", "plan.csv")
    table = rows((tmp_path / "plan.csv").read_text(encoding="utf-8"))
    edits = {
        "ALP-01": {
            "Owner": "Head of Legal",
            "Due date": "2027-03-31",
            "Status": "In progress",
            "Progress notes": "Draft with legal.",
        },
        "ALP-02": {"Owner": "HR training lead", "Due date": "30/06/2027", "Status": "not started"},
        "ALP-04": {"Owner": "", "Status": "Not planned", "Reason not planned": "The county runs these checks."},
    }
    for row in table:
        row.update(edits.get(row["Question"], {}))
    write_rows(tmp_path / "plan.csv", table)
    ran = cli(tmp_path, "plan", "import", "plan.csv", "a.json", "-o", "b.json")
    assert ran.returncode == 0, ran.stderr
    back = json.loads((tmp_path / "b.json").read_text(encoding="utf-8"))
    assert back["action_plan"] == {
        "ALP-01": {"owner": "Head of Legal", "due": "2027-03-31", "status": "in_progress", "note": "Draft with legal."},
        "ALP-02": {"owner": "HR training lead", "due": "2027-06-30", "status": "not_started"},
        "ALP-04": {"status": "not_planned", "reason": "The county runs these checks."},
    }
    assert {k: v for k, v in back.items() if k != "action_plan"} == {
        k: v for k, v in start.items() if k != "action_plan"
    }
    assert (
        back["answers"] == start["answers"]
        and back["notes"] == start["notes"]
        and back["evidence"] == start["evidence"]
    )

    # and out again: the same plan in the CSV, a second import changes nothing
    cli(tmp_path, "plan", "export", "b.json", "-o", "again.csv")
    again = {r["Question"]: r for r in rows((tmp_path / "again.csv").read_text(encoding="utf-8"))}
    assert (again["ALP-02"]["Due date"], again["ALP-02"]["Status"]) == ("2027-06-30", "Not started")
    assert again["ALP-04"]["Reason not planned"] == "The county runs these checks."
    cli(tmp_path, "plan", "import", "again.csv", "b.json", "-o", "c.json")
    assert json.loads((tmp_path / "c.json").read_text(encoding="utf-8")) == back


def test_a_row_cleared_in_the_spreadsheet_clears_the_action(tmp_path, start):
    cli(tmp_path, "plan", "export", "a.json", "-o", "plan.csv")
    table = rows((tmp_path / "plan.csv").read_text(encoding="utf-8"))
    for row in table:
        if row["Question"] == "ALP-04":
            row.update({"Owner": "", "Status": ""})
    write_rows(tmp_path / "plan.csv", table)
    assert cli(tmp_path, "plan", "import", "plan.csv", "a.json", "-o", "b.json").returncode == 0
    assert "action_plan" not in json.loads((tmp_path / "b.json").read_text(encoding="utf-8"))


def test_a_finished_action_stays_in_the_csv_after_its_answer_improves(tmp_path, mini_bank):
    data = make_assessment(
        mini_bank,
        "district",
        dict(ANSWERS, **{"ALP-01": "yes"}),
        action_plan={"ALP-01": {"owner": "Head of Legal", "status": "done"}},
    )
    result = score_assessment(mini_bank, load_assessment(data, mini_bank))
    table = {r["Question"]: r for r in rows(actions_csv(result, data, site_url="https://x.example/"))}
    assert (table["ALP-01"]["Priority"], table["ALP-01"]["Current answer"], table["ALP-01"]["Status"]) == (
        "",
        "Yes",
        "Done",
    )


@pytest.mark.parametrize(
    "written,read",
    [
        ("31/03/2027", "2027-03-31"),
        ("1/4/2027", "2027-04-01"),
        ("31 March 2027", "2027-03-31"),
        ("31 Mar 2027", "2027-03-31"),
        ("2027-03-31 00:00:00", "2027-03-31"),
        ("31.03.2027", "2027-03-31"),
    ],
)
def test_dates_as_spreadsheets_write_them(tmp_path, start, written, read):
    write_rows(
        tmp_path / "plan.csv", [{"Question": "ALP-01", "Owner": "Ann", "Due date": written, "Status": "In progress"}]
    )
    assert cli(tmp_path, "plan", "import", "plan.csv", "a.json", "-o", "b.json").returncode == 0
    assert json.loads((tmp_path / "b.json").read_text(encoding="utf-8"))["action_plan"]["ALP-01"]["due"] == read


def test_semicolons_a_byte_order_mark_and_windows_encoding(tmp_path, start):
    table = [
        {
            "Question": "ALP-01",
            "Owner": "Zoë Brontë",
            "Due date": "31/03/2027",
            "Status": "Done",
            "Progress notes": "'=not a formula",
        }
    ]
    write_rows(tmp_path / "plan.csv", table, delimiter=";", encoding="cp1252")
    ran = cli(tmp_path, "plan", "import", "plan.csv", "a.json", "-o", "b.json")
    assert ran.returncode == 0, ran.stderr
    entry = json.loads((tmp_path / "b.json").read_text(encoding="utf-8"))["action_plan"]["ALP-01"]
    assert entry == {"owner": "Zoë Brontë", "due": "2027-03-31", "status": "done", "note": "=not a formula"}
    (tmp_path / "bom.csv").write_bytes(b"\xef\xbb\xbf" + b"Question,Owner\r\nALP-02,Bo\r\n")
    assert cli(tmp_path, "plan", "import", "bom.csv", "a.json", "-o", "c.json").returncode == 0


@pytest.mark.parametrize(
    "table,message",
    [
        ([{"Question": "ALP-01", "Due date": "next March"}], "row 2 (ALP-01): Due date 'next March' is not a date"),
        ([{"Question": "ALP-01", "Due date": "31/02/2027"}], "row 2 (ALP-01): Due date '31/02/2027' is not a date"),
        (
            [{"Question": "ALP-01", "Status": "Started"}],
            "row 2 (ALP-01): Status 'Started' is not one of: Not started, In progress, Done, Not planned",
        ),
        (
            [{"Question": "ALP-01", "Status": "Not planned"}],
            "row 2 (ALP-01): an action that is not planned needs a reason",
        ),
        ([{"Question": "ALP-77", "Owner": "Ann"}], "row 2 (ALP-77): 'ALP-77' is not a question in bank version 2000.1"),
        (
            [{"Question": "ALP-01", "Owner": "Ann"}, {"Question": "ALP-01", "Owner": "Bo"}],
            "row 3 (ALP-01): ALP-01 is also on row 2",
        ),
        ([{"Owner": "Ann"}], 'the action plan has no "Question" column'),
        ([{"Question": "ALP-01", "Notes": "x"}], "the action plan has none of the columns Owner, Due date"),
    ],
)
def test_an_unreadable_plan_is_refused_with_its_row_and_nothing_written(tmp_path, start, table, message):
    write_rows(tmp_path / "plan.csv", table)
    ran = cli(tmp_path, "plan", "import", "plan.csv", "a.json", "-o", "b.json")
    assert ran.returncode == 2
    assert "Traceback" not in ran.stderr and message in ran.stderr, ran.stderr
    assert "nothing was written" in ran.stderr
    assert not (tmp_path / "b.json").exists()


def test_every_problem_is_listed_at_once(tmp_path, start):
    write_rows(
        tmp_path / "plan.csv",
        [
            {"Question": "ALP-01", "Due date": "soon", "Status": "x"},
            {"Question": "ALP-02", "Due date": "later", "Status": ""},
        ],
    )
    stderr = cli(tmp_path, "plan", "import", "plan.csv", "a.json", "-o", "b.json").stderr
    assert (
        "row 2 (ALP-01): Status 'x'" in stderr
        and "row 2 (ALP-01): Due date 'soon'" in stderr
        and "row 3 (ALP-02): Due date 'later'" in stderr
    )
