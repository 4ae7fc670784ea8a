"""Every row of the content review's error table stays fixed (issue 14, done-when).

The domain review of bank 2026.1 (``../shared/docs/content-review.md``, section (a) "Errors
found") lists 37 statements in the question banks and guidance that were wrong, outdated or
unsupported, each with its correction. This module has one test per row, named after it
(``test_row_09_care_act_s9``), checking against the real compiled bank (``questions/``, read
through the engine's ``Bank``; a nation's wording through ``Question.wording(nation)``) and the
guidance Markdown (``guidance/``) that the wrong statement is gone and the correction is there.

The table's file and line references are to the old banks: questions have since moved (LIC-09 to
LIC-12 and SPC-06 to the disruption theme, HOU-03 to HOU-06, SPC-07 and SPC-13 to survivors; see
``replaces:``), so each test finds its statement by question id (following ``replaces``) or by
content. The checks test meaning a future edit could break (a gate's nation, a date, a section
number, a word such as "could not confirm"), not whole paragraphs.

Where a fact could not be verified, the correction is that the text says so; those tests check
for the saying-so. Read with ``tests/test_law_per_nation.py``, which checks every devolved
nation's wording for England-only law in general.
"""

from __future__ import annotations

import re
from functools import cache

import pytest

from scorecard.bank_source.guidance_translations import english_pages
from scorecard.engine import Bank

from .helpers import ROOT, compile_bank
from .test_law_per_nation import law_problems, london_taxi_problems

GUIDANCE = ROOT / "guidance"
DEVOLVED = ("wales", "scotland", "northern_ireland")
LGA_LEVELS = ["Basic first steps", "Early progress", "Substantial progress", "Mature practice"]
# "not confirmed" since the second review (G1) gave every remaining hedge a status and a date
UNVERIFIED = re.compile(
    r"could not (be )?(confirm|check|read|verif)|not (re-?)?(verifiable|verified|checked|confirmed)", re.I
)


# ------------------------------------------------------------------ reading the bank


@pytest.fixture(scope="module")
def compiled() -> dict:
    return compile_bank(ROOT / "questions")


@pytest.fixture(scope="module")
def bank(compiled) -> Bank:
    return Bank.from_dict(compiled)


def current(bank: Bank, qid: str):
    """The question that asks what ``qid`` asked, following ``replaces:`` from an old id."""
    return bank.questions.get(qid) or bank.questions[bank.replaced_by[qid]]


def parts(question, nation: str = "england") -> list[str]:
    """Everything of a question a council of this nation reads: text, help, sources, gate law, option labels."""
    wording = question.wording(nation)
    texts = [wording.text, wording.help, *wording.sources, *(o.label for o in question.options)]
    if wording.gate:
        texts.append(wording.gate.law)
    return [" ".join(t.split()) for t in texts]


def read(question, nation: str = "england") -> str:
    return " ".join(parts(question, nation))


def helptext(question, nation: str = "england") -> str:
    return " ".join(question.wording(nation).help.split())


def sources(question, nation: str = "england") -> str:
    return " ".join(" ".join(question.wording(nation).sources).split())


def bank_texts(bank: Bank) -> list[tuple[str, str]]:
    """(where, text) for all wording in the bank: every question in every nation's wording, themes, tiers, types."""
    texts = []
    for q in bank.questions.values():
        for nation in ("england", *q.variants):
            texts += [(f"{q.id} ({nation})", text) for text in parts(q, nation)]
    texts += [(f"theme {t.id}", f"{t.title} {t.summary}") for t in bank.themes]
    texts += [(f"tier {t.id}", f"{t.name} {t.description}") for t in bank.tiers]
    return texts


# ------------------------------------------------------------------ reading the guidance


@cache
def page(name: str) -> str:
    return (GUIDANCE / name).read_text(encoding="utf-8")


def guidance_texts() -> list[tuple[str, str]]:
    """The English guidance pages and templates (a translation, page.cy.md, says the same in its own words)."""
    return [(str(p.relative_to(GUIDANCE)), p.read_text(encoding="utf-8")) for p in english_pages(GUIDANCE)]


HEADING = re.compile(r"^(#{1,6}) (.*?)(?:\s*\{#([\w-]+)\})?\s*$", re.M)


def _headings(name: str) -> list[tuple[int, int, str]]:
    """(offset, level, anchor) of each heading on the page."""
    return [(m.start(), len(m.group(1)), m.group(3) or "") for m in HEADING.finditer(page(name))]


def section(name: str, anchor: str) -> str:
    """The text under the heading ``{#anchor}`` up to the next heading of the same or a higher level."""
    heads = _headings(name)
    at = [i for i, (_, _, a) in enumerate(heads) if a == anchor]
    assert at, f"{name} has no heading {{#{anchor}}}"
    start, level, _ = heads[at[0]]
    end = next((off for off, lvl, _ in heads[at[0] + 1 :] if lvl <= level), len(page(name)))
    return " ".join(page(name)[start:end].split())


def tier_of(name: str, anchor: str) -> str:
    """The tier section (``tier-basic`` ...) that the heading ``{#anchor}`` sits under."""
    heads = _headings(name)
    index = next(i for i, (_, _, a) in enumerate(heads) if a == anchor)
    return next((a for _, lvl, a in reversed(heads[: index + 1]) if lvl == 2), "")


def intro(name: str) -> str:
    """A page's opening, before its first tier section."""
    return " ".join(page(name).split("\n## ", 1)[0].split())


SENTENCE_END = re.compile(r"(?<=[.;!?])\s+(?=[A-Z(\"'*])")
BLOCK_END = re.compile(r"\n\s*\n|\n(?=\s*(?:[-*] |\d+\. |#))")  # Markdown paragraphs, list items, headings


def sentences(text: str) -> list[str]:
    return [s for block in BLOCK_END.split(text) for s in SENTENCE_END.split(" ".join(block.split())) if s]


def everywhere(bank: Bank) -> list[tuple[str, str]]:
    return bank_texts(bank) + guidance_texts()


def found(pattern: str, texts, flags=re.I) -> list[str]:
    """Where ``pattern`` occurs, as 'where: the sentence'."""
    hits = []
    for where, text in texts:
        for sentence in sentences(text):
            if re.search(pattern, sentence, flags):
                hits.append(f"{where}: {sentence}")
    return hits


# ------------------------------------------------------------------ the rows


def test_row_01_devolved_councils_are_not_english_unitaries(bank):
    """Welsh and Scottish councils are their own types under their own law; Northern Ireland has a type."""
    types = bank.council_types
    assert types["unitary"].nation == "england"
    by_nation = {n: [t for t in types.values() if t.nation == n] for n in bank.nations}
    for nation in DEVOLVED:
        assert by_nation[nation], f"no council type for {nation}"
        assert all("unitary" not in t.id for t in by_nation[nation]), by_nation[nation]
    ni = by_nation["northern_ireland"]
    for ctype in ni:  # nidirect: no personal social services, public housing or trading standards
        assert not ctype.functions & {
            "adult_social_care",
            "childrens_services",
            "housing_authority",
            "trading_standards",
        }, ctype
    # each nation's own law where the review found English law given to it
    own_law = {
        ("SAF-07", "wales"): r"Social Services and Well-being \(Wales\) Act 2014",
        ("SAF-07", "scotland"): r"Adult Support and Protection \(Scotland\) Act 2007",
        ("HOU-01", "wales"): r"Housing \(Wales\) Act 2014",
        ("HOU-01", "scotland"): r"Housing \(Scotland\) Act 1987",
        ("SAF-03", "scotland"): r"Human Trafficking and Exploitation \(Scotland\) Act 2015",
        ("PRO-01", "scotland"): r"Procurement Reform \(Scotland\) Act 2014",
        ("PRO-16", "scotland"): r"Public Contracts \(Scotland\) Regulations 2015",
    }
    missing = [
        f"{qid} ({nation})"
        for (qid, nation), law in own_law.items()
        if not re.search(law, read(bank.questions[qid], nation))
    ]
    assert not missing, f"own-nation law missing from: {missing}"
    assert law_problems(bank) == []
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert not re.search(r"(Welsh|Scottish)[^.]*councils (are|pick)[^.]*unitary", readme, re.I)


def test_row_02_london_does_not_license_taxis(bank, compiled):
    described = {t["id"]: t["description"] for t in compiled["council_types"]}
    for type_id in ("london_borough", "city_of_london"):
        assert "taxi_licensing" not in bank.council_types[type_id].functions, type_id
        assert "Transport for London" in described[type_id], type_id
    taxi = next(f for f in compiled["functions"] if f["id"] == "taxi_licensing")
    assert re.search(r"London Transport for London does this", taxi["description"])
    assert re.search(
        r"London boroughs and the City of London\*\*[^*]*not taxis[^*]*Transport for London", intro("licensing.md")
    )
    assert london_taxi_problems(bank) == []


def test_row_03_london_not_asked_driver_training(bank):
    lic07 = bank.questions["LIC-07"]
    assert "taxi_licensing" in lic07.requires
    for type_id in ("london_borough", "city_of_london"):
        ctype = bank.council_types[type_id]
        assert lic07 not in bank.asked_of(ctype.nation, ctype.functions)


def test_row_04_taxi_act_2022_england_only_both_duties(bank):
    share, database = bank.questions["LIC-08"], bank.questions["LIC-20"]
    for q in (share, database):
        assert q.nations == {"england"} and "taxi_licensing" in q.requires
        assert q.gate is not None
        for type_id in ("london_borough", "wales_principal", "scotland_council"):
            ctype = bank.council_types[type_id]
            assert q not in bank.asked_of(ctype.nation, ctype.functions), (q.id, type_id)
    assert re.search(r"English licensing authority", helptext(share))
    # the second duty: record decisions on the national database and search it before every grant or renewal
    assert (
        "27 April 2023" in helptext(database)
        and re.search(r"record", helptext(database))
        and re.search(r"search", helptext(database))
    )
    duties = section("licensing.md", "taxi-duties")
    assert "in England" in duties and "27 April 2023" in duties and "31 May 2022" in duties
    assert tier_of("licensing.md", "taxi-duties") == "tier-basic"  # a legal baseline, not "early progress"


def test_row_05_licensing_page_says_who_licenses_what(bank):
    opening = intro("licensing.md")
    assert re.search(r"Transport for London", opening)
    assert re.search(r"County councils\*\*[^.]*run trading standards", opening)
    assert re.search(r"responsible authority under the Licensing Act 2003", opening)
    assert re.search(r"Scottish councils\*\*[^*]*Licensing Boards", opening)
    assert re.search(
        r"Northern Ireland councils\*\*[^*]*courts license alcohol[^*]*Department for Infrastructure", opening
    )
    assert not re.search(
        r"applies to councils that run licensing: district councils, unitary authorities, metropolitan boroughs and London boroughs",
        page("licensing.md"),
    )
    county = bank.council_types["county"]
    asked = bank.asked_of(county.nation, county.functions)
    officers = bank.questions["LIC-16"]
    assert officers in asked and "trading standards" in officers.text


def test_row_06_duty_to_notify_per_nation(bank):
    q = bank.questions["SAF-03"]
    assert "England and Wales" in q.gate.law and re.search(r"\bs(ection)? ?52\b", q.gate.law)
    assert q.wording("wales").gate == q.gate
    for nation, own_section in (("scotland", r"\b(s|[Ss]ection )38\b"), ("northern_ireland", r"\b(s|[Ss]ection )13\b")):
        wording = read(q, nation)
        assert q.wording(nation).gate is None, f"{nation} is gated on a duty not shown to be in force"
        assert re.search(own_section, wording), nation
        assert not re.search(r"\bs(ection)? ?52\b", wording, re.I), nation
        assert UNVERIFIED.search(q.wording(nation).help) and any(
            UNVERIFIED.search(s) for s in q.wording(nation).sources
        ), f"{nation}: commencement not marked unverified"
    # no other question gates Scotland or Northern Ireland on section 52 either
    for other in bank.questions.values():
        for nation in ("scotland", "northern_ireland"):
            gate = other.wording(nation).gate
            assert not (nation in other.nations and gate and re.search(r"\b52\b", gate.law)), (other.id, nation)
    notify = section("safeguarding.md", "duty-to-notify")
    assert "applies only in England and Wales" in notify
    assert re.search(r"Scotland\.\*\* Section 38[^*]*could not confirm", notify)
    assert re.search(r"Northern Ireland\.\*\* Section 13[^*]*could not confirm", notify)
    assert tier_of("safeguarding.md", "duty-to-notify") == "tier-basic"
    flowchart = page("templates/nrm-duty-to-notify-flowchart.md")
    scottish = flowchart.split("## Scotland", 1)[1].split("## Northern Ireland", 1)[0]
    assert "section 38" in scottish and not re.search(r"\b52\b", scottish)


def test_row_07_northern_ireland_first_responders(bank):
    ni = bank.council_types["ni_district"]
    assert "nrm_first_responder" not in ni.functions
    assert "nrm_first_responder" in bank.questions["SAF-01"].requires
    ni_help = helptext(bank.questions["SAF-01"], "northern_ireland")
    # the second review (L12) settled the status: not first responders here, stated once in the guidance
    assert re.search(r"treats Northern Ireland councils as not being first responders", ni_help)
    assert "Councils are first responders" not in ni_help
    reporting = bank.questions["SAF-15"]
    assert reporting.nations == {"northern_ireland"} and reporting in bank.asked_of("northern_ireland", ni.functions)
    assert re.search(
        r"Councils in England, Wales and Scotland are first responders", section("safeguarding.md", "nrm-referrals")
    )
    assert not found(r"^Councils are (statutory )?first responders", guidance_texts())


def test_row_08_adult_safeguarding_per_nation_and_chapter_14(bank):
    q = bank.questions["SAF-07"]
    assert "northern_ireland" not in q.nations
    assert re.search(r"does not list types of abuse", helptext(q)) and re.search(r"chapter 14", helptext(q))
    assert re.search(r"chapter 14 \(safeguarding\), which names modern slavery", sources(q))
    assert "England" in q.gate.law
    assert re.search(r"section 126", q.wording("wales").gate.law) and "Care Act" not in read(q, "wales")
    assert re.search(r"section 4", q.wording("scotland").gate.law) and "Care Act" not in read(q, "scotland")
    assert not found(r"\b(s|section )42\b[^.]*(covers|lists)[^.]*modern slavery", everywhere(bank))
    enquiries = section("safeguarding.md", "adult-enquiries")
    assert re.search(r"does not list types of abuse; chapter 14", enquiries)
    assert "section 126" in enquiries and "section 4 of the Adult Support and Protection" in enquiries


def test_row_09_care_act_s9(bank):
    q = bank.questions["SAF-08"]
    for nation in ("england", *q.variants):
        cited = sources(q, nation)
        assert not re.search(r"\bs(ection)? ?12\b(?![A(])", cited, re.I), f"SAF-08 ({nation}) sources cite s12: {cited}"
    assert re.search(r"Care Act 2014, s9\b", sources(q))
    assert re.search(r"Care Act 2014, section 9", helptext(q))
    assert re.search(r"section 19", helptext(q, "wales")) and re.search(r"section\s+12A", helptext(q, "scotland"))
    assert re.search(r"section 9", bank.questions["SUR-11"].gate.law)
    assert re.search(
        r"duty to assess is section 9 of the Care Act 2014", section("safeguarding.md", "needs-assessment")
    )


def test_row_10_children_outside_home_statutory_anchor(bank):
    q = bank.questions["SAF-09"]
    assert re.search(r"Working together to safeguard children 2023", sources(q), re.I)
    assert re.search(r"Working Together to Safeguard Children 2023", helptext(q))
    assert not all("Jay Review" in s for s in q.sources)
    cce = bank.questions["SAF-21"]
    assert re.search(r"Crime and Policing Act 2026", helptext(cce)) and re.search(r"prevention orders", helptext(cce))
    assert re.search(
        r"Working together to safeguard children 2023", section("safeguarding.md", "children-exploitation"), re.I
    )


def test_row_11_no_28_percent_figure(bank):
    assert not found(r"\b28 ?(%|per ?cent)", everywhere(bank))
    assert "national-referral-mechanism-statistics" in section("spoc.md", "collect-data")


def test_row_12_ddm_pilot_expanded(bank):
    q = bank.questions["SAF-22"]
    assert "September 2025" in helptext(q) and "eight more areas" in helptext(q) and "Northern Ireland" in helptext(q)
    ddm = section("safeguarding.md", "ddm-panels")
    assert "September 2025" in ddm and "101 days" in ddm and "Some councils are now decision-makers" in ddm
    assert not found(r"Learn from the Home Office pilot of devolved decision-making", guidance_texts())


def test_row_13_four_areas_are_the_lga_iasc_guides(bank):
    assert not found(r"Shiva[^.]*four areas|four areas[^.]*Shiva", everywhere(bank))
    q = bank.questions["SPC-03"]
    assert re.search(r"Modern slavery: a council guide \(2017\), whose four parts", sources(q))
    assert not re.search(r"Shiva", sources(q))
    assert re.search(
        r"four areas[^.]*Independent Anti-Slavery Commissioner's first council guide \(2017\)",
        section("spoc.md", "lead-remit"),
    )


def test_row_14_no_unattributed_foi_source(bank):
    assert not found(r"freedom of information|\bFOI\b", bank_texts(bank))
    citable = re.compile(r"https?://|\(seed 00\d\)|via seed 00\d")
    uncited = [
        q.id
        for q in bank.themes[[t.id for t in bank.themes].index("spoc")].questions
        if not any(citable.search(s) for s in q.sources)
    ]
    assert not uncited, f"SPOC questions with no citable source: {uncited}"


def test_row_15_msvcc_england_and_wales_only(bank):
    contact = current(bank, "SPC-07")
    assert re.search(r"National Referral Mechanism in England and Wales", helptext(contact))
    assert any(re.search(r"five-year contract", s) and UNVERIFIED.search(s) for s in contact.sources)
    for nation, provider in (("scotland", r"Scottish Government"), ("northern_ireland", r"Department of Justice")):
        wording = read(contact, nation)
        assert re.search(provider, contact.wording(nation).text) and not re.search(
            r"MSVCC|Victim Care Contract", wording
        ), nation
    move_on = current(bank, "HOU-06")
    assert re.search(r"In England and Wales", helptext(move_on)) and "northern_ireland" not in move_on.nations
    assert re.search(r"section 9", helptext(move_on, "scotland")) and "MSVCC" not in read(move_on, "scotland")
    assert re.search(
        r"could not check (\(checked [^)]*\) )?whether it has been extended or replaced", intro("survivors.md")
    )


def test_row_16_lga_titles(bank):
    assert not found(r"Tackling modern slavery: a council guide", everywhere(bank))
    assert not found(r"four levels used in this scorecard", everywhere(bank))
    assert [t.name for t in bank.tiers] == LGA_LEVELS
    assert all(
        "Council guide to tackling modern slavery" in sources(bank.questions[q]) for q in ("SPC-01", "SPC-05", "SAF-01")
    )
    resources = section("spoc.md", "resources")
    for title in (
        "Council guide to tackling modern slavery",
        "Council modern slavery maturity matrix",
        "Modern slavery: a council guide",
    ):
        assert title in resources, title


def test_row_17_tiers_are_not_the_lgas_thresholds(bank):
    claims = [
        s
        for s in found(
            r"\bLGA\b|maturity matrix", everywhere(bank) + [("how-scoring-works", _site("how-scoring-works.md.j2"))]
        )
        if re.search(r"threshold|cut-?off|min_score|\bscores?\b", s, re.I)
    ]
    unqualified = [s for s in claims if not re.search(r"\bown\b|not scores|in words", s)]
    assert not unqualified, (
        "LGA named beside score thresholds without saying they are the scorecard's own:\n" + "\n".join(unqualified)
    )
    assert re.search(r"score thresholds are its own", intro("spoc.md"))
    assert re.search(
        r"not scores: the starting scores below are this scorecard's own",
        " ".join(_site("how-scoring-works.md.j2").split()),
    )
    # the LGA matrix's "disruption and prevention" section now has a theme of its own
    disruption = next(t for t in bank.themes if t.id == "disruption")
    assert disruption.title.startswith("Disruption") and len([q for q in disruption.questions if q.weight > 0]) >= 5


def _site(name: str) -> str:
    return (ROOT / "site" / "templates" / name).read_text(encoding="utf-8")


def test_row_18_risk_is_not_the_score_relabelled(bank, compiled):
    assert "risk_bands" not in compiled
    assert not hasattr(bank, "risk_bands")
    # residual risk depends on exposure as well as the tier: some tier gives different risks for different exposure
    matrix = bank.risk_matrix
    assert any(len({matrix[e.id][t.id] for e in bank.exposure_levels}) > 1 for t in bank.tiers)
    # a theme whose risk could only come from its score; the transparency statement (bank 2026.4) is not
    # risk-rated at all: it is a report, and the results say so ("not risk-rated")
    assert all(bank.exposure_sources[t.id] for t in bank.themes if t.id != "statement")
    assert not bank.exposure_sources["statement"]
    assert {r.name for r in bank.risk_levels}.isdisjoint(t.name for t in bank.tiers)
    home = " ".join(_site("index.md.j2").split())
    assert not re.search(r"where the risk is highest", home) and re.search(
        r"residual risk is highest once your area's local exposure", home
    )


def test_row_19_exclusions_in_every_covered_procurement(bank):
    q = bank.questions["PRO-16"]
    assert q.depends_on is None and q.gate is not None
    assert re.search(r"every covered procurement", q.gate.law) and "Procurement Act 2023" in q.gate.law
    assert re.search(r"not an extra for high-risk", helptext(q))
    assert re.search(r"section 1, 2 or 4 of the Modern Slavery Act 2015 is a mandatory exclusion ground", helptext(q))
    assert re.search(r"debarment list", helptext(q)) and re.search(r"discretionary", helptext(q))
    assert re.search(r"regulation 58", read(q, "scotland")) and "Procurement Act 2023" not in read(q, "scotland")
    high_risk = current(bank, "PRO-05")
    assert not [o.id for o in high_risk.options if re.search(r"exclusion", o.label, re.I)]
    assert tier_of("procurement.md", "exclusions") == "tier-basic"
    assert re.search(r"\*\*mandatory\*\* exclusion ground", section("procurement.md", "exclusions"))
    assert re.search(r"exclusion checks are not an extra", section("procurement.md", "high-risk-checks"))


def test_row_20_ppn_009_and_ppn_02_23_both_current(bank):
    assert not found(r"PPN 009[^.]*replaced|replaced PPN 02/23", everywhere(bank))
    q = bank.questions["PRO-01"]
    assert re.search(r"PPN 02/23 still applies[^.]*Public Contracts Regulations 2015", helptext(q))
    assert "24 February" in helptext(q) and "may wish to apply" in helptext(q)
    assert re.search(r"SPPN\) 3/2020", helptext(q, "scotland")) and "PPN 009" not in read(q, "scotland")
    assert re.search(r"Code of Practice", helptext(q, "wales"))
    assert re.search(r"PPN 02/23 still applies", intro("procurement.md"))


def test_row_21_msat_on_cabinet_office_service(bank):
    assert not found(r"Home Office('s)? (Modern Slavery Assessment Tool|MSAT)", everywhere(bank))
    q = bank.questions["PRO-06"]
    assert re.search(r"now runs on the Cabinet Office's supplier registration service", helptext(q))
    assert "supplierregistration.cabinetoffice.gov.uk/msat" in sources(q)
    assert re.search(r"Cabinet Office", section("procurement.md", "use-msat"))


def test_row_22_no_score_for_signing_a_party_charter(bank):
    assert "PRO-02" not in bank.questions
    party = re.compile(r"co-?operative|charter", re.I)
    scored = [
        (q.id, o.label) for q in bank.questions.values() for o in q.options if o.score > 0 and party.search(o.label)
    ]
    assert not scored, f"options that score signing a party's charter: {scored}"
    q = current(bank, "PRO-02")
    assert re.search(r"equivalent to those in the Co-operative Party Charter", q.text)
    assert re.search(r"What matters is the commitments", section("procurement.md", "public-commitments"))


def test_row_23_cuckooing_is_an_offence_now(bank):
    assert not found(r"Crime and Policing Bill|proposes (making it )?a (specific|cuckooing) offence", everywhere(bank))
    q = bank.questions["HOU-07"]
    assert re.search(r"Crime and Policing Act 2026 \(Royal Assent 29 April 2026\)", helptext(q))
    assert "Part 4, Chapter 2" in helptext(q) and UNVERIFIED.search(helptext(q))
    cuckooing = section("housing.md", "cuckooing")
    assert re.search(r"Crime and Policing Act 2026", cuckooing) and UNVERIFIED.search(cuckooing)


def test_row_24_homelessness_code_is_englands(bank):
    q = bank.questions["HOU-01"]
    assert re.search(r"housing authorities in England", helptext(q))
    for nation, own in (
        ("wales", r"Code of Guidance for Local Authorities on the Allocation of Accommodation and Homelessness"),
        ("scotland", r"Code of Guidance on Homelessness"),
    ):
        wording = read(q, nation)
        assert re.search(own, wording), nation
        assert not re.search(r"Homelessness Code of Guidance|chapter 25", wording, re.I), nation
    safe_place = current(bank, "HOU-03")
    for nation in ("wales", "scotland"):
        assert "chapter-25" not in sources(safe_place, nation), nation


def test_row_25_no_local_connection_exemption_asked_in_scotland(bank):
    exemption = current(bank, "HOU-04")
    assert "scotland" not in exemption.nations
    council = bank.council_types["scotland_council"]
    asked = bank.asked_of(council.nation, council.functions)
    asks_exemption = [
        q.id for q in asked if re.search(r"exempt[^.?]*local connection", q.wording("scotland").text, re.I)
    ]
    assert not asks_exemption
    scottish = bank.questions["SUR-03"]
    assert scottish in asked and "section 20" in helptext(scottish) and "29 November 2022" in helptext(scottish)


def test_row_26_hmo_law_per_nation(bank):
    q = bank.questions["HOU-15"]  # HOU-09, reworded as private rented enforcement generally (bank 2026.4)
    assert re.search(r"section 72\(1\) of the Housing Act 2004 \(England and Wales\)", helptext(q))
    assert re.search(r"Housing \(Scotland\) Act 2006", read(q, "scotland")) and "Housing Act 2004" not in read(
        q, "scotland"
    )
    assert re.search(r"Houses in Multiple Occupation Act \(Northern Ireland\) 2016", read(q, "northern_ireland"))
    ni = bank.council_types["ni_district"]
    assert q in bank.asked_of(ni.nation, ni.functions)
    hmo = section("housing.md", "hmo-enforcement")
    assert re.search(r"Rent Smart Wales", hmo) and "Housing (Wales) Act 2014" in hmo


def test_row_27_no_rough_sleeping_initiative(bank):
    assert not found(r"Rough Sleeping Initiative", everywhere(bank))
    assert "supporting-modern-slavery-victims" in sources(bank.questions["HOU-14"])


def test_row_28_right_to_work_checks_scope(bank):
    premises = bank.questions["LIC-01"]
    assert re.search(r"applications made by individuals", helptext(premises))
    assert re.search(r"do not apply to company applicants or entertainment-only licences", helptext(premises))
    taxis = bank.questions["LIC-15"]
    assert taxis.gate is not None and "taxi_licensing" in taxis.requires
    assert re.search(r"s37", taxis.gate.law) and re.search(r"Schedule 5", sources(taxis))


def test_row_29_taxi_standards_updated_and_not_scottish(bank):
    q = bank.questions["LIC-07"]
    assert "25 November 2022" in helptext(q) and "section 177 of the Policing and Crime Act 2017" in helptext(q)
    assert re.search(r"do not apply in Scotland", helptext(q, "scotland"))
    assert not found(r"Standards \(July 2020\)", everywhere(bank))
    assert "25 November 2022" in section("licensing.md", "taxi-training")


def test_row_30_licensing_report_not_home_office_funded(bank):
    funded = found(r"funded by the Home Office|Home Office funded", everywhere(bank))
    assert funded, "the Home Office funding of the Shiva scorecard is no longer stated anywhere"
    wrong = [s for s in funded if "scorecard" not in s or re.search(r"licensing (report|frameworks)", s, re.I)]
    assert not wrong, "Home Office funding attributed to something other than the Shiva scorecard:\n" + "\n".join(wrong)
    assert re.search(
        r"Only the Shiva Foundation's council scorecard is known to be Home Office funded",
        section("licensing.md", "resources"),
    )


def test_row_31_statement_of_regulatory_work_asked_once(bank):
    assert "LIC-14" not in bank.questions and "LIC-14" in bank.retired
    asks = [
        q.id
        for q in bank.questions.values()
        if re.search(r"statement(?! of licensing policy)", q.text) and re.search(r"licensing|regulatory", q.text)
    ]
    assert asks == ["STA-15"], asks
    q = current(bank, "STA-14")
    assert q.id == "STA-15" and "regulatory" in q.text and "trading standards" in helptext(q)
    county = bank.council_types["county"]
    assert q in bank.asked_of(county.nation, county.functions)


def test_row_32_s54_extension_never_legislated(bank):
    q = bank.questions["STA-01"]
    assert re.search(r"In September 2020 the then government said", helptext(q))
    assert re.search(r"no such law has been passed", helptext(q))
    assert not found(r"government has committed to extend", everywhere(bank))
    assert any(UNVERIFIED.search(s) for s in q.sources)
    welsh = helptext(q, "wales")
    assert "Code of Practice on Ethical Employment in Supply Chains" in welsh and "annual written statement" in welsh
    opening = intro("statement.md")
    assert re.search(r"September 2020", opening) and re.search(r"never become law", opening)
    assert "Code of Practice on Ethical Employment in Supply Chains" in opening


def test_row_33_six_areas_are_in_s54_5(bank):
    q = bank.questions["STA-08"]
    assert re.search(r"Section 54\(5\) of the Modern Slavery Act 2015 lists six areas", helptext(q))
    assert re.search(r"s54\(5\)\(a\)-\(f\)", sources(q))
    assert not found(r"six areas (that )?the Home Office( statutory guidance)? recommends", everywhere(bank))
    assert re.search(
        r"Section 54\(5\) of the Modern Slavery Act 2015 lists six areas", section("statement.md", "six-areas")
    )


def test_row_34_registry_option_lists_marked_unverified(bank):
    registry = [
        (q.id, s)
        for qid in ("STA-10", "STA-11", "SPC-09")
        for q in [bank.questions[qid]]
        for s in q.sources
        if "Registry" in s
    ]
    assert len(registry) == 3
    assert not [r for r in registry if not UNVERIFIED.search(r[1])], registry
    # since issue 27 the list is read from the public copy of the registry's code; the live form still is not
    assert re.search(
        r"could not read (\(checked [^)]*\) )?its exact list|the live service's form was not checked",
        section("statement.md", "policies-and-training"),
    )


def test_row_35_ppn_009_indicators_marked_unverified(bank):
    q = bank.questions["PRO-04"]
    assert UNVERIFIED.search(helptext(q)) and any(UNVERIFIED.search(s) and "PPN 009" in s for s in q.sources)
    assert UNVERIFIED.search(section("procurement.md", "risk-indicators"))


def test_row_36_age_presumption_cites_s51(bank):
    """s51 is still cited, but as the second review (L1) found it: narrower than a duty on every council, so not
    a gate (tests/test_content_review_2.py, test_l01)."""
    q = bank.questions["SAF-04"]
    assert re.search(r"Section 51 of the Modern Slavery Act 2015", helptext(q))
    assert re.search(r"\bs51\b", sources(q))
    assert re.search(
        r"section 12 of the Human Trafficking and Exploitation \(Scotland\) Act 2015", helptext(q, "scotland"), re.I
    )
    assert re.search(r"[Ss]ection 51 of the Modern Slavery Act 2015", section("safeguarding.md", "age-uncertain"))


# The statutory and operational sources the review found missing (row 37 and section (e)): each
# must be cited by the question it supports and on the guidance section an officer would read.
STATUTORY_SOURCES = [
    # (name, how it is written, question whose sources cite it, guidance page, section)
    (
        "Working Together to Safeguard Children 2023",
        r"Working together to safeguard children 2023",
        "SAF-09",
        "safeguarding.md",
        "children-exploitation",
    ),
    (
        "Care and Support Statutory Guidance, chapter 14",
        r"Care and support statutory guidance.{0,40}chapter 14|chapter 14.{0,80}Care and support statutory guidance",
        "SAF-07",
        "safeguarding.md",
        "adult-enquiries",
    ),
    (
        "county lines guidance",
        r"Criminal exploitation of children and vulnerable adults: county lines",
        "SAF-09",
        "safeguarding.md",
        "children-exploitation",
    ),
    (
        "ICTG statutory guidance",
        r"interim[ -]guidance[ -]for[ -]independent[ -]child[ -]trafficking[ -]guardians",
        "SAF-17",
        "safeguarding.md",
        "child-guardians",
    ),
    (
        "NRM online referral (first responder)",
        r"Report modern slavery as a first responder",
        "SAF-01",
        "safeguarding.md",
        "nrm-referrals",
    ),
    (
        "Duty to Notify",
        r"duty to notify \(factsheet|duty-to-notify|Circular 025/2015",
        "SAF-03",
        "safeguarding.md",
        "duty-to-notify",
    ),
    (
        "Modern Slavery & Exploitation Helpline",
        r"Modern Slavery & Exploitation Helpline.{0,60}08000 121 700",
        "DIS-16",
        "disruption.md",
        "awareness",
    ),
    (
        "LGA guidance for homelessness services",
        r"Supporting modern slavery victims: guidance and good practice for council homelessness services",
        "HOU-01",
        "housing.md",
        "homelessness-code",
    ),
    ("LGA councillor guide", r"Councillor guide to tackling modern slavery", "SPC-09", "spoc.md", "agree-priority"),
    (
        "LGA supply chains aide memoire",
        r"Modern slavery in local government supply chains",
        "STA-02",
        "statement.md",
        "resources",
    ),
    (
        "Procurement Act 2023 Exclusions guidance and debarment list",
        r"Guidance: Exclusions",
        "PRO-16",
        "procurement.md",
        "exclusions",
    ),
    (
        "Home Office illegal-working guidance for licensing authorities",
        r"Guidance for licensing authorities to prevent illegal working",
        "LIC-01",
        "licensing.md",
        "resources",
    ),
    (
        "National Enforcement Powers Guide",
        r"National Enforcement Powers Guide",
        "DIS-11",
        "disruption.md",
        "joint-operations",
    ),
    ("GLAA", r"Gangmasters and Labour Abuse Authority|\bGLAA\b", "DIS-05", "disruption.md", "intelligence-sharing"),
]


def test_row_37_statutory_sources_cited(bank):
    missing = []
    for name, pattern, qid, guidance_page, anchor in STATUTORY_SOURCES:
        if not re.search(pattern, read(bank.questions[qid]), re.I):
            missing.append(f"{name}: not cited by {qid}")
        if not re.search(pattern, section(guidance_page, anchor), re.I):
            missing.append(f"{name}: not on {guidance_page}#{anchor}")
    assert not missing, "\n".join(missing)
    helpline_pages = [name for name, text in guidance_texts() if "08000 121 700" in text and "templates/" not in name]
    assert len(helpline_pages) >= 6, helpline_pages
