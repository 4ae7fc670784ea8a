"""The example region as a fixture (tests/comparison/region.py has its councils)."""

from __future__ import annotations

import pytest

from .region import ALL_BEST, FULL, council


@pytest.fixture
def region(mini_bank):
    """Five councils (latest), one of them also assessed a year earlier against an older bank."""
    b = mini_bank
    return [
        # alpha 0+2+2x(0.5/2.5)+0 = 2.4 of 10 -> 24.0; an older bank version
        (
            "aville-2025.json",
            council(
                b,
                "Aville District Council",
                "district",
                {"ALP-01": "no", "ALP-02": "some", "ALP-03": ["front"], "ALP-04": "no"},
                date="2025-04-01",
                ons="E99000001",
                version="1999.1",
            ),
        ),
        # alpha 52.0 (the worked example); beta not asked of districts
        ("aville-2026.json", council(b, "Aville District Council", "district", FULL, ons="E99000001")),
        # alpha 100.0
        ("bexley-2026.json", council(b, "Beeford District Council", "district", ALL_BEST)),
        # alpha: ALP-03 closed by ALP-02 none (not met), ALP-04 not for counties: 2 of 8 -> 25.0; beta 4 of 4 -> 100.0
        (
            "county.json",
            council(
                b,
                "Cedarshire County Council",
                "county",
                {"ALP-01": "yes", "ALP-02": "none", "BET-01": "yes", "BET-02": "yearly"},
            ),
        ),
        # alpha 2+2+0+2 = 6 of 10 -> 60.0; beta 0.0
        (
            "unitary.json",
            council(
                b,
                "Dunmere Council",
                "unitary",
                {
                    "ALP-01": "yes",
                    "ALP-02": "some",
                    "ALP-03": ["none"],
                    "ALP-04": "yes",
                    "BET-01": "no",
                    "BET-02": "never",
                },
            ),
        ),
        # half finished: 1 of 3 asked answered -> alpha 0.0 provisional
        ("half.json", council(b, "Elmford District Council", "district", {"ALP-01": "no"})),
    ]
