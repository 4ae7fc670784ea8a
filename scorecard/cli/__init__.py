"""The `scorecard` command: validate banks, make templates, score, compare, merge, plan, report,
start next year, build and serve the site.

- parser.py: the commands and their options (argparse);
- commands.py: one function a command, each reading its files and calling engine/operations.py;
- output.py: the exit codes, text safe for a terminal, and the one way a command writes a file.

No traceback reaches the user for bad input, and none for a reader that stops early
(`scorecard score x.json | head`).
"""

from __future__ import annotations

import argparse
import os
import sys

from ..engine.language import speaking
from ..i18n import Translator, translator
from .output import EXIT_OK, Stop
from .parser import build_parser

__all__ = ["main"]


def main(argv: list[str] | None = None) -> int:
    """Run the command line ``argv`` (default: this process's); the exit code."""
    try:
        try:
            args = build_parser().parse_args(argv)
            with speaking(_words(args)):
                return args.run(args)
        except Stop as stop:
            return stop.code
        finally:
            sys.stdout.flush()  # here, not at exit: a reader that has gone is found while it can be handled
    except BrokenPipeError:
        # The reader stopped early (`scorecard score x.json | head`): not an error worth a
        # traceback. Send what is still buffered nowhere, so exiting does not fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK


def _words(args: argparse.Namespace) -> Translator | None:
    """The language of a command with --lang (its first), for the engine's words; None (English) for the others."""
    codes = getattr(args, "lang", None)  # parser.add_language's list; `translations`' own --lang names what it edits
    return translator(codes[0]) if isinstance(codes, list) else None
