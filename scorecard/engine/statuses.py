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
# a duty answered as met that another answer contradicts; a duty not yet in force at the assessment's date
GATE_CONTRADICTED, GATE_NOT_IN_FORCE = "contradicted", "not_in_force"
# a duty or essential control answered as met without evidence that counts (evidence.py): caps the tier
GATE_MET_NOT_EVIDENCED = "met_not_evidenced"
# why a theme, or the overall, has no tier (and no residual risk)
NOT_STARTED, NOT_ENOUGH_ANSWERED, WAITING = "not_started", "not_enough_answered", "waiting"
# why a theme waits to be rated: the question is a legal duty, an essential control, or checks a duty's answer
WAITS_DUTY, WAITS_ESSENTIAL, WAITS_CHECK = "duty", "essential", "check"
