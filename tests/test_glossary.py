"""The glossary a newcomer reads beside the scores and in the board report says what the bank's rules say."""

from __future__ import annotations

import dataclasses

from scorecard.engine import Bank
from scorecard.engine.glossary import glossary


def meanings(bank: Bank) -> dict[str, str]:
    return {entry["term"]: entry["meaning"] for entry in glossary(bank)}


def test_each_rule_in_the_glossary_is_the_banks(real_bank: Bank):
    said = meanings(real_bank)
    assert len(said) == len(glossary(real_bank))  # one entry a term
    assert f"cannot be rated above {real_bank.gate_tier_cap.name}" in said["Legal duty not met"]
    assert f"cannot be rated above {real_bank.essential_tier_cap.name}" in said["Essential control"]
    assert f"at least {round(100 * real_bank.min_answered_weight)}% of it is answered" in said["Not rated"]


def test_the_glossary_follows_a_change_of_rule(real_bank: Bank):
    early = next(t for t in real_bank.tiers if t.id == "early")
    changed = dataclasses.replace(real_bank, gate_tier_cap=early, essential_tier_cap=early, min_answered_weight=0.75)
    said = meanings(changed)
    assert f"cannot be rated above {early.name}" in said["Legal duty not met"]
    assert f"cannot be rated above {early.name}" in said["Essential control"]
    assert "at least 75% of it is answered" in said["Not rated"]
