"""Merging several officers' files into one assessment, question by question.

In a council different people answer different themes; each sends the lead a file. The lead
merges any number of them, taking from each file all its themes or only some. For every
answer, note, piece of evidence, action, peer review mark, assignment, council detail, sign-off, outcome indicator's
figures and last year's record ("an item"):

- the files that have it agree (the same answer; the same options in any order): taken;
- only one file has it (the others are blank): taken;
- two or more files differ: a *conflict*, listed with each file's value and who gave it when
  (from the files' ``provenance``), and settled only by a choice: ``take`` names the file to
  take one item (or all of one question's items) from, ``prefer`` names a file to win every
  conflict it is part of. Nothing is settled by guessing, not even by "newest wins": a later
  edit is not necessarily the right answer, and the lead must see both.

The merged file is in the current bank's form. A question stays marked for review only if
every file that gave its theme still marks it (one person confirming it is enough).

The files must be of one council: a file whose council differs from the first file's (the
lead's own) by register code, else GSS code, else name, is refused unless the lead confirms
that council by code or name (``other_councils``): another council's answers would otherwise
fill the lead's blanks unseen. Nothing is dropped without saying so: a file taken for some
themes only has what it held of other themes counted in ``left_out``; answers to retired
questions and those the bank does not know belong to no theme and are taken from every file
(kept aside in the merged file, as in each).

Run-time code: standard library only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .assessment import (
    FORMAT,
    FORMAT_VERSION,
    Assessment,
    AssessmentError,
    Council,
    load_assessment,
    parse_assessment_text,
)
from .bank import Bank, Question
from .characters import name_key
from .cycle import copy_json
from .language import N_, _
from .messages import Message
from .sharing import contributor_of
from .wording import left_out_text
from .yearly import same_answer

QUESTION_SECTIONS = ("answers", "notes", "evidence", "action_plan", "review_marks")
# In English, written in the current language (_) where used: how two councils were told apart, and what an item is.
HOW = {"code": N_("%(name)s (register code %(code)s)"), "ons": N_("%(name)s (GSS code %(code)s)")}
WHAT = {
    "answers": N_("answer"),
    "notes": N_("note"),
    "evidence": N_("evidence"),
    "action_plan": N_("action"),
    "review_marks": N_("peer review mark"),
    "retired_answers": N_("answer to a retired question"),
    "assignments": N_("assignment"),
    "targets": N_("target tier"),
    "council": N_("council detail"),
    "sign_off": N_("sign-off"),
    "previous": N_("last year's answers"),
    "indicators": N_("indicator figures"),
}
COUNCIL_FIELDS = ("name", "type", "region", "ons_code", "code", "functions")


@dataclass
class Source:
    """One file being merged: its name, its checked contents, and the themes taken from it."""

    name: str
    assessment: Assessment
    data: dict[str, Any]  # the checked file in the current bank's form
    provenance: dict[str, dict[str, str]]
    themes: frozenset[str] | None = None  # None: every theme
    items: dict[str, Any] = field(default_factory=dict)
    left_out: dict[str, int] = field(default_factory=dict)  # per question section, items of themes not taken
    contributor: str = ""  # whose file it is, when it holds only the themes assigned to one person (sharing.py)


def merge_assessments(
    bank: Bank,
    files: list[tuple[str, Any]],
    themes: dict[str, list[str]] | None = None,
    take: dict[str, str] | None = None,
    prefer: str | None = None,
    other_councils: list[str] | None = None,
) -> dict[str, Any]:
    """Merge files [(name, text or dict)] -> {"assessment": merged file or None, "conflicts", "settled", "files",
    "left_out"}.

    ``assessment`` is None while any conflict is unsettled: a half-merged file must not be
    mistaken for the team's answers. ``other_councils`` confirms files of another council than the
    first file's, each by its register code, GSS code or name. AssessmentError lists every file
    problem and every bad choice.
    """
    themes, take = themes or {}, dict(take or {})
    sources = _read(bank, files, themes)
    names = [s.name for s in sources]
    problems = _other_councils(sources, other_councils or [])
    problems += [
        Message("merge_take_unknown_file", {"key": key, "file": name, "files": names})
        for key, name in take.items()
        if name not in names
    ]
    if prefer is not None and prefer not in names:
        problems.append(Message("merge_prefer_unknown_file", {"file": prefer, "files": names}))
    if problems:
        raise AssessmentError(problems)

    chosen: dict[str, tuple[Any, Source]] = {}
    conflicts, settled = [], []
    used_takes: set[str] = set()
    for key in _keys(sources):
        holders = [s for s in sources if key in s.items]
        distinct = _distinct(key, [s.items[key] for s in holders])
        if len(distinct) == 1:
            chosen[key] = (holders[0].items[key], _first_record(key, holders))
            continue
        conflict = _conflict(bank, key, holders)
        pick = _choice(key, take, used_takes)
        if pick is None and prefer in [s.name for s in holders]:
            pick = prefer
        if pick is None:
            conflicts.append(conflict)
            continue
        source = next(s for s in sources if s.name == pick)  # take and prefer name files merged: checked above
        if key not in source.items:
            problems.append(Message("merge_take_blank", {"key": key, "file": pick, "files": [s.name for s in holders]}))
            continue
        chosen[key] = (source.items[key], source)
        settled.append({**conflict, "chosen": pick})
    problems += [Message("merge_take_no_conflict", {"key": key}) for key in take if key not in used_takes]
    if problems:
        raise AssessmentError(problems)
    summary = [
        {
            "name": s.name,
            "themes": sorted(s.themes) if s.themes is not None else None,
            "answers": sum(1 for k in s.items if k.startswith("answers.")),
            "answered_themes": [
                t.id for t in bank.themes if any(q.id in s.data["answers"] for q in t.questions)
            ],  # what the file holds, to offer only those themes
            "contributor": s.contributor,
        }
        for s in sources
    ]
    left_out = []
    for s in sources:
        if s.themes is not None and any(s.left_out.values()):
            entry = {"file": s.name, "themes": sorted(s.themes), **{k: s.left_out.get(k, 0) for k in QUESTION_SECTIONS}}
            left_out.append({**entry, "message": left_out_text(entry)})
    reply = {"conflicts": conflicts, "settled": settled, "files": summary, "left_out": left_out}
    if conflicts:
        return {"assessment": None, **reply}
    merged = _assemble(bank, sources, chosen)
    load_assessment(merged, bank)  # the merged file must read back; a failure here is a bug, not bad input
    return {"assessment": merged, **reply}


def _other_councils(sources: list[Source], confirmed: list[str]) -> list[Message]:
    """A file of another council than the first file's, unless confirmed; a confirmation that names none."""
    lead, problems, used = sources[0], [], set()
    for source in sources[1:]:
        how = told_apart(lead.assessment.council, source.assessment.council)
        if how is None:
            continue
        council = source.assessment.council
        given = [c for c in confirmed if _names(c, council)]
        used.update(given)
        if not given:
            problems.append(
                Message(
                    "merge_other_council",
                    {
                        "file": source.name,
                        "council": council_label(council, how),
                        "lead_council": council_label(lead.assessment.council, how),
                        "lead_file": lead.name,
                        "confirm": council.code or council.ons_code or council.name,
                    },
                )
            )
    problems += [Message("merge_other_council_unknown", {"given": c}) for c in confirmed if c not in used]
    return problems


def told_apart(lead: Council, other: Council) -> str | None:
    """How two files' councils are told to be two ("code", "ons", "name"); None if one, or if nothing can tell."""
    if lead.code and other.code:
        return "code" if lead.code != other.code else None
    if lead.ons_code and other.ons_code:
        return "ons" if lead.ons_code != other.ons_code else None
    if lead.name.strip() and other.name.strip():
        return "name" if name_key(lead.name) != name_key(other.name) else None
    return None  # a contributor's file without a name or codes: nothing says it is another council


def _names(given: str, council: Council) -> bool:
    """Whether the lead's confirmation names this council: its register code, GSS code or name."""
    code = given.strip().upper()
    return bool(code) and (code in (council.code, council.ons_code) or name_key(given) == name_key(council.name))


def council_label(council: Council, how: str) -> str:
    """A council as named where two are told apart: its name, with the code that tells them apart."""
    name = council.name or _("a council without a name")
    value = {"code": council.code, "ons": council.ons_code}.get(how)
    return _(HOW[how]) % {"name": name, "code": value} if value else name


def _read(bank: Bank, files: list[tuple[str, Any]], themes: dict[str, list[str]]) -> list[Source]:
    """Check every file (all problems, each named by its file) and flatten it into items."""
    if len(files) < 2:
        raise AssessmentError([Message("merge_needs_two")])
    known = {t.id for t in bank.themes}
    problems, sources, seen = [], [], set()
    for name, content in files:
        if name in seen:
            problems.append(Message("merge_same_name", {"file": name}))
            continue
        seen.add(name)
        try:
            assessment = (
                parse_assessment_text(content, bank)
                if isinstance(content, (str, bytes))
                else load_assessment(content, bank)
            )
        except AssessmentError as error:
            problems += [
                Message("merge_file_problem", {"file": name, "file_problem": {"code": m.code, "params": m.params}})
                for m in error.details
            ]
            continue
        chosen_themes = themes.get(name)
        unknown = [t for t in chosen_themes or [] if t not in known]
        if unknown:
            problems.append(
                Message("merge_unknown_theme", {"file": name, "theme": unknown[0], "themes": sorted(known)})
            )
        data = assessment.to_dict()
        source = Source(
            name, assessment, data, assessment.provenance, None if chosen_themes is None else frozenset(chosen_themes)
        )
        source.items = _items(bank, source)
        source.contributor = contributor_of(bank, data)
        sources.append(source)
    for name in themes:
        if name not in seen:
            problems.append(Message("merge_themes_for_unknown_file", {"file": name}))
    if problems:
        raise AssessmentError(problems)
    return sources


def _items(bank: Bank, source: Source) -> dict[str, Any]:
    """The file as items "section.ID" -> value, leaving out questions of themes not taken from it."""
    data, items = source.data, {}
    for key in COUNCIL_FIELDS:
        value = data["council"].get(key)
        if value not in (None, "", []):
            items[f"council.{key}"] = value
    for section in QUESTION_SECTIONS:
        for qid, value in data.get(section, {}).items():
            if value is None or value == "":
                continue
            question = bank.questions.get(qid)  # None: a question the bank does not know belongs to no theme
            if source.themes is not None and question is not None and question.theme not in source.themes:
                source.left_out[section] = source.left_out.get(section, 0) + 1
                continue
            items[f"{section}.{qid}"] = value
    for qid, value in data.get("retired_answers", {}).items():  # retired or unknown: no theme, kept aside
        items[f"retired_answers.{qid}"] = value
    for key, name in data.get("assignments", {}).items():
        items[f"assignments.{key}"] = name
    for theme_id, tier in data.get("targets", {}).items():  # a theme's target: from the files giving that theme
        if source.themes is None or theme_id in source.themes:
            items[f"targets.{theme_id}"] = tier
    for iid, entry in data.get("indicators", {}).items():
        indicator = bank.indicators.get(iid)
        if source.themes is not None and (indicator is None or indicator.theme not in source.themes):
            continue
        items[f"indicators.{iid}"] = entry
    for key in ("sign_off", "previous"):
        if data.get(key):
            items[key] = data[key]
    return items


def _keys(sources: list[Source]) -> list[str]:
    return list(dict.fromkeys(key for s in sources for key in s.items))


def _distinct(key: str, values: list[Any]) -> list[Any]:
    distinct: list[Any] = []
    for value in values:
        if not any(same_answer(value, d) if key.startswith("answers.") else value == d for d in distinct):
            distinct.append(value)
    return distinct


def _provenance_key(key: str) -> str:
    """The provenance entry an item's change is recorded under (answers by bare id)."""
    section, _dot, rest = key.partition(".")
    return rest if section == "answers" else key


def _first_record(key: str, holders: list[Source]) -> Source:
    """Of the files that agree, the first (in the order given: the lead's own file first) that records who
    gave it and when. A copy claiming a later time does not take over "who answered": the answer itself
    did not change, and a time or name in a file is only its claim."""
    pkey = _provenance_key(key)
    return next((s for s in holders if pkey in s.provenance), holders[0])


def _choice(key: str, take: dict[str, str], used: set[str]) -> str | None:
    """The file chosen for this item: by its own key, or by its question id for all that question's items."""
    section, _dot, rest = key.partition(".")
    for candidate in (key, rest if section in QUESTION_SECTIONS else None):
        if candidate and candidate in take:
            used.add(candidate)
            return take[candidate]
    return None


def _conflict(bank: Bank, key: str, holders: list[Source]) -> dict[str, Any]:
    section, _dot, rest = key.partition(".")
    question = bank.questions.get(rest) if section in QUESTION_SECTIONS else None
    pkey = _provenance_key(key)
    what = _(WHAT[section])
    if question:
        label = _("%(question)s %(what)s") % {"question": rest, "what": what}
    else:
        label = _("%(what)s %(key)s") % {"what": what, "key": rest} if rest else what
    conflict = {
        "key": key,
        "what": what,
        "question": question.id if question else None,
        "theme": question.theme if question else None,
        "text": question.text if question else "",
        "label": label,
        "choices": [
            {
                "file": s.name,
                "value": s.items[key],
                "shown": _shown(question, section, s.items[key]),
                "by": s.provenance.get(pkey, {}).get("by", ""),
                "at": s.provenance.get(pkey, {}).get("at", ""),
            }
            for s in holders
        ],
    }
    assigned_to = ""
    if question is not None:
        assigned: dict[str, str] = next((s.data["assignments"] for s in holders if s.data.get("assignments")), {})
        assigned_to = conflict["assigned_to"] = assigned.get(question.id) or assigned.get(question.theme) or ""
    conflict["suggested"] = _suggested(assigned_to, holders, pkey)
    return conflict


def _suggested(assigned_to: str, holders: list[Source], pkey: str) -> str:
    """The file whose side is chosen until the lead says otherwise: the person the question is assigned to (who gave
    it, or whose contributor's file it is), else the first file (the lead's own). Only a default: nothing is settled
    without the lead's choice."""
    for s in holders:
        if assigned_to and assigned_to in (s.provenance.get(pkey, {}).get("by"), s.contributor):
            return s.name
    return holders[0].name


def _shown(question: Question | None, section: str, value: Any) -> str:
    """A value as the lead reads it when choosing."""
    if section == "answers" and question is not None:
        return question.label_of(value)
    if section == "indicators" and isinstance(value, dict) and isinstance(value.get("counts"), dict):
        counts = ", ".join(f"{k} {v}" for k, v in value["counts"].items())
        return _("%(from)s to %(to)s") % {"from": value.get("from", ""), "to": value.get("to", "")} + f": {counts}"
    if isinstance(value, dict):
        return "; ".join(f"{k}: {v}" for k, v in value.items() if not isinstance(v, (dict, list)))
    if isinstance(value, list):
        return ", ".join(map(str, value))
    return str(value)


def _assemble(bank: Bank, sources: list[Source], chosen: dict[str, tuple[Any, Source]]) -> dict[str, Any]:
    """The merged file from the chosen items, with each item's who-and-when from the file it came from."""
    first = sources[0].data
    council = {"name": "", "type": first["council"]["type"]}
    data: dict[str, Any] = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "council": council,
        "assessment_date": max(s.data["assessment_date"] for s in sources),
        "bank_version": bank.version,
        "answers": {},
        "notes": {},
    }
    provenance: dict[str, dict[str, str]] = {}
    for key, (value, source) in chosen.items():
        section, _dot, rest = key.partition(".")
        if section == "council":
            council[rest] = copy_json(value)
        elif rest:
            data.setdefault(section, {})[rest] = copy_json(value)
        else:
            data[section] = copy_json(value)
        pkey = _provenance_key(key)
        if pkey in source.provenance:
            provenance[pkey] = dict(source.provenance[pkey])
    starts = [s.provenance["assessment"] for s in sources if "assessment" in s.provenance]
    if starts:
        provenance["assessment"] = dict(min(starts, key=lambda p: p["at"]))  # UTC, one form: text order is time order
    review = _review(bank, sources)
    if review:
        data["review"] = review
    if provenance:
        data["provenance"] = provenance
    return data


def _review(bank: Bank, sources: list[Source]) -> list[str]:
    """Still to review: marked by every file that is in a new year's cycle and gave that question's theme."""
    cycle_files = [s for s in sources if s.assessment.cycle.previous]
    candidates = {q for s in cycle_files for q in s.assessment.cycle.review if q in bank.questions}
    keep = []
    for qid in sorted(candidates, key=list(bank.questions).index):
        theme = bank.questions[qid].theme
        givers = [s for s in cycle_files if s.themes is None or theme in s.themes]
        if givers and all(qid in s.assessment.cycle.review for s in givers):
            keep.append(qid)
    return keep
