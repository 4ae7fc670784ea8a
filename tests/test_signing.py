"""A sign-off anyone can check (issue 28): the digest stored at sign-off, `scorecard verify`, and what a board
report printed from a changed file says. Properties over random assessments, beside hand-worked examples."""

from __future__ import annotations

import copy
import hashlib
import json
import random

from hypothesis import given, settings
from hypothesis import strategies as st

from scorecard.engine import load_assessment, score_assessment
from scorecard.engine.board import board_report
from scorecard.engine.operations import sign_off, verify
from scorecard.testing import random_assessment
from tests.helpers import make_assessment, run_cli

SIGNER = {"name": "Ann Lead", "role": "Modern slavery lead", "date": "2026-11-30"}


def signed(bank, data):
    data = copy.deepcopy(data)
    data["sign_off"] = sign_off(bank, {"assessment": data, "sign_off": SIGNER})["sign_off"]
    return data


def check(bank, data):
    return verify(bank, data)["check"]


def test_the_digest_is_sha256_of_the_documented_canonical_form(mini_bank):
    """What the docs tell a checker to do, done by hand: the file less what is not signed, sorted keys, no spaces."""
    data = signed(mini_bank, make_assessment(mini_bank, "district", {"ALP-01": "yes", "ALP-02": None}, {"ALP-01": "Ü"}))
    form = {k: v for k, v in data.items() if k not in ("format", "format_version", "provenance", "assignments")}
    form["answers"] = {"ALP-01": "yes"}  # a cleared answer says nothing
    form["sign_off"] = SIGNER
    text = json.dumps(form, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()
    assert data["sign_off"]["digest"] == "sha256:" + hashlib.sha256(text).hexdigest()
    assert check(mini_bank, data)["matches"] is True


@settings(max_examples=40, deadline=None)
@given(seed=st.integers(0, 10**6), part=st.sampled_from(["answers", "notes", "evidence"]))
def test_verify_passes_an_untouched_file_and_finds_a_changed_answer_note_or_evidence_item(real_bank, seed, part):
    rng = random.Random(seed)
    data = random_assessment(real_bank, rng, answer_rate=0.5)
    data["evidence"] = {q: {"reference": f"Doc {q}", "date": "2026-01-01"} for q in list(data["answers"])[:3]}
    data = signed(real_bank, data)
    round_trip = json.loads(json.dumps(load_assessment(data, real_bank).to_dict(), indent=2))
    assert check(real_bank, round_trip)["matches"] is True  # written out and read back: still the same
    changed = copy.deepcopy(data)
    qid = rng.choice(sorted(real_bank.questions))
    if part == "answers":
        question = real_bank.questions[qid]
        values = [[o.id] if question.type == "multi" else o.id for o in question.options]
        changed["answers"][qid] = next(v for v in values if v != changed["answers"].get(qid))
    elif part == "notes":
        changed["notes"][qid] = changed["notes"].get(qid, "") + " (edited after sign-off)"
    else:
        changed.setdefault("evidence", {})[qid] = {"reference": "A later document", "strength": "documented"}
    found = check(real_bank, changed)
    assert found["matches"] is False and part in found["changed"]
    assert found["message"].startswith("Changed since sign-off:")


def test_verify_exit_codes_and_what_changed(tmp_path, mini_bank):
    data = signed(mini_bank, make_assessment(mini_bank, "district", {"ALP-01": "yes"}))
    data["provenance"] = {"sign_off": {"at": "2026-11-30T10:00:00Z"}}
    good = tmp_path / "signed.json"
    good.write_text(json.dumps(data), encoding="utf-8")
    ran = run_cli("--questions", str(mini_bank_dir()), "verify", str(good), cwd=tmp_path)
    assert ran.returncode == 0 and "Unchanged since sign-off" in ran.stdout, ran.stderr
    data["answers"]["ALP-01"] = "no"
    data["provenance"]["ALP-01"] = {"at": "2026-12-02T09:00:00Z", "by": "Bob"}
    bad = tmp_path / "changed.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    ran = run_cli("--questions", str(mini_bank_dir()), "verify", str(bad), cwd=tmp_path)
    assert ran.returncode == 4
    assert "Changed since sign-off: answers." in ran.stdout
    assert "ALP-01 (changed 2026-12-02T09:00:00.000Z, by Bob)" in ran.stdout
    unsigned = tmp_path / "unsigned.json"
    unsigned.write_text(json.dumps(make_assessment(mini_bank, "district", {})), encoding="utf-8")
    ran = run_cli("--questions", str(mini_bank_dir()), "verify", str(unsigned), cwd=tmp_path)
    assert ran.returncode == 4 and "Not signed off." in ran.stdout


def test_sign_off_on_the_command_line_stores_a_digest_verify_accepts(tmp_path, mini_bank):
    plain = tmp_path / "plain.json"
    plain.write_text(json.dumps(make_assessment(mini_bank, "district", {"ALP-01": "yes"})), encoding="utf-8")
    out = tmp_path / "signed.json"
    ran = run_cli(
        "--questions",
        str(mini_bank_dir()),
        "sign-off",
        str(plain),
        "--name",
        "Ann Lead",
        "--role",
        "Lead",
        "--date",
        "2026-11-30",
        "-o",
        str(out),
        cwd=tmp_path,
    )
    assert ran.returncode == 0, ran.stderr
    stored = json.loads(out.read_text(encoding="utf-8"))["sign_off"]
    assert stored["digest"].startswith("sha256:") and "answers" in stored["parts"]
    assert run_cli("--questions", str(mini_bank_dir()), "verify", str(out), cwd=tmp_path).returncode == 0


def test_a_forged_digest_is_set_aside_not_trusted(mini_bank):
    data = make_assessment(mini_bank, "district", {"ALP-01": "yes"}, sign_off={**SIGNER, "digest": "sha256:<b>x</b>"})
    assessment = load_assessment(data, mini_bank)
    assert assessment.cycle.sign_off is None and "sign_off" in assessment.cycle.set_aside
    assert check(mini_bank, data)["message"] == "Not signed off."


def test_the_board_report_prints_the_digest_and_says_when_the_file_changed_since(mini_bank):
    data = signed(mini_bank, make_assessment(mini_bank, "district", {"ALP-01": "yes"}))
    assessment = load_assessment(data, mini_bank)
    report = board_report(mini_bank, assessment, score_assessment(mini_bank, assessment))
    assert report["sign_off_digest"].endswith(data["sign_off"]["digest"].removeprefix("sha256:"))
    assert report["sign_off_changed"] == ""
    data["notes"]["ALP-01"] = "Added after the board saw it"
    assessment = load_assessment(data, mini_bank)
    report = board_report(mini_bank, assessment, score_assessment(mini_bank, assessment))
    assert report["sign_off_changed"] == "Changed since sign-off: notes."


def mini_bank_dir():
    from tests.helpers import MINI

    return MINI / "questions"
