"""What the `scorecard` command gives back: its exit codes, text safe for a terminal, and the one way it writes
a file.

Exit codes (all set by the commands, from these names): 0 success; 1 the question banks have
problems; 2 an input file is bad or a command was misused (for compare: nothing could be
compared); 3 compare skipped some files, merge left conflicts to choose, or review status found challenges
open; 4 verify found the file changed since its sign-off.

Every ``-o`` goes through ``write_output``: the file is replaced whole or not at all
(safe_files.write_atomically), and a file that cannot be written is one sentence and exit 2.
"""

from __future__ import annotations

import json
import sys
from typing import Any

from ..engine.characters import one_line, visible
from ..safe_files import UnwritableFile, write_atomically

EXIT_OK = 0  # success
EXIT_BANK = 1  # the question banks have problems (each printed as file:line: question: message)
EXIT_INPUT = 2  # a bad input file, a misused command (argparse exits 2 too), a site that cannot be built or served
EXIT_SKIPPED = 3  # compare: some files could not be read; the rest were compared. merge: conflicts left to choose.
# review status: peer review challenges still open
EXIT_CHANGED = 4  # verify: the file changed since its sign-off, or holds no sign-off digest to check


class Stop(Exception):
    """End the command with this exit code; what went wrong has been printed already."""

    def __init__(self, code: int):
        super().__init__(code)
        self.code = code


def terminal_safe(text: str) -> str:
    """Control characters from a file (a council name, say) must not drive the terminal, nor
    direction controls reorder it or zero-width characters hide in it: each is shown as �."""
    return visible(text)


def shown_name(path: str) -> str:
    """A file name as printed: bytes that are not UTF-8 as �, on one line (a name may hold a line break)."""
    return one_line(path.encode("utf-8", "surrogateescape").decode("utf-8", "replace"))


def write_output(path: str, text: str) -> int:
    """Write a file whole (or not at all); a clear error and exit 2, not a traceback, when it cannot be."""
    try:
        write_atomically(path, text)
    except UnwritableFile as error:
        print(f"error: {terminal_safe(str(error))}", file=sys.stderr)
        return EXIT_INPUT
    return EXIT_OK


def write_or_print(text: str, output: str | None) -> int:
    """Write to ``-o`` (through write_output) or to standard output; the exit code."""
    if output:
        return write_output(output, text)
    sys.stdout.write(text)
    return EXIT_OK


def json_text(data: Any) -> str:
    """An assessment or result as the command writes it: indented JSON, UTF-8 as it is, a line end last."""
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
