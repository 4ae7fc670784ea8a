"""Every row of the second domain review handled here stays fixed (issue 27).

The second domain review of bank 2026.2 (``../shared/docs/domain-review-2.md``, section 2b) lists
49 findings. This module has one test per row that this change handles (the law, the safeguarding
practice gaps, the templates and the citations: L1-L13, C5-C10, C13, C14, C16, G1-G4, G8), named
after it (``test_l01_...``). It reads the real compiled bank (``questions/``) and the guidance
(``guidance/``) through the helpers of ``tests/test_content_review.py``. As there, the checks test
meaning a later edit could break (a gate's nation, a section number, a date, a "could not confirm"
with its date), not whole paragraphs; facts that could not be verified are tested for the saying-so.
"""

from __future__ import annotations

import re

import pytest

from scorecard.bank_source.load import INTERNAL_WORDS
from scorecard.engine import Bank

from .helpers import ROOT, compile_bank
from .test_content_review import (
    UNVERIFIED,
    everywhere,
    found,
    guidance_texts,
    helptext,
    page,
    read,
    section,
    sources,
    tier_of,
)

CHECKED = "7 December 2026"  # the date the facts below were checked


@pytest.fixture(scope="module")
def bank() -> Bank:
    return Bank.from_dict(compile_bank(ROOT / "questions"))


def test_g02_no_working_papers_in_what_officers_read(bank):
    """No "seed", "domain brief" or "content review" in any text an officer reads (validate refuses them too:
    tests/data/broken_banks.yaml), and the documents once cited through them carry an address."""
    named = [f"{where}: {text[:120]}" for where, text in everywhere(bank) if INTERNAL_WORDS.search(text)]
    assert not named, "\n".join(named)
    once_via_working_papers = re.compile(
        r"Identifying pathways|Criminal exploitation: modern slavery by another name|"
        r"Shiva Foundation|Keith Lewis|Beyond Survival|Jay Review|Helen Bamber|"
        r"Rights Lab|A Path to Freedom|Core Outcome Set"
    )
    no_address = [
        f"{q.id} ({nation}): {s}"
        for q in bank.questions.values()
        for nation in ("england", *q.variants)
        for s in q.wording(nation).sources
        if once_via_working_papers.search(s) and "https://" not in s
    ]
    assert not no_address, "\n".join(no_address)


def asked(bank, type_id: str):
    ctype = bank.council_types[type_id]
    return bank.asked_of(ctype.nation, ctype.functions)


def hedges_dated(text: str) -> bool:
    """Every "could not confirm" (and the like) in the text carries the date it was checked."""
    return all(
        CHECKED in sentence
        for sentence in re.split(r"(?<=[.;])\s+", " ".join(text.split()))
        if UNVERIFIED.search(sentence)
    )


# ------------------------------------------------------------------ the law (L rows)


def test_l01_age_presumption_is_good_practice_and_s51_quoted_as_it_is(bank):
    q = bank.questions["SAF-04"]
    for nation in ("england", "wales", "northern_ireland"):
        assert q.wording(nation).gate is None, f"SAF-04 gates {nation} on a duty not shown to apply to every council"
    district = asked(bank, "district")
    assert q in district and q.wording("england").gate is None  # districts are asked, as good practice only
    help_text = helptext(q)
    for must in (
        r"functions under the arrangements for supporting victims of human trafficking",
        r"section 49\(1\)\(b\)",
        r"section\s+50\(1\)",
        r"only where the person may be a\s+victim of human trafficking",
        r"benefit of the doubt",
        r"good practice, not as a legal duty",
    ):
        assert re.search(must, help_text), must
    assert re.search(
        r"could not confirm on legislation\.gov\.uk that section 51 has been brought into force\s+\(checked " + CHECKED,
        help_text,
    )
    assert "care-of-unaccompanied-migrant-children" in sources(q) and "modern-slavery-how-to-identify" in sources(q)
    scotland = q.wording("scotland")
    assert scotland.gate is not None and "section 12" in scotland.gate.law
    assert re.search(r"sections 17\(6\)\(a\), 22 and\s+25 of the Children \(Scotland\) Act 1995", scotland.help)
    age = section("safeguarding.md", "age-uncertain")
    assert "relevant arrangements" in age and "does not gate councils on it" in age
    flowchart = page("templates/nrm-duty-to-notify-flowchart.md")
    assert not re.search(r"\bs51\b|section 51", flowchart) and "benefit" in flowchart


def test_l02_child_protection_is_gated_per_nation(bank):
    q = bank.questions["SAF-40"]
    assert "childrens_services" in q.requires and q.nations == {"england", "wales", "scotland"}
    assert q in asked(bank, "county") and q not in asked(bank, "district") and q not in asked(bank, "ni_district")
    assert re.search(r"section 47", q.gate.law) and "England" in q.gate.law
    assert re.search(r"section 47[^.]*Wales", q.wording("wales").gate.law)
    assert re.search(r"section 60", q.wording("scotland").gate.law)
    met = set(q.gate.met)
    assert met == {"enquiries_made", "enquiries_reviewed"} and all(
        set(q.wording(n).gate.met) == met for n in ("wales", "scotland")
    )
    assert re.search(r"reasonable cause to\s+suspect", helptext(q)) and re.search(r"section 17", helptext(q))
    assert re.search(r"section 20", helptext(q)) and "Working Together to Safeguard Children 2023" in helptext(q)
    wales = helptext(q, "wales")
    assert (
        all(re.search(rf"section {n}\b", wales) for n in (47, 21, 76, 130)) and "Wales Safeguarding Procedures" in wales
    )
    scot = read(q, "scotland")
    assert re.search(r"inter-agency referral discussion \(IRD\)", scot) and re.search(r"Sections 22 and 25", scot)
    assert re.search(r"National Guidance for Child Protection in Scotland 2021 \(updated 2023\)", scot)
    assert "Care Act" not in read(q, "scotland") and "section 47" not in read(q, "scotland")
    child = section("safeguarding.md", "child-protection")
    assert tier_of("safeguarding.md", "child-protection") == "tier-basic"
    assert re.search(
        r"Northern Ireland:\*\* child protection under the Children \(Northern Ireland\) Order 1995 is a\s+function of the Health and Social Care Trusts",
        child,
    )


def test_l05_procedures_and_training_follow_the_current_s49_guidance(bank):
    saf01 = bank.questions["SAF-01"]
    assert re.search(r"must have regard to\s+the Home Office's statutory guidance under section 49", helptext(saf01))
    assert re.search(r"current Home Office guidance \(version recorded\)", saf01.options[-1].label)
    assert any(o.id == "current_guidance" and o.score > 0 for o in bank.questions["SAF-05"].options)
    referrals = section("safeguarding.md", "nrm-referrals")
    assert "What changed in the statutory guidance" in referrals and "30 January 2023" in referrals
    assert re.search(r"reasonable grounds", referrals) and re.search(r"30 days instead of 45", referrals)


def test_l08_adult_gate_is_met_by_enquiries_not_by_the_recorded_category(bank):
    q = bank.questions["SAF-07"]
    ids = [o.id for o in q.options]
    assert ids.index("enquiries_made") < ids.index("used_recorded")
    for nation in ("england", "wales", "scotland"):
        assert "enquiries_made" in q.wording(nation).gate.met, nation
    assert re.search(r"The duty is to make the enquiries", helptext(q))
    assert re.search(
        r"Recording modern slavery as the type\s+of abuse is good practice, not part of the duty",
        section("safeguarding.md", "adult-enquiries"),
    )


def test_l09_dudley_said_dismissed_and_moved_to_the_children_question(bank):
    assert "Dudley" not in read(bank.questions["SUR-11"])
    children = read(bank.questions["SAF-40"])
    assert re.search(r"R \(GW\) v Dudley MBC \[2025\] EWHC\s*2140 \(Admin\)", children) and "dismissed" in children
    mentions = found(r"Dudley", everywhere(bank))
    assert mentions and all(re.search(r"dismiss", m) for m in mentions), mentions


def test_l12_northern_ireland_first_responder_status_settled_once(bank):
    ni = bank.council_types["ni_district"]
    assert "nrm_first_responder" not in ni.functions
    settled = section("safeguarding.md", "ni-reporting")
    assert "treats Northern Ireland councils as not being NRM first responders" in settled
    assert re.search(
        r"What we\s+could not verify (\(checked 7 December 2026\))?: the Home Office's current list", settled
    )
    # nowhere else leaves it open
    open_question = found(r"(could not confirm|should be checked)[^.]*first responder", everywhere(bank))
    assert not open_question, "\n".join(open_question)
    for qid in ("SAF-01", "SAF-15", "SPC-04", "DIS-12"):
        assert re.search(
            r"not (treated (by this scorecard )?as|being) (NRM )?first\s+responders",
            read(bank.questions[qid], "northern_ireland"),
        ), qid
    flowchart_ni = page("templates/nrm-duty-to-notify-flowchart.md").split("## Northern Ireland", 1)[1]
    assert "treats Northern Ireland councils as not being NRM first" in flowchart_ni


# ------------------------------------------------------------------ safeguarding practice (C rows)


def test_c05_youth_justice_and_the_s45_defence(bank):
    q = bank.questions["SAF-41"]
    assert "childrens_services" in q.requires and "northern_ireland" not in q.nations
    assert re.search(r"Section 45 of the Modern Slavery Act 2015", helptext(q)) and "Schedule 4" in helptext(q)
    assert re.search(r"divert", helptext(q)) and any("diversion" in o.label for o in q.options)
    scot = read(q, "scotland")
    assert re.search(r"section 45 defence[^.]*does not apply in Scotland", scot) and re.search(
        r"Section 8 of the Human", scot
    )
    assert tier_of("safeguarding.md", "youth-justice") == "tier-early"


def test_c06_mental_capacity_and_adults_with_incapacity(bank):
    saf02 = bank.questions["SAF-02"]
    assert "Mental Capacity Act 2005" in helptext(saf02) and "best interests" in helptext(saf02)
    assert re.search(r"Adults with Incapacity \(Scotland\) Act 2000", read(saf02, "scotland"))
    assert "Mental Capacity Act" not in read(saf02, "scotland")
    assert any(o.id == "mental_capacity" for o in bank.questions["SAF-05"].options)
    flowchart = page("templates/nrm-duty-to-notify-flowchart.md")
    england, rest = flowchart.split("## Scotland", 1)
    assert "Mental Capacity Act 2005" in england and "Adults with\n   Incapacity (Scotland) Act 2000" in rest


def test_c07_safeguarding_boards_and_case_reviews(bank):
    q = bank.questions["SAF-42"]
    assert re.search(r"section 43", helptext(q)) and re.search(r"section 44", helptext(q)) and "16E" in helptext(q)
    assert re.search(r"Child Safeguarding Practice Reviews", helptext(q))
    assert "regional safeguarding boards" in helptext(q, "wales") and "section 42" in helptext(q, "scotland")
    assert "Care Act" not in read(q, "wales") + read(q, "scotland")
    assert any("case reviews" in o.label for o in q.options if o.score == 1)
    assert tier_of("safeguarding.md", "board-oversight") == "tier-substantial"


def test_c08_out_of_hours_route_and_the_msvcc_line(bank):
    q = bank.questions["SAF-43"]
    assert not q.requires and q in asked(bank, "district") and q in asked(bank, "ni_district")
    assert "0800 808 3733" in helptext(q) and "England and Wales" in helptext(q)
    assert "0800 808 3733" not in read(q, "scotland") + read(q, "northern_ireland")
    assert "TARA" in helptext(q, "scotland") and "PSNI" in read(q, "northern_ireland")
    oh = section("safeguarding.md", "out-of-hours")
    assert "0800 808 3733" in oh and "emergency duty team" in oh


def test_c14_private_fostering_and_children_missing_education(bank):
    q = bank.questions["SAF-44"]
    assert q.nations == {"england", "wales"} and "childrens_services" in q.requires
    assert re.search(r"section 67", helptext(q)) and re.search(r"section\s+436A", helptext(q))
    assert re.search(r"domestic servitude", helptext(q)) and "ccess to education" in helptext(q)
    fostering = section("safeguarding.md", "private-fostering")
    assert "Foster Children (Scotland) Act 1984" in fostering and CHECKED in fostering


# ------------------------------------------------------------------ templates (G rows)


def test_g03_flowchart_has_the_missing_steps():
    chart = page("templates/nrm-duty-to-notify-flowchart.md")
    england = chart.split("## Scotland", 1)[0]
    for step in (
        r"0800 808 3733",
        r"Mental Capacity Act 2005",
        r"Out of hours: \[emergency duty team",
        r"Report the crime to the police",
        r"without\s+their consent only where the law allows",
        r"independent legal advice before they decide",
        r"Children Act 1989, s47",
    ):
        assert re.search(step, england), step
    scotland = chart.split("## Scotland", 1)[1].split("## Northern Ireland", 1)[0]
    assert "TARA" in scotland and "24-hour" in scotland and "inter-agency referral discussion" in scotland
    ni = chart.split("## Northern Ireland", 1)[1]
    assert "out-of-hours" in ni and "could not confirm" not in ni


# ------------------------------------------------------------------ procurement law


def test_l03_exclusions_cite_the_operative_sections(bank):
    q = bank.questions["PRO-16"]
    assert re.search(r"ss26-28, 57-58 and 62, Schedules 6 and 7", q.gate.law)
    text = helptext(q)
    for must in (
        r"sections 26 to 28",
        r"section 58",
        r"section 62",
        r"continuing or likely to occur again",
        r"representations",
        r"self-cleaning",
        r"Procurement Review Unit within 30 days",
    ):
        assert re.search(must, text), must
    assert re.search(r"could not confirm the section number on legislation\.gov\.uk, checked " + CHECKED, text)
    cited = sources(q)
    assert all(re.search(p, cited) for p in (r"paras 23 \(MSA 2015 ss1, 2 and 4\), 24", r"Schedule 7[^;]*paras 1-3"))
    assert "regulation 58" in read(q, "scotland") and "Procurement Act" not in read(q, "scotland")
    assert re.search(r"self-cleaning", section("procurement.md", "exclusions"))


def test_l04_welsh_procurement_duties_in_force(bank):
    pro01 = bank.questions["PRO-01"]
    welsh = read(pro01, "wales")
    assert "25 March 2026" in helptext(pro01, "wales") and "1 April 2026" in helptext(pro01, "wales")
    assert "SI 2025/1353 (W. 220)" in sources(pro01, "wales") and not UNVERIFIED.search(welsh)
    q = bank.questions["PRO-30"]
    assert q.nations == {"wales"} and q in asked(bank, "wales_principal") and q.gate is None
    assert all(re.search(rf"section {n}\b", helptext(q)) for n in (24, 25, 26, 38, 39))
    assert hedges_dated(helptext(q))
    wales = section("procurement.md", "wales")
    assert "25 March 2026" in wales and not UNVERIFIED.search(wales.split("We could not confirm by")[0])
    assert "SI 2025/1353" in wales


def test_l10_employment_agencies_act_extent_per_nation(bank):
    assert not found(r"In England it is illegal", everywhere(bank))
    q = bank.questions["PRO-17"]
    assert re.search(r"extends to England, Wales and Scotland", helptext(q))
    assert re.search(r"extends to Wales", helptext(q, "wales")) and re.search(
        r"extends to Scotland", helptext(q, "scotland")
    )
    clauses = page("templates/model-contract-clauses.md")
    assert "extends to Great Britain" in clauses and "Article 7(1)" in clauses
    assert not re.search(r"not\s+checked", clauses.split("## Notes for the council", 1)[1])


def test_l11_fair_work_agency_with_a_dated_status(bank):
    for qid in ("DIS-05", "PRO-18"):
        text = helptext(bank.questions[qid])
        assert "Employment Rights Act 2025" in text and "April 2026" in text, qid
        assert hedges_dated(text), qid
        assert not any("not verifiable" in s for s in bank.questions[qid].sources), qid


def test_c10_frameworks_grants_and_care_fees(bank):
    frameworks = bank.questions["PRO-31"]
    ids = {o.id for o in frameworks.options}
    assert {"framework_exclusions", "below_threshold", "grants"} <= ids
    fees = bank.questions["PRO-32"]
    assert "adult_social_care" in fees.requires and re.search(r"travel time", fees.text)
    assert re.search(r"chapter 4", sources(fees))
    assert tier_of("procurement.md", "frameworks-and-grants") == "tier-early"
    assert re.search(r"section 78", section("procurement.md", "contract-clauses"))


def test_g04_contract_clauses_aligned_with_the_procurement_act():
    clauses = page("templates/model-contract-clauses.md")
    for must in (
        r'"Connected Person" and "Associated Person"',
        r"section 78 of the Procurement Act 2023",
        r"key performance\s+indicators",
        r"Subcontracts",
        r"co-operate fully",
        r"repay to Workers",
        r"Public Contracts \(Scotland\)\s+Regulations 2015",
        r"procurement lawyer",
    ):
        assert re.search(must, clauses), must
    clause_e = clauses.split("> (e)", 1)[1].split("\n>\n", 1)[0]
    assert "unfairly" not in clause_e and "freely agreed" in clause_e  # 3.1(e) says what "unfair" meant


# ------------------------------------------------------------------ the lead, licensing, statement


def test_l06_duty_to_co_operate_with_the_commissioner(bank):
    remit = page("templates/spoc-remit.md")
    assert re.search(r"section 43 of the Modern Slavery Act 2015", remit) and "Anti-Slavery Commissioner" in remit
    resources = section("spoc.md", "resources")
    assert re.search(r"Section 43 of the Modern Slavery Act 2015", resources) and "England and Wales" in resources
    assert re.search(r"could not read\s+Schedule 3[^.]*\(checked 7\s+December 2026\)", resources)


def test_l07_only_forms_the_council_sets(bank):
    q = bank.questions["LIC-06"]
    labels = {o.id: o.label for o in q.options}
    assert "sets itself" in labels["application_forms"] and "sets itself" in labels["renewal_forms"]
    assert re.search(r"SI 2005/42", helptext(q)) and re.search(r"cannot add\s+mandatory questions", helptext(q))
    assert "SI 2005/42" in section("licensing.md", "forms-and-inspections")


def test_l13_councils_generally_not_in_scope_of_s54(bank):
    assert not found(r"councils are not commercial\s+organisations|not from councils", everywhere(bank))
    q = bank.questions["STA-01"]
    assert re.search(r"generally not in scope", helptext(q)) and re.search(r"company the\s+council owns", helptext(q))
    assert re.search(r"generally not in\s+scope", page("statement.md")) and "under no legal obligation" in page(
        "statement.md"
    )


def test_c13_crime_and_disorder_and_children_act_duties(bank):
    q = bank.questions["SPC-08"]
    assert re.search(r"section 17 of the Crime and Disorder Act 1998", helptext(q)) and "serious violence" in helptext(
        q
    )
    assert re.search(r"section 11 of the Children Act 2004", helptext(q)) and re.search(
        r"section 28 in Wales", helptext(q)
    )
    for nation in ("scotland", "northern_ireland"):
        assert "Crime and Disorder Act" not in read(q, nation) and "Children Act 2004" not in read(q, nation), nation
    assert "Crime and Disorder Act 1998" in section("spoc.md", "mainstream-services")


def test_c16_national_context_in_the_resources():
    resources = section("spoc.md", "resources")
    for must in (
        r"Nationality and Borders Act 2022",
        r"becoming world-leading again",
        r"October 2024",
        r"responded in\s+December 2024",
        r"Eleanor Lyons",
        r"Strategic Plan 2024-2026",
    ):
        assert re.search(must, resources), must


def test_g08_lead_remit_has_the_missing_parts():
    remit = page("templates/spoc-remit.md")
    for must in (
        r"section 43",
        r"lived experience: \[amount\] to pay them",
        r"subgroups",
        r"data returns",
        r"0800 808 3733",
    ):
        assert re.search(must, remit), must


# ------------------------------------------------------------------ housing law


def test_c09_homelessness_duties_eligibility_and_renters_rights(bank):
    duties = bank.questions["HOU-30"]
    assert "housing_authority" in duties.requires and "northern_ireland" not in duties.nations
    assert all(re.search(rf"section {n}\b", helptext(duties)) for n in ("184", "185", "188", "189", "213B"))
    wales = helptext(duties, "wales")
    assert re.search(r"section 62", wales) and re.search(r"section 68", wales) and "duty to ask and act" in wales
    assert "2026" in wales and hedges_dated(wales) and "Housing Act 1996" not in read(duties, "wales")
    scotland = helptext(duties, "scotland")
    assert re.search(r"section 28", scotland) and re.search(r"31 December 2012", scotland)
    assert "Housing Act 1996" not in read(duties, "scotland")
    private = bank.questions["HOU-31"]
    assert private.nations == {"england"} and "Renters' Rights Act 2025" in helptext(private)
    assert "27 October 2025" in helptext(private) and hedges_dated(helptext(private))
    assert {"exempt_accommodation", "asylum_accommodation", "unlicensed_homes"} <= {o.id for o in private.options}
    assert tier_of("housing.md", "homelessness-duties") == "tier-basic"
    assert "Renters' Rights Act 2025" in section("housing.md", "private-rented-enforcement")


# ------------------------------------------------------------------ citations and dates


HEDGE = re.compile(
    r"could not (be )?(confirm|check|read|verif)|not (re-?)?(verifiable|verified|checked|confirmed)", re.I
)
DATED = re.compile(r"(checked|as at|read) 7 December 2026")


def test_g01_every_remaining_hedge_has_a_date(bank):
    """What could not be checked says so with the date it was checked ("not confirmed", "not checked": the
    status); option labels are answers, not hedges, and are left out."""
    texts = []
    for q in bank.questions.values():
        for nation in ("england", *q.variants):
            wording = q.wording(nation)
            texts += [
                (f"{q.id} ({nation})", t)
                for t in (wording.text, wording.help, *wording.sources, wording.gate.law if wording.gate else "")
            ]
    texts += [(name, text) for name, text in guidance_texts()]
    undated = [
        f"{where}: {sentence}"
        for where, sentence in (
            (w, s) for w, text in texts for s in re.split(r"(?<=[.;])\s+(?=[A-Z\"(*-])", " ".join(text.split()))
        )
        if HEDGE.search(sentence) and not DATED.search(sentence)
    ]
    assert not undated, "\n".join(undated)
    resolved = {
        "L4 Welsh procurement duties": read(bank.questions["PRO-01"], "wales"),
        "L12 NI first responders": read(bank.questions["SAF-01"], "northern_ireland"),
        "L10 Employment Agencies Act extent": read(bank.questions["PRO-17"]),
    }
    still_hedged = [name for name, text in resolved.items() if HEDGE.search(text)]
    assert not still_hedged, still_hedged
