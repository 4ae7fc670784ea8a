"""The real `scorecard` command in a subprocess: what the in-process corpora cannot see.

The corpora (test_broken_banks.py, test_assessment_files.py) run cli.main in process; these
few run `python -m scorecard` as a user does: exit codes, no traceback, a closed pipe.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys
from pathlib import Path

from tests.helpers import MINI, ROOT, VALID, checkout_env

TIMEOUT = 120  # seconds; only a hang comes near this


def scorecard(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "scorecard", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=TIMEOUT,
        env=checkout_env(),
    )


def test_a_bad_file_exits_2_with_the_reason_and_no_traceback(tmp_path):
    (tmp_path / "bad.json").write_text('{"format": "scorecard-assessment", ', encoding="utf-8")
    done = scorecard("--questions", str(MINI / "questions"), "score", "bad.json", cwd=tmp_path)
    assert done.returncode == 2 and "cannot score this assessment" in done.stderr
    assert "Traceback" not in done.stdout + done.stderr and done.stdout == ""


def test_a_broken_bank_exits_1_with_file_and_line(tmp_path):
    shutil.copytree(MINI, tmp_path / "bank")
    scoring = tmp_path / "bank" / "questions" / "scoring.yaml"
    scoring.write_text(scoring.read_text(encoding="utf-8") + "unexpected: [\n", encoding="utf-8")
    done = scorecard("validate", "questions", cwd=tmp_path / "bank")
    assert done.returncode == 1 and done.stdout.startswith("questions/scoring.yaml:")
    assert "Traceback" not in done.stdout + done.stderr


def test_a_reader_that_stops_early_is_not_an_error(tmp_path):
    """`scorecard compare ... | head`: the command stops quietly when its reader does."""
    process = subprocess.Popen(
        [sys.executable, "-m", "scorecard", "compare", str(ROOT / "examples" / "region"), "--format", "json"],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=checkout_env(),
    )
    assert process.stdout.read(100).startswith(b"{")
    process.stdout.close()  # the pipe closes with most of the output unread (it is far larger than a pipe's buffer)
    stderr = process.stderr.read().decode()
    assert process.wait(timeout=TIMEOUT) == 0, stderr
    assert "Traceback" not in stderr and "BrokenPipeError" not in stderr


# --- issue 13: input that is not a file, a reader that stops, in a real process -------------------


def limited(*args: str, cwd: Path, timeout: int = TIMEOUT) -> subprocess.CompletedProcess:
    """`scorecard ARGS` with at most 2 GB of memory: reading /dev/zero must fail the test, not the machine."""

    def limit():
        resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))

    return subprocess.run(
        [sys.executable, "-m", "scorecard", "--questions", str(MINI / "questions"), *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=timeout,
        preexec_fn=limit,
        env=checkout_env(),
    )


def valid_file(folder: Path, name: str = "valid.json") -> Path:
    path = folder / name
    path.write_text(json.dumps(VALID), encoding="utf-8")
    return path


def test_merge_reads_its_files_as_score_does(tmp_path):
    """Merge used to read any path whole, a device for ever; now each file is checked as `score` checks it."""
    done = limited("merge", "/dev/zero", str(valid_file(tmp_path)), cwd=tmp_path)
    assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr
    assert "/dev/zero: cannot merge it: cannot read the file: it is not a regular file" in done.stderr
    (tmp_path / "latin1.json").write_bytes('{"council": "Ynys M\xf4n"}'.encode("latin-1"))
    done = limited("merge", "latin1.json", str(valid_file(tmp_path)), cwd=tmp_path)
    assert done.returncode == 2 and "latin1.json: cannot merge it: the file is not UTF-8 text" in done.stderr, (
        done.stderr
    )


def test_plan_import_reads_its_csv_as_score_reads_files(tmp_path):
    """The plan CSV used to be read whole whatever it was: /dev/zero until the memory ran out."""
    done = limited("plan", "import", "/dev/zero", str(valid_file(tmp_path)), cwd=tmp_path)
    assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr
    assert (
        done.stderr
        == "/dev/zero: cannot read the file: it is not a regular file (a device, a named pipe or the like)\n"
    )


def test_score_refuses_a_device_without_reading_it(tmp_path):
    """`scorecard score /dev/zero` used to read for ever (and fill the memory)."""
    done = limited("score", "/dev/zero", cwd=tmp_path)
    assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr
    assert "cannot read the file: it is not a regular file (a device, a named pipe or the like)" in done.stderr


def test_score_refuses_a_named_pipe_without_waiting_for_it(tmp_path):
    """A FIFO blocks the reader until some other program writes to it: it used to wait for ever."""
    os.mkfifo(tmp_path / "pipe.json")
    done = limited("score", "pipe.json", cwd=tmp_path, timeout=60)
    assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr
    assert "it is not a regular file" in done.stderr


def test_score_refuses_a_folder(tmp_path):
    (tmp_path / "folder.json").mkdir()
    done = limited("score", "folder.json", cwd=tmp_path)
    assert done.returncode == 2 and "cannot read the file: it is a folder" in done.stderr, done.stderr


def test_compare_skips_a_named_pipe_in_a_folder(tmp_path):
    """`compare FOLDER` reads the folder's .json files: a FIFO among them is skipped, the rest compared."""
    folder = tmp_path / "region"
    folder.mkdir()
    valid_file(folder)
    os.mkfifo(folder / "pipe.json")
    done = limited("compare", "region", cwd=tmp_path, timeout=60)
    assert done.returncode == 3, done.stderr
    assert "region/pipe.json: skipped: cannot read the file: it is not a regular file" in done.stderr
    assert "1 council(s), 1 assessment(s)" in done.stdout


def test_score_into_a_closed_pipe_exits_quietly(tmp_path):
    """`scorecard score x.json | head -0`: the output is flushed at exit, after the reader has gone.

    Run with Python's usual buffering: PYTHONUNBUFFERED (set on some machines) would write each
    line at once and hide the failure at exit ("Exception ignored ... BrokenPipeError", exit 120).
    """
    valid_file(tmp_path)
    env = {key: value for key, value in checkout_env().items() if key != "PYTHONUNBUFFERED"}
    process = subprocess.Popen(
        [sys.executable, "-m", "scorecard", "--questions", str(MINI / "questions"), "score", "valid.json"],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    process.stdout.close()  # before the command has written anything
    stderr = process.stderr.read().decode()
    assert process.wait(timeout=TIMEOUT) == 0, stderr
    assert stderr == ""


def test_validate_refuses_a_named_pipe_for_a_theme_file(tmp_path):
    """A FIFO where a theme file should be used to make `scorecard validate` wait for ever."""
    shutil.copytree(MINI, tmp_path / "bank")
    (tmp_path / "bank" / "questions" / "beta.yaml").unlink()
    os.mkfifo(tmp_path / "bank" / "questions" / "beta.yaml")
    done = subprocess.run(
        [sys.executable, "-m", "scorecard", "validate", "questions"],
        cwd=tmp_path / "bank",
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=60,
        env=checkout_env(),
    )
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
    assert "questions/beta.yaml:1: -: cannot read file: it is not a regular file" in done.stdout
