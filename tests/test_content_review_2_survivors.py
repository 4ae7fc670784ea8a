"""The survivor-side rows of the second domain review stay done (issue 27).

The second review of bank 2026.2 (``../shared/docs/domain-review-2.md``, table 2b) has 49 rows;
this module holds one test per row taken by the ``content-survivors`` branch: sexual exploitation
(C1, G5), digital inclusion (C2), safety and justice (C3), lived experience (C4, G6),
migration-related risk groups (C11), doorstep trades (C12), the partnership question (C15),
the disruption heading (G7), the statement outline (G9), inputs and outcomes (M8), double
counting (M9) and fixed references for bands (M10), and the things real statements answer that
the bank could not record (issue 27, "Real statements"). Each test is named after its row.

Tests check the real compiled bank (through the engine's ``Bank``; a nation's wording through
``Question.wording(nation)``) and the guidance Markdown, for meaning a later edit could break:
a nation's own law, who is asked, a tier placement, an option that must exist or must not.
"""

from __future__ import annotations

import re

import pytest

from scorecard.engine import Bank

from .helpers import ROOT, compile_bank
from .test_content_review import helptext, page, read, section, sources, tier_of

NATIONS = ("england", "wales", "scotland", "northern_ireland")


@pytest.fixture(scope="module")
def compiled() -> dict:
    return compile_bank(ROOT / "questions")


@pytest.fixture(scope="module")
def bank(compiled) -> Bank:
    return Bank.from_dict(compiled)


def asked(bank: Bank, type_id: str) -> set[str]:
    """The ids of the questions a council of this type is asked by default."""
    ctype = bank.council_types[type_id]
    return {q.id for q in bank.asked_of(ctype.nation, ctype.functions)}


def option_ids(bank: Bank, qid: str) -> set[str]:
    return {o.id for o in bank.questions[qid].options}


# ------------------------------------------------------------------ sexual exploitation


def test_row_C1_sexual_exploitation_across_licensing_disruption_and_safeguarding(bank):
    licensing = "sex_establishment_licensing"
    assert licensing in bank.functions
    for ctype in bank.council_types.values():  # every council licenses these but an English county
        assert (licensing in ctype.functions) == (ctype.id != "county"), ctype.id
    sev, massage = bank.questions["LIC-40"], bank.questions["LIC-41"]
    assert licensing in sev.requires and sev.allow_na and sev.nations == set(NATIONS)
    own_law = {
        "england": [
            r"Schedule 3 to the Local Government \(Miscellaneous Provisions\) Act 1982",
            r"Policing and Crime Act 2009",
        ],
        "wales": [r"Schedule 3 to the Local Government \(Miscellaneous Provisions\) Act 1982"],
        "scotland": [r"sections 45A to 45C of the Civic Government \(Scotland\) Act 1982", r"26 April 2019"],
        "northern_ireland": [
            r"Local Government \(Miscellaneous Provisions\) \(Northern Ireland\) Order 1985",
            r"sex cinemas and sex shops",
        ],
    }
    for nation, laws in own_law.items():
        for law in laws:
            assert re.search(law, helptext(sev, nation)), (nation, law)
    for nation in ("scotland", "northern_ireland"):
        assert "Act 1982, Schedule 3" not in read(sev, nation) and "Policing and Crime Act 2009" not in read(
            sev, nation
        )
    assert massage.nations == {"england"} and massage.allow_na
    assert re.search(r"London Local Authorities Act 1991", helptext(massage))
    assert {"LIC-40", "LIC-41"} <= asked(bank, "district") and {"LIC-40", "LIC-41"}.isdisjoint(asked(bank, "county"))
    assert "LIC-40" in asked(bank, "ni_district") and "LIC-41" not in asked(bank, "ni_district")
    # disruption: intelligence from adult-services adverts and complaints, support first
    assert {"records_to_police", "adverts", "support_first"} <= option_ids(bank, "DIS-40")
    assert re.search(r"adult-services websites", helptext(bank.questions["DIS-40"]))
    assert re.search(r"Short-term Lets", helptext(bank.questions["DIS-40"], "scotland"))
    # safeguarding: a CSE pathway beside the criminal-exploitation one, per nation
    cse = bank.questions["SAF-50"]
    assert "childrens_services" in cse.requires and re.search(r"child sexual exploitation", cse.text)
    assert re.search(r"All Wales Practice Guide[^.]*child sexual exploitation", helptext(cse, "wales"), re.I)
    assert re.search(r"National Guidance for Child Protection in Scotland", helptext(cse, "scotland"))
    assert "SAF-50" in asked(bank, "county") and "SAF-50" not in asked(bank, "district")
    for name, anchor in (
        ("licensing.md", "sex-establishments"),
        ("disruption.md", "sexual-exploitation"),
        ("safeguarding.md", "child-sexual-exploitation"),
    ):
        assert re.search(r"sexual", section(name, anchor), re.I), (name, anchor)
    assert bank.questions["LIC-40"].guidance[0] == "licensing.md#sex-establishments"
    assert bank.questions["SAF-50"].guidance[0] == "safeguarding.md#child-sexual-exploitation"


def test_row_G5_inspection_prompt_has_sexual_exploitation_cuckooing_and_children():
    prompt = page("templates/inspection-prompt.md")
    for block in (
        r"\*\*Signs of sexual exploitation\*\*",
        r"\*\*Signs of cuckooing\*\*",
        r"\*\*Signs about children\*\*",
    ):
        assert re.search(block, prompt), block
    children = prompt.split("**Signs about children**", 1)[1].split("## After the visit", 1)[0]
    assert re.search(r"children's services", children) and re.search(r"do not need to agree", children)


def test_row_C12_doorstep_trade_workers_are_potential_victims(bank):
    q = bank.questions["DIS-41"]
    assert "trading_standards" in q.requires and re.search(r"driveway", q.text)
    assert re.search(r"Keith Lewis", helptext(q)) and re.search(r"Keith Lewis", sources(q))
    assert any("away from the trader" in o.label for o in q.options if o.score > 0)
    assert "DIS-41" in asked(bank, "county") and "DIS-41" not in asked(bank, "ni_district")
    assert tier_of("disruption.md", "doorstep-crime") == "tier-early"


def test_row_G7_community_safety_heading_does_not_call_the_plan_a_duty():
    heading = next(line for line in page("disruption.md").splitlines() if "{#community-safety}" in line)
    assert "legal dut" not in heading.lower()
    assert re.search(
        r"Putting modern slavery into the partnership's plan is not required by law",
        section("disruption.md", "community-safety"),
    )


# ------------------------------------------------------------------ survivors


def test_row_C2_digital_inclusion_of_survivors(bank):
    q = bank.questions["SUR-40"]
    assert q.theme == "survivors" and q.type == "multi" and not q.requires
    assert {"device_data", "skills", "online_safety", "offline_access", "languages"} <= option_ids(bank, "SUR-40")
    assert re.search(r"University of Liverpool", sources(q)) and re.search(r"14 June 2023", sources(q))
    assert re.search(r"re-exploitation", helptext(q))
    assert tier_of("survivors.md", "digital-inclusion") in ("tier-basic", "tier-early")
    assert all("SUR-40" in asked(bank, t) for t in bank.council_types)


def test_row_C3_safety_plan_address_protection_and_justice(bank):
    plan, address, justice = (bank.questions[q] for q in ("SUR-41", "SUR-42", "SUR-43"))
    assert re.search(r"reviewed when their support changes or ends", plan.text)
    best = max(plan.options, key=lambda o: o.score)
    assert re.search(r"before their support ends", best.label)
    assert re.search(r"Safety from any trafficker or other abuser", helptext(plan)) and re.search(
        r"Core Outcome Set", sources(plan)
    )
    assert re.search(r"across its own records", address.text) and re.search(
        r"register to vote anonymously", max(address.options, key=lambda o: o.score).label
    )
    assert re.search(r"Anonymous electoral registration", helptext(address))
    assert {"police_route", "legal_advice", "compensation", "court_support"} <= option_ids(bank, "SUR-43")
    assert re.search(r"Victim Navigators", helptext(justice)) and re.search(r"ATLEU", helptext(justice))
    assert re.search(r"never depend on taking part in a prosecution", helptext(justice))
    assert re.search(r"JustRight Scotland", helptext(justice, "scotland"))
    assert re.search(
        r"Northern Ireland's own criminal injuries compensation scheme", helptext(justice, "northern_ireland")
    )
    for anchor in ("safety-planning", "address-protection"):  # safety is a first step, not mature practice
        assert tier_of("survivors.md", anchor) == "tier-basic", anchor
    assert tier_of("survivors.md", "justice-and-compensation") in ("tier-basic", "tier-early")


def test_row_C4_lived_experience_is_a_weighted_strand(bank):
    where, paid, depth = bank.questions["SUR-44"], bank.questions["SUR-45"], bank.questions["SUR-07"]
    assert {"strategy_partnership", "commissioning", "training", "this_assessment"} <= option_ids(bank, "SUR-44")
    assert re.search(r"paid and supported", paid.text) and re.search(
        r"budget", max(paid.options, key=lambda o: o.score).label
    )
    assert re.search(r"30 September 2020", sources(where)) and re.search(r"5 December 2018", sources(where))
    survivors = next(t for t in bank.themes if t.id == "survivors")
    total = sum(q.weight for q in survivors.questions)
    share = (where.weight + paid.weight + depth.weight) / total
    assert depth.weight >= 3 and share >= 0.15, f"lived experience is {share:.0%} of the survivors theme"


def test_row_G6_lived_experience_and_safety_in_the_early_tiers(bank):
    assert tier_of("survivors.md", "lived-experience") in ("tier-basic", "tier-early")
    assert tier_of("survivors.md", "safety-planning") == "tier-basic"
    assert tier_of("spoc.md", "spoc-lived-experience") in ("tier-basic", "tier-early")
    for qid in ("SUR-07", "SUR-44", "SUR-45"):
        assert bank.questions[qid].guidance[0] == "survivors.md#lived-experience", qid
    lived = section("survivors.md", "lived-experience")
    for part in (r"strategy", r"commissioning", r"training", r"this self-assessment", r"Pay people"):
        assert re.search(part, lived), part


def test_row_C15_partnership_options_unbundled_and_victim_care_asked(bank):
    partnership = bank.questions["DIS-42"]
    assert bank.replaced_by["DIS-03"] == bank.replaced_by["SPC-06"] == "DIS-42"
    bundled = [
        o.label for o in partnership.options if o.score < 1 and re.search(r"goals.*monitor|monitor.*goals", o.label)
    ]
    assert not bundled, bundled
    assert {"goals_agreement", "goals_monitored"} <= option_ids(bank, "DIS-42")
    assert "shared_goals" not in option_ids(bank, "DIS-42")  # the old bundled answer is set aside, not carried over
    care = bank.questions["SUR-46"]
    assert care.theme == "survivors" and re.search(r"care of victims and survivors", care.text)
    assert re.search(r"Rights Lab", sources(care))


# ------------------------------------------------------------------ migration routes, templates, real statements


def test_row_C11_migration_related_risk_groups(bank):
    control, context = bank.questions["SAF-51"], bank.questions["SAF-52"]
    for group in (
        r"asylum accommodation",
        r"Homes for Ukraine",
        r"seasonal farm workers",
        r"overseas domestic workers",
    ):
        assert re.search(group, helptext(control)), group
    assert control.allow_na and control.kind == "maturity"
    assert context.kind == "context" and set(context.exposure_for) == {"safeguarding", "disruption"}
    assert {o.id: o.exposure for o in context.options}["not_known"] == "high"  # not knowing is not low exposure
    assert "MHCLG" not in sources(control, "wales") and re.search(r"gov\.wales", sources(control, "wales"))
    assert "Safeguarding: Homes for Ukraine (applies to England)" in sources(control)
    assert tier_of("safeguarding.md", "migration-routes") in ("tier-basic", "tier-early")


def test_row_G9_statement_outline_has_cases_and_remedy():
    outline = page("templates/statement-outline.md")
    cases = outline.split("## 5. Cases we identified and the remedy we gave", 1)
    assert len(cases) == 2, "no 'cases identified and remedy' section"
    body = cases[1].split("\n## ", 1)[0]
    assert (
        re.search(r"24 March 2025", body)
        and re.search(r"remediation plan", body)
        and re.search(r"If no cases were found", body)
    )
    numbers = [int(n) for n in re.findall(r"^## (\d+)\.", outline, re.M)]
    assert numbers == list(range(1, len(numbers) + 1)), numbers


def test_real_statements_answers_the_bank_can_now_record(bank):
    """Issue 27, "Real statements": supplier statements, a councillor champion, a steering group or scrutiny review."""
    suppliers = bank.questions["PRO-40"]
    assert re.search(r"section 54", helptext(suppliers)) and re.search(r"Registry", helptext(suppliers))
    assert re.search(r"was not checked \(as at", helptext(suppliers))  # the exclusion ground is not asserted
    assert "Procurement Act 2023" not in read(suppliers, "scotland") and re.search(
        r"SPPN 3/2020", helptext(suppliers, "scotland")
    )
    champion, oversight = bank.questions["SPC-40"], bank.questions["SPC-41"]
    assert re.search(r"councillor", champion.text) and re.search(
        r"Code of Practice on Ethical Employment", helptext(champion, "wales")
    )
    assert {"steering_group", "group_and_scrutiny"} <= option_ids(bank, "SPC-41")
    assert re.search(r"scrutiny", max(oversight.options, key=lambda o: o.score).label)
    for qid in ("PRO-40", "SPC-40", "SPC-41"):
        assert all(qid in asked(bank, t) for t in bank.council_types), qid


# ------------------------------------------------------------------ balance of the bank


def test_row_M9_one_scored_question_per_fact(bank):
    assert "SPC-12" not in bank.questions and "SPC-12" in bank.retired
    assert re.search(r"SAF-14", bank.retired["SPC-12"]["reason"])
    records = bank.questions["SAF-14"]
    assert not records.requires and set(records.nations) == set(NATIONS)  # every council still answers the fact once
    move_on, contact = bank.questions["SUR-47"], bank.questions["SUR-06"]
    assert bank.replaced_by["SUR-05"] == bank.replaced_by["HOU-06"] == "SUR-47"  # answers from 2026.1 carry over too
    assert not re.search(r"regular contact", move_on.text, re.I) and re.search(r"asked separately", helptext(move_on))
    assert re.search(r"regular contact", contact.text)


def test_row_M10_bands_have_fixed_references_and_top_answers_are_checked(bank):
    for old, new in (("HOU-20", "HOU-40"), ("HOU-21", "HOU-41"), ("DIS-02", "DIS-43")):
        q = bank.questions[new]
        assert bank.replaced_by[old] == new and q.kind == "context"
        banded = [o for o in q.options if o.id not in ("none", "not_known")]
        assert banded and all(re.search(r"\d", o.label) for o in banded), [o.label for o in banded]
        assert not any(re.search(r"\b(few|many|similar councils|small|busy)\b", o.label, re.I) for o in q.options), new
        assert re.search(r"https://", sources(q)) and re.search(r"this scorecard's own", helptext(q) + sources(q)), new
    assert re.search(r"18\.9[^.]*London[^.]*2\.6", helptext(bank.questions["HOU-41"]))
    assert re.search(r"at least 1 million tonnes", helptext(bank.questions["DIS-43"]))
    for old, new, checked in (("SUR-10", "SUR-48", r"audit"), ("PRO-03", "PRO-41", r"sample check")):
        q = bank.questions[new]
        assert bank.replaced_by[old] == new
        assert not any(re.search(r"^(Always|For every)\b", o.label) for o in q.options), new
        assert re.search(checked, max(q.options, key=lambda o: o.score).label), new
    assert re.search(r"card spend", helptext(bank.questions["PRO-41"]))
    for follow_up in ("PRO-04", "PRO-15"):  # the follow-ups still open from the same answers
        assert bank.questions[follow_up].depends_on == "PRO-41"
        assert bank.questions[follow_up].depends_answer_in == {"sometimes", "most", "all_sampled"}


def test_row_M8_outcomes_recorded_beside_the_inputs(bank):
    """The bank leaned on inputs: outcome indicators tied to MSCOS outcomes or duties now sit beside the scores."""
    indicators = bank.indicators
    assert 5 <= len(indicators) <= 8
    tied = {i.outcome for i in indicators.values() if i.outcome}
    assert len(tied) >= 4 and tied <= set(bank.outcomes)
    assert any(i.duty for i in indicators.values())
    assert "Safety from any trafficker or other abusers" in bank.outcomes.values()
    why = (ROOT / "questions" / "indicators.yaml").read_text(encoding="utf-8")
    assert re.search(r"never scored", why) and re.search(r"reward finding\s+fewer", why)
