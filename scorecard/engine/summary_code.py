"""A council context's summary figures as one generated function, for scoring many assessments at once.

Comparing a region's councils scores thousands of files, and most of that time was the engine's
own structure (loops over table objects, a status kept per question, dicts built per theme),
not the rules. Here the rules are unrolled once per council context (a nation and the functions
a council runs, as in tables.py) into the source text of a plain Python function: one short
block per question the council is asked, reading its answer and adding to its theme's counts,
then each theme's figures and the overall ones. The source is built from the compiled tables
(tables.py), so every rule still comes from the bank's data; it is deterministic and can be read
(``summary_source``); it is compiled once per context and kept on the Bank. Standard library
only: it runs in Pyodide too.

``figures(answers)`` returns ``(themes, overall)``: for each theme in bank order its id, score,
tier, risk, coverage, provisional, asked and answered, and the overall score, tier, risk,
coverage and provisional, equal to score_assessment's (tests/test_summary.py checks every one).
The rules are scoring.py's:

- a question without a parent counts by its answer (one-choice ones of a theme looked up
  together with ``map()``, in C, as scoring.py does);
- a follow-up, parents first, is closed by its parent's state (not applicable: taken out;
  unanswered: waiting; answered without an opening answer: closed, counting 0) or counts by
  its own answer;
- a statutory gate fails unless its question is answered with a meeting answer or is not
  applicable (a parent's "not applicable" included), and caps the theme's tier;
- a theme's exposure is the highest level among its context answers, once all are answered;
- then scoring.score_theme's figures per theme and scoring.overall's.

A follow-up's state is kept only where another question reads it (a follow-up of it, or its
gate), in four words: answered, not applicable (its own or its parent's), unanswered (its own
or its parent's), parent closed. Each of the scoring rules treats the pairs alike.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from itertools import compress, repeat
from math import fsum
from operator import eq, getitem, mul, neg
from typing import Any

from .bank import NOT_APPLICABLE, Bank
from .statuses import ANSWERED, NA, PARENT_CLOSED, UNANSWERED
from .tables import (
    MAX_SCORES,
    AskedQuestion,
    CouncilTables,
    TierTable,
    _share,
    council_tables,
    per_council_context,
    share,
    tier_table,
)

Figures = Callable[[dict[str, Any]], tuple[list[dict[str, Any]], dict[str, Any]]]


def summary_source(bank: Bank, council: CouncilTables) -> str:
    """The source text of ``figures(answers)`` for one council context (see the module's docstring)."""
    return _Writer(bank, council).source()


def compile_figures(bank: Bank, council: CouncilTables) -> Figures:
    """``summary_source`` compiled. The names it reads besides builtins: ``asked`` (the context's
    tables.AskedQuestion by id), ``bank``, ``kept_scores`` (KeptScores), ``coverage_table`` and a few functions."""
    source = summary_source(bank, council)
    namespace: dict[str, Any] = {
        "asked": council.by_id,
        "bank": bank,
        "compress": compress,
        "repeat": repeat,
        "eq": eq,
        "neg": neg,
        "fsum": fsum,
        "kept_scores": bank.compiled("summary scores", lambda: KeptScores(tier_table(bank))),
        "kept_share": _share,
        "mul": mul,
        "getitem": getitem,
        "coverage_table": coverage_table,
        "__name__": "scorecard.engine.summary_code.generated",
    }
    exec(compile(source, f"<summary figures {council.nation} {','.join(council.function_list)}>", "exec"), namespace)
    return namespace["figures"]


def figures_for(bank: Bank, nation: str, functions: frozenset[str]) -> Figures:
    """The compiled figures function of one council context, made on first use and kept on the bank (bounded like the tables)."""
    return per_council_context(
        bank,
        "summary figures",
        nation,
        functions,
        lambda: compile_figures(bank, council_tables(bank, nation, functions)),
    )


def _name(asked: AskedQuestion) -> str:
    return re.sub(r"\W", "_", asked.id)


class _Writer:
    """Writes the generated module: names bound once from the tables, then ``figures``'s body, question by question."""

    def __init__(self, bank: Bank, council: CouncilTables) -> None:
        self.bank, self.council = bank, council
        self.theme_index = {theme_id: i for i, theme_id in enumerate(council.themes)}
        self.follow_up_ids = {a.id for a in council.follow_ups}
        self.orphan_ids = {a.id for a in council.orphans}
        # a follow-up's state is kept only where another question reads it
        self.keep_state = {a.parent for a in council.follow_ups} | {a.id for a in council.gated}
        self.globals: list[str] = []
        self.batches = 0
        self.body: list[str] = []
        self.bound: set[str] = set()
        names = [_name(a) for a in council.asked]
        if len(set(names)) != len(names):
            raise ValueError("two question ids give the same name in generated code")

    def source(self) -> str:
        council = self.council
        self.line(1, "get = answers.get")
        self.line(1, "f = 0  # answers read that no theme's tallies count: closed follow-ups', context questions'")
        for i, table in enumerate(council.themes.values()):
            self.roots(i, table)
        self.follow_ups()
        for asked in council.gated:
            self.gate(asked)
        self.exposures()
        read = " + ".join([*(f"a{i} + n{i}" for i in range(len(council.themes))), "f"])
        self.line(1, "# every answer in the file was read: none to a question this council is not asked, none null")
        self.line(1, f"if {read} != len(answers):")
        self.line(2, "return None")
        self.theme_figures()
        self.overall()
        functions = ", ".join(council.function_list) or "none"
        tiers = tier_table(self.bank)
        header = [
            f"# Summary figures for bank {self.bank.version}: councils in {council.nation} running {functions}.",
            "# Generated by scorecard.engine.summary_code from the bank's compiled tables (engine/tables.py).",
            "# Theme i's locals: a answered, n not applicable, u unanswered, w follow-ups waiting for a parent,",
            "# e points earned, o weights taken out, g a statutory gate failed, x exposure; then c covered, k asked,",
            "# p the weight possible, s score, t tier, r risk, v provisional.",
            f"NA = {NOT_APPLICABLE!r}",
            "SCORED = kept_scores  # a score as worked out -> (rounded to one decimal, its tier), as worked out so far",
            "scored = kept_scores.scored",
            f"TIER_RANK = {dict(tiers.ranks)!r}",
            f"CAP, CAP_RANK = {tiers.cap!r}, {tiers.cap_rank!r}  # the highest tier while a statutory gate fails",
            f"RISK_RANK = {dict(self.bank.ranks['risks'])!r}",
            "RISK = bank.risk_matrix  # exposure -> tier -> residual risk",
        ]
        body = [
            "    try:",
            *("    " + line for line in self.body),
            "    except (KeyError, TypeError, ValueError):  # an answer not accepted as it is (or not an answer at all)",
            "        return None",
        ]
        return "\n".join([*header, *self.globals, "", "", "def figures(answers):", *body, ""])

    def theme_figures(self) -> None:
        """Each theme's figures from its tallies, as scoring.score_theme works them out."""
        council = self.council
        gated_themes = {a.theme for a in council.gated}
        waits = {a.theme for a in council.follow_ups}
        entries = []
        for i, table in enumerate(council.themes.values()):
            theme_id = table.theme.id
            self.line(1, f"# {theme_id}: figures")
            self.line(1, f"c{i} = a{i} + n{i}")
            self.line(1, f"k{i} = c{i} + u{i}")
            self.line(1, f"p{i} = fsum({table.weights!r} + tuple(map(neg, o{i}))) if o{i} else {table.possible!r}")
            self.line(1, f"if p{i} and c{i}:")
            self.line(2, f"s{i} = 100 * fsum(e{i}) / p{i}")
            self.line(2, f"s{i}, t{i} = SCORED.get(s{i}) or scored(s{i})")
            if theme_id in gated_themes:
                self.line(2, f"if g{i} and TIER_RANK[t{i}] > CAP_RANK:")
                self.line(3, f"t{i} = CAP")
            if table.exposure_sources:
                self.line(2, f"r{i} = None if x{i} is None else RISK[x{i}][t{i}]")
            else:
                self.line(2, f"r{i} = None")
            self.line(2, f"v{i} = u{i} != 0 or w{i} != 0" if theme_id in waits else f"v{i} = u{i} != 0")
            self.line(1, "else:")
            self.line(2, f"s{i} = t{i} = r{i} = None")
            self.line(2, f"v{i} = False")
            size = len(table.theme.questions)
            coverage = f"{self.bind(f'COVER{size}', f'coverage_table({size})')}[k{i}][c{i}]"
            entries.append(
                f'{{"id": {theme_id!r}, "score": s{i}, "tier": t{i}, "risk": r{i}, "coverage": {coverage}, '
                f'"provisional": v{i}, "asked": k{i}, "answered": a{i}}}'
            )
        self.line(1, "themes = [")
        for entry in entries:
            self.line(2, entry + ",")
        self.line(1, "]")

    def overall(self) -> None:
        """The overall figures, as scoring.overall: a weighted mean of the themes for this council, not rated while
        any of them has no answers, never a higher tier than a theme whose statutory gate fails; the highest
        residual risk, not rated while a theme is not started or still needs its local context."""
        tables = list(self.council.themes.values())
        count = range(len(tables))
        applies = [
            i for i, t in enumerate(tables) if t.maturity_asked
        ]  # a theme with no scored question for this council is left out
        gated_themes = {a.theme for a in self.council.gated}
        self.line(1, "# overall")
        risks = "".join(f"r{i}, " for i in applies)
        self.line(1, f"ro = max(filter(None, ({risks})), key=RISK_RANK.__getitem__, default=None)")
        # not rated while a theme is not started or still needs its local context (scoring.overall)
        unrated = [f"(s{i} is None and p{i})" for i in applies] + [
            f"q{i}" for i in applies if tables[i].exposure_sources
        ]
        if unrated:
            self.line(1, f"if {' or '.join(unrated)}:")
            self.line(2, "ro = None")
        self.line(1, f"ka = {' + '.join(f'k{i}' for i in count) or '0'}")
        self.line(1, f"co = {' + '.join(f'c{i}' for i in count) or '0'}")
        self.line(1, "co = (kept_share(co / ka) if co else 0.0) if ka else None")
        self.line(1, "so = to = None")
        self.line(1, "vo = False")
        if applies:
            missing = " or ".join(f"(s{i} is None and p{i})" for i in applies)
            self.line(1, f"if not ({missing}):")
            weights = tuple(tables[i].theme.weight for i in applies)
            self.line(2, f"sc = ({''.join(f's{i}, ' for i in applies)})")
            self.line(2, "if None not in sc:  # every theme scored")
            self.line(3, f"so = fsum(map(mul, sc, {weights!r})) / {fsum(weights)!r}")
            self.line(2, "else:")
            self.line(3, f"ws = [(s, w) for s, w in zip(sc, {weights!r}) if s is not None]")
            self.line(3, "so = fsum([s * w for s, w in ws]) / fsum([w for _, w in ws]) if ws else None")
            self.line(2, "if so is not None:")
            self.line(3, "so, to = SCORED.get(so) or scored(so)")
            for i in applies:
                if tables[i].theme.id in gated_themes:
                    self.line(3, f"if g{i} and s{i} is not None and TIER_RANK[t{i}] < TIER_RANK[to]:")
                    self.line(4, f"to = t{i}")
            self.line(3, f"vo = {' or '.join(f'v{i}' for i in applies)}")
        self.line(1, 'return themes, {"score": so, "tier": to, "risk": ro, "coverage": co, "provisional": vo}')

    def line(self, depth: int, text: str) -> None:
        self.body.append("    " * depth + text)

    def bind(self, name: str, expression: str) -> str:
        if name not in self.bound:
            self.bound.add(name)
            self.globals.append(f"{name} = {expression}")
        return name

    def earn(self, depth: int, asked: AskedQuestion) -> None:
        """Add what the accepted answer ``x`` earns to its theme: its points looked up, a multi's kept once worked out."""
        i, name = self.theme_index[asked.theme], _name(asked)
        if not asked.is_multi:
            self.line(depth, f"e{i}.append({self.bind('P_' + name, f'asked[{asked.id!r}].points')}[x])")
            return
        known, checked = self.multi_points(asked)
        self.line(depth, f"q = {known}.get(tuple(x))")
        self.line(depth, f"e{i}.append({checked}(x) if q is None else q)")

    def multi_points(self, asked: AskedQuestion) -> tuple[str, str]:
        """A multi's points for the answers accepted so far (a dict), and the call that checks and works out any other."""
        name = _name(asked)
        return (
            self.bind("K_" + name, f"asked[{asked.id!r}].known_points"),
            self.bind("A_" + name, f"asked[{asked.id!r}].accepted_points"),
        )

    def roots(self, i: int, table) -> None:
        """A theme's scored questions without a parent: each counts by its own answer (as scoring._read_roots)."""
        self.line(1, f"# {table.theme.id}: questions without a parent")
        if table.single_ids:
            points = self.bind(
                f"P{i}", "(" + "".join(f"asked[{qid!r}].checked_points, " for qid in table.single_ids) + ")"
            )
            self.line(1, f"v = list(map(get, {table.single_ids!r}))")
            self.line(1, f"u{i} = v.count(None)")
            self.line(1, f"n{i} = v.count(NA)")
            self.line(1, f"e{i} = list(filter(None, map(getitem, {points}, v)))  # a KeyError: not accepted as it is")
            self.line(1, f"o{i} = list(compress({table.single_weights!r}, map(eq, v, repeat(NA)))) if n{i} else []")
            self.line(1, f"a{i} = {len(table.single_ids)} - u{i} - n{i}")
        else:
            self.line(1, f"a{i} = u{i} = n{i} = 0")
            self.line(1, f"e{i}, o{i} = [], []")
        self.by_own_answers(1, i, list(table.multi))
        for asked in self.council.orphans:
            if asked.theme == table.theme.id:
                self.only_checked(1, asked)
        self.line(1, f"w{i} = 0")
        self.line(1, f"g{i} = {any(a.id in self.orphan_ids for a in self.council.gated if a.theme == table.theme.id)}")
        self.line(1, f"x{i} = None")

    def by_own_answers(self, depth: int, i: int, questions: list[AskedQuestion]) -> None:
        """Theme i's questions that each count by their own answer and keep no state: one-choice ones looked up
        together with map() (in C) where there are enough for it to pay, else one by one. Measured with callgrind:
        a batch costs about as much to set up as three questions read one by one, and batching multi-choice
        answers (as tuples, for their kept points) cost more than it saved."""
        singles = [a for a in questions if not a.is_multi]
        singles = singles if len(singles) >= BATCH_SINGLES else []
        for asked in questions:
            if asked not in singles:
                self.own_answer(depth, asked)
        if singles:
            ids = tuple(a.id for a in singles)
            self.batches += 1
            points = self.bind(
                f"PB{self.batches}", "(" + "".join(f"asked[{qid!r}].checked_points, " for qid in ids) + ")"
            )
            self.line(depth, f"v = list(map(get, {ids!r}))")
            self.counted(depth, i, "v", "None", "NA", len(ids), tuple(a.weight for a in singles))
            self.line(depth, f"e{i}.extend(filter(None, map(getitem, {points}, v)))")

    def counted(
        self, depth: int, i: int, values: str, missing: str, not_applicable: str, count: int, weights: tuple[float, ...]
    ) -> None:
        self.line(depth, f"b = {values}.count({missing})")
        self.line(depth, f"d = {values}.count({not_applicable})")
        self.line(depth, f"u{i} += b")
        self.line(depth, f"a{i} += {count} - b - d")
        self.line(depth, "if d:")
        self.line(depth + 1, f"n{i} += d")
        self.line(depth + 1, f"o{i}.extend(compress({weights!r}, map(eq, {values}, repeat({not_applicable}))))")

    def follow_ups(self) -> None:
        """The follow-ups, parents first, in groups that share a parent and the answers that open them."""
        groups: dict[tuple[str, frozenset[str]], list[AskedQuestion]] = {}
        for asked in self.council.follow_ups:
            groups.setdefault((asked.parent, asked.opened_by), []).append(asked)
        for (parent, opened_by), children in groups.items():
            self.group(parent, opened_by, children)

    def group(self, parent: str, opened_by: frozenset[str], children: list[AskedQuestion]) -> None:
        """Follow-ups of one parent: its state opens them or closes them all (scoring._read_follow_ups and _closed_by)."""
        opens = _contains("p", opened_by)
        self.line(1, f"# after {parent}: {', '.join(a.id for a in children)}")
        if parent in self.orphan_ids:  # its parent is never asked of this council: closed
            self.closed_all(1, children, PARENT_CLOSED)
        elif parent in self.follow_up_ids:  # read from the parent's kept state
            state = "s_" + _name(self.council.by_id[parent])
            self.line(1, f"if {state} == {ANSWERED!r}:")
            self.line(2, f"p = get({parent!r})")
            self.line(2, f"if {opens}:")
            self.open_all(3, children)
            self.line(2, "else:")
            self.closed_all(3, children, PARENT_CLOSED)
            self.line(1, f"elif {state} == {NA!r}:")
            self.closed_all(2, children, NA)
            self.line(1, f"elif {state} == {UNANSWERED!r}:")
            self.closed_all(2, children, UNANSWERED)
            self.line(1, "else:")
            self.closed_all(2, children, PARENT_CLOSED)
        else:  # a parent without a parent: its state is its answer's
            self.line(1, f"p = get({parent!r})")
            self.line(1, "if p is None:")
            self.closed_all(2, children, UNANSWERED)
            self.line(1, "elif p == NA:")
            self.closed_all(2, children, NA)
            self.line(1, f"elif {opens}:")
            self.open_all(2, children)
            self.line(1, "else:")
            self.closed_all(2, children, PARENT_CLOSED)

    def open_all(self, depth: int, children: list[AskedQuestion]) -> None:
        """Opened follow-ups count by their own answers; those another question reads keep their state."""
        by_theme: dict[int, list[AskedQuestion]] = {}
        for asked in children:
            if asked.id in self.keep_state:
                self.own_answer(depth, asked)
            else:
                by_theme.setdefault(self.theme_index[asked.theme], []).append(asked)
        for i, questions in by_theme.items():
            self.by_own_answers(depth, i, questions)

    def closed_all(self, depth: int, children: list[AskedQuestion], why: str) -> None:
        """Follow-ups their parent closes: taken out (not applicable), waiting (unanswered), or 0 (closed)."""
        before = len(self.body)
        by_theme: dict[int, list[AskedQuestion]] = {}
        for asked in children:
            by_theme.setdefault(self.theme_index[asked.theme], []).append(asked)
            self.keep(depth, asked, why)
            self.only_checked(depth, asked)
        for i, questions in by_theme.items():
            if why == NA:
                weights = tuple(a.weight for a in questions)
                self.line(depth, f"o{i}.extend({weights!r})" if len(weights) > 1 else f"o{i}.append({weights[0]!r})")
            elif why == UNANSWERED:
                self.line(depth, f"w{i} += {len(questions)}")
        if len(self.body) == before:
            self.line(depth, "pass")

    def own_answer(self, depth: int, asked: AskedQuestion) -> None:
        i = self.theme_index[asked.theme]
        self.line(depth, f"x = get({asked.id!r})")
        if asked.is_multi:  # most answers are lists: tested first, the rest is as for one-choice questions
            self.line(depth, "if type(x) is list:")
            self.line(depth + 1, f"a{i} += 1")
            self.earn(depth + 1, asked)
            self.keep(depth + 1, asked, ANSWERED)
            self.line(depth, "elif x is None:")
        else:
            self.line(depth, "if x is None:")
        self.line(depth + 1, f"u{i} += 1")
        self.keep(depth + 1, asked, UNANSWERED)
        self.line(depth, "elif x == NA:")
        if NOT_APPLICABLE in asked.question.text_answers:
            self.line(depth + 1, f"n{i} += 1")
            self.line(depth + 1, f"o{i}.append({asked.weight!r})")
            self.keep(depth + 1, asked, NA)
        else:
            self.line(depth + 1, "return None  # not an answer this question accepts")
        self.line(depth, "else:")
        if asked.is_multi:
            self.line(depth + 1, 'return None  # neither a list nor "not applicable"')
            return
        self.line(depth + 1, f"a{i} += 1")
        self.earn(depth + 1, asked)
        self.keep(depth + 1, asked, ANSWERED)

    def only_checked(self, depth: int, asked: AskedQuestion, name: str = "x") -> None:
        """An answer that is not scored (a closed follow-up's, a context question's) is still checked and counted."""
        self.line(depth, f"{name} = get({asked.id!r})")
        self.line(depth, f"if {name} is not None:")
        self.line(depth + 1, "f += 1")
        if asked.is_multi:  # a list accepted before, or accepted_points, which raises KeyError unless accepted as it is
            known, checked = self.multi_points(asked)
            na = f" and {name} != NA" if NOT_APPLICABLE in asked.question.text_answers else ""
            self.line(depth + 1, f"if (type({name}) is not list or tuple({name}) not in {known}){na}:")
            self.line(depth + 2, f"{checked}({name})")
        else:
            accepted = self.bind("ACC_" + _name(asked), f"asked[{asked.id!r}].question.text_answers")
            self.line(depth + 1, f"if {name} not in {accepted}:")
            self.line(depth + 2, "return None")

    def keep(self, depth: int, asked: AskedQuestion, state: str) -> None:
        """A follow-up's state, where another question reads it."""
        if asked.id in self.keep_state:
            self.line(depth, f"s_{_name(asked)} = {state!r}")

    def gate(self, asked: AskedQuestion) -> None:
        """A statutory gate fails unless met or not applicable (scoring._read_gates); an orphan's is set in roots()."""
        if asked.id in self.orphan_ids:
            return
        i = self.theme_index[asked.theme]
        met = _contains("x", asked.gate.met, negate=True)
        self.line(1, f"# the gate of {asked.id} ({asked.gate.law})")
        if asked.id in self.follow_up_ids:
            state = "s_" + _name(asked)
            self.line(1, f"if {state} == {UNANSWERED!r} or {state} == {PARENT_CLOSED!r}:")
            self.line(2, f"g{i} = True")
            self.line(1, f"elif {state} == {ANSWERED!r}:")
            self.line(2, f"x = get({asked.id!r})")
            self.line(2, f"if {met}:")
            self.line(3, f"g{i} = True")
        else:
            self.line(1, f"x = get({asked.id!r})")
            self.line(1, f"if x is None or (x != NA and {met}):")
            self.line(2, f"g{i} = True")

    def exposures(self) -> None:
        """Each theme's exposure: None until every context question feeding it is answered, else the highest level."""
        council, ranks = self.council, self.bank.ranks["exposure"]
        sources = {qid for table in council.themes.values() for qid in table.exposure_sources}
        for asked in council.context:
            self.only_checked(1, asked, "c_" + _name(asked))
        if not sources:
            return
        levels = {-1: None, **{rank: level for level, rank in ranks.items()}}
        self.bind("LEVEL", repr(levels))  # an exposure rank -> its level; -1: every answer "not applicable"
        for asked in council.context:
            if asked.id not in sources:
                continue
            missing = [o for o, level in asked.exposures.items() if level not in ranks]
            if missing:
                raise ValueError(f"{asked.id}: option {missing[0]} has no exposure level")
            rank_of = {o: ranks[level] for o, level in asked.exposures.items()}
            self.bind("R_" + _name(asked), repr(rank_of))
        for i, table in enumerate(council.themes.values()):
            names = [_name(council.by_id[qid]) for qid in table.exposure_sources]
            if not names:
                continue
            unanswered = " or ".join(f"c_{n} is None" for n in names)
            highest = ", ".join(f"R_{n}.get(c_{n}, -1)" for n in names)
            self.line(1, f"q{i} = {unanswered}  # local context still needed")
            self.line(1, f"if not q{i}:")
            self.line(2, f"x{i} = LEVEL[{'max(' + highest + ')' if len(names) > 1 else highest}]")


BATCH_SINGLES = 4  # the fewest one-choice questions read together with map() rather than one by one


class KeptScores(dict):
    """A score as worked out -> (rounded to one decimal, the tier it reaches), kept once worked out for one bank:
    one lookup for both (round() to a number of digits goes through the decimal digits, about 2,000 instructions).
    ``SCORED.get(s) or scored(s)``; a zero is not kept: 0.0 and -0.0 are one key, and round() gives each its own sign."""

    def __init__(self, tiers: TierTable) -> None:
        super().__init__()
        self.tiers = tiers

    def scored(self, score: float) -> tuple[float, str]:
        rounded = round(score, 1)
        result = (rounded, self.tiers.reached_by(rounded))
        if score and len(self) < MAX_SCORES * 4:
            self[score] = result
        return result


@cache
def coverage_table(most: int) -> tuple[tuple[float | None, ...], ...]:
    """A theme's coverage by its counts, ``table[asked][covered]``, for up to ``most`` questions asked: the share
    as results give it (tables.share; 0.0 when none is covered; None when none is asked), looked up rather than
    rounded or found in share's cache for every theme of every file (results have few different counts)."""
    return ((None,), *(tuple(share(c / k) if c else 0.0 for c in range(k + 1)) for k in range(1, most + 1)))


def _contains(value: str, members: frozenset[str], negate: bool = False) -> str:
    """``value in {...}`` with the members sorted (a set's own order changes from run to run); Python keeps it as a frozenset constant."""
    test = "not in" if negate else "in"
    if not members:  # no answer opens it (or meets it)
        return "True" if negate else "False"
    return f"{value} {test} {{{', '.join(map(repr, sorted(members)))}}}"
