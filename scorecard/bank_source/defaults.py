"""What a question bank says by leaving it out: the options of a yes_no question that lists none.

Their labels are the bank's words like any other: each question's translations may word them to fit it (in
Welsh, the answer echoes the question's verb: "A oes ...?" is answered "Oes" / "Nac oes"; "A yw ...?" "Ydy" /
"Nac ydy"), keyed ``options.yes`` and ``options.no`` as if the question listed them (translations.py).
"""

from __future__ import annotations

from typing import Any

YES_NO_DEFAULT: list[dict[str, Any]] = [
    {"id": "yes", "label": "Yes", "score": 1},
    {"id": "no", "label": "No", "score": 0},
]
