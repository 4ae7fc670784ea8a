"""The deploying organisation's details: read and checked from mkdocs.yml or --about FILE, and
written into the Accessibility statement and Contact pages (the footer is checked in the browser tests)."""

from __future__ import annotations

import pytest
import yaml

from scorecard import bundled
from scorecard.engine import Bank
from scorecard.sitegen.about import read_about
from scorecard.sitegen.errors import BuildError
from scorecard.sitegen.pages import render_pages
from tests.helpers import ROOT, compile_bank

FILLED = {
    "owner": {
        "name": "Example District Council",
        "team": "Community Safety Team",
        "email": "safer@example.gov.uk",
        "phone": "01234 567890",
        "contact_url": "https://www.example.gov.uk/contact",
        "response_days": 5,
    },
    "accessibility": {
        "compliance": "partially",
        "prepared": "2026-11-01",
        "reviewed": "2026-12-01",
        "tested": "2026-10-20",
        "tested_by": "our digital team",
        "known_issues": ["Some PDF templates have no headings (WCAG 1.3.1); fixed by March 2027."],
    },
}


def write(tmp_path, data) -> object:
    path = tmp_path / "about.yml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return path


def test_the_shipped_settings_are_blank_and_say_so():
    about = read_about(bundled.mkdocs_config())
    assert about["filled_in"] is False
    assert about["owner"]["name"] == "" and about["accessibility"]["compliance"] == "partially"


def test_a_file_of_our_own_fills_them_in(tmp_path):
    about = read_about(bundled.mkdocs_config(), write(tmp_path, FILLED))
    assert about["filled_in"] is True and about["owner"]["response_days"] == 5


@pytest.mark.parametrize(
    "change,message",
    [
        ({"owner": {"email": "not an email"}}, "owner.email 'not an email' is not an email address"),
        (
            {"owner": {"contact_url": "www.example.gov.uk"}},
            "owner.contact_url 'www.example.gov.uk' must start https://",
        ),
        ({"owner": {"response_days": "ten"}}, "owner.response_days must be a whole number of working days"),
        ({"owner": {"nmae": "x"}}, "owner.nmae: not a setting"),
        ({"accessibility": {"compliance": "mostly"}}, "accessibility.compliance must be one of fully, partially, not"),
        (
            {"accessibility": {"prepared": "1/11/2026"}},
            "accessibility.prepared '1/11/2026' must be a date written YYYY-MM-DD",
        ),
        ({"accessibility": {"known_issues": "one"}}, "accessibility.known_issues must be a list of sentences"),
    ],
)
def test_bad_settings_are_named(tmp_path, change, message):
    with pytest.raises(BuildError) as raised:
        read_about(bundled.mkdocs_config(), write(tmp_path, change))
    assert message in str(raised.value) and str(tmp_path / "about.yml") in str(raised.value)


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    def render(about):
        docs = tmp_path_factory.mktemp("docs")
        compiled = compile_bank(ROOT / "questions")
        render_pages(
            Bank.from_dict(compiled), compiled, docs, bundled.site_sources() / "templates", "engine.whl", 0, about=about
        )
        return (docs / "accessibility.md").read_text(encoding="utf-8"), (docs / "contact.md").read_text(
            encoding="utf-8"
        )

    return render


def test_the_pages_of_a_filled_in_site(pages, tmp_path):
    statement, contact = pages(read_about(bundled.mkdocs_config(), write(tmp_path, FILLED)))
    assert "This statement is not finished" not in statement
    assert "run by Example District Council" in statement
    assert "- email [safer@example.gov.uk](mailto:safer@example.gov.uk)" in statement
    assert "get back to you within 5 working days" in statement
    assert "partially compliant with the [Web Content Accessibility Guidelines version 2.2]" in statement
    assert "- Some PDF templates have no headings (WCAG 1.3.1); fixed by March 2027." in statement
    assert "This statement was prepared on 1 November 2026. It was last reviewed on 1 December 2026." in statement
    assert "last tested on 20 October 2026. The test was carried out by our digital team." in statement
    assert (
        "Equality Advisory and Support Service" in statement and "Equality Commission for Northern Ireland" in statement
    )
    assert "run by **Example District Council** (Community Safety Team)" in contact
    assert "- Telephone: 01234 567890" in contact and "Not filled in yet" not in contact


def test_the_pages_of_a_site_not_filled_in_say_so(pages):
    statement, contact = pages(read_about(bundled.mkdocs_config()))
    assert "This statement is not finished" in statement and "has not yet been dated" in statement
    assert "Not filled in yet" in contact
