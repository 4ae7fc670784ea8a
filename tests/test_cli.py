"""The real `scorecard` command in a subprocess: what the in-process corpora cannot see.

The corpora (test_broken_banks.py, test_assessment_files.py) run cli.main in process; these
few run `python -m scorecard` as a user does: exit codes, no traceback, a closed pipe.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from tests.helpers import MINI, ROOT

TIMEOUT = 120  # seconds; only a hang comes near this


def scorecard(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "scorecard", *args], cwd=cwd, capture_output=True, text=True,
                          encoding="utf-8", errors="replace", timeout=TIMEOUT)


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
    process = subprocess.Popen([sys.executable, "-m", "scorecard", "compare", str(ROOT / "examples" / "region"),
                                "--format", "json"], cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout.read(100).startswith(b"{")
    process.stdout.close()  # the pipe closes with most of the output unread (it is far larger than a pipe's buffer)
    stderr = process.stderr.read().decode()
    assert process.wait(timeout=TIMEOUT) == 0, stderr
    assert "Traceback" not in stderr and "BrokenPipeError" not in stderr
