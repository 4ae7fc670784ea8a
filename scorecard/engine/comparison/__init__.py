"""Comparing councils' assessments across a region, and each council's progress over time.

For network coordinators: many assessment files in, one plain dictionary out (JSON-safe,
deterministically ordered), which the CLI renders as text, CSV or HTML and the browser
receives from Pyodide. Run-time code: standard library only.

Nothing here scores anything: every number comes from ``score_assessment`` (engine/result.py,
detail=False: the themes and overall, without each question's status). This package only
groups, orders and summarises those results, one job per module:

- ``compare``: reading the files, the heatmap rows (the latest assessment of each council, by
  assessment date) and putting the comparison together.
- ``councils``: which council an assessment is of: its register code (the UK council
  register's, however the name is spelt), else its GSS (ONS) code, else its normalised name
  (noted, since another spelling would be another council).
- ``groups``: like with like: by default councils are grouped by nation and council type, and
  each group has its own figures; a report meant to be shared hides group figures drawn from
  fewer than ``min_group`` (5) councils.
- ``stats``: a group's statistics per theme (and overall): count, median, quartiles, lowest
  and highest of the latest assessments' scores. Provisional scores (not every question
  answered) are left out: a half-finished assessment should move neither the median nor read
  as a weak council. The gap of each row is its score minus its group's median.
- ``like_with_like``: bank versions, themes asked of councils in different numbers (county
  against district, say), councils running other functions than their type's defaults,
  councils known only by name, provisional councils, same-day duplicates, mixed regions. The
  sentences for people are written in ``engine/wording.py``.
- ``trends``: for each council with assessments on two or more dates, scores by date, the
  answers that changed between consecutive assessments and its own target tiers; each group's
  medians by year; where the bank changed what a theme measures.
- ``similar``: a council's similar councils from the register's population and area;
  ``groups_file``: coordinators' groups from a CSV of council codes (group_by "custom").
- ``position``: one council's place in its group, figure by figure, in words.
- ``open_figures`` and ``disclosure``: group figures to publish, with what must be hidden so no
  sum or difference of published figures gives a council's own away.
- Benchmark contributions (engine/contribution.py, a signed-off assessment's figures only) are
  compared beside whole files.
- Skipped files are listed, each with every reason it could not be read.

This face re-exports only.
"""

from __future__ import annotations

from .compare import FORMAT, FORMAT_VERSION, MIN_GROUP, compare, compare_files, skipped_file
from .councils import council_key
from .groups import GROUP_BY
from .stats import QUARTILE_METHOD, summary_stats
from .trends import answer_changes

__all__ = [
    "FORMAT",
    "FORMAT_VERSION",
    "GROUP_BY",
    "MIN_GROUP",
    "QUARTILE_METHOD",
    "answer_changes",
    "compare",
    "compare_files",
    "council_key",
    "skipped_file",
    "summary_stats",
]
