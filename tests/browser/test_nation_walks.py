"""Walks through the safeguarding, survivors and licensing themes as five real councils (issue 27).

A county (Kent) and a district (Tunbridge Wells) in England, a Welsh council (Gwynedd), a Scottish
council (Highland) and a Northern Ireland council (Mid Ulster), each as the register gives it. On each
theme page, what the officer can SEE (Playwright's is_visible: computed visibility, every question laid
out as it is once scrolled to) must be their own nation's law and never another nation's: the law a
"Legal duty" badge names, and the statutes named anywhere in the text. Screenshots of each page are kept
in the test's folder, with the first question naming a legal duty (SCORECARD_WALK_SHOTS=folder keeps
them there instead).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from .conftest import ENGINE_TIMEOUT, render_every_question, wait_for_scores
from .test_indicators_page import council_file

COUNCILS = {
    "county": ("KEN", "Kent County Council", "county", "South East", "E10000016", "england"),
    "district": ("TUN", "Tunbridge Wells Borough Council", "district", "South East", "E07000116", "england"),
    "wales": ("GWN", "Gwynedd Council", "wales_principal", "Wales", "W06000002", "wales"),
    "scotland": ("HLD", "The Highland Council", "scotland_council", "Scotland", "S12000017", "scotland"),
    "northern_ireland": (
        "MUL",
        "Mid Ulster District Council",
        "ni_district",
        "Northern Ireland",
        "N09000009",
        "northern_ireland",
    ),
}
THEMES = ("safeguarding", "survivors", "licensing")
# Law that is one nation's only: seen by another nation's officer, it is the wrong law.
OWN_LAW = {
    "england": [r"Care Act 2014", r"\(England\)"],
    "wales": [r"\(Wales\)"],
    "scotland": [r"\(Scotland\)"],
    "northern_ireland": [r"\(Northern Ireland\)"],
}
# England and Wales law that neither Scottish nor Northern Ireland councils work under.
ENGLAND_AND_WALES = [r"Licensing Act 2003", r"\(England and Wales\)"]
# What each council must see, page by page: its own law (an act, or a duty badge), as the bank words it.
EXPECTED = {
    ("county", "safeguarding"): ["Legal duty: Care Act 2014, section 42", "Legal duty: Children Act 1989, section 47"],
    ("county", "survivors"): ["Care Act 2014"],
    ("district", "safeguarding"): ["Legal duty: Modern Slavery Act 2015, section 52"],
    ("district", "licensing"): ["Taxis and Private Hire Vehicles (Safeguarding and Road Safety) Act 2022"],
    ("wales", "safeguarding"): ["Legal duty: Social Services and Well-being (Wales) Act 2014, section 126"],
    ("wales", "survivors"): ["Homelessness and Social Housing Allocation (Wales) Act 2026"],
    ("scotland", "safeguarding"): [
        "Legal duty: Adult Support and Protection (Scotland) Act 2007, section 4",
        "Legal duty: Human Trafficking and Exploitation (Scotland) Act 2015, section 12",
    ],
    ("scotland", "survivors"): ["Housing (Scotland) Act 1987"],
    ("scotland", "licensing"): ["Civic Government (Scotland) Act 1982"],
    ("northern_ireland", "safeguarding"): [
        "Human Trafficking and Exploitation (Criminal Justice and Support for Victims) Act (Northern Ireland) 2015"
    ],
    ("northern_ireland", "licensing"): ["Local Government (Miscellaneous Provisions) (Northern Ireland) Order 1985"],
}


def shots_folder(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("SCORECARD_WALK_SHOTS") or tmp_path / "walk")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def visible_texts(page, selector: str) -> list[str]:
    return [e.inner_text() for e in page.locator(selector).all() if e.is_visible()]


@pytest.mark.parametrize("who", COUNCILS, ids=COUNCILS)
def test_each_council_sees_its_own_law_and_no_other_nations(context, base_url, tmp_path, who):
    code, name, ctype, region, ons, nation = COUNCILS[who]
    page = context.new_page()
    render_every_question(page)
    page.goto(base_url + "index.html")
    page.evaluate(
        "d => localStorage.setItem('scorecard.assessment.v1', JSON.stringify(d))",
        council_file(code, name, ctype, region, ons),
    )
    foreign = [p for other, laws in OWN_LAW.items() if other != nation for p in laws]
    if nation in ("scotland", "northern_ireland"):
        foreign += ENGLAND_AND_WALES
    folder = shots_folder(tmp_path)
    for theme in THEMES:
        page.goto(base_url + f"themes/{theme}.html")
        page.wait_for_selector('[data-sc="live-score"] .sc-live__number', timeout=ENGINE_TIMEOUT)
        wait_for_scores(page)
        questions = page.locator("fieldset.sc-question")
        shown = [q for q in questions.all() if q.is_visible()]
        assert shown, f"{name}: no question shown on {theme}"
        # every badge naming a legal duty that the officer can see is their own nation's law
        for badge in visible_texts(page, ".sc-badge--gate"):
            if badge.startswith("Legal duty:"):
                assert not any(re.search(p, badge) for p in foreign), f"{name}, {theme}: {badge}"
        # and no statute of another nation is named anywhere they can see (the sources, once opened, too)
        for details in page.locator("details.sc-sources").all():
            if details.is_visible():
                details.evaluate("d => { d.open = true; }")
        seen = "\n".join(q.inner_text() for q in shown)
        wrong = sorted({m.group(0) for p in foreign for m in re.finditer(p, seen)})
        assert not wrong, f"{name} ({nation}) is shown another nation's law on {theme}: {wrong}"
        for wanted in EXPECTED.get((who, theme), []):
            assert wanted in seen, f"{name}: {wanted!r} not visible on {theme}"
        page.screenshot(path=str(folder / f"{who}-{theme}.png"), full_page=False)
        duty = next((q for q in shown if any(b.is_visible() for b in q.locator(".sc-badge--gate").all())), None)
        if duty is not None:  # the first question naming a legal duty, as the officer sees it
            duty.screenshot(path=str(folder / f"{who}-{theme}-duty.png"))
    page.close()
