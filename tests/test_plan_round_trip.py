"""The action plan CSV gives the file back exactly, whatever was typed, and reads only what changed.

Export -> import with no edits is the identity, for every question of the real bank and every
character (a property over random plans); a column left out of the spreadsheet leaves its field
alone; rows are matched by question id, a replaced question's row through `replaces:`; the
CSV's encoding is decided once per file (a byte order mark, or strict UTF-8, or Windows-1252
throughout), a file mixing two is refused naming the line; the file is read as `score` reads
files. Issue 26: reliability review 2, F1, F2, F10, F17, F20, F21, F22.
"""

from __future__ import annotations

import csv
import datetime
import io
import json
import os
import random
import threading

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scorecard.engine import Bank, load_assessment, score_assessment
from scorecard.engine.assessment import AssessmentError
from scorecard.engine.csv_export import actions_csv
from scorecard.engine.plan_csv import import_plan_csv
from scorecard.testing import random_assessment
from tests.helpers import MINI, ROOT, compile_bank, make_assessment, run_cli

ANSWERS = {"ALP-01": "no", "ALP-02": "some", "ALP-03": ["front"], "ALP-04": "no"}
EXAMPLES = sorted((ROOT / "examples" / "region").glob("*.json"))


def cli(tmp_path, *args, questions=MINI):
    return run_cli("--questions", str(questions / "questions"), *args, cwd=tmp_path)


def export_bytes(bank, data, site_url="https://scorecard.example.gov.uk/") -> bytes:
    assessment = load_assessment(data, bank)
    return actions_csv(score_assessment(bank, assessment), assessment.to_dict(), site_url=site_url).encode("utf-8")


def round_trip(bank, data) -> dict:
    """The file after its own plan CSV, untouched, is read back into it."""
    checked = load_assessment(data, bank).to_dict()
    return import_plan_csv(bank, checked, export_bytes(bank, checked)).data


def table(raw: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def written(rows: list[list[str]], delimiter: str = ",", encoding: str = "utf-8") -> bytes:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return out.getvalue().encode(encoding)


PLAN = {
    "ALP-01": {"owner": "Siân Jones", "due": "2027-03-31", "status": "in_progress", "note": "Budget approved"},
    "ALP-04": {"owner": "Lee", "status": "not_planned", "reason": "The county does it."},
}


@pytest.mark.parametrize("dropped", ["Owner", "Due date", "Status", "Progress notes", "Reason not planned"])
def test_a_column_left_out_of_the_spreadsheet_leaves_its_field_alone(tmp_path, mini_bank, dropped):
    """F1: a CSV without "Progress notes" cleared every action's note, exit 0."""
    data = make_assessment(mini_bank, "district", ANSWERS, action_plan=PLAN)
    (tmp_path / "a.json").write_text(json.dumps(data), encoding="utf-8")
    rows = table(export_bytes(mini_bank, data))
    gone = rows[0].index(dropped)
    (tmp_path / "plan.csv").write_bytes(written([[c for i, c in enumerate(r) if i != gone] for r in rows]))
    ran = cli(tmp_path, "plan", "import", "plan.csv", "a.json", "-o", "b.json")
    assert ran.returncode == 0, ran.stderr
    assert json.loads((tmp_path / "b.json").read_text(encoding="utf-8"))["action_plan"] == PLAN


def test_only_the_cells_a_council_changed_change(mini_bank):
    """A cell edited is read; the cells beside it, and a date a spreadsheet rewrote as 31/03/2027, are not."""
    data = make_assessment(mini_bank, "district", ANSWERS, action_plan=PLAN)
    rows = table(export_bytes(mini_bank, data))
    head = rows[0]
    for row in rows[1:]:
        if row[head.index("Question")] == "ALP-01":
            row[head.index("Due date")] = "31/03/2027"
            row[head.index("Owner")] = "  Bo Smith  "
    plan = import_plan_csv(mini_bank, data, written(rows)).data["action_plan"]
    assert plan["ALP-01"] == {**PLAN["ALP-01"], "owner": "Bo Smith"}
    assert plan["ALP-04"] == PLAN["ALP-04"]


def test_quotes_in_any_cell_come_back_as_typed(tmp_path, mini_bank):
    """F2: the reader sniffed the header line, found no quotes, and misread every "" in a cell."""
    plan = {"ALP-01": {"owner": 'Jo "JJ" Smith', "status": "in_progress", "note": 'Waiting for "Cabinet" sign-off'}}
    data = make_assessment(mini_bank, "district", ANSWERS, action_plan=plan)
    (tmp_path / "a.json").write_text(json.dumps(data), encoding="utf-8")
    assert cli(tmp_path, "plan", "export", "a.json", "-o", "plan.csv").returncode == 0
    for _ in range(2):  # and again: nothing grows
        ran = cli(tmp_path, "plan", "import", "plan.csv", "a.json", "-o", "a.json")
        assert ran.returncode == 0, ran.stderr
        assert json.loads((tmp_path / "a.json").read_text(encoding="utf-8"))["action_plan"] == plan
        assert cli(tmp_path, "plan", "export", "a.json", "-o", "plan.csv").returncode == 0


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_every_example_council_reads_its_own_untouched_plan_back(tmp_path, path):
    """F2: DIS-14's own text ("beds in sheds") made 7 of the 12 example councils unable to read their plan back."""
    data = json.loads(path.read_text(encoding="utf-8"))
    data["action_plan"] = {"SAF-03": {"owner": "Siân Jones", "status": "in_progress", "note": 'a "quoted" note'}}
    (tmp_path / "a.json").write_text(json.dumps(data), encoding="utf-8")
    assert cli(tmp_path, "plan", "export", "a.json", "-o", "plan.csv", questions=ROOT).returncode == 0
    ran = cli(tmp_path, "plan", "import", "plan.csv", "a.json", "-o", "b.json", questions=ROOT)
    assert ran.returncode == 0, ran.stderr
    assert json.loads((tmp_path / "b.json").read_text(encoding="utf-8")) == json.loads(
        (tmp_path / "a.json").read_text(encoding="utf-8")
    )


NASTY = [
    'Jo "JJ" Smith',
    "a, b; c\td",
    "line one\nline two",
    "CRLF\r\nand CR\ronly",
    "  padded  ",
    "trailing newline\n",
    "Siân Brontë, Zoë, Ynys Môn",
    "emoji 🧭👩🏽‍💼",
    '=HYPERLINK("http://x")',
    "+1",
    "-2+3",
    "@SUM(A1)",
    "\t=1",
    "'=the officer's own apostrophe",
    "''=two",
    "'plain apostrophe",
    "\u200b=after a zero-width space",
    "\u00a0=after a no-break space",
    "\x00NUL=",
    '"',
    '""',
    "",
    " ",
]
TEXT = st.one_of(st.sampled_from(NASTY), st.text(st.characters(blacklist_categories=("Cs",)), max_size=40))
DATES = st.dates(min_value=datetime.date(2015, 1, 1)).map(lambda d: d.isoformat())


@st.composite
def entries(draw):
    entry = {}
    for key in ("owner", "note", "reason"):
        if draw(st.booleans()):
            entry[key] = draw(TEXT)
    if draw(st.booleans()):
        entry["due"] = draw(DATES)
    status = draw(st.sampled_from(["not_started", "in_progress", "done", "not_planned", None]))
    if status == "not_planned" and not entry.get("reason", "").strip():
        entry["reason"] = "a reason"
    if status is not None:
        entry["status"] = status
    return entry


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(
    seed=st.integers(0, 2**32),
    council_type=st.sampled_from(["county", "district", "london_borough", "wales_principal", "ni_district"]),
    picks=st.lists(st.integers(0, 10_000), max_size=12),
    plan=st.lists(entries(), min_size=12, max_size=12),
)
def test_export_then_import_gives_the_file_back_exactly(real_bank, seed, council_type, picks, plan):
    """Every bank question (asked of the council or not, an action or not), every character."""
    ids = list(real_bank.questions)
    data = random_assessment(real_bank, random.Random(seed), council_type)
    data["action_plan"] = {ids[p % len(ids)]: entry for p, entry in zip(picks, plan, strict=False)}
    checked = load_assessment(data, real_bank).to_dict()
    assert round_trip(real_bank, checked) == checked


def test_the_guidance_column_is_guarded_too(mini_bank):
    """F22: an operator's --site-url starting "=" made every Guidance cell a formula."""
    data = make_assessment(mini_bank, "district", ANSWERS)
    rows = table(export_bytes(mini_bank, data, site_url='=HYPERLINK("http://x")/'))
    at = rows[0].index("Guidance")
    assert all(row[at].startswith("'=") for row in rows[1:] if row[at])


def test_the_csv_opens_in_excel_as_it_looks(mini_bank):
    """A UTF-8 byte order mark first: without it Excel reads the file as Windows-1252 (Siân -> SiÃ¢n)."""
    data = make_assessment(mini_bank, "district", ANSWERS, action_plan=PLAN)
    assert export_bytes(mini_bank, data).startswith(b"\xef\xbb\xbfPriority,")


def test_a_semicolon_file_with_quotes_reads_without_guessing(mini_bank):
    data = make_assessment(mini_bank, "district", ANSWERS, action_plan=PLAN)
    rows = table(export_bytes(mini_bank, data))
    for row in rows[1:]:
        if row[2] == "ALP-01":
            row[rows[0].index("Owner")] = 'Jo "JJ"; Smith'
    raw = b"\xef\xbb\xbf" + written(rows, delimiter=";")
    assert import_plan_csv(mini_bank, data, raw).data["action_plan"]["ALP-01"]["owner"] == 'Jo "JJ"; Smith'


def test_a_file_in_one_windows_encoding_throughout_still_reads(mini_bank):
    data = make_assessment(mini_bank, "district", ANSWERS)
    raw = written([["Question", "Owner", "Status"], ["ALP-01", "Siân £12k – approved", "Done"]], encoding="cp1252")
    assert import_plan_csv(mini_bank, data, raw).data["action_plan"]["ALP-01"]["owner"] == "Siân £12k – approved"


def test_utf16_with_its_byte_order_mark_reads(mini_bank):
    """Excel's "Unicode text": UTF-16 with a byte order mark, tab-separated."""
    data = make_assessment(mini_bank, "district", ANSWERS)
    raw = written([["Question", "Owner", "Status"], ["ALP-01", "Siân 🧭", "Done"]], delimiter="\t", encoding="utf-16")
    assert import_plan_csv(mini_bank, data, raw).data["action_plan"]["ALP-01"]["owner"] == "Siân 🧭"


def test_one_windows_byte_in_a_utf8_file_is_refused_naming_its_line(tmp_path, mini_bank):
    """F10: one Windows-1252 byte re-decoded the whole file: Siân -> SiÃ¢n, exit 0."""
    rows = [
        ["Question", "Owner", "Status", "Progress notes"],
        ["ALP-01", "Siân Jones", "Done", "£12k – approved"],
        ["ALP-02", "Bob", "Done", ""],
    ]
    raw = written(rows).replace(b"Bob", b"Bob \x96 deputy")
    data = make_assessment(mini_bank, "district", ANSWERS)
    with pytest.raises(AssessmentError) as error:
        import_plan_csv(mini_bank, data, raw)
    assert [m.code for m in error.value.details] == ["plan_csv_mixed_encoding"]
    assert "line 3" in error.value.problems[0] and "UTF-8" in error.value.problems[0]
    (tmp_path / "a.json").write_text(json.dumps(data), encoding="utf-8")
    (tmp_path / "plan.csv").write_bytes(raw)
    ran = cli(tmp_path, "plan", "import", "plan.csv", "a.json", "-o", "b.json")
    assert ran.returncode == 2 and "line 3" in ran.stderr and not (tmp_path / "b.json").exists()


def test_a_row_of_a_replaced_question_is_read_into_its_new_id(tmp_path):
    """F20: a plan CSV written before the bank changed (a row for ALP-01, now ALP-05) was refused whole."""
    v2 = ROOT / "tests" / "fixtures" / "mini_v2"
    bank = Bank.from_dict(compile_bank(v2 / "questions"))
    data = make_assessment(bank, "district", {"ALP-05": "no", "ALP-02": "some"})
    raw = written([["Question", "Owner", "Status"], ["ALP-01", "Ann", "In progress"], ["ALP-02", "Bo", "Done"]])
    read = import_plan_csv(bank, data, raw)
    assert read.data["action_plan"] == {
        "ALP-05": {"owner": "Ann", "status": "in_progress"},
        "ALP-02": {"owner": "Bo", "status": "done"},
    }
    assert read.carried == {"ALP-01": "ALP-05"}
    both = written([["Question", "Owner"], ["ALP-01", "Ann"], ["ALP-05", "Bo"]])
    with pytest.raises(AssessmentError) as error:
        import_plan_csv(bank, data, both)
    assert error.value.problems == ["row 3 (ALP-05): ALP-05 is also on row 2 (as ALP-01); keep one row per question"]


@pytest.fixture
def plan_file(tmp_path, mini_bank):
    (tmp_path / "a.json").write_text(json.dumps(make_assessment(mini_bank, "district", ANSWERS)), encoding="utf-8")
    return tmp_path


def test_a_named_pipe_is_refused_at_once(plan_file):
    """F17: the CSV was read with read_bytes(): a named pipe waited for ever."""
    os.mkfifo(plan_file / "plan.csv")
    done = {}
    worker = threading.Thread(
        target=lambda: done.setdefault("ran", cli(plan_file, "plan", "import", "plan.csv", "a.json")), daemon=True
    )
    worker.start()
    worker.join(10)
    if worker.is_alive():  # unblock the reader so the test process can end
        os.close(os.open(plan_file / "plan.csv", os.O_WRONLY | os.O_NONBLOCK))
        pytest.fail("plan import waited on a named pipe")
    assert done["ran"].returncode == 2 and "not a regular file" in done["ran"].stderr


def test_a_device_and_a_folder_are_refused(plan_file):
    for name in ("/dev/zero", str(plan_file)):
        ran = cli(plan_file, "plan", "import", name, "a.json")
        assert ran.returncode == 2 and "cannot read" in ran.stderr and "Traceback" not in ran.stderr, ran.stderr


def test_a_file_over_the_limit_is_refused_by_its_size(plan_file):
    with open(plan_file / "plan.csv", "wb") as handle:
        handle.write(b"Question,Owner\r\n")
        handle.truncate(6_000_000)
    ran = cli(plan_file, "plan", "import", "plan.csv", "a.json")
    assert ran.returncode == 2 and "larger than 5 MB" in ran.stderr, ran.stderr
