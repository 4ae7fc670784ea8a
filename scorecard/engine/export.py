"""The action plan as CSV, for councils to fill in owners and due dates.

Shared by the CLI and the browser so both give the same file.
"""

from __future__ import annotations

import csv
import io
from typing import Any

ACTION_COLUMNS = ["Priority", "Theme", "Question", "Question text", "Current answer", "Aim for",
                  "Score gain (points)", "Guidance", "Owner", "Due date", "Progress notes"]


def actions_csv(result: dict[str, Any], guidance_base: str = "guidance/") -> str:
    """One row per action; Owner, Due date and Progress notes are left blank for the council."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(ACTION_COLUMNS)
    for action in result["actions"]:
        links = [action["next_tier_guidance"], *action["guidance"]]
        writer.writerow([
            action["priority"], action["theme_title"], action["question"], spreadsheet_safe(action["text"]),
            spreadsheet_safe(action["current"]), spreadsheet_safe(action["best"]), action["gain"],
            " ".join(guidance_base + link.replace(".md", ".html") for link in dict.fromkeys(links)),
            "", "", "",
        ])
    return out.getvalue()


def spreadsheet_safe(text: str) -> str:
    """Stop spreadsheet programs reading a cell as a formula (CSV injection)."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
