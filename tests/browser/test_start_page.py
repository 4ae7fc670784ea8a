"""The home page is a start page, and the council picker finds a council by any of its names (issue 25, F08, F18,
F21, F26, F28).

A newcomer reads what the service is for, who does it, how long it takes, what to have to hand and who runs the
site, before "Start now"; gives their name up front; finds their council by its Welsh name, a common abbreviation or
another name the register knows; and, for a council not in the register, opens "My council is not listed".
"""

from __future__ import annotations

import json

import pytest

from .conftest import saved
from .test_council_picker import pick


def test_the_home_page_says_what_who_how_long_and_what_you_need(page, base_url):
    page.goto(base_url + "index.html")
    start = page.locator(".sc-start").inner_text()
    for said in ("Who:", "Time:", "What you need:", "Your answers stay on this device", "Who runs this copy:"):
        assert said in start, said
    assert "Sent a file by a colleague?" in start and page.locator('.sc-start a[href$="results.html#save"]').count()
    now = page.locator(".sc-start-now")
    assert now.inner_text() == "Start now"
    box = now.bounding_box()
    assert box["y"] + box["height"] < 900  # on the first screen of a laptop
    now.click()
    page.wait_for_url("**/index.html#about-your-council")
    page.wait_for_timeout(600)
    assert 0 <= page.evaluate("document.getElementById('about-your-council').getBoundingClientRect().top") < 120


def test_the_officers_name_is_asked_up_front_and_recorded_with_answers(page, base_url):
    pick(page, base_url, "Tunbridge", "Tunbridge Wells Borough Council")
    page.fill("#sc-my-name", "Dan Evans")
    page.goto(base_url + "themes/spoc.html")
    page.locator("fieldset.sc-question:visible input").first.check()
    qid = page.locator("fieldset.sc-question:visible").first.get_attribute("data-question")
    assert saved(page)["provenance"][qid]["by"] == "Dan Evans"
    page.goto(base_url + "index.html")
    assert page.input_value("#sc-my-name") == "Dan Evans"


@pytest.mark.parametrize(
    "typed,name",
    [
        ("Caerdydd", "City of Cardiff Council"),
        ("Cyngor Gwynedd", "Gwynedd Council"),
        ("Ynys Môn", "Isle of Anglesey County Council"),
        ("ynys mon", "Isle of Anglesey County Council"),
        ("Wrecsam", "Wrexham County Borough Council"),
        ("Tunbridge Wells BC", "Tunbridge Wells Borough Council"),
        ("Cardiff CC", "City of Cardiff Council"),
        ("Londonderry", "Derry City and Strabane District Council"),
    ],
)
def test_the_picker_finds_a_council_by_its_other_names(page, base_url, typed, name):
    pick(page, base_url, typed, name)
    assert saved(page)["council"]["name"] == name


def test_my_council_is_not_listed_opens_the_fields_for_it(page, base_url):
    page.goto(base_url + "index.html")
    page.locator("input#sc-council-pick").wait_for()
    manual = page.locator('[data-sc="council-manual"]')
    assert manual.is_hidden()  # closed until asked for: the picker comes first
    page.click('[data-sc="council-not-listed"]')
    assert manual.is_visible()
    page.fill("#sc-council-name", "A New Unitary Council")
    page.select_option("#sc-council-type", "unitary")
    assert saved(page)["council"] == {"name": "A New Unitary Council", "type": "unitary"}
    # picked from the register afterwards: the fields close; "not listed" again drops the register's council
    pick(page, base_url, "Medw", "Medway Council")
    assert manual.is_hidden()
    page.click('[data-sc="council-not-listed"]')
    assert manual.is_visible()
    page.wait_for_function("() => !JSON.parse(localStorage.getItem('scorecard.assessment.v1')).council.code")
    assert "code" not in json.loads(page.evaluate("localStorage.getItem('scorecard.assessment.v1')"))["council"]


def test_a_council_type_is_named_with_its_nation_once(page, base_url):
    page.goto(base_url + "index.html")
    types = page.locator(".sc-council-types dt").all_inner_texts()
    assert "Unitary authority (England)" in types and "County council (England)" in types
    assert not [t for t in types if t.count("England") > 1]


def test_a_councils_functions_are_described_with_its_type_as_named(page, base_url):
    """F26: "These are a northern ireland district council's usual functions" lowercased a nation's name."""
    pick(page, base_url, "Belf", "Belfast City Council")
    said = page.locator('[data-sc="council-functions-changed"]').inner_text()
    assert said == "These are the usual functions of your council type (Northern Ireland district council)."
