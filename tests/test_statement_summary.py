"""The statement theme in the Modern Slavery Statement Registry's words (issue 27).

questions/statement_summary.yaml maps the statement (STA-) and operations (OPS-) answers to the
registry's statement summary fields; `scorecard statement-summary` and the results page export it
as CSV or JSON. The registry's own field and value names are copied below from the public copy of
its code (mccabesp/ModernSlavery-Beta, ModernSlavery.Core.Entities/StatementSummary/V1/
StatementSummary.cs, commit e77de954), so a value the registry does not have, or worded otherwise,
fails here.
"""

from __future__ import annotations

import csv
import io
import json
import shutil

import pytest
import yaml

from scorecard.bank_source.load import load_bank
from scorecard.engine import load_assessment
from scorecard.engine.statement_summary import statement_summary
from tests.helpers import ROOT, make_assessment, run_cli

# The registry's enumerations, value -> description, as StatementSummary.cs has them ("Unknown" left out).
REGISTRY = {
    "Policies": {
        "FreedomToTerminate": "Freedom of workers to terminate employment",
        "FreedomOfMovement": "Freedom of movement",
        "FreedomOfAssociation": "Freedom of association",
        "ViolenceHarassmentIntimidation": "Prohibits any threat of violence, harassment and intimidation",
        "RecruitmentFees": "Prohibits the use of worker-paid recruitment fees",
        "CompulsoryOvertime": "Prohibits compulsory overtime",
        "ChildLabour": "Prohibits child labour",
        "Discrimination": "Prohibits discrimination",
        "DocumentRetention": "Prohibits confiscation of workers' original identification documents",
        "RemedyAccess": "Provides access to remedy, compensation and justice for victims of modern slavery",
        "Other": "Other",
        "None": "Your organisation's policies do not include any of these provisions in relation to modern slavery",
    },
    "TrainingTargets": {
        "OwnOrganisation": "Your whole organisation",
        "OwnStaff": "Your front line staff",
        "OwnHumanResources": "Human resources",
        "OwnExecutives": "Executive-level staff",
        "OwnProcurers": "Procurement staff",
        "Suppliers": "Your suppliers",
        "WiderCommunity": "The wider community",
        "Other": "Other",
        "None": "Your organisation did not provide training on modern slavery during the period of the statement",
    },
    "Partners": {
        "OwnSuppliers": "Your suppliers",
        "TradeUnions": "Trade unions or worker representative groups",
        "CivilSocietyOrganisations": "Civil society organisations",
        "ProfessionalAuditors": "Professional auditors",
        "OwnWorkers": "Workers within your organisation",
        "SupplierWorkers": "Workers within your supply chain",
        "Government": "Central or local government",
        "LawEnforcement": "Law enforcement, such as police, GLAA and other local labour market inspectorates",
        "Businesses": "Businesses in your industry or sector",
        "None": "Your organisation did not engage with others to help monitor working conditions across your "
        "operations and supply chain",
    },
    "SocialAudits": {
        "OwnStaff": "Audit conducted by your staff",
        "ThirdPartyOrganisation": "Third party audit arranged by your organisation",
        "SupplierStaff": "Audit conducted by your supplier’s staff",
        "ThirdPartySupplier": "Third party audit arranged by your supplier",
        "Announced": "Announced audit",
        "Unannounced": "Unannounced audit",
        "None": "Your organisation did not carry out any social audits during the period of the statement",
    },
    "GrievanceMechanisms": {
        "WhistleblowingServices": "Using anonymous whistleblowing services, such as a helpline or mobile phone app",
        "WorkerVoicePlatforms": "Through trade unions or other worker representative groups",
        "None": "There were no processes in your operations or supply chains for workers to raise concerns or make "
        "complaints",
    },
    "Indicators": {
        "VulnerabilityAbuse": "Abuse of vulnerability",
        "Deception": "Deception",
        "MovementRestriction": "Restriction of movement",
        "Isolation": "Isolation",
        "Violence": "Physical and sexual violence",
        "ThreatIntimidation": "Intimidation and threats",
        "DocumentRetention": "Retention of identity documents",
        "WageWithholding": "Withholding of wages",
        "DebtBondage": "Debt bondage",
        "WorkLiveConditions": "Abusive working and living conditions",
        "ExcessiveOvertime": "Excessive overtime",
        "Other": "Other",
        "None": "My statement does not refer to finding any ILO indicators of forced labour",
    },
    "Remediations": {
        "FeeRepayment": "Financial remediation, including repayment of recruitment fees",
        "PolicyChange": "Change in policy",
        "TrainingChange": "Change in training",
        "VictimReferral": "Referring potential victims to government services",
        "NGOSupport": "Supporting victims via NGO",
        "CriminalJustice": "Supporting investigations by relevant authorities",
        "Other": "Other",
        "None": "My statement does not refer to actions taken in response to finding indicators of forced labour",
    },
}
# IStatementSummary's properties: the list fields above, their Other... texts, and these.
TEXT_FIELDS = {"OtherWorkConditionsMonitoring", "ProgressMeasures"}
REGISTRY_PROPERTIES = {*REGISTRY, *(f"Other{f}" for f in REGISTRY)} - {"OtherTrainingTargets"} | {
    "OtherTrainingTargets",
    "Risks",
    "NoRisks",
    *TEXT_FIELDS,
}

MAPPING = yaml.safe_load((ROOT / "questions" / "statement_summary.yaml").read_text(encoding="utf-8"))


def summary_of(bank, answers: dict, council_type: str = "unitary") -> dict:
    return statement_summary(bank, load_assessment(make_assessment(bank, council_type, answers), bank))


def test_every_field_and_value_is_the_registrys_own_in_its_own_words():
    for field in MAPPING["fields"]:
        assert field["id"] in REGISTRY or field["id"] in TEXT_FIELDS | {"Risks"}, field["id"]
        if "other" in field:
            assert field["other"] in REGISTRY_PROPERTIES, field["other"]
        for value in field.get("values", []):
            assert REGISTRY[field["id"]].get(value["id"]) == value["label"], (field["id"], value)
    covered = {f["id"] for f in MAPPING["fields"]}
    assert covered == set(REGISTRY) | TEXT_FIELDS | {"Risks"}  # every summary field has a place, if only a note


def test_the_summary_has_the_registrys_shape_and_says_where_each_value_comes_from(real_bank):
    answers = {
        "STA-10": ["freedom_to_leave", "no_id_confiscation", "access_to_remedy"],
        "STA-11": ["whole_organisation", "executives"],
        "STA-09": "no_risks_found",
        "STA-12": "outcomes",
        "STA-13": "updated_progress",
        "OPS-01": ["pay_checked", "speak_to_workers", "fair_terms"],
        "OPS-04": "publicised_tracked",
        "OPS-06": "audited",
    }
    result = summary_of(real_bank, answers)
    summary = result["summary"]
    assert set(summary) == REGISTRY_PROPERTIES
    assert summary["Policies"] == ["FreedomToTerminate", "DocumentRetention", "RemedyAccess"]
    assert summary["TrainingTargets"] == ["OwnOrganisation", "OwnExecutives"]
    assert summary["Partners"] == ["SupplierWorkers"] and summary["SocialAudits"] == ["OwnStaff"]
    assert summary["GrievanceMechanisms"] == [] and "publicised" in summary["OtherGrievanceMechanisms"]
    assert summary["NoRisks"] is True and summary["Risks"] == []
    assert summary["ProgressMeasures"].startswith("The statement reports outcome measures")
    assert "sets new actions" in summary["ProgressMeasures"]
    assert "umbrella schemes" in summary["OtherWorkConditionsMonitoring"]
    policies = next(f for f in result["fields"] if f["id"] == "Policies")
    assert policies["values"][0] == {
        "id": "FreedomToTerminate",
        "label": "Freedom of workers to terminate employment",
        "from": ["STA-10"],
    }
    assert "OPS-02" in result["not_answered"] and "STA-10" not in result["not_answered"]
    assert result["registry"]["publisher"] == "Home Office (GOV.UK)"
    assert result["registry"]["address"] == "https://modern-slavery-statement-registry.service.gov.uk/"


def test_every_statement_policy_and_training_option_has_its_own_registry_value(real_bank):
    """STA-10 and STA-11 are the registry's own lists: each option chooses one value, none chooses two."""
    for qid, field in (("STA-10", "Policies"), ("STA-11", "TrainingTargets")):
        options = [o.id for o in real_bank.questions[qid].options]
        chosen = [summary_of(real_bank, {qid: [o]})["summary"][field] for o in options]
        assert all(len(c) == 1 for c in chosen) and len({c[0] for c in chosen}) == len(options), (qid, chosen)


def test_only_a_welsh_council_is_told_about_the_welsh_code(real_bank):
    assert "Ethical Employment in Supply Chains" in summary_of(real_bank, {}, "wales_principal")["welsh_code"]
    for other in ("unitary", "scotland_council", "ni_district"):
        assert summary_of(real_bank, {}, other)["welsh_code"] == ""


def test_the_approximations_are_said_beside_the_fields(real_bank):
    notes = {f["id"]: f["note"] for f in summary_of(real_bank, {})["fields"]}
    for field in ("Partners", "SocialAudits"):
        assert notes[field].startswith("Approximation:"), field
    assert "not record" in notes["Indicators"].lower() and "anonymous" in notes["GrievanceMechanisms"]


def test_the_command_writes_csv_and_json_and_refuses_bad_paths(real_bank, tmp_path):
    data = make_assessment(real_bank, "unitary", {"STA-10": ["no_child_labour"], "STA-12": "outputs"})
    (tmp_path / "a.json").write_text(json.dumps(data), encoding="utf-8")
    ran = run_cli("statement-summary", "a.json", "-o", "summary.csv", cwd=tmp_path)
    assert ran.returncode == 0, ran.stderr
    rows = list(csv.reader(io.StringIO((tmp_path / "summary.csv").read_text(encoding="utf-8"))))
    assert rows[0] == ["Registry field", "Value", "Registry wording", "From the answers to", "Note"]
    assert ["Policies", "ChildLabour", "Prohibits child labour", "STA-10"] == rows[1][:4]
    assert any(r[0] == "Indicators" and "complete this on the registry" in r[2] for r in rows)
    assert rows[-1][0] == "Registry" and "Home Office (GOV.UK), Modern Slavery Statement Registry" in rows[-1][1]
    ran = run_cli("statement-summary", "a.json", "--format", "json", cwd=tmp_path)
    assert ran.returncode == 0 and json.loads(ran.stdout)["summary"]["Policies"] == ["ChildLabour"]
    missing = run_cli("statement-summary", "nothing.json", cwd=tmp_path)
    assert missing.returncode == 2 and "cannot summarise its statement" in missing.stderr
    nowhere = run_cli("statement-summary", "a.json", "-o", "no/such/folder/s.csv", cwd=tmp_path)
    assert nowhere.returncode == 2 and "Traceback" not in nowhere.stderr and "does not exist" in nowhere.stderr


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("when: [STA-10=no_child_labour]", "when: [STA-99=no_child_labour]", "STA-99 is not a question"),
        ("when: [STA-10=no_child_labour]", "when: [STA-10=no_children]", "'no_children' is not an option of STA-10"),
        ("  - id: Indicators\n", "  - id: Policies\n", "'Policies' is named twice"),
        ('fields_source: "Home Office', 'fields_source: "seed 003, Home Office', "working papers"),
    ],
    ids=["unknown-question", "unknown-option", "field-twice", "working-paper-word"],
)
def test_validate_refuses_a_broken_mapping_and_says_where(tmp_path, old, new, message):
    questions = tmp_path / "questions"
    shutil.copytree(ROOT / "questions", questions)
    path = questions / "statement_summary.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    compiled, problems = load_bank(questions, ROOT / "guidance")
    assert compiled is None and any("statement_summary.yaml:" in str(p) and message in str(p) for p in problems), [
        str(p) for p in problems
    ]
