"""Review by a peer, by file: a reviewer's marks on an assessment, and the lead's decision on each challenge.

A reviewer from outside the service (a neighbouring council's lead, the regional coordinator, internal audit)
starts a *review file* from the assessment (``start_review``): it names the assessment it reviews (the council,
the bank version, the assessment date and a digest of its answers) and holds only the reviewer's marks:

    {"format": "scorecard-review", "format_version": 1,
     "assessment": {"council": {"name", "code"?, "ons_code"?}, "bank_version", "assessment_date", "answers_digest"},
     "marks": {"SPC-01": {"mark": "agree"},
               "SPC-02": {"mark": "challenge", "comment": "...", "proposed": "no"}},
     "verified": ["SPC-01"],                       evidence the reviewer saw, independently verified
     "sign_off": {"name", "organisation", "date"}}

(schemas/review.schema.json). The lead merges it into the assessment (``merge_review``): every mark is kept in the
assessment's ``review_marks`` (cycle.py) with the reviewer's name, organisation and date, each challenge *open*
until the lead decides it (``decide``): accepting changes the answer to the one proposed, the record of changes
naming the reviewer; rejecting keeps the lead's reply beside the challenge (a right of reply). Evidence marked
verified becomes *independently verified*, the reviewer named (evidence.py).

A review file is refused whole, with every reason and nothing changed, when it is not a review, is of another
council, another bank version or other answers (the answers changed since the review started, or it is another
file's review), is not signed, is signed on a date still to come or before the date of the assessment it reviewed, or holds a mark the bank or the assessment cannot take (an unknown question, an answer the
question does not offer, evidence the assessment does not record, markup or control characters in a comment).

Run-time code: standard library only.
"""

from __future__ import annotations

import datetime
from typing import Any

from .assessment import DATE_SLACK, Assessment, AssessmentError, Council, load_assessment, read_assessment_json
from .bank import NOT_APPLICABLE, Bank
from .cycle import (
    MAX_TEXT,
    QUESTION_ID,
    check_mark_content,
    check_name,
    check_plain_text,
    copy_json,
    is_iso_date,
)
from .evidence import strength_names
from .language import _
from .messages import Message, kind_of
from .signing import digest_of
from .times import now, written
from .wording import challenge_message, evidence_text, peer_review_message

FORMAT = "scorecard-review"
FORMAT_VERSION = 1
FIELDS = ("format", "format_version", "assessment", "marks", "verified", "sign_off")
SUBJECT_FIELDS = ("council", "bank_version", "assessment_date", "answers_digest")
MARK_FIELDS = ("mark", "comment", "proposed")
SIGN_OFF_FIELDS = ("name", "organisation", "date")


def answers_digest(assessment: Assessment) -> str:
    """The digest of an assessment's answers (cleared ones left out), as signing.py writes digests: what a review
    file names so that it is refused by any other assessment, and by this one once its answers change."""
    return digest_of({q: v for q, v in assessment.answers.items() if v is not None})


def start_review(assessment: Assessment) -> dict[str, Any]:
    """An empty review file of this assessment, for the reviewer to mark and sign."""
    council = {"name": assessment.council.name}
    if assessment.council.code:
        council["code"] = assessment.council.code
    if assessment.council.ons_code:
        council["ons_code"] = assessment.council.ons_code
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "assessment": {
            "council": council,
            "bank_version": assessment.bank_version,
            "assessment_date": assessment.assessment_date,
            "answers_digest": answers_digest(assessment),
        },
        "marks": {},
        "verified": [],
    }


def review_sheet(bank: Bank, assessment: Assessment, nation: str) -> list[dict[str, Any]]:
    """What a reviewer marks, answer by answer in the bank's order: the question as the council reads it, the
    answer given and its evidence in words, and the answers the question offers (for a proposed answer)."""
    themes = {theme.id: theme.title for theme in bank.themes}
    strengths = strength_names(bank)
    sheet = []
    for qid, question in bank.questions.items():
        value = assessment.answers.get(qid)
        if value is None:
            continue
        options = [{"id": o.id, "label": o.label} for o in question.options]
        if question.allow_na:
            options.append({"id": NOT_APPLICABLE, "label": question.label_of(NOT_APPLICABLE)})
        sheet.append(
            {
                "question": qid,
                "theme": question.theme,
                "theme_title": themes[question.theme],
                "text": question.wording(nation).text,
                "answer": question.label_of(value),
                "multi": question.type == "multi",
                "options": options,
                "evidence": evidence_text(assessment.cycle.evidence.get(qid), strengths),
            }
        )
    return sheet


def read_review(bank: Bank, assessment: Assessment, raw: Any, signed: bool = True) -> dict[str, Any]:
    """A review file (its text, bytes or data) checked against the assessment it reviews and the bank; raise
    AssessmentError listing every reason it cannot be used. ``signed``: it must carry the reviewer's sign-off
    (to be merged); a review still being marked need not."""
    data = read_assessment_json(raw) if isinstance(raw, (str, bytes)) else raw
    if not isinstance(data, dict):
        raise AssessmentError([Message("review_not_an_object", {"kind": kind_of(data)})])
    if data.get("format") != FORMAT:
        raise AssessmentError([Message("review_not_a_review", {"format": FORMAT})])
    if type(data.get("format_version")) is not int or data["format_version"] != FORMAT_VERSION:
        raise AssessmentError([Message("review_format_version", {"supported": FORMAT_VERSION})])
    problems: list[Message] = []
    unexpected = sorted(set(data) - set(FIELDS))
    if unexpected:
        problems.append(Message("review_unexpected", {"key": str(unexpected[0])[:40], "fields": list(FIELDS)}))
    _subject(data.get("assessment"), assessment, problems)
    if problems:
        raise AssessmentError(problems)  # another assessment's review: its marks are not worth reading
    marks = _marks(bank, data.get("marks", {}), problems)
    verified = _verified(data.get("verified", []), assessment, problems)
    sign_off = data.get("sign_off")
    if sign_off is not None or signed:
        _review_sign_off(sign_off, data["assessment"]["assessment_date"], problems)
    if problems:
        raise AssessmentError(problems)
    checked = {**copy_json(data), "marks": marks, "verified": verified}
    return checked


def _subject(raw: Any, assessment: Assessment, problems: list[Message]) -> None:
    """Whether the review is of this assessment: its council, bank version, date and answers."""
    from .merge import council_label, told_apart  # merging's code, imported when a review is read, not at each score

    if not isinstance(raw, dict) or set(raw) != set(SUBJECT_FIELDS) or not isinstance(raw.get("council"), dict):
        problems.append(Message("review_subject_bad", {"fields": list(SUBJECT_FIELDS)}))
        return
    given = raw["council"]
    texts = [given.get(k, "") for k in ("name", "code", "ons_code")]
    if not all(isinstance(t, str) and len(t) <= MAX_TEXT for t in texts):
        problems.append(Message("review_subject_bad", {"fields": list(SUBJECT_FIELDS)}))
        return
    reviewed = Council(name=texts[0], type=assessment.council.type, code=texts[1], ons_code=texts[2])
    how = told_apart(assessment.council, reviewed)
    if how is not None:
        problems.append(
            Message(
                "review_other_council",
                {"council": council_label(reviewed, how), "lead_council": council_label(assessment.council, how)},
            )
        )
        return
    if raw["bank_version"] != assessment.bank_version:
        problems.append(
            Message(
                "review_other_bank",
                {"version": str(raw["bank_version"])[:40], "assessment_version": assessment.bank_version},
            )
        )
    elif not is_iso_date(raw["assessment_date"]):
        problems.append(Message("review_date_bad", {"field": "assessment.assessment_date"}))
    elif raw["answers_digest"] != answers_digest(assessment):
        problems.append(Message("review_other_answers"))


def _marks(bank: Bank, raw: Any, problems: list[Message]) -> dict[str, dict[str, Any]]:
    if not isinstance(raw, dict):
        problems.append(Message("section_not_an_object", {"section": "marks", "kind": kind_of(raw)}))
        return {}
    marks = {}
    for qid, entry in raw.items():
        where = f"marks.{str(qid)[:40]}"
        question = bank.questions.get(qid)
        if question is None:
            problems.append(Message("review_unknown_question", {"question": str(qid)[:40], "version": bank.version}))
            continue
        if not isinstance(entry, dict) or "mark" not in entry or set(entry) - set(MARK_FIELDS):
            problems.append(Message("review_mark_bad_shape", {"question": qid, "fields": list(MARK_FIELDS)}))
            continue
        before = len(problems)
        check_mark_content(entry, where, problems)
        if len(problems) == before and "proposed" in entry and not question.accepts(entry["proposed"]):
            problems.append(Message("review_proposed_bad", {"question": qid}))
        if len(problems) == before:
            marks[qid] = dict(entry)
    return marks


def _verified(raw: Any, assessment: Assessment, problems: list[Message]) -> list[str]:
    if not isinstance(raw, list) or not all(isinstance(q, str) for q in raw):
        problems.append(Message("review_verified_bad"))
        return []
    for qid in raw:
        if not QUESTION_ID.fullmatch(qid) or qid not in assessment.cycle.evidence:
            problems.append(Message("review_verified_no_evidence", {"question": qid[:40]}))
    return list(dict.fromkeys(raw))


def _review_sign_off(raw: Any, reviewed: str, problems: list[Message]) -> None:
    """The reviewer's name, organisation and date: a real date, not still to come, not before the date of the
    assessment as reviewed (``reviewed``: the site moves an assessment's date on with each change, so the lead's
    edits after the review leave that date behind)."""
    if raw is None:
        problems.append(Message("review_not_signed"))
        return
    if not isinstance(raw, dict) or set(raw) != set(SIGN_OFF_FIELDS):
        problems.append(Message("review_sign_off_bad", {"fields": list(SIGN_OFF_FIELDS)}))
        return
    check_name("sign_off.name", raw["name"], problems)
    check_name("sign_off.organisation", raw["organisation"], problems)
    date = raw["date"]
    if not is_iso_date(date):
        problems.append(Message("review_date_bad", {"field": "sign_off.date"}))
        return
    today = datetime.date.today()
    if datetime.date.fromisoformat(date) > today + DATE_SLACK:
        problems.append(Message("review_date_in_future", {"date": date, "today": today.isoformat()}))
    elif date < reviewed:
        problems.append(Message("review_date_before_assessment", {"date": date, "assessment_date": reviewed}))


def reviewer_label(mark: dict[str, Any]) -> str:
    """Who made a mark, as the record of changes and the evidence name them: "R. Peer, Northvale Council"."""
    return f"{mark['reviewer']}, {mark['organisation']}"


def merge_review(
    bank: Bank,
    assessment: Assessment,
    raw: Any,
    accept: list[str] | None = None,
    reject: dict[str, str] | None = None,
) -> dict[str, Any]:
    """The assessment file with a review's marks in it, its verified evidence marked so, and (optionally) some of
    its challenges decided at once; AssessmentError, nothing changed, when the review or a decision cannot be used."""
    review = read_review(bank, assessment, raw)
    signed = review["sign_off"]
    data = assessment.to_dict()
    kept = data.get("review_marks", {})
    marks = dict(kept)
    provenance = data.setdefault("provenance", {})
    at = written(now())
    by = f"{signed['name']}, {signed['organisation']}"
    for qid, entry in review["marks"].items():
        mark = {
            **entry,
            "reviewer": signed["name"],
            "organisation": signed["organisation"],
            "date": signed["date"],
        }
        if entry["mark"] == "challenge":
            mark["decision"] = "open"
            if data["answers"].get(qid) is not None:  # the answer challenged, kept: accepting it replaces the answer
                mark["answer"] = data["answers"][qid]
            before = kept.get(qid, {})
            if all(before.get(k) == v for k, v in mark.items() if k != "decision"):  # merged before: keep its decision
                mark = {**mark, **{k: before[k] for k in ("decision", "reply") if k in before}}
        marks[qid] = mark
        provenance[f"review_marks.{qid}"] = {"at": at, "by": by}
    for qid in review["verified"]:
        evidence = data["evidence"][qid]
        evidence["strength"] = "independently_verified"
        evidence["reviewer"] = by
        provenance[f"evidence.{qid}"] = {"at": at, "by": by}
    if marks:
        data["review_marks"] = marks
    merged = load_assessment(data, bank)
    return decide(bank, merged, accept or [], reject or {}, at=at) if accept or reject else merged.to_dict()


def decide(
    bank: Bank, assessment: Assessment, accept: list[str], reject: dict[str, str], at: str = "", by: str = ""
) -> dict[str, Any]:
    """The assessment file with open challenges decided: each accepted one's proposed answer taken (the record of
    changes naming the reviewer), each rejected one kept with the lead's reply. ``by``: who decides (the lead)."""
    marks = assessment.cycle.review_marks
    if not (isinstance(accept, list) and all(isinstance(q, str) for q in accept)) or not (
        isinstance(reject, dict) and all(isinstance(q, str) for q in reject)
    ):
        raise AssessmentError([Message("review_decisions_bad")])
    problems: list[Message] = []
    for qid in [*accept, *reject]:
        mark = marks.get(qid)
        if mark is None or mark["mark"] != "challenge":
            problems.append(Message("review_no_challenge", {"question": str(qid)[:40]}))
        elif mark["decision"] != "open":
            problems.append(Message("review_decided_already", {"question": qid, "decision": mark["decision"]}))
    for qid in set(accept) & set(reject):
        problems.append(Message("review_accept_and_reject", {"question": qid}))
    for qid, reply in reject.items():
        if not (isinstance(reply, str) and reply.strip()):
            problems.append(Message("review_reply_missing", {"question": str(qid)[:40]}))
        else:
            check_plain_text(_("reply to %(question)s") % {"question": qid}, reply, problems)
    if problems:
        raise AssessmentError(problems)
    data = assessment.to_dict()
    at = at or written(now())
    provenance = data.setdefault("provenance", {})
    for qid in accept:
        mark = data["review_marks"][qid]
        mark["decision"] = "accepted"
        if "proposed" in mark:
            data["answers"][qid] = copy_json(mark["proposed"])
            provenance[qid] = {"at": at, "by": f"{reviewer_label(mark)} (peer review)"}
            if qid in data.get("review", []):  # an answer carried from last year, now changed
                data["review"].remove(qid)
        provenance[f"review_marks.{qid}"] = {"at": at, **({"by": by} if by else {})}
    for qid, reply in reject.items():
        data["review_marks"][qid].update({"decision": "rejected", "reply": reply})
        provenance[f"review_marks.{qid}"] = {"at": at, **({"by": by} if by else {})}
    if not data.get("review"):
        data.pop("review", None)
    return load_assessment(data, bank).to_dict()


def peer_review(bank: Bank, assessment: Assessment, nation: str) -> dict[str, Any] | None:
    """The peer review marks as the results show them (result.PeerReview); None when there are none."""
    marks = assessment.cycle.review_marks
    if not marks:
        return None
    challenges = []
    order = {qid: place for place, qid in enumerate(bank.questions)}
    for qid in sorted(marks, key=lambda q: (marks[q].get("decision") != "open", order.get(q, len(order)), q)):
        mark = marks[qid]
        if mark["mark"] != "challenge":
            continue
        question = bank.questions.get(qid)
        value = mark.get("answer", assessment.answers.get(qid))  # as it was when challenged
        entry = {
            "question": qid,
            "theme": question.theme if question else "",
            "text": question.wording(nation).text if question else "",
            "answer": question.label_of(value) if question and value is not None else _("Not answered"),
            "proposed": question.label_of(mark["proposed"]) if question and "proposed" in mark else "",
            "comment": mark.get("comment", ""),
            "reviewer": reviewer_label(mark),
            "date": mark["date"],
            "decision": mark["decision"],
            "reply": mark.get("reply", ""),
            "message": "",
        }
        entry["message"] = challenge_message(entry)
        challenges.append(entry)
    decisions = [c["decision"] for c in challenges]
    summary = {
        "reviewers": list(dict.fromkeys(reviewer_label(m) for m in marks.values())),
        "agreed": sum(1 for m in marks.values() if m["mark"] == "agree"),
        "challenged": len(challenges),
        "open": decisions.count("open"),
        "accepted": decisions.count("accepted"),
        "rejected": decisions.count("rejected"),
        "verified": sum(1 for e in assessment.cycle.evidence.values() if e.get("strength") == "independently_verified"),
        "challenges": challenges,
        "message": "",
    }
    summary["message"] = peer_review_message(summary)
    return summary
