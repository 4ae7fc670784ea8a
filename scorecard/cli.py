"""The `scorecard` command: validate banks, make templates, score, compare, merge, plan, report,
start next year, build and serve the site.

Exit codes (all set here, nowhere else): 0 success; 1 the question banks have problems; 2 an
input file is bad or a command was misused (for compare: nothing could be compared); 3 compare
skipped some files, or merge left conflicts to choose. No traceback reaches the user for bad
input, and none for a reader that stops early (`scorecard score x.json | head`).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from .engine import AssessmentError, Bank, blank_assessment, load_assessment, parse_assessment_text, score_assessment
from .engine.assessment import MAX_FILE_BYTES, assessment_text
from .engine.characters import one_line, visible
from .engine.messages import Message
from .safe_files import FileTooLarge, UnreadableFile, UnwritableFile, read_regular_file, write_atomically
from .sitegen import DEFAULT_SITE_URL, LOCAL_HOST, LOCAL_PORT

EXIT_OK = 0  # success
EXIT_BANK = 1  # the question banks have problems (each printed as file:line: question: message)
EXIT_INPUT = 2  # a bad input file, a misused command (argparse exits 2 too), a site that cannot be built or served
EXIT_SKIPPED = 3  # compare: some files could not be read; the rest were compared. merge: conflicts left to choose


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
    """Write a report or template whole (or not at all); a clear error, not a traceback, when it cannot be."""
    try:
        write_atomically(path, text)
    except UnwritableFile as error:
        print(f"error: {terminal_safe(str(error))}", file=sys.stderr)
        return EXIT_INPUT
    return EXIT_OK


def _compiled(args: argparse.Namespace) -> dict:
    """Load and check the banks (compiled form); print the problems and stop if they are broken."""
    from .bank_source.load import load_bank

    compiled, problems = load_bank(args.questions)
    for problem in problems:
        print(problem, file=sys.stderr)
    if not compiled:
        raise Stop(EXIT_BANK)
    return compiled


def _bank(args: argparse.Namespace) -> Bank:
    return Bank.from_dict(_compiled(args))


def cmd_validate(args: argparse.Namespace) -> int:
    from .bank_source.load import load_bank

    compiled, problems = load_bank(args.dir or args.questions)
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} problem(s) found.", file=sys.stderr)
        return EXIT_BANK
    count = sum(len(t["questions"]) for t in compiled["themes"])
    indicators = len(compiled["indicators"]["indicators"])
    shown = f", {indicators} outcome indicators" if indicators else ""
    print(f"OK: {len(compiled['themes'])} themes, {count} questions{shown}, bank version {compiled['bank_version']}.")
    return EXIT_OK


def cmd_template(args: argparse.Namespace) -> int:
    compiled = _compiled(args)
    try:
        bank = Bank.from_dict(compiled)
        data = template_for(
            compiled, bank, council=args.council, council_type=args.council_type, name=args.name, region=args.region
        )
        load_assessment(data, bank)  # a template the score command would refuse is not written (a line break in --name)
    except (AssessmentError, LookupError) as error:
        print(f"error: {terminal_safe(str(error))}", file=sys.stderr)
        return EXIT_INPUT
    return write_or_print(_json_text(data), args.output)


def template_for(
    compiled: dict,
    bank: Bank,
    council: str | None = None,
    council_type: str | None = None,
    name: str | None = None,
    region: str | None = None,
) -> dict:
    """A blank assessment for a council from the register (its register or GSS code) or of a council type.

    Raises LookupError (a code that gives no council, with why) or AssessmentError (an unknown type).
    """
    fields = {"type": council_type or "", "name": "", "region": ""}
    if council is not None:
        from .council_register import bank_types, built_in_register, find_council

        try:
            register = built_in_register()
        except (OSError, KeyError, ValueError) as error:
            raise LookupError(f"cannot read the UK council register: {error}") from None
        fields = find_council(register, bank_types(compiled), council).assessment_council()
    fields["name"] = fields["name"] if name is None else name
    fields["region"] = fields["region"] if region is None else region
    return blank_assessment(bank, fields.pop("type"), **fields)


def read_assessment(path: str, bank: Bank):
    """Read and check an assessment file, raising AssessmentError with a plain reason."""
    return parse_assessment_text(assessment_text(read_input(path)), bank)


def read_input(path: str) -> bytes:
    """An assessment file's bytes: a regular file, its size checked before it is read."""
    try:
        return read_regular_file(path, MAX_FILE_BYTES)
    except FileTooLarge:
        raise AssessmentError([Message("file_too_large", {"limit_mb": MAX_FILE_BYTES // 1_000_000})]) from None
    except UnreadableFile as error:
        raise AssessmentError([Message("file_unreadable", {"reason": error.reason})]) from None


def cmd_score(args: argparse.Namespace) -> int:
    bank = _bank(args)
    try:
        assessment = read_assessment(args.file, bank)
    except AssessmentError as error:
        print(f"{shown_name(args.file)}: cannot score this assessment:", file=sys.stderr)
        for problem in error.problems:
            print(f"  - {terminal_safe(problem)}", file=sys.stderr)
        return EXIT_INPUT
    result = score_assessment(bank, assessment)
    set_aside = result["changes"]["set_aside"]
    if set_aside:
        print(
            terminal_safe(
                f"warning: {shown_name(args.file)}: {len(set_aside)} answer(s) or note(s) set aside, the rest scored:"
            ),
            file=sys.stderr,
        )
        for entry in set_aside:
            print(terminal_safe(f"  - {entry['message']}"), file=sys.stderr)
    if args.format == "json":
        print(json.dumps(result, indent=2, ensure_ascii=False))
    else:
        from .reports.assessment_text import text_report

        print(terminal_safe(text_report(result, bank, max_actions=args.actions)))
    return EXIT_OK


def cmd_compare(args: argparse.Namespace) -> int:
    """Compare assessment files: exit 0 all compared, 3 some skipped, 2 none could be compared."""
    from .engine.comparison import compare_files, skipped_file
    from .engine.csv_export import comparison_csv
    from .reports.comparison import comparison_html, comparison_text

    bank = _bank(args)
    paths = []
    for name in args.files:  # a folder stands for the .json files in it
        folder = Path(name)
        paths += sorted(str(p) for p in folder.glob("*.json")) if folder.is_dir() else [name]
    files, unreadable = [], []
    for path in paths:  # the file is opened by its own name, reported by a printable one
        try:
            files.append((shown_name(path), read_input(path)))
        except AssessmentError as error:
            unreadable.append(skipped_file(shown_name(path), error.details))
    if args.min_group is not None and not args.shareable:
        print("error: --min-group sets what a shareable report hides: give --shareable too.", file=sys.stderr)
        return EXIT_INPUT
    if args.min_group is not None and args.min_group < 1:
        print("error: --min-group must be at least 1.", file=sys.stderr)
        return EXIT_INPUT
    options = {"group_by": args.group_by, "shareable": args.shareable}
    if args.min_group is not None:
        options["min_group"] = args.min_group
    result = compare_files(bank, files, skipped=unreadable, **options)
    for skipped in result["skipped"]:
        print(terminal_safe(f"{skipped['file']}: skipped: {skipped['reason']}"), file=sys.stderr)
    if not result["rows"] and args.output:  # keep the last report rather than replace it with an empty one
        print("error: none of the files could be compared; the report was not written.", file=sys.stderr)
        return EXIT_INPUT

    render = {
        "text": comparison_text,
        "csv": comparison_csv,
        "html": comparison_html,
        "json": lambda r: json.dumps(r, indent=2, ensure_ascii=False),
    }[args.format]
    text = render(result)
    text += "" if text.endswith("\n") else "\n"
    if args.output:
        code = write_output(args.output, text)
        if code != EXIT_OK:
            return code
    else:
        sys.stdout.write(terminal_safe(text) if args.format == "text" else text)
    if not result["rows"]:
        print("error: none of the files could be compared.", file=sys.stderr)
        return EXIT_INPUT
    return EXIT_SKIPPED if result["skipped"] else EXIT_OK


def _read_or_stop(path: str, bank: Bank, doing: str):
    """Read and check an assessment file, or print why not and stop with exit 2."""
    try:
        return read_assessment(path, bank)
    except AssessmentError as error:
        print(terminal_safe(f"{path}: cannot {doing}:"), file=sys.stderr)
        for problem in error.problems:
            print(terminal_safe(f"  - {problem}"), file=sys.stderr)
        raise Stop(EXIT_INPUT) from None


def write_or_print(text: str, output: str | None) -> int:
    """Write to ``-o`` (whole or not at all, through write_output) or to standard output; the exit code."""
    if output:
        return write_output(output, text)
    sys.stdout.write(text)
    return EXIT_OK


def _json_text(data) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def cmd_plan_export(args: argparse.Namespace) -> int:
    """The action plan as CSV: owners, due dates and status from the file, absolute guidance links."""
    from .engine.csv_export import actions_csv

    bank = _bank(args)
    assessment = _read_or_stop(args.file, bank, "write its action plan")
    text = actions_csv(score_assessment(bank, assessment), assessment.to_dict(), site_url=args.site_url)
    return write_or_print(text, args.output)


def cmd_plan_import(args: argparse.Namespace) -> int:
    """Owners, due dates, status and notes from a filled-in plan CSV into the assessment file."""
    from .engine import load_assessment
    from .engine.plan_csv import apply_plan, read_plan_csv

    bank = _bank(args)
    assessment = _read_or_stop(args.file, bank, "take an action plan")
    try:
        text = Path(args.csv).read_bytes().decode("utf-8-sig")
    except OSError as error:
        print(f"{args.csv}: cannot read the file: {error.strerror}", file=sys.stderr)
        return EXIT_INPUT
    except UnicodeDecodeError:
        text = (
            Path(args.csv).read_bytes().decode("cp1252", errors="replace")
        )  # a spreadsheet saved as "CSV" in Windows' encoding
    try:
        updates = read_plan_csv(text, bank)
        merged = load_assessment(apply_plan(assessment.to_dict(), updates), bank)
    except AssessmentError as error:
        print(terminal_safe(f"{args.csv}: cannot read the action plan; nothing was written:"), file=sys.stderr)
        for problem in error.problems:
            print(terminal_safe(f"  - {problem}"), file=sys.stderr)
        return EXIT_INPUT
    code = write_or_print(_json_text(merged.to_dict()), args.output)
    if code != EXIT_OK:
        return code
    kept = sum(1 for entry in updates.values() if entry is not None)
    removed = sum(1 for qid, entry in updates.items() if entry is None and qid in assessment.cycle.action_plan)
    print(
        f"Read {len(updates)} row(s): {kept} action(s) with an owner, date, status or note"
        + (f", {removed} cleared" if removed else "")
        + ".",
        file=sys.stderr,
    )
    return EXIT_OK


def cmd_next_year(args: argparse.Namespace) -> int:
    """This year's assessment from last year's: answers copied and marked for review."""
    import datetime

    from .engine.next_year import next_year

    bank = _bank(args)
    assessment = _read_or_stop(args.file, bank, "start next year's assessment from it")
    today = args.date or datetime.date.today().isoformat()
    try:
        data = next_year(assessment, today)
    except AssessmentError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_INPUT
    return write_or_print(_json_text(data), args.output)


def cmd_merge(args: argparse.Namespace) -> int:
    """Merge officers' files: exit 0 merged, 3 conflicts left to choose (nothing written), 2 bad input."""
    from .engine.merge import merge_assessments

    bank = _bank(args)
    files = []
    for path in args.files:
        try:
            files.append((path, assessment_text(read_input(path))))
        except AssessmentError as error:
            print(terminal_safe(f"{shown_name(path)}: cannot merge it: {error.problems[0]}"), file=sys.stderr)
            return EXIT_INPUT
    try:
        names = [path for path, _ in files]
        take = dict(_pair(item, "--take KEY=FILE", names) for item in args.take)
        themes = {}
        for item in args.themes:
            name, chosen = _pair(item, "--themes FILE=THEME,THEME", names, file_first=True)
            themes[name] = [t.strip() for t in chosen.split(",") if t.strip()]
        prefer = _file_name(args.prefer, names) if args.prefer else None
        merged = merge_assessments(bank, files, themes=themes, take=take, prefer=prefer)
    except AssessmentError as error:
        print("cannot merge; nothing was written:", file=sys.stderr)
        for problem in error.problems:
            print(terminal_safe(f"  - {problem}"), file=sys.stderr)
        return EXIT_INPUT
    for done in merged["settled"]:
        print(terminal_safe(f"settled: {done['label']}: took {done['chosen']}"), file=sys.stderr)
    if merged["conflicts"]:
        from .reports.merge_text import conflicts_text

        print(terminal_safe(conflicts_text(merged["conflicts"], args.output)), file=sys.stderr)
        return EXIT_SKIPPED
    code = write_or_print(_json_text(merged["assessment"]), args.output)
    if code != EXIT_OK:
        return code
    answered = len(merged["assessment"]["answers"])
    print(
        f"Merged {len(files)} files: {answered} answer(s)" + (f" into {args.output}" if args.output else "") + ".",
        file=sys.stderr,
    )
    return EXIT_OK


def _file_name(given: str, names: list[str]) -> str:
    """A file named as given on the command line, or by its base name when that is unique."""
    if given in names:
        return given
    matches = [n for n in names if Path(n).name == given]
    if len(matches) == 1:
        return matches[0]
    raise AssessmentError([Message("merge_not_a_file", {"given": given, "files": names})])


def _pair(item: str, form: str, names: list[str], file_first: bool = False) -> tuple[str, str]:
    key, sep, value = item.partition("=")
    if not sep or not key or not value:
        raise AssessmentError([Message("merge_option_form", {"item": item, "form": form})])
    return (_file_name(key, names), value) if file_first else (key, _file_name(value, names))


def cmd_report(args: argparse.Namespace) -> int:
    """The board report: a one-page summary and an annex of every answer, as an HTML page that prints to A4."""
    from .engine.board import board_report
    from .reports.board import board_html

    bank = _bank(args)
    assessment = _read_or_stop(args.file, bank, "write its report")
    report = board_report(bank, assessment, score_assessment(bank, assessment), top=args.actions)
    return write_or_print(board_html(report), args.output)


def cmd_build(args: argparse.Namespace) -> int:
    from .sitegen.build import build_site, default_layout
    from .sitegen.errors import BankProblems, BuildError

    try:
        site = build_site(
            default_layout(args.questions, args.node_modules),
            site_url=args.site_url,
            about_file=Path(args.about) if getattr(args, "about", None) else None,
        )
    except BankProblems as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        return EXIT_BANK
    except BuildError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_INPUT
    print(f"Built the site in {site}")
    return EXIT_OK


def cmd_serve(args: argparse.Namespace) -> int:
    from .sitegen.build import default_layout
    from .sitegen.serve import serve

    if not args.no_build:
        args.site_url = f"http://{args.host}:{args.port}/"
        code = cmd_build(args)
        if code != EXIT_OK:
            return code
    try:
        serve(default_layout(args.questions, args.node_modules).site, args.host, args.port)
    except OSError as error:
        print(f"error: cannot listen on {args.host}:{args.port}: {error.strerror}", file=sys.stderr)
        return EXIT_INPUT
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="scorecard", description="Modern slavery risk self-assessment for UK local authorities."
    )
    parser.add_argument("--questions", metavar="DIR", help="question bank folder (default: the built-in questions/)")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    validate = commands.add_parser("validate", help="check the question banks")
    validate.add_argument("dir", nargs="?", help="question bank folder (default: the built-in questions/)")
    validate.set_defaults(run=cmd_validate)

    template = commands.add_parser(
        "template",
        help="write a blank assessment file",
        description="Write a blank assessment file for a council from the UK council register (--council), or for a "
        "council not in it (--council-type, with --name and --region).",
    )
    which = template.add_mutually_exclusive_group(required=True)
    which.add_argument(
        "--council",
        metavar="CODE",
        help="a council from the UK council register (mySociety, CC BY 4.0): its GSS code (E07000116) "
        "or register code (TUN); fills name, type, region and codes",
    )
    which.add_argument(
        "--council-type",
        help="for a council not in the register: a council type id from the bank "
        "(county, district, unitary, metropolitan, london_borough, ...)",
    )
    template.add_argument("--name", help="council name (with --council: instead of the register's official name)")
    template.add_argument("--region", help="region, e.g. West Midlands (with --council: instead of the register's)")
    template.add_argument("-o", "--output", help="write to this file instead of standard output")
    template.set_defaults(run=cmd_template)

    score = commands.add_parser("score", help="score an assessment file")
    score.add_argument("file")
    score.add_argument("--format", choices=["text", "json"], default="text")
    score.add_argument("--actions", type=int, default=10, help="how many actions to list in text output (default 10)")
    score.set_defaults(run=cmd_score)

    compare = commands.add_parser(
        "compare",
        help="compare councils' assessment files: heatmap, regional medians, progress over time",
        description="Compare assessment files (a folder stands for its .json files). Exit codes: 0 all compared; "
        "3 some files were skipped (listed on standard error with the reason); 2 none could be compared.",
    )
    compare.add_argument("files", nargs="+", metavar="FILE")
    compare.add_argument(
        "--format",
        choices=["text", "csv", "json", "html"],
        default="text",
        help="text table (default), CSV (one row per council), JSON, or a standalone HTML page",
    )
    compare.add_argument(
        "--group-by",
        choices=["type", "none"],
        default="type",
        help="type: councils of the same nation and council type together, each group with its own "
        "median and quartiles (default); none: all councils in one group",
    )
    compare.add_argument(
        "--shareable",
        action="store_true",
        help="a report meant to be shared: hide any group figure (median, quartiles, lowest, highest) "
        "drawn from fewer than 5 councils, and the gaps to it",
    )
    compare.add_argument(
        "--min-group",
        type=int,
        metavar="N",
        help="with --shareable: hide group figures drawn from fewer than N councils (default 5)",
    )
    compare.add_argument("-o", "--output", metavar="OUT", help="write to this file instead of standard output")
    compare.set_defaults(run=cmd_compare)

    report = commands.add_parser(
        "report", help="the board report: a one-page summary and an annex, as HTML for print or PDF"
    )
    report.add_argument("file", help="the assessment file")
    report.add_argument("--actions", type=int, default=5, help="how many top actions the summary lists (default 5)")
    report.add_argument("-o", "--output", metavar="HTML", help="write to this file instead of standard output")
    report.set_defaults(run=cmd_report)

    merge = commands.add_parser(
        "merge",
        help="merge several officers' assessment files into one",
        description="Merge assessment files question by question. Answers that agree, or that only one file gives, are "
        "taken; different answers to one question are conflicts, listed with who gave each and when. "
        "Exit codes: 0 merged; 3 conflicts left to choose (listed on standard error; nothing is written: "
        "run again with --take or --prefer); 2 a bad file or choice.",
    )
    merge.add_argument("files", nargs="+", metavar="FILE")
    merge.add_argument(
        "-o", "--output", metavar="OUT", help="write the merged assessment here instead of standard output"
    )
    merge.add_argument(
        "--take",
        action="append",
        default=[],
        metavar="KEY=FILE",
        help="settle a conflict: take question KEY's answer, note, evidence and action (or one item, "
        "e.g. notes.PRO-03, council.name, sign_off) from FILE; repeat as needed",
    )
    merge.add_argument("--prefer", metavar="FILE", help="settle every conflict FILE is part of in its favour")
    merge.add_argument(
        "--themes",
        action="append",
        default=[],
        metavar="FILE=THEME,THEME",
        help="take only these themes' questions from FILE (default: all of every file)",
    )
    merge.set_defaults(run=cmd_merge)

    plan = commands.add_parser(
        "plan",
        help="the action plan as a spreadsheet (CSV), and back",
        description="Write the action plan as CSV for a spreadsheet, or read owners, due dates, "
        "status and notes back from it into the assessment file.",
    )
    plan_commands = plan.add_subparsers(dest="plan_command", required=True, metavar="export|import")
    plan_export = plan_commands.add_parser("export", help="write the action plan CSV")
    plan_export.add_argument("file", help="the assessment file")
    plan_export.add_argument(
        "--site-url",
        default=DEFAULT_SITE_URL,
        help="the site's address, for absolute guidance links (default %(default)s)",
    )
    plan_export.add_argument("-o", "--output", metavar="CSV", help="write to this file instead of standard output")
    plan_export.set_defaults(run=cmd_plan_export)
    plan_import = plan_commands.add_parser(
        "import", help="read a filled-in action plan CSV back into the assessment file"
    )
    plan_import.add_argument("csv", help="the action plan CSV")
    plan_import.add_argument("file", help="the assessment file")
    plan_import.add_argument(
        "-o", "--output", metavar="OUT", help="write the updated assessment here instead of standard output"
    )
    plan_import.set_defaults(run=cmd_plan_import)

    next_year = commands.add_parser(
        "next-year",
        help="start this year's assessment from last year's file",
        description="Copy last year's answers, notes and evidence into a new assessment, each answer "
        "marked for review; last year's answers are kept in it to show what changed.",
    )
    next_year.add_argument("file", help="last year's assessment file")
    next_year.add_argument("--date", help="this year's assessment date, YYYY-MM-DD (default today)")
    next_year.add_argument("-o", "--output", metavar="OUT", help="write to this file instead of standard output")
    next_year.set_defaults(run=cmd_next_year)

    node_modules_help = (
        "the npm packages the site copies in (Pyodide, Chart.js; default: the checkout's "
        "node_modules, or ./node_modules when installed)"
    )
    build = commands.add_parser("build", help="build the static site into _build/site")
    build.add_argument(
        "--site-url",
        default=DEFAULT_SITE_URL,
        help="where the site will be served, e.g. https://scorecard.example.gov.uk/ (default %(default)s)",
    )
    build.add_argument("--node-modules", metavar="DIR", help=node_modules_help)
    build.add_argument(
        "--about",
        metavar="FILE",
        help="who runs this copy of the site, for the Accessibility and Contact pages and the footer: a YAML file with owner: and accessibility: (default: extra: in mkdocs.yml)",
    )
    build.set_defaults(run=cmd_build)

    serve = commands.add_parser("serve", help="build the site and serve it on this computer only")
    serve.add_argument("--host", default=LOCAL_HOST, help="address to listen on (default %(default)s)")
    serve.add_argument("--port", type=int, default=LOCAL_PORT)
    serve.add_argument("--no-build", action="store_true", help="serve the last build as it is")
    serve.add_argument("--node-modules", metavar="DIR", help=node_modules_help)
    serve.add_argument(
        "--about",
        metavar="FILE",
        help="who runs this copy of the site, for the Accessibility and Contact pages and the footer: a YAML file with owner: and accessibility: (default: extra: in mkdocs.yml)",
    )
    serve.set_defaults(run=cmd_serve)
    return parser


def main(argv: list[str] | None = None) -> int:
    try:
        try:
            args = build_parser().parse_args(argv)
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
