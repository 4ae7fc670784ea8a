"""A benchmark contribution: what a council sends a coordinator, and nothing more unless it says so.

A whole assessment file holds every answer, note and evidence item and the names of the officers who gave
them. A coordinator comparing councils needs only the figures: a contribution, made from a signed-off
assessment, holds

- ``council``: the council's register facts (name, type, region, GSS and register codes), as in the file;
- ``assessment_date`` and ``bank_version`` (the question bank that scored it);
- ``overall`` and, for each theme, its score, tier, coverage (and the questions asked, answered, not
  applicable and not asked behind it), whether it is provisional, and its evidence share; why a theme with a
  score has no tier (``not_rated``: not enough answered, or waiting for a legal duty or essential control) and
  the engine's sentences saying so or what holds a tier down (``rating_note``, ``tier_note``; the overall's
  ``rating_note``), so a theme that is not rated is never read as rated; and ``measure``, a short fingerprint
  of what the bank's theme measures (its questions, weights and options, gates and tier thresholds), so that a
  later comparison can say where the bank changed what a theme measures;
- ``indicators``: the outcome indicators' periods and counts (their notes only with ``notes``);
- ``included``: what else the council ticked to send, each in the assessment file's own form:
  ``answers``, ``notes``, ``evidence``, ``sign_off`` (who signed off, and when), ``functions`` (functions
  changed from its type's defaults) and ``targets`` (its own target tier per theme).

Nothing else: no provenance, no action plan, no assignments, no last year's answers. ``read_contribution``
refuses a file holding anything it does not list (scorecard/schemas/contribution.schema.json is the same
contract for other tools). ``compare`` reads contributions beside whole files (comparison/compare.py) and
says which it had.

Run-time code: standard library only.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, TypedDict

from .assessment import Assessment, AssessmentError, Council, _answers, _council, _date_problem
from .bank import Bank, Theme
from .cycle import SetAside, _evidence, _per_question, _sign_off, one_line_problem, read_targets
from .indicators import read_indicators
from .messages import Message, kind_of
from .result import CouncilSummary, Result

FORMAT = "scorecard-contribution"
FORMAT_VERSION = 1
INCLUDES = ("answers", "notes", "evidence", "sign_off", "functions", "targets")
BASE = ("format", "format_version", "council", "assessment_date", "bank_version", "overall", "themes", "indicators",
        "included")  # fmt: skip
OVERALL_FIGURES = ("score", "tier", "coverage", "provisional", "rating_note")
COUNTS = ("asked", "answered", "not_applicable", "not_asked")
# a theme's figures under a result's own names (result.ThemeResult), then its evidence share and measure
CARRIED = ("score", "tier", "not_rated", "rating_note", "tier_note", "coverage", "provisional", *COUNTS)
THEME_FIGURES = ("id", *CARRIED, "evidence", "measure")
EVIDENCE_FIGURES = ("answered", "with_evidence", "share")
NOT_RATED = ("not_started", "not_enough_answered", "waiting")  # scoring.py: why a theme has no tier
MAX_NOTE = 2000  # a rating note names the questions a theme waits for: long, never this long
THEME_ID = re.compile(r"^[a-z][a-z_]*$")
MEASURE = re.compile(r"^[0-9a-f]{12}$")


def make_contribution(
    bank: Bank, assessment: Assessment, result: Result, include: Sequence[str] = ()
) -> dict[str, Any]:
    """The contribution of a signed-off assessment (``result`` is its score_assessment), with what ``include``
    names besides the figures. AssessmentError when it is not signed off or ``include`` names something else."""
    problems = [Message("contribution_include_unknown", {"value": str(i)[:40], "choices": list(INCLUDES)})
                for i in include if i not in INCLUDES]  # fmt: skip
    if assessment.cycle.sign_off is None:
        problems.append(Message("contribution_not_signed_off"))
    if problems:
        raise AssessmentError(problems)
    chosen = [i for i in INCLUDES if i in include]
    council: dict[str, Any] = {"name": assessment.council.name, "type": assessment.council.type}
    for key in ("region", "ons_code", "code"):
        if getattr(assessment.council, key):
            council[key] = getattr(assessment.council, key)
    if "functions" in chosen and assessment.council.functions is not None:
        council["functions"] = list(assessment.council.functions)
    measures = theme_measures(bank)
    overall: Mapping[str, Any] = result["overall"]
    themes: list[Mapping[str, Any]] = list(result["themes"])
    data: dict[str, Any] = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "council": council,
        "assessment_date": assessment.assessment_date,
        "bank_version": bank.version,
        "overall": {key: overall[key] for key in OVERALL_FIGURES},
        "themes": [
            {
                "id": theme["id"],
                **{key: theme[key] for key in CARRIED},
                "evidence": {key: theme["evidence"][key] for key in EVIDENCE_FIGURES},
                "measure": measures[theme["id"]],
            }
            for theme in themes
        ],
        "indicators": {
            iid: {key: entry[key] for key in ("from", "to", "counts")}
            | ({"note": entry["note"]} if "notes" in chosen and "note" in entry else {})
            for iid, entry in assessment.cycle.indicators.items()
        },
        "included": chosen,
    }
    parts: dict[str, Callable[[], Any]] = {
        "answers": lambda: dict(assessment.answers),
        "notes": lambda: dict(assessment.notes),
        "evidence": lambda: {q: dict(e) for q, e in assessment.cycle.evidence.items()},
        "sign_off": lambda: dict(assessment.cycle.sign_off or {}),
        "targets": lambda: dict(assessment.cycle.targets),
    }
    for name in chosen:
        if name in parts:
            data[name] = parts[name]()
    plain: dict[str, Any] = json.loads(json.dumps(data))  # plain JSON data, nothing shared with the assessment
    return plain


def theme_measures(bank: Bank) -> dict[str, str]:
    """Each theme's fingerprint: 12 hex digits of a hash of what it measures (see the module's docstring)."""
    tiers = [(t.id, t.min_score) for t in bank.tiers]
    return {theme.id: _fingerprint([tiers, bank.gate_tier_cap.id, _measured(theme)]) for theme in bank.themes}


def _measured(theme: Theme) -> list[Any]:
    """What decides a theme's score and tier: its scored questions, their weights, options, conditions and gates."""
    return [
        [
            q.id,
            q.kind,
            q.weight,
            sorted(q.option_scores.items()),
            q.max_points,
            q.type,
            sorted(q.requires),
            sorted(q.nations),
            q.allow_na,
            q.depends_on,
            sorted(q.depends_answer_in),
            sorted([nation, sorted(w.gate.met)] for nation, w in q.variants.items() if w.gate)
            + ([["", sorted(q.gate.met)]] if q.gate else []),
            list(q.exposure_for),
        ]
        for q in theme.questions
    ]


def _fingerprint(value: Any) -> str:
    return hashlib.sha256(json.dumps(value, sort_keys=True).encode()).hexdigest()[:12]


@dataclass
class Contribution:
    """A contribution read and checked: what a comparison needs of it, in an assessment's terms."""

    council: Council
    assessment_date: str
    bank_version: str  # the bank that scored it
    overall: dict[str, Any]
    themes: list[dict[str, Any]]
    indicators: dict[str, dict[str, Any]]
    included: list[str]
    answers: dict[str, Any] = field(default_factory=dict)  # only when included
    targets: dict[str, str] = field(default_factory=dict)  # only when included

    @property
    def has_answers(self) -> bool:
        return "answers" in self.included


def read_contribution(data: Any, bank: Bank) -> Contribution:
    """A contribution file checked against its contract; AssessmentError names every problem."""
    problems: list[Message] = []
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise AssessmentError([Message("not_a_contribution", {"format": FORMAT})])
    if type(data.get("format_version")) is not int or data["format_version"] != FORMAT_VERSION:
        raise AssessmentError(
            [
                Message(
                    "unsupported_format_version",
                    {"found": json.dumps(data.get("format_version")), "supported": FORMAT_VERSION},
                )
            ]  # fmt: skip
        )
    included = data.get("included")
    if not isinstance(included, list) or not all(isinstance(i, str) and i in INCLUDES for i in included):
        problems.append(Message("contribution_included_bad", {"choices": list(INCLUDES)}))
        included = []
    sections = [i for i in included if i != "functions"]
    for key in sorted(set(data) - set(BASE) - set(sections)):
        problems.append(Message("contribution_unexpected", {"key": str(key)[:40]}))
    for key in sections:
        if key not in data:
            problems.append(Message("contribution_missing", {"key": key}))
    council, _ = _council(data.get("council"), bank, problems)
    if isinstance(data.get("council"), dict) and "functions" in data["council"] and "functions" not in included:
        problems.append(Message("contribution_unexpected", {"key": "council.functions"}))
    date_problem = _date_problem(data.get("assessment_date"))
    if date_problem:
        problems.append(date_problem)
    if not isinstance(data.get("bank_version"), str) or not data["bank_version"]:
        problems.append(Message("bad_bank_version"))
    tiers = [t.id for t in bank.tiers]
    overall = _figures(data.get("overall"), OVERALL_FIGURES, "overall", tiers, problems)
    themes = _themes(data.get("themes"), tiers, problems)
    unusable_figures: SetAside = {}  # figures a file would set aside (engine/indicators.py): a contribution is refused
    indicators = read_indicators(data.get("indicators", {}), bank, problems, unusable_figures)
    problems += [problem for _entry, why in unusable_figures.values() for problem in why]
    if "notes" not in included and any("note" in entry for entry in indicators.values()):
        problems.append(Message("contribution_unexpected", {"key": "indicators: note"}))
    answers: dict[str, Any] = {}
    if "answers" in data and "answers" in included:
        answers, _, _ = _answers(data["answers"], {}, bank, {}, problems)
    if "notes" in data and "notes" in included:
        raw = data["notes"]
        if not isinstance(raw, dict) or not all(isinstance(v, str) for v in raw.values()):
            problems.append(Message("notes_not_an_object"))
    if "evidence" in data and "evidence" in included:
        unusable: SetAside = {}  # an entry a file would set aside: a contribution is refused instead
        _per_question(data["evidence"], "evidence", _evidence, bank.replaced_by, problems, unusable)
        problems += [problem for _entry, why in unusable.values() for problem in why]
    if "sign_off" in data and "sign_off" in included:
        _sign_off(data["sign_off"], problems)
    targets = read_targets(data["targets"], bank, problems) if "targets" in data and "targets" in included else {}
    if problems:
        raise AssessmentError(problems)
    return Contribution(council, data["assessment_date"], data["bank_version"], overall, themes, indicators,
                        list(included), answers, targets)  # fmt: skip


def _figures(raw: Any, keys: tuple[str, ...], where: str, tiers: list[str], problems: list[Message]) -> dict[str, Any]:
    """A theme's or the overall figures: exactly ``keys``, each of its kind."""
    if not isinstance(raw, dict) or set(raw) != set(keys):
        problems.append(Message("contribution_figures_bad", {"where": where, "fields": list(keys)}))
        return {}
    before = len(problems)
    score, tier, coverage = raw["score"], raw["tier"], raw["coverage"]
    if score is not None and not (_number(score) and 0 <= score <= 100):
        problems.append(Message("contribution_figure_bad", {"where": where, "figure": "score", "value": _shown(score)}))
    if tier is not None and tier not in tiers:
        problems.append(Message("contribution_tier_bad", {"where": where, "value": str(tier)[:40], "tiers": tiers}))
    if coverage is not None and not (_number(coverage) and 0 <= coverage <= 1):
        problems.append(
            Message("contribution_figure_bad", {"where": where, "figure": "coverage", "value": _shown(coverage)})
        )
    if type(raw["provisional"]) is not bool:
        problems.append(
            Message(
                "contribution_figure_bad",
                {"where": where, "figure": "provisional", "value": _shown(raw["provisional"])},
            )
        )
    for key in COUNTS:
        if key in keys and not (type(raw[key]) is int and raw[key] >= 0):
            problems.append(
                Message("contribution_figure_bad", {"where": where, "figure": key, "value": _shown(raw[key])})
            )
    for key in ("rating_note", "tier_note"):
        if key in keys and not (isinstance(raw[key], str) and len(raw[key]) <= MAX_NOTE and _one_line(raw[key])):
            problems.append(
                Message("contribution_figure_bad", {"where": where, "figure": key, "value": _shown(raw[key])})
            )
    if "not_rated" in keys:
        why = raw["not_rated"]
        if why is not None and why not in NOT_RATED:
            problems.append(
                Message(
                    "contribution_not_rated_bad", {"where": where, "value": _shown(why), "choices": list(NOT_RATED)}
                )
            )
        elif (tier is not None and why is not None) or (score is not None and tier is None and why is None):
            problems.append(Message("contribution_rating_bad", {"where": where}))
    return dict(raw) if len(problems) == before else {}


def _themes(raw: Any, tiers: list[str], problems: list[Message]) -> list[dict[str, Any]]:
    if not isinstance(raw, list):
        problems.append(Message("contribution_themes_bad", {"kind": kind_of(raw)}))
        return []
    themes, seen = [], set()
    for entry in raw:
        theme_id = entry.get("id") if isinstance(entry, dict) else None
        if not isinstance(theme_id, str) or not THEME_ID.fullmatch(theme_id) or theme_id in seen:
            problems.append(Message("contribution_theme_id_bad", {"value": str(theme_id)[:40]}))
            continue
        seen.add(theme_id)
        checked = _figures(entry, THEME_FIGURES, theme_id, tiers, problems)
        if not checked:
            continue
        evidence = checked["evidence"]
        share = evidence.get("share") if isinstance(evidence, dict) else None
        if (
            not isinstance(evidence, dict)
            or set(evidence) != set(EVIDENCE_FIGURES)
            or not all(type(evidence[k]) is int and evidence[k] >= 0 for k in EVIDENCE_FIGURES[:2])
            or not (share is None or (_number(share) and 0 <= share <= 1))
        ):
            problems.append(
                Message(
                    "contribution_figures_bad", {"where": f"{theme_id}: evidence", "fields": list(EVIDENCE_FIGURES)}
                )
            )
        elif not (isinstance(checked["measure"], str) and MEASURE.fullmatch(checked["measure"])):
            problems.append(
                Message(
                    "contribution_figure_bad",
                    {"where": theme_id, "figure": "measure", "value": _shown(checked["measure"])},
                )
            )
        else:
            themes.append(checked)
    return themes


def _one_line(text: str) -> bool:
    """Whether an engine's sentence is one line of visible text, as the engine writes them."""
    return one_line_problem("note", text) is None


def _shown(value: Any) -> str:
    """A value as the file has it, cut short, for a message."""
    return json.dumps(value)[:40]


def _number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


class ContributionChanges(TypedDict):
    version_changed: bool


class ContributionResult(TypedDict):
    """A contribution's figures where a comparison reads a result's (score_assessment, detail=False)."""

    council: CouncilSummary
    assessment_date: str
    bank_version: str
    assessment_bank_version: str
    overall: dict[str, Any]
    themes: list[dict[str, Any]]
    changes: ContributionChanges


def contribution_result(bank: Bank, contribution: Contribution) -> ContributionResult:
    """A contribution's figures in the shape a comparison reads of a result (score_assessment, detail=False):
    what the contribution does not carry (residual risk) is None, and a theme of this bank it does not hold is
    one it was not asked (an older bank without it)."""
    council = contribution.council
    ctype = bank.council_types[council.type]
    functions = ctype.functions if council.functions is None else frozenset(council.functions)
    held = {theme["id"]: theme for theme in contribution.themes}
    measures = theme_measures(bank)
    themes = []
    for theme in bank.themes:
        figures = held.get(theme.id)
        themes.append(
            {
                "id": theme.id,
                "title": theme.title,
                **({k: figures[k] for k in CARRIED} if figures else _NOT_HELD),
                "rated": figures is not None and figures["tier"] is not None,  # as scoring.py: rated, a tier
                "risk": None,
                "evidence": figures["evidence"] if figures else {"answered": 0, "with_evidence": 0, "share": None},
                "measure": figures["measure"] if figures else measures[theme.id],
            }
        )
    return {
        "council": {
            "name": council.name,
            "type": council.type,
            "nation": ctype.nation,
            "region": council.region,
            "ons_code": council.ons_code,
            "code": council.code,
            "functions": sorted(functions),
            "functions_added": sorted(functions - ctype.functions) if council.functions is not None else [],
            "functions_removed": sorted(ctype.functions - functions) if council.functions is not None else [],
        },
        "assessment_date": contribution.assessment_date,
        "bank_version": contribution.bank_version,
        "assessment_bank_version": contribution.bank_version,
        "overall": {**contribution.overall, "risk": None},
        "themes": themes,
        "changes": {"version_changed": contribution.bank_version != bank.version},
    }


_NOT_HELD = {"score": None, "tier": None, "not_rated": None, "rating_note": "", "tier_note": "", "coverage": None,
             "provisional": False, **dict.fromkeys(COUNTS, 0)}  # fmt: skip
