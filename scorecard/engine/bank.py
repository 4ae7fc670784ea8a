"""The compiled question bank as the engine sees it.

The build step (``scorecard.build``) turns the YAML files into one JSON document; this
module reads that document into small immutable objects. It is run-time code: standard
library only, so it runs unchanged in CPython and in Pyodide.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from math import fsum  # exact, so CPython 3.11 and 3.12+ (compensated sum()) agree
from typing import Any, Mapping

from .wording import pct

NOT_APPLICABLE = "n/a"
"""The answer value an officer gives for 'not applicable'. Never a valid option id."""


@dataclass(frozen=True)
class Option:
    id: str
    label: str
    score: float


@dataclass(frozen=True)
class Question:
    id: str
    theme: str
    text: str
    help: str
    type: str  # "single" | "yes_no" | "multi"
    options: tuple[Option, ...]
    weight: float
    applies_to: frozenset[str]
    allow_na: bool
    depends_on: str | None
    depends_answer_in: frozenset[str]
    guidance: tuple[str, ...]
    sources: tuple[str, ...]
    replaces: tuple[str, ...]
    option_scores: Mapping[str, float] = field(repr=False)
    max_points: float = field(repr=False)
    labels: Mapping[str, str] = field(repr=False)  # option id -> label
    best_label: str = field(repr=False)  # what the best answer reads as, for the action list
    text_answers: frozenset[str] = field(repr=False)  # every valid answer written as text: an option id (not multi), n/a if allowed

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
            return len(chosen) == len(value) and chosen <= self.option_scores.keys()
        return False

    def label_of(self, value: Any) -> str:
        """Human-readable form of an answer value, for reports."""
        if value == NOT_APPLICABLE:
            return "Not applicable"
        if isinstance(value, list):
            return "; ".join(self.labels[v] for v in value) if value else "None selected"
        return self.labels[value]


@dataclass(frozen=True)
class Theme:
    id: str
    title: str
    summary: str
    guidance: str
    weight: float
    questions: tuple[Question, ...]


@dataclass(frozen=True)
class Band:
    """A tier or a risk band: reached when a score is at least min_score."""

    id: str
    name: str
    min_score: float
    description: str


@dataclass(frozen=True)
class Bank:
    version: str
    council_types: Mapping[str, str]  # id -> display name
    themes: tuple[Theme, ...]
    tiers: tuple[Band, ...]
    risk_bands: tuple[Band, ...]
    min_coverage_for_rating: float
    retired: Mapping[str, Mapping[str, str]]  # question id -> {text, removed_in, reason}
    questions: Mapping[str, Question] = field(repr=False)
    replaced_by: Mapping[str, str] = field(repr=False)  # old id -> current id
    asked_of: Mapping[str, tuple[Question, ...]] = field(repr=False)  # council type -> its questions, parents first

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "Bank":
        """Build from the compiled bank JSON written by ``scorecard.build``."""
        weights = data.get("theme_weights", {})
        themes = tuple(
            Theme(
                id=t["id"],
                title=t["title"],
                summary=t["summary"],
                guidance=t["guidance"],
                weight=float(weights.get(t["id"], 1)),
                questions=tuple(_question(q, t["id"]) for q in t["questions"]),
            )
            for t in data["themes"]
        )
        questions = {q.id: q for t in themes for q in t.questions}
        parents_first = _parents_first(questions)
        return cls(
            version=data["bank_version"],
            council_types={c["id"]: c["name"] for c in data["council_types"]},
            themes=themes,
            tiers=tuple(_band(b) for b in data["tiers"]),
            risk_bands=tuple(_band(b) for b in data["risk_bands"]),
            min_coverage_for_rating=float(data["min_coverage_for_rating"]),
            retired={r["id"]: r for r in data.get("retired", [])},
            questions=questions,
            replaced_by={old: q.id for q in questions.values() for old in q.replaces},
            asked_of={
                c["id"]: tuple(q for q in parents_first if c["id"] in q.applies_to) for c in data["council_types"]
            },
        )

    def labels(self) -> dict[str, dict[str, str]]:
        """Display names of tiers, risk bands and council types, and what "provisional" means: sent with results for the pages and reports."""
        return {
            "tiers": {t.id: t.name for t in self.tiers},
            "risks": {r.id: r.name for r in self.risk_bands},
            "council_types": dict(self.council_types),
            "provisional": f"provisional: fewer than {pct(self.min_coverage_for_rating)} of its questions answered",
        }

    def tier_for(self, score: float) -> Band:
        return _band_for(self.tiers, score)

    def risk_for(self, score: float) -> Band:
        return _band_for(self.risk_bands, score)

    def next_tier(self, tier: Band) -> Band | None:
        index = self.tiers.index(tier)
        return self.tiers[index + 1] if index + 1 < len(self.tiers) else None


def _band_for(bands: tuple[Band, ...], score: float) -> Band:
    reached = bands[0]
    for band in bands:
        if score >= band.min_score:
            reached = band
    return reached


def _parents_first(questions: Mapping[str, Question]) -> tuple[Question, ...]:
    """Bank order, except that a question comes after its parent (the build refuses cycles)."""
    ordered: dict[str, Question] = {}

    def place(question: Question, chain: tuple[str, ...]) -> None:
        if question.id in ordered or question.id in chain:
            return
        if question.depends_on in questions:
            place(questions[question.depends_on], chain + (question.id,))
        ordered[question.id] = question

    for question in questions.values():
        place(question, ())
    return tuple(ordered.values())


def _band(b: Mapping[str, Any]) -> Band:
    return Band(b["id"], b["name"], float(b["min_score"]), b["description"])


def _question(q: Mapping[str, Any], theme: str) -> Question:
    options = tuple(Option(o["id"], o["label"], float(o["score"])) for o in q["options"])
    depends = q.get("depends_on") or {}
    multi, allow_na = q["type"] == "multi", bool(q.get("allow_na", False))
    return Question(
        id=q["id"],
        theme=theme,
        text=q["text"],
        help=q["help"],
        type=q["type"],
        options=options,
        weight=float(q["weight"]),
        applies_to=frozenset(q["applies_to"]),
        allow_na=allow_na,
        depends_on=depends.get("question"),
        depends_answer_in=frozenset(depends.get("answer_in", ())),
        guidance=tuple(q["guidance"]),
        sources=tuple(q["sources"]),
        replaces=tuple(q.get("replaces", ())),
        option_scores={o.id: o.score for o in options},
        max_points=fsum(o.score for o in options) if multi else 1.0,
        labels={o.id: o.label for o in options},
        best_label="; ".join(o.label for o in options if o.score > 0) if multi else max(options, key=lambda o: o.score).label,
        text_answers=frozenset(([] if multi else [o.id for o in options]) + ([NOT_APPLICABLE] if allow_na else [])),
    )
