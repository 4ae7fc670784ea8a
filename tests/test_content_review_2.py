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

from scorecard.bank_source.load import INTERNAL_WORDS

from .test_content_review import (
    UNVERIFIED,
    bank,
    compiled,
    everywhere,
    found,
    guidance_texts,
    helptext,  # noqa: F401
    page,
    read,
    section,
    sources,
    tier_of,
)

CHECKED = "7 December 2026"  # the date the facts below were checked


def test_g2_no_working_papers_in_what_officers_read(bank):
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
