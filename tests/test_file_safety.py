"""Files the command line reads and writes (issue 13): sizes checked before reading, reports written whole.

In process, through cli.main (an exception escaping it fails the test as a traceback would);
the cases that could hang or fill the memory (a device, a named pipe, a closed pipe) are in
tests/test_cli.py, in a real process with a time and memory limit.
"""

from __future__ import annotations

import argparse
import errno
import json
import os
import stat
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import pytest

from scorecard.cli.commands import read_assessment
from scorecard.engine import AssessmentError
from scorecard.safe_files import UnwritableFile, write_atomically
from tests.helpers import MINI, VALID, run_cli

QUESTIONS = str(MINI / "questions")
HUGE = 200_000_000  # bytes: a sparse file, so making it costs nothing; reading it whole costs 200 MB


def valid(folder: Path, name: str = "valid.json") -> Path:
    path = folder / name
    path.write_text(json.dumps(VALID), encoding="utf-8")
    return path


def huge(folder: Path) -> Path:
    path = folder / "huge.json"
    with path.open("wb") as handle:
        handle.truncate(HUGE)
    return path


def peak_bytes(action) -> int:
    tracemalloc.start()
    try:
        action()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_a_200_megabyte_file_is_refused_without_reading_it(tmp_path, mini_bank):
    path = huge(tmp_path)
    problems = []

    def read():
        with pytest.raises(AssessmentError) as refused:
            read_assessment(str(path), mini_bank)
        problems.extend(refused.value.problems)

    peak = peak_bytes(read)
    assert problems == ["the file is larger than 5 MB, the most an assessment file can be"]
    assert peak < 10_000_000, f"{peak:,} bytes held while refusing a {HUGE:,}-byte file"


def test_compare_skips_a_200_megabyte_file_without_reading_it(tmp_path):
    valid(tmp_path)
    huge(tmp_path)
    ran = []
    peak = peak_bytes(lambda: ran.append(run_cli("--questions", QUESTIONS, "compare", ".", cwd=tmp_path)))
    (result,) = ran
    assert result.returncode == 3, result.stderr
    assert "huge.json: skipped: the file is larger than 5 MB" in result.stderr
    assert peak < 50_000_000, f"{peak:,} bytes held while skipping a {HUGE:,}-byte file"


# Every command that takes -o, with the input files it reads (written by ``inputs``), on the mini bank (similar
# councils need the real bank's council types, which the register places).
WRITING = {
    "template": ["--questions", QUESTIONS, "template", "--council-type", "district"],
    "compare": ["--questions", QUESTIONS, "compare", "valid.json"],
    "report": ["--questions", QUESTIONS, "report", "valid.json"],
    "statement-summary": ["--questions", QUESTIONS, "statement-summary", "valid.json"],
    "merge": ["--questions", QUESTIONS, "merge", "valid.json", "other.json"],
    "plan export": ["--questions", QUESTIONS, "plan", "export", "valid.json"],
    "plan import": ["--questions", QUESTIONS, "plan", "import", "plan.csv", "valid.json"],
    # after the file's date, not after today
    "next-year": ["--questions", QUESTIONS, "next-year", "valid.json", "--date", "2026-11-30"],
    "contribute": ["--questions", QUESTIONS, "contribute", "signed.json"],
    "similar": ["similar", "TUN"],
    "sign-off": [
        *("--questions", QUESTIONS, "sign-off", "valid.json"),
        *("--name", "Ann Lead", "--role", "Lead", "--date", "2026-11-30"),
    ],
    "review start": ["--questions", QUESTIONS, "review", "start", "valid.json"],
    "review merge": ["--questions", QUESTIONS, "review", "merge", "valid.json", "review.json"],
    "review decide": ["--questions", QUESTIONS, "review", "decide", "valid.json"],
}


def inputs(folder: Path) -> None:
    """The files the -o commands read: two assessments and an action plan CSV."""
    valid(folder)
    valid(folder, "other.json")
    signed = {**VALID, "sign_off": {"name": "A. Lead", "role": "Lead", "date": VALID["assessment_date"]}}
    (folder / "signed.json").write_text(json.dumps(signed), encoding="utf-8")
    plan = run_cli("--questions", QUESTIONS, "plan", "export", "valid.json", cwd=folder)
    assert plan.returncode == 0, plan.stderr
    (folder / "plan.csv").write_text(plan.stdout, encoding="utf-8", newline="")
    started = run_cli("--questions", QUESTIONS, "review", "start", "valid.json", cwd=folder)
    assert started.returncode == 0, started.stderr
    review = {
        **json.loads(started.stdout),
        "sign_off": {"name": "R. Peer", "organisation": "Peers", "date": "2026-04-02"},
    }
    (folder / "review.json").write_text(json.dumps(review), encoding="utf-8")


def commands_writing_a_file(parser: argparse.ArgumentParser, names: tuple[str, ...] = ()) -> Iterator[str]:
    """The commands (``plan export``) whose options include -o."""
    sub = next((a for a in parser._actions if isinstance(a, argparse._SubParsersAction)), None)
    if sub is None:
        if any("-o" in a.option_strings for a in parser._actions):
            yield " ".join(names)
        return
    for name, command in sub.choices.items():
        yield from commands_writing_a_file(command, (*names, name))


def test_every_command_with_an_output_file_is_tried():
    """A new command that takes -o must be added to WRITING, so the tests below try it."""
    from scorecard.cli.parser import build_parser

    assert sorted(commands_writing_a_file(build_parser())) == sorted(WRITING)


@pytest.mark.parametrize("command", WRITING.values(), ids=WRITING.keys())
def test_output_into_a_missing_folder_is_a_clear_error(tmp_path, command):
    inputs(tmp_path)
    result = run_cli(*command, "-o", "no/such/folder/out.txt", cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    assert result.stderr.strip().splitlines()[-1] == (
        f"error: cannot write no/such/folder/out.txt: the folder {Path('no/such/folder')} does not exist"
    )
    assert not (tmp_path / "no").exists()


@pytest.mark.parametrize("command", WRITING.values(), ids=WRITING.keys())
def test_output_over_a_folder_is_a_clear_error(tmp_path, command):
    inputs(tmp_path)
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "kept.txt").write_text("kept", encoding="utf-8")
    result = run_cli(*command, "-o", "reports", cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    assert result.stderr.strip().splitlines()[-1] == "error: cannot write reports: it is a folder"
    assert (tmp_path / "reports" / "kept.txt").read_text(encoding="utf-8") == "kept"


@pytest.mark.parametrize("command", WRITING.values(), ids=WRITING.keys())
def test_a_disk_that_fills_part_way_leaves_the_old_file(tmp_path, monkeypatch, command):
    """The write fails after some bytes (no space left on the device): the old file is as it was, no stray
    temporary file is left beside it, and the command says so and exits 2."""
    inputs(tmp_path)
    before = sorted(p.name for p in tmp_path.iterdir())
    (tmp_path / "out.txt").write_text("last month's file\n", encoding="utf-8")
    real_write, written = os.write, []

    def fills_up(fd: int, data) -> int:
        if fd <= 2:  # standard input, output and error: not the file
            return real_write(fd, data)
        if sum(written) >= 64:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        written.append(real_write(fd, bytes(data[:32])))
        return written[-1]

    monkeypatch.setattr(os, "write", fills_up)
    result = run_cli(*command, "-o", "out.txt", cwd=tmp_path)
    monkeypatch.undo()
    assert sum(written) == 64, "the write did not get part way"
    assert result.returncode == 2, result.stderr
    assert result.stderr.strip().splitlines()[-1] == f"error: cannot write out.txt: {os.strerror(errno.ENOSPC)}"
    assert (tmp_path / "out.txt").read_text(encoding="utf-8") == "last month's file\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([*before, "out.txt"])


def test_a_compare_that_fails_leaves_the_old_report(tmp_path):
    """Nothing could be compared: exit 2, and last month's report is still there, unchanged."""
    report = tmp_path / "region.html"
    report.write_text("<p>last month's report</p>", encoding="utf-8")
    (tmp_path / "bad.json").write_text("[]", encoding="utf-8")
    result = run_cli(
        "--questions", QUESTIONS, "compare", "bad.json", "--format", "html", "-o", str(report), cwd=tmp_path
    )
    assert result.returncode == 2 and "none of the files could be compared" in result.stderr
    assert "the report was not written" in result.stderr
    assert report.read_text(encoding="utf-8") == "<p>last month's report</p>"


def test_a_file_name_that_is_not_utf8_does_not_break_the_report(tmp_path):
    """A name with a byte that is not UTF-8 (a Latin-1 é) used to fail half way through writing the report."""
    name = os.fsdecode(b"caf\xe9.json")
    valid(tmp_path, name)
    report = tmp_path / "region.json"
    report.write_text("last month", encoding="utf-8")
    result = run_cli("--questions", QUESTIONS, "compare", name, "--format", "json", "-o", str(report), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    (row,) = json.loads(report.read_text(encoding="utf-8"))["rows"]
    assert row["file"] == "caf\N{REPLACEMENT CHARACTER}.json"


def test_a_report_is_replaced_whole_or_not_at_all(tmp_path):
    """A write that fails part way (here: text that cannot be encoded) leaves the old file and no stray temporary file."""
    report = tmp_path / "report.csv"
    report.write_bytes(b"old,report\r\n")
    with pytest.raises(UnwritableFile) as failed:
        write_atomically(str(report), "new,report\r\n" * 10_000 + "half a character: \ud800\r\n")
    assert str(failed.value).startswith(f"cannot write {report}: ")
    assert report.read_bytes() == b"old,report\r\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.csv"]


def test_a_new_report_is_readable_like_any_other_new_file(tmp_path):
    """The temporary file is private while written; the report gets the mode a new file normally gets."""
    old_umask = os.umask(0o022)
    try:
        write_atomically(str(tmp_path / "new.txt"), "text\n")
        existing = tmp_path / "existing.txt"
        existing.write_text("old\n", encoding="utf-8")
        existing.chmod(0o640)
        write_atomically(str(existing), "new\n")
    finally:
        os.umask(old_umask)
    assert stat.S_IMODE((tmp_path / "new.txt").stat().st_mode) == 0o644
    assert stat.S_IMODE(existing.stat().st_mode) == 0o640 and existing.read_text(encoding="utf-8") == "new\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["existing.txt", "new.txt"]


def test_a_200_megabyte_theme_file_is_refused_without_reading_it(tmp_path):
    import shutil

    shutil.copytree(MINI, tmp_path / "bank")
    with (tmp_path / "bank" / "questions" / "alpha.yaml").open("r+b") as handle:
        handle.truncate(HUGE)
    ran = []
    peak = peak_bytes(lambda: ran.append(run_cli("validate", "questions", cwd=tmp_path / "bank")))
    (result,) = ran
    assert result.returncode == 1
    assert "questions/alpha.yaml:1: -: file is larger than 1000 kB" in result.stdout
    assert peak < 10_000_000, f"{peak:,} bytes held while refusing a {HUGE:,}-byte bank file"


def test_a_template_with_a_line_break_in_the_name_is_not_written(tmp_path):
    """`template --name` must not write a file that `score` refuses."""
    result = run_cli(
        "--questions",
        QUESTIONS,
        "template",
        "--council-type",
        "district",
        "--name",
        "Testshire\nCouncil",
        "-o",
        "t.json",
        cwd=tmp_path,
    )
    assert result.returncode == 2
    assert "error: council.name contains a line break (U+000A) at character 10" in result.stderr
    assert not (tmp_path / "t.json").exists()
