"""The merge conflicts as the lead reads them in a terminal, with the choice to make for each."""

from __future__ import annotations

from typing import Any

from ..engine.characters import one_line
from ..engine.wording import shown_time


def conflicts_text(conflicts: list[dict[str, Any]], output: str | None) -> str:
    target = output or "the merged assessment"
    lines = [
        f"{target} was not written: {len(conflicts)} conflict(s) to settle. For each, run again with "
        "--take KEY=FILE (or --prefer FILE for every conflict a file is part of):"
    ]
    for conflict in conflicts:
        heading = f"  {conflict['label']}"
        if conflict["text"]:
            heading += f": {conflict['text']}"
        if conflict.get("assigned_to"):
            heading += f" (assigned to {conflict['assigned_to']})"
        lines.append(heading)
        for choice in conflict["choices"]:
            who = ", ".join(
                part
                for part in (choice["by"] and f"by {choice['by']}", choice["at"] and f"at {shown_time(choice['at'])}")
                if part
            )
            # one line per choice, whatever a file's values and names hold: a line break would forge a line
            lines.append(one_line(f"      {choice['file']}: {choice['shown']!r}" + (f" ({who})" if who else "")))
        key = (
            conflict["question"] if conflict["key"].startswith("answers.") and conflict["question"] else conflict["key"]
        )
        lines.append(f"      choose: --take {key}={conflict['choices'][0]['file']}  (or another file above)")
    return "\n".join(lines)
