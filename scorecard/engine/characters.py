"""Characters that do not belong in one line of visible text (a council's name, its region).

A line break in a name starts a new line in a text report, so a file could forge report lines;
a direction control (U+202E RIGHT-TO-LEFT OVERRIDE) reorders what follows it on screen; a
zero-width character cannot be seen, so two names that look the same would be two councils.
The assessment reader refuses them in names, reports render them visibly, comparisons fold
names without them, and the CSV guard looks past them. Standard library only: the browser runs this.
"""

from __future__ import annotations

import re
import unicodedata

# what str.splitlines() splits on: each would start a new line somewhere
LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
CONTROLS = "\x00-\x1f\x7f-\x9f"  # C0, DEL and C1, line breaks among them
DIRECTION = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"  # bidi marks, embeddings, overrides, isolates
ZERO_WIDTH = "\u200b-\u200d\u2060\ufeff"  # zero-width space, non-joiner, joiner, word joiner, byte order mark

NOT_ON_ONE_LINE = re.compile(f"[{CONTROLS}\u2028\u2029{DIRECTION}{ZERO_WIDTH}]")
NOT_IN_TEXT = re.compile(
    f"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029{DIRECTION}{ZERO_WIDTH}]"
)  # keeps line breaks and tabs
INVISIBLE = re.compile(f"[{DIRECTION}{ZERO_WIDTH}]")
LEADING_IGNORABLE = re.compile(f"[\\s{CONTROLS}{DIRECTION}{ZERO_WIDTH}]*")
SHOWN_INSTEAD = "\N{REPLACEMENT CHARACTER}"


def first_not_on_one_line(text: str) -> tuple[str, str, int] | None:
    """The first character that does not belong on one line of visible text, if any, as (what it
    is: line_break, control, direction or zero_width; its code point and name, U+202E
    RIGHT-TO-LEFT OVERRIDE; its place, counting from 1). The words are in engine/wording.py."""
    found = NOT_ON_ONE_LINE.search(text)
    if found is None:
        return None
    char = found.group()
    if char in LINE_BREAKS:
        kind = "line_break"
    elif INVISIBLE.match(char):
        kind = "direction" if re.match(f"[{DIRECTION}]", char) else "zero_width"
    else:
        kind = "control"
    name = unicodedata.name(char, "")
    return kind, f"U+{ord(char):04X}" + (f" {name}" if name else ""), found.start() + 1


def one_line(text: str) -> str:
    """Text for one line of a report: every line break, control or invisible character shown as �."""
    return NOT_ON_ONE_LINE.sub(SHOWN_INSTEAD, text)


def visible(text: str) -> str:
    """Text for a terminal: line breaks and tabs kept, every other control or invisible character shown as �."""
    return NOT_IN_TEXT.sub(SHOWN_INSTEAD, text)


def fold(name: str) -> str:
    """A name as compared for identity: invisible characters dropped, compatibility forms and case folded.

    'Ynys Môn' typed with a combining accent (as macOS writes it), in full-width letters, with a
    zero-width space or a soft hyphen (U+00AD, pasted from a word processor) is still 'ynys môn'.
    Every format character (Unicode category Cf: soft hyphen, direction controls, zero-width
    characters, invisible operators and tags) is dropped.
    """
    visible_only = "".join(c for c in INVISIBLE.sub("", name) if unicodedata.category(c) != "Cf")
    text = unicodedata.normalize("NFKC", visible_only)
    return unicodedata.normalize("NFKC", text.casefold())


def name_key(name: str) -> str:
    """A council's name as compared for identity: 'Example  Northvale District Council.' and
    'example northvale district council' match (folded, then punctuation and spacing ignored)."""
    return " ".join(re.sub(r"[^\w]+", " ", fold(name)).split())


def leading_ignorable(text: str) -> int:
    """How many characters at the start a spreadsheet may skip over (spaces, controls, invisible ones)."""
    found = LEADING_IGNORABLE.match(text)  # the pattern matches the empty string too
    return found.end() if found else 0
