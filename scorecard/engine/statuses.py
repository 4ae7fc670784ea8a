"""The words a result uses for a question's status, why it is not asked, and a statutory gate's state.

On their own so that the scoring rules (scoring.py) and the tables compiled for them (tables.py)
share one vocabulary. Run-time code: standard library only.
"""

ANSWERED, NA, UNANSWERED, NOT_ASKED, NOT_FOR_COUNCIL = (
    "answered",
    "not_applicable",
    "unanswered",
    "not_asked",
    "not_for_council_type",
)
# Why a follow-up is not asked, and why a question is not for this council
PARENT_UNANSWERED, PARENT_CLOSED, PARENT_NOT_APPLICABLE = "parent_unanswered", "parent_closed", "parent_not_applicable"
NOT_IN_NATION, FUNCTION_NOT_RUN = "nation", "function"
GATE_MET, GATE_NOT_MET, GATE_NOT_EVIDENCED, GATE_NOT_APPLICABLE = "met", "not_met", "not_evidenced", "not_applicable"
