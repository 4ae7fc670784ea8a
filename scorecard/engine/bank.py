"""The compiled question bank as the engine sees it.

The build step (``scorecard.build``) turns the YAML files into one JSON document; this
module reads that document into small immutable objects. It is run-time code: standard
library only, so it runs unchanged in CPython and in Pyodide.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from math import fsum  # exact, so CPython 3.11 and 3.12+ (compensated sum()) agree
from typing import TYPE_CHECKING, Any, TypeVar

from .language import _

if TYPE_CHECKING:
    from .result import Labels

T = TypeVar("T")

NOT_APPLICABLE = "n/a"
"""The answer value an officer gives for 'not applicable'. Never a valid option id."""


MATURITY, CONTEXT = "maturity", "context"


@dataclass(frozen=True)
class Option:
    id: str
    label: str
    score: float  # 0 for a context question's options
    exposure: str | None = None  # context questions: the exposure level this answer indicates
    exclusive: bool = False  # multi questions: given only on its own ("None of these")
    # context questions: the exposure this answer gives unless its evidence has a dated source, and why
    unevidenced_exposure: str | None = None
    unevidenced_reason: str = ""


@dataclass(frozen=True)
class Gate:
    """A legal duty the question tests: met only by one of ``met``; anything else caps the tier.

    ``in_force``: nation -> the date (YYYY-MM-DD) the duty came into force there, from the
    legal-status register; an assessment dated before it is not marked against the duty.
    """

    law: str
    met: frozenset[str]
    in_force: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Essential:
    """An essential control: without one of ``met`` answered, the theme cannot be above rules.essential_not_met."""

    control: str
    met: frozenset[str]
    reason: str
    source: str


@dataclass(frozen=True)
class Contradiction:
    """Two answers that cannot both be true: ``when`` answered one of ``when_in`` and ``claims`` one of ``claims_in``."""

    id: str
    when: str
    when_in: frozenset[str]
    claims: str
    claims_in: frozenset[str]
    message: str


@dataclass(frozen=True)
class Wording:
    """What an officer in one nation reads: the question, its help, its sources and its legal gate."""

    text: str
    help: str
    sources: tuple[str, ...]
    gate: Gate | None


@dataclass(frozen=True)
class Question:
    id: str
    theme: str
    kind: str  # MATURITY (scored) or CONTEXT (local exposure, never scored)
    text: str
    help: str
    type: str  # "single" | "yes_no" | "multi"
    options: tuple[Option, ...]
    weight: float  # 0 for context questions
    requires: frozenset[str]  # functions the council must run
    nations: frozenset[str]  # nations whose councils are asked
    allow_na: bool
    depends_on: str | None
    depends_answer_in: frozenset[str]
    guidance: tuple[str, ...]
    sources: tuple[str, ...]
    replaces: tuple[str, ...]
    gate: Gate | None
    essential: Essential | None  # a control without which the theme cannot be above rules.essential_not_met
    variants: Mapping[str, Wording]  # nation -> its own wording and law, where it differs
    exposure_for: tuple[str, ...]  # context questions: the themes whose exposure they feed
    option_scores: Mapping[str, float] = field(repr=False)
    max_points: float = field(repr=False)
    labels: Mapping[str, str] = field(repr=False)  # option id -> label
    best_label: str = field(repr=False)  # what the best answer reads as, for the action list
    text_answers: frozenset[str] = field(
        repr=False
    )  # every valid answer written as text: an option id (not multi), n/a if allowed
    exclusive_options: frozenset[str] = field(repr=False)  # a multi's options that are given only on their own
    own_wording: Wording = field(
        repr=False
    )  # the wording of nations without a variant, built once rather than per call

    def fraction(self, value: Any) -> float:
        """Share of the weight an answer earns (0-1); value is an option id or list of ids."""
        if self.type == "multi":
            return fsum(self.option_scores[o] for o in value) / self.max_points
        return self.option_scores[value]

    def accepts(self, value: Any) -> bool:
        """A quick yes for a valid answer; the assessment checks explain a no."""
        if type(value) is str:
            return value in self.text_answers
        if type(value) is list and self.type == "multi":
            try:
                chosen = set(value)
            except TypeError:  # an object or list inside the list
                return False
            return (
                len(chosen) == len(value)
                and chosen <= self.option_scores.keys()
                and (len(chosen) < 2 or chosen.isdisjoint(self.exclusive_options))
            )
        return False

    def wording(self, nation: str) -> Wording:
        """The question as a council in this nation reads it."""
        return self.variants.get(nation) or self.own_wording

    def asked_of(self, nation: str, functions: frozenset[str]) -> bool:
        return nation in self.nations and self.requires <= functions

    def label_of(self, value: Any) -> str:
        """Human-readable form of an answer value, for reports."""
        if value == NOT_APPLICABLE:
            return _("Not applicable")
        if isinstance(value, list):
            return "; ".join(self.labels[v] for v in value) if value else _("None selected")
        return self.labels[value]


@dataclass(frozen=True)
class IndicatorCount:
    id: str
    label: str
    within: str  # the count this one is part of ("" for none): never larger, and shown as a share of it


@dataclass(frozen=True)
class Indicator:
    """A count the council records with its period, beside the scores: never scored (questions/indicators.yaml)."""

    id: str
    title: str
    help: str
    theme: str
    outcome: str  # an outcome id ("" for none)
    duty: str  # the legal duty it evidences, England's wording ("" for none)
    requires: frozenset[str]
    nations: frozenset[str]
    counts: tuple[IndicatorCount, ...]
    guidance: tuple[str, ...]
    sources: tuple[str, ...]
    variants: Mapping[str, Mapping[str, Any]]  # nation -> help, duty or sources where they differ

    def shown_to(self, nation: str, functions: frozenset[str]) -> bool:
        return nation in self.nations and self.requires <= functions

    def duty_in(self, nation: str) -> str:
        """The duty as a council of this nation reads it ("" where it has none)."""
        return (self.variants.get(nation, {}).get("duty", self.duty)) or ""


@dataclass(frozen=True)
class Theme:
    id: str
    title: str
    summary: str
    guidance: str
    weight: float
    questions: tuple[Question, ...]
    weight_reason: str = ""  # why the theme weighs what it does (scoring.yaml theme_weights)


@dataclass(frozen=True)
class Band:
    """A tier or a risk band: reached when a score is at least min_score."""

    id: str
    name: str
    min_score: float
    description: str


@dataclass(frozen=True)
class Level:
    """An exposure or residual-risk level."""

    id: str
    name: str
    description: str


@dataclass(frozen=True)
class CouncilType:
    id: str
    nation: str
    name: str
    functions: frozenset[str]  # run by default; an officer may correct them for their council


@dataclass(frozen=True)
class Bank:
    version: str
    nations: Mapping[str, str]  # id -> display name
    functions: Mapping[str, str]  # id -> display name
    council_types: Mapping[str, CouncilType]
    type_replaced_by: Mapping[str, str]  # council type id of an earlier bank -> current id
    themes: tuple[Theme, ...]
    tiers: tuple[Band, ...]
    gate_tier_cap: Band  # rules.duty_not_met.cap: a legal duty not met, or contradicted
    essential_tier_cap: Band  # rules.essential_not_met.cap
    min_answered_weight: float  # rules.evidence_before_tier: the share of a theme's weight answered before a tier
    weakest_link: int  # rules.weakest_link.tiers_above
    rules: Mapping[str, Any]  # scoring.yaml's rules, with their reasons and the action list's parts
    contradictions: tuple[Contradiction, ...]
    legal_status: Mapping[str, Any]  # the legal-status register: stale_after_days, duties
    exposure_levels: tuple[Level, ...]
    risk_levels: tuple[Level, ...]
    risk_matrix: Mapping[str, Mapping[str, str]]  # exposure id -> tier id -> risk id
    retired: Mapping[str, Mapping[str, str]]  # question id -> {text, removed_in, reason}
    questions: Mapping[str, Question] = field(repr=False)
    replaced_by: Mapping[str, str] = field(repr=False)  # old id -> current id
    parents_first: tuple[Question, ...] = field(repr=False)  # bank order, each follow-up after its parent
    exposure_sources: Mapping[str, tuple[Question, ...]] = field(repr=False)  # theme -> context questions feeding it
    follow_ups: Mapping[str, tuple[Question, ...]] = field(
        repr=False
    )  # question id -> the questions that depend on it, bank order
    ranks: Mapping[str, Mapping[str, int]] = field(
        repr=False
    )  # "tiers", "risks", "exposure" -> id -> place, lowest first
    order: Mapping[str, int] = field(repr=False)  # question id -> place in bank order, for sorting lists of questions
    indicators: Mapping[str, Indicator] = field(default_factory=dict, repr=False)  # id -> indicator, bank order
    outcomes: Mapping[str, str] = field(default_factory=dict, repr=False)  # outcome id -> name
    # questions/statement_summary.yaml compiled: the answers in the statement registry's words (None: no such file)
    statement_summary: Mapping[str, Any] | None = field(default=None, repr=False)
    _asked_cache: dict[tuple[str, frozenset[str]], tuple[Question, ...]] = field(
        default_factory=dict, repr=False, compare=False
    )
    _compiled: dict[Any, Any] = field(
        default_factory=dict, repr=False, compare=False
    )  # engine/tables.py keeps its tables here

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Bank:
        """Build from the compiled bank JSON written by ``scorecard.bank_source``."""
        weights = data["theme_weights"]
        themes = tuple(
            Theme(
                id=t["id"],
                title=t["title"],
                summary=t["summary"],
                guidance=t["guidance"],
                weight=float(weights[t["id"]]["weight"]),
                questions=tuple(_question(q, t["id"]) for q in t["questions"]),
                weight_reason=weights[t["id"]]["reason"],
            )
            for t in data["themes"]
        )
        rules = data["rules"]
        questions = {q.id: q for t in themes for q in t.questions}
        tiers = tuple(_band(b) for b in data["tiers"])
        context = [q for q in questions.values() if q.kind == CONTEXT]
        exposure_levels = tuple(_level(e) for e in data["exposure_levels"])
        risk_levels = tuple(_level(r) for r in data["risk_levels"])
        return cls(
            version=data["bank_version"],
            nations={n["id"]: n["name"] for n in data["nations"]},
            functions={f["id"]: f["name"] for f in data["functions"]},
            council_types={
                c["id"]: CouncilType(c["id"], c["nation"], c["name"], frozenset(c["functions"]))
                for c in data["council_types"]
            },
            type_replaced_by={old: c["id"] for c in data["council_types"] for old in c.get("replaces", ())},
            themes=themes,
            tiers=tiers,
            gate_tier_cap=next(t for t in tiers if t.id == rules["duty_not_met"]["cap"]),
            essential_tier_cap=next(t for t in tiers if t.id == rules["essential_not_met"]["cap"]),
            min_answered_weight=float(rules["evidence_before_tier"]["min_answered_weight"]),
            weakest_link=int(rules["weakest_link"]["tiers_above"]),
            rules=rules,
            contradictions=tuple(
                Contradiction(
                    c["id"],
                    c["when"]["question"],
                    frozenset(c["when"]["answer_in"]),
                    c["claims"]["question"],
                    frozenset(c["claims"]["answer_in"]),
                    c["message"],
                )
                for c in data.get("contradictions", [])
            ),
            legal_status=data.get("legal_status") or {"stale_after_days": None, "duties": []},
            exposure_levels=exposure_levels,
            risk_levels=risk_levels,
            risk_matrix={e: dict(row) for e, row in data["risk_matrix"].items()},
            retired={r["id"]: r for r in data.get("retired", [])},
            questions=questions,
            replaced_by={old: q.id for q in questions.values() for old in q.replaces},
            parents_first=_parents_first(questions),
            exposure_sources={t.id: tuple(q for q in context if t.id in q.exposure_for) for t in themes},
            follow_ups=_follow_ups(questions),
            ranks={"tiers": _places(tiers), "risks": _places(risk_levels), "exposure": _places(exposure_levels)},
            order={qid: place for place, qid in enumerate(questions)},
            indicators={i["id"]: _indicator(i) for i in data.get("indicators", {}).get("indicators", [])},
            outcomes={o["id"]: o["name"] for o in data.get("indicators", {}).get("outcomes", [])},
            statement_summary=data.get("statement_summary"),
        )

    def asked_of(self, nation: str, functions: frozenset[str]) -> tuple[Question, ...]:
        """The questions a council of this nation running these functions is asked, parents first."""
        key = (nation, functions)
        asked = self._asked_cache.get(key)
        if asked is None:
            asked = self._asked_cache[key] = tuple(q for q in self.parents_first if q.asked_of(nation, functions))
        return asked

    def labels(self) -> Labels:
        """Display names of tiers, exposure and risk levels, nations, functions and council types, for pages and
        reports (the bank's, in its language), and three notes in the engine's current language."""
        return {
            "tiers": {t.id: t.name for t in self.tiers},
            "exposure": {e.id: e.name for e in self.exposure_levels},
            "risks": {r.id: r.name for r in self.risk_levels},
            "nations": dict(self.nations),
            "functions": dict(self.functions),
            "council_types": {c.id: c.name for c in self.council_types.values()},
            "provisional": _("provisional: some questions are not answered yet, and count as not evidenced"),
            "action_parts": {part["id"]: part["name"] for part in self.rules["actions"]["parts"]},
            "action_part_descriptions": {part["id"]: part["description"] for part in self.rules["actions"]["parts"]},
            "tier_names_note": _(
                "Tiers are this scorecard's own, named after the four levels of the LGA's council guide; "
                "not an LGA rating."
            ),
            "not_risk_rated": _("Not risk-rated: no local context question applies"),
        }

    def tier_for(self, score: float) -> Band:
        return _band_for(self.tiers, score)

    def tier_rank(self, tier_id: str) -> int:
        return self.ranks["tiers"][tier_id]

    def risk_rank(self, risk_id: str) -> int:
        return self.ranks["risks"][risk_id]

    def exposure_rank(self, exposure_id: str) -> int:
        return self.ranks["exposure"][exposure_id]

    def compiled(self, key: Any, build: Callable[[], T]) -> T:
        """A table derived from the bank alone, built on first use and kept (engine/tables.py's cache)."""
        table = self._compiled.get(key)
        if table is None:
            table = self._compiled[key] = build()
        return table

    def residual_risk(self, exposure: str | None, tier: str | None) -> str | None:
        """Residual risk from the matrix in scoring.yaml; None (not rated) without both inputs."""
        if exposure is None or tier is None:
            return None
        return self.risk_matrix[exposure][tier]

    def next_tier(self, tier: Band) -> Band | None:
        index = self.tiers.index(tier)
        return self.tiers[index + 1] if index + 1 < len(self.tiers) else None


def _places(levels: tuple[Band | Level, ...]) -> dict[str, int]:
    """Each tier's or level's place, lowest first: what ranking compares (the first, should an id repeat)."""
    places: dict[str, int] = {}
    for place, level in enumerate(levels):
        places.setdefault(level.id, place)
    return places


def _follow_ups(questions: Mapping[str, Question]) -> dict[str, tuple[Question, ...]]:
    """Each question's direct follow-ups, in bank order (only questions that have some)."""
    found: dict[str, list[Question]] = {}
    for question in questions.values():
        if question.depends_on:
            found.setdefault(question.depends_on, []).append(question)
    return {qid: tuple(children) for qid, children in found.items()}


def _band_for(bands: tuple[Band, ...], score: float) -> Band:
    reached = bands[0]
    for band in bands:
        if score >= band.min_score:
            reached = band
    return reached


def _parents_first(questions: Mapping[str, Question]) -> tuple[Question, ...]:
    """Bank order, except that a question comes after its parent (the checks refuse cycles).

    Iterative, so a long chain of follow-ups cannot reach Python's recursion limit, and linear:
    each question joins a chain once, and whether it is on the chain is a set lookup (a list's
    `in` compared whole questions, which made a 5,000-question chain take minutes).
    """
    ordered: dict[str, Question] = {}
    for question in questions.values():
        chain: list[Question] = []
        on_chain: set[str] = set()
        current: Question | None = question
        while current is not None and current.id not in ordered and current.id not in on_chain:
            chain.append(current)
            on_chain.add(current.id)
            current = questions.get(current.depends_on) if current.depends_on else None
        for q in reversed(chain):
            ordered[q.id] = q
    return tuple(ordered.values())


def _band(b: Mapping[str, Any]) -> Band:
    return Band(b["id"], b["name"], float(b["min_score"]), b["description"])


def _level(data: Mapping[str, Any]) -> Level:
    return Level(data["id"], data["name"], data["description"])


def _gate(data: Mapping[str, Any] | None) -> Gate | None:
    return Gate(data["law"], frozenset(data["met"]), dict(data.get("in_force", {}))) if data else None


def _essential(data: Mapping[str, Any] | None) -> Essential | None:
    return Essential(data["control"], frozenset(data["met"]), data["reason"], data["source"]) if data else None


def _option(o: Mapping[str, Any]) -> Option:
    unevidenced = o.get("without_dated_evidence") or {}
    return Option(
        o["id"],
        o["label"],
        float(o.get("score", 0)),
        o.get("exposure"),
        bool(o.get("exclusive", False)),
        unevidenced.get("exposure"),
        unevidenced.get("reason", ""),
    )


def _question(q: Mapping[str, Any], theme: str) -> Question:
    options = tuple(_option(o) for o in q["options"])
    depends = q.get("depends_on") or {}
    multi, allow_na = q["type"] == "multi", bool(q.get("allow_na", False))
    gate = _gate(q.get("gate"))
    variants = {
        nation: Wording(
            v.get("text", q["text"]),
            v.get("help", q["help"]),
            tuple(v.get("sources", q["sources"])),
            _gate(v["gate"]) if "gate" in v else gate,
        )
        for nation, v in q.get("variants", {}).items()
    }
    return Question(
        id=q["id"],
        theme=theme,
        kind=q.get("kind", MATURITY),
        text=q["text"],
        help=q["help"],
        type=q["type"],
        options=options,
        weight=float(q.get("weight", 0)),
        requires=frozenset(q.get("requires", ())),
        nations=frozenset(q["nations"]),
        allow_na=allow_na,
        depends_on=depends.get("question"),
        depends_answer_in=frozenset(depends.get("answer_in", ())),
        guidance=tuple(q["guidance"]),
        sources=tuple(q["sources"]),
        replaces=tuple(q.get("replaces", ())),
        gate=gate,
        essential=_essential(q.get("essential")),
        variants=variants,
        exposure_for=tuple(q.get("exposure_for", ())),
        option_scores={o.id: o.score for o in options},
        max_points=fsum(o.score for o in options) if multi else 1.0,
        labels={o.id: o.label for o in options},
        best_label="; ".join(o.label for o in options if o.score > 0)
        if multi
        else max(options, key=lambda o: o.score).label,
        text_answers=frozenset(([] if multi else [o.id for o in options]) + ([NOT_APPLICABLE] if allow_na else [])),
        exclusive_options=frozenset(o.id for o in options if o.exclusive),
        own_wording=Wording(q["text"], q["help"], tuple(q["sources"]), gate),
    )


def _indicator(data: Mapping[str, Any]) -> Indicator:
    return Indicator(
        id=data["id"],
        title=data["title"],
        help=data["help"],
        theme=data["theme"],
        outcome=data["outcome"],
        duty=data["duty"],
        requires=frozenset(data["requires"]),
        nations=frozenset(data["nations"]),
        counts=tuple(IndicatorCount(c["id"], c["label"], c["within"]) for c in data["counts"]),
        guidance=tuple(data["guidance"]),
        sources=tuple(data["sources"]),
        variants={nation: dict(v) for nation, v in data["variants"].items()},
    )
