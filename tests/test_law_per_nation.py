"""Every legal statement a council reads is its own nation's law (issue 12, done-when).

For each question a Welsh, Scottish or Northern Irish council can be shown (its nation is among
the question's ``nations``; functions are left aside, since an officer can add a function their
type does not run by default: a Northern Ireland council that ticks "adult social care" must not
then read the Care Act), the wording that nation sees (``Question.wording(nation)``: text,
help, sources, the legal gate's law) and the option labels must not cite a statute or guidance
that does not apply there (``ENGLAND_ONLY``).

The one exception, kept simple so it can be checked by eye: a sentence may name such a law when
the same sentence says, in so many words, that it does not apply in that nation, for example
"The Care Act 2014 applies in England only." or "PPN 009 does not apply in Scotland." (see
``DISCLAIMERS``). A sentence that only names it, even beside the nation's own law, fails: a
reader skimming the help must not take it for theirs.

And no question shown to a London borough or the City of London by default concerns taxi
licensing: Transport for London licenses taxis and private hire there. A question whose text
is about taxis or private hire must require the ``taxi_licensing`` function.

Run against another bank folder (a content branch, say) with
``SCORECARD_LAW_BANK=path/to/questions python3 -m pytest tests/test_law_per_nation.py``.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from scorecard.engine import Bank

from .helpers import ROOT, compile_bank

DEVOLVED = ("wales", "scotland", "northern_ireland")
NATION_NAMES = {"wales": "Wales", "scotland": "Scotland", "northern_ireland": "Northern Ireland"}

# law -> (how it is written, the nations it does not reach among the devolved three)
ENGLAND_ONLY = {
    "Care Act 2014": (r"\bCare Act 2014\b", DEVOLVED),
    "Homelessness Code of Guidance for England": (r"\bHomelessness Code of Guidance\b", DEVOLVED),
    "Taxis and Private Hire Vehicles (Safeguarding and Road Safety) Act 2022": (
        r"\bTaxis and Private Hire Vehicles \(Safeguarding and Road Safety\) Act 2022\b",
        DEVOLVED,
    ),
    "Working Together to Safeguard Children": (r"\bWorking Together to Safeguard Children\b", DEVOLVED),
    "PPN 009 / PPN 02/23": (r"\bPPN ?(0?09|02/23)\b|\bProcurement Policy Note (0?09|02/23)\b", ("scotland",)),
    "Procurement Act 2023": (r"\bProcurement Act 2023\b", ("scotland",)),
    # Scotland: HTE(S)A 2015 s38; Northern Ireland: s13 of its 2015 Act. Neither Act has a section 52,
    # so a section 52 in their wording is the Modern Slavery Act's.
    "Modern Slavery Act 2015, s52": (r"\bs(ection|\.)? ?52\b", ("scotland", "northern_ireland")),
    "Modern Slavery Victim Care Contract": (r"\bMSVCC\b|\bVictim Care Contract\b", ("scotland", "northern_ireland")),
}

SENTENCE_END = re.compile(r"(?<=[.;!?])\s+(?=[A-Z(\"'])")


def disclaimers(nation: str) -> list[str]:
    """Phrases that say, in the same sentence, that the law named does not apply in this nation."""
    name = re.escape(NATION_NAMES[nation])
    phrases = [
        rf"\b(does|do|did) not (apply|extend|run) (in|to) {name}\b",
        rf"\bnot in {name}\b",
        rf"\bnot (for|to) {name}\b",
        r"\bEngland only\b",
        r"\bonly (in|to|for) England\b",
        r"\bapplies (only )?(in|to) England\b(?! and)",
    ]
    if nation != "wales":
        phrases += [
            r"\bEngland and Wales only\b",
            r"\bonly (in|to|for) England and Wales\b",
            r"\bapplies (only )?(in|to) England and Wales\b",
        ]
    return phrases


def shown_texts(question, nation: str) -> list[tuple[str, str]]:
    """(where, text) for everything of this question a council of the nation reads."""
    wording = question.wording(nation)
    texts = [("text", wording.text), ("help", wording.help)]
    texts += [(f"sources[{i}]", source) for i, source in enumerate(wording.sources)]
    if wording.gate:
        texts.append(("gate law", wording.gate.law))
    texts += [(f"option {o.id}", o.label) for o in question.options]
    return texts


def law_problems(bank: Bank) -> list[str]:
    """Every England-only citation a devolved nation's council would read, as 'ID (nation, where): law: sentence'."""
    problems = []
    for question in bank.questions.values():
        for nation in DEVOLVED:
            if nation not in question.nations:
                continue
            allowed = [re.compile(p, re.I) for p in disclaimers(nation)]
            for where, text in shown_texts(question, nation):
                for sentence in SENTENCE_END.split(" ".join(text.split())):
                    for law, (pattern, nations) in ENGLAND_ONLY.items():
                        if (
                            nation in nations
                            and re.search(pattern, sentence, re.I)
                            and not any(a.search(sentence) for a in allowed)
                        ):
                            problems.append(f"{question.id} ({nation}, {where}): {law}: {sentence}")
    return problems


TAXIS = re.compile(r"\btaxis?\b|\bprivate hire\b|\bhackney carriage", re.I)


def london_taxi_problems(bank: Bank) -> list[str]:
    """Questions a London borough or the City is shown by default that concern taxi licensing."""
    problems = []
    for type_id in ("london_borough", "city_of_london"):
        ctype = bank.council_types.get(type_id)
        if ctype is None:
            continue
        for question in bank.asked_of(ctype.nation, ctype.functions):
            if "taxi_licensing" in question.requires:
                problems.append(f"{question.id} ({type_id}): requires taxi_licensing, which {type_id} does not run")
            elif TAXIS.search(question.wording(ctype.nation).text):
                problems.append(
                    f"{question.id} ({type_id}): asks about taxis or private hire but does not require taxi_licensing"
                )
    return problems


@pytest.fixture(scope="module")
def bank(real_compiled) -> Bank:
    other = os.environ.get("SCORECARD_LAW_BANK")
    return Bank.from_dict(compile_bank(Path(other)) if other else real_compiled)


def test_no_devolved_council_reads_an_england_only_law(bank):
    problems = law_problems(bank)
    assert not problems, f"{len(problems)} England-only citation(s) shown outside England:\n" + "\n".join(problems)


def test_no_london_council_is_asked_about_taxi_licensing(bank):
    problems = london_taxi_problems(bank)
    assert not problems, "\n".join(problems)


# --- the rule itself, on made-up wording: it must catch what it is for and let through what it allows ---


@pytest.fixture(scope="module")
def mini_compiled():
    return compile_bank(ROOT / "tests" / "fixtures" / "mini" / "questions")


def reworded(compiled: dict, help_text: str, nations=("england", "wales"), variant: dict | None = None) -> Bank:
    import copy

    data = copy.deepcopy(compiled)
    question = data["themes"][0]["questions"][0]
    question["help"], question["nations"] = help_text, list(nations)
    if variant is not None:
        question["variants"] = {"wales": variant}
    return Bank.from_dict(data)


@pytest.mark.parametrize(
    "help_text",
    [
        "Under the Care Act 2014, s42 the council must make enquiries.",
        "Follow Working Together to Safeguard Children (2023) and the Social Services and Well-being (Wales) Act 2014.",
        "See the Homelessness code of guidance for England, chapter 25.",
    ],
)
def test_the_rule_catches_an_england_only_law_in_welsh_wording(mini_compiled, help_text):
    problems = law_problems(reworded(mini_compiled, help_text))
    assert len(problems) == 1 and problems[0].startswith("ALP-01 (wales, help): ")


@pytest.mark.parametrize(
    "help_text",
    [
        "The Care Act 2014 applies in England only. In Wales, the Social Services and Well-being (Wales) Act 2014, s126.",
        "Working Together to Safeguard Children does not apply in Wales; follow the Wales Safeguarding Procedures.",
    ],
)
def test_the_rule_allows_a_sentence_that_says_the_law_does_not_apply(mini_compiled, help_text):
    assert law_problems(reworded(mini_compiled, help_text)) == []


def test_a_nations_own_variant_is_what_is_checked(mini_compiled):
    english = "Under the Care Act 2014, s42 the council must make enquiries."
    welsh = {"help": "Under the Social Services and Well-being (Wales) Act 2014, s126 the council must make enquiries."}
    assert law_problems(reworded(mini_compiled, english, variant=welsh)) == []
    assert law_problems(reworded(mini_compiled, english, nations=("england",))) == []  # not shown in Wales at all
    # the disclaimer counts only in its own sentence, and only for the nation it names
    split = "The Care Act 2014 sets the duty. It does not apply in Wales."
    assert len(law_problems(reworded(mini_compiled, split))) == 1
    assert (
        law_problems(reworded(mini_compiled, "The duty to notify is in the Modern Slavery Act 2015, s52.")) == []
    )  # reaches Wales


def test_the_london_rule_catches_a_taxi_question_without_the_function(mini_compiled):
    import copy

    data = copy.deepcopy(mini_compiled)
    data["themes"][0]["questions"][0]["text"] = "Do taxi and private hire drivers get modern slavery training?"
    problems = london_taxi_problems(Bank.from_dict(data))
    assert problems == ["ALP-01 (london_borough): asks about taxis or private hire but does not require taxi_licensing"]
