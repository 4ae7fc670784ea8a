"""Lookup tables compiled from the bank once per council context, so that scoring does not re-derive them.

Scoring an assessment walks the questions its council is asked. Nearly everything that walk needs
to know about a question depends on the bank and the council, not on the answers: whether the
council is asked it at all, its theme and weight, which answers open its follow-ups, the wording
and statutory gate in the council's nation, the points each option earns. Working that out again
for every assessment was most of the cost of scoring thousands of them (bench/bulk_scoring.py).
Here it is worked out once for each *council context* (a nation and the functions a council runs:
one per council type, plus the councils that correct their functions) and kept on the Bank.

The questions are sorted by the rule that decides their status (scoring.py reads each group in its
own loop): a question with no parent has the status of its answer; a follow-up's status also
depends on its parent; a context question is never scored, it rates exposure; a question with a
statutory gate also decides the gate. The tables hold plain objects with named fields; the rules
themselves stay in the bank's data and in scoring.py. Run-time code: standard library only.
"""

from __future__ import annotations

from functools import lru_cache
from math import fsum  # exact, as in scoring.py: the sum of the same weights in any order
from operator import contains
from typing import Any

from .bank import CONTEXT, Bank, Contradiction, Essential, Gate, Question, Theme
from .statuses import FUNCTION_NOT_RUN, NOT_FOR_COUNCIL, NOT_IN_NATION

MAX_COUNCIL_CONTEXTS = 64
"""Council contexts kept per bank. A bank has one per council type; a council that corrects its
functions adds one. The limit only stops a stream of odd corrections from growing without end."""

MAX_SCORES = 4096
"""Scores whose tier is kept (TierTable). Scores are rounded to one decimal: 0-100 has 1,001."""

MAX_MULTI_FRACTIONS = 1024
"""Multi-choice answers whose fraction each question keeps (AskedQuestion.fraction). The choices
of one question are at most 2 ** options; in practice a few dozen."""


class AskedQuestion:
    """A question as councils in one nation are asked it: what scoring reads, resolved for the nation.

    One object per question and nation, shared by every council context of the nation, so that
    scoring assessments of many council types reads one set of these rather than one per type.
    """

    __slots__ = (
        "question",
        "id",
        "theme",
        "is_context",
        "weight",
        "parent",
        "opened_by",
        "gate",
        "gate_from",
        "essential",
        "unevidenced",
        "text",
        "variant",
        "scores",
        "is_multi",
        "max_points",
        "points",
        "exposures",
        "_multi_fractions",
        "known_points",
    )

    def __init__(self, question: Question, nation: str) -> None:
        wording = question.wording(nation)
        self.question = question
        self.id = question.id
        self.theme = question.theme
        self.is_context = question.kind == CONTEXT
        self.weight = question.weight
        self.parent = question.depends_on  # None for a question asked whatever else is answered
        self.opened_by = question.depends_answer_in  # the parent's answers that open it
        self.gate: Gate | None = wording.gate  # the nation's statutory gate, if any
        # the date the duty came into force in this nation (legal-status register); None without a gate
        self.gate_from: str | None = wording.gate.in_force.get(nation) if wording.gate else None
        self.essential: Essential | None = question.essential
        # context questions: answer -> (its exposure without a dated source, why), where the bank gives one
        self.unevidenced = {
            o.id: (o.unevidenced_exposure, o.unevidenced_reason) for o in question.options if o.unevidenced_exposure
        }
        self.text = wording.text  # what the council's officers read, for the action and unanswered lists
        self.variant = nation if nation in question.variants else None
        self.scores = question.option_scores  # option id -> its share of the weight (a multi's: of max_points)
        self.is_multi = question.type == "multi"
        self.max_points = question.max_points
        # one option's answer -> weight x its share: the product scoring would compute, computed once
        self.points = {} if self.is_multi else {o: self.weight * score for o, score in self.scores.items()}
        # context questions (each option has an exposure: bank_source/load.py): answer -> exposure level
        self.exposures = {o.id: o.exposure for o in question.options if o.exposure is not None}
        self._multi_fractions: dict[tuple[str, ...], float] = {}  # a multi's choices met so far -> fraction
        self.known_points: dict[tuple[str, ...], float] = {}  # ... -> weight x fraction (points_for)

    def fraction(self, value: Any) -> float:
        """Share of the weight an accepted answer earns: the same arithmetic as Question.fraction.

        A multi's is kept once worked out, for the same choices in the same order: summing the
        options' scores was the largest single cost of reading answers. The memory is bounded.
        """
        if not self.is_multi:
            return self.scores[value]
        key = tuple(value)
        fraction = self._multi_fractions.get(key)
        if fraction is None:
            fraction = fsum(self.scores[o] for o in value) / self.max_points
            if len(self._multi_fractions) < MAX_MULTI_FRACTIONS:
                self._multi_fractions[key] = fraction
        return fraction

    def points_for(self, value: Any) -> float:
        """What an accepted answer adds to the theme: weight x fraction (a multi's kept as its fraction is)."""
        if not self.is_multi:
            return self.points[value]
        points = self.weight * self.fraction(value)
        if len(self.known_points) < MAX_MULTI_FRACTIONS:
            self.known_points[tuple(value)] = points
        return points


class TierTable:
    """The tier each score reaches, found once per score rather than searched for every theme of every assessment."""

    __slots__ = (
        "bank",
        "reached",
        "cap",
        "cap_rank",
        "essential_cap",
        "essential_rank",
        "evidence_rank",
        "ranks",
        "ids",
    )

    def __init__(self, bank: Bank) -> None:
        self.bank = bank
        self.reached: dict[float, str] = {}  # score -> the id of the tier it reaches, before any gate cap
        self.ranks = bank.ranks["tiers"]
        self.ids = tuple(t.id for t in bank.tiers)  # by rank
        self.cap = bank.gate_tier_cap.id
        self.cap_rank = self.ranks[self.cap]
        self.essential_cap = bank.essential_tier_cap.id
        self.essential_rank = self.ranks[self.essential_cap]
        self.evidence_rank = self.ranks[bank.rules["evidence"]["cap"]]

    def reached_by(self, score: float) -> str:
        """The tier a score reaches (Bank.tier_for), before any gate cap."""
        tier = self.reached.get(score)
        if tier is None:
            tier = self.bank.tier_for(score).id
            if len(self.reached) < MAX_SCORES:
                self.reached[score] = tier
        return tier

    def capped(self, tier: str, duty_failed: bool, essential_failed: bool = False, not_evidenced: bool = False) -> str:
        """No higher than the duty cap while a legal duty is not met, the essential cap while a control is missing, nor
        the evidence cap while either is met without evidence that counts."""
        rank = self.ranks[tier]
        if not_evidenced:
            rank = min(rank, self.evidence_rank)
        if duty_failed:
            rank = min(rank, self.cap_rank)
        if essential_failed:
            rank = min(rank, self.essential_rank)
        return self.ids[rank]


def tier_table(bank: Bank) -> TierTable:
    return bank.compiled("tiers", lambda: TierTable(bank))


def share(fraction: float) -> float:
    """A share (coverage, evidence, the fraction of a weight earned) rounded to four decimals, as results give it.

    Kept once worked out: shares are ratios of small counts or options' scores, so few different
    ones occur, and round() to a number of digits is slow (CPython goes through the decimal
    digits, exactly). A zero is not kept: the cache would not tell 0.0 from -0.0.
    """
    return _share(fraction) if fraction else round(fraction, 4)


@lru_cache(maxsize=4096, typed=True)
def _share(fraction: float) -> float:
    return round(fraction, 4)


class ThemeTables:
    """One theme for one council context: its questions as asked, and the sums that do not depend on answers."""

    __slots__ = (
        "theme",
        "maturity",
        "maturity_asked",
        "weights",
        "possible",
        "root_count",
        "single_ids",
        "single_points",
        "single_weights",
        "multi",
        "single_families",
        "multi_families",
        "exposure_sources",
        "not_for_council",
    )

    def __init__(self, theme: Theme, asked: dict[str, AskedQuestion], nation: str) -> None:
        self.theme = theme
        self.maturity = sum(1 for q in theme.questions if q.kind != CONTEXT)  # scored questions, asked or not
        self.maturity_asked = tuple(asked[q.id] for q in theme.questions if q.id in asked and q.kind != CONTEXT)
        # the theme's possible weight when no answer takes a question out ("not applicable"); fsum is
        # exact, so this is the same number as summing the same weights while reading
        self.weights = tuple(a.weight for a in self.maturity_asked)
        self.possible = fsum(self.weights)
        # scored questions without a parent, whose status is their answer's: the one-choice ones as two
        # parallel tuples (ids, points per answer), which scoring.py looks up with map(), and the multis
        roots = [a for a in self.maturity_asked if a.parent is None]
        self.single_ids = tuple(a.id for a in roots if not a.is_multi)
        self.single_points = tuple(a.points for a in roots if not a.is_multi)
        self.single_weights = tuple(a.weight for a in roots if not a.is_multi)
        self.multi = tuple(a for a in roots if a.is_multi)
        self.root_count = len(roots)
        # each root's family weight: its own and every asked follow-up's below it. Until the root is answered
        # none of them is (they wait for it), so the weight answered is the theme's less the unanswered families'
        family = _family_weights(self.maturity_asked)
        self.single_families = tuple(family[a.id] for a in roots if not a.is_multi)
        self.multi_families = tuple(family[a.id] for a in self.multi)
        self.exposure_sources: tuple[str, ...] = ()  # the context questions asked that feed this theme's exposure
        # each question this council is not asked: its entry in the result, which no answer changes
        self.not_for_council = {q.id: _not_for_council_entry(q, nation) for q in theme.questions if q.id not in asked}


class CouncilTables:
    """Everything scoring reads about the bank for councils of one nation running one set of functions."""

    __slots__ = (
        "nation",
        "functions",
        "function_list",
        "asked",
        "by_id",
        "orphans",
        "follow_ups",
        "context",
        "gated",
        "essential",
        "contradictions",
        "themes",
        "tiers",
    )

    def __init__(self, bank: Bank, nation: str, functions: frozenset[str]) -> None:
        self.nation = nation
        self.functions = functions
        self.function_list = tuple(sorted(functions))  # as the result lists them
        in_nation = bank.compiled(
            ("questions as asked in", nation), lambda: {q.id: AskedQuestion(q, nation) for q in bank.questions.values()}
        )
        self.asked = tuple(in_nation[q.id] for q in bank.asked_of(nation, functions))  # parents before follow-ups
        self.by_id = {a.id: a for a in self.asked}
        scored = [a for a in self.asked if not a.is_context]
        # follow-ups whose parent the council is not asked: closed whatever the answers
        self.orphans = tuple(a for a in scored if a.parent is not None and a.parent not in self.by_id)
        # the other follow-ups, parents first: each reads its parent's status
        self.follow_ups = tuple(a for a in scored if a.parent is not None and a.parent in self.by_id)
        self.context = tuple(a for a in self.asked if a.is_context)
        self.gated = tuple(a for a in scored if a.gate is not None)  # in the order the result lists the gates
        self.essential = tuple(a for a in scored if a.essential is not None)
        # the bank's contradictions whose two questions this council is asked
        self.contradictions: tuple[Contradiction, ...] = tuple(
            c for c in bank.contradictions if c.when in self.by_id and c.claims in self.by_id
        )
        self.themes = {t.id: ThemeTables(t, self.by_id, nation) for t in bank.themes}
        self.tiers = tier_table(bank)
        for theme_id, sources in bank.exposure_sources.items():
            self.themes[theme_id].exposure_sources = tuple(q.id for q in sources if q.id in self.by_id)


def _family_weights(asked: tuple[AskedQuestion, ...]) -> dict[str, float]:
    """Each asked scored question -> its weight plus every asked follow-up's below it, down the chain.

    Children are added to their parents deepest first (each question's depth found once, walking up
    only to a parent already measured), so a long chain stays linear.
    """
    ids = {a.id: a for a in asked}
    depth: dict[str, int] = {}
    for a in asked:
        chain = []
        current: AskedQuestion | None = a
        while current is not None and current.id not in depth:
            chain.append(current)
            current = ids.get(current.parent) if current.parent else None
        base = depth[current.id] + 1 if current is not None else 0
        for offset, q in enumerate(reversed(chain)):
            depth[q.id] = base + offset
    family = {a.id: [a.weight] for a in asked}
    for a in sorted(asked, key=lambda q: -depth[q.id]):
        if a.parent in family:
            family[a.parent].append(fsum(family[a.id]))
    return {qid: fsum(weights) for qid, weights in family.items()}


def council_tables(bank: Bank, nation: str, functions: frozenset[str]) -> CouncilTables:
    """The tables for one council context, made on first use and kept on the bank: at most MAX_COUNCIL_CONTEXTS,
    the oldest dropped first (council types are made first and asked for again at once)."""
    kept: dict[tuple[str, frozenset[str]], CouncilTables] = bank.compiled("council tables", dict)
    key = (nation, functions)
    tables = kept.get(key)
    if tables is None:
        if len(kept) >= MAX_COUNCIL_CONTEXTS:
            del kept[next(iter(kept))]
        tables = kept[key] = CouncilTables(bank, nation, functions)
    return tables


def _not_for_council_entry(question: Question, nation: str) -> dict[str, str]:
    """A question the council is not asked, as the result lists it: why, and the nation's wording if it has its own."""
    entry = {
        "id": question.id,
        "status": NOT_FOR_COUNCIL,
        "reason": NOT_IN_NATION if nation not in question.nations else FUNCTION_NOT_RUN,
    }
    if nation in question.variants:
        entry["variant"] = nation
    return entry


class Choices:
    """The answers a multi-choice question accepts, as a container: a list of distinct option ids (an exclusive
    one only on its own), or "n/a" where allowed. ``value in choices`` says yes exactly where Question.accepts
    does (it asks it), and keeps the lists it has accepted, which most files repeat."""

    __slots__ = ("question", "text_answers", "accepted")

    def __init__(self, question: Question) -> None:
        self.question = question
        self.text_answers = question.text_answers
        self.accepted: set[tuple[str, ...]] = set()  # lists accepted so far, as tuples: most recur (bounded)

    def __contains__(self, value: Any) -> bool:
        if type(value) is list:
            key = tuple(value)
            if key in self.accepted:  # TypeError for an unhashable item: all_accepted says no
                return True
            if self.question.accepts(value):
                if len(self.accepted) < MAX_MULTI_FRACTIONS:
                    self.accepted.add(key)
                return True
            return False
        return value in self.text_answers


def _acceptable_answers(bank: Bank) -> dict[str, frozenset[str] | Choices]:
    """Question id -> the answers it accepts: a one-choice question's as a set (its option ids, and
    "not applicable" where allowed), a multi's as Choices (which also takes "n/a" where allowed)."""
    return {q.id: Choices(q) if q.type == "multi" else q.text_answers for q in bank.questions.values()}


def all_accepted(answers: dict[Any, Any], bank: Bank) -> bool:
    """Whether every answer in a file is one the bank accepts as it is: the common case, checked in one pass in C.

    False sends the answers through the checks that say why (assessment.py), which also carry
    answers over from replaced questions and set aside those the bank no longer knows.
    """
    acceptable = bank.compiled("acceptable answers", lambda: _acceptable_answers(bank))
    try:
        return all(map(contains, map(acceptable.__getitem__, answers), answers.values()))
    except (
        KeyError,
        TypeError,
    ):  # a question the bank does not have; a list (unhashable) where one option is asked for
        return False
