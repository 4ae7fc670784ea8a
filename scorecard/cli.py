"""The `scorecard` command: validate banks, make templates, score, build and serve the site.

Exit codes: 0 success; 1 the question banks have problems; 2 an input file is bad or a
command was misused (for compare: nothing could be compared); 3 compare skipped some files.
No traceback reaches the user for bad input.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from .engine import AssessmentError, Bank, blank_assessment, parse_assessment_text, score_assessment

EXIT_OK, EXIT_BANK, EXIT_INPUT = 0, 1, 2


CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def terminal_safe(text: str) -> str:
    """Control characters from a file (a council name, say) must not drive the terminal."""
    return CONTROL.sub("\N{REPLACEMENT CHARACTER}", text)


def _bank(args) -> Bank | None:
    """Load and check the banks; print problems and return None if they are broken."""
    from .bank_source.load import load_bank

    compiled, problems = load_bank(args.questions)
    for problem in problems:
        print(problem, file=sys.stderr)
    return Bank.from_dict(compiled) if compiled else None


def cmd_validate(args) -> int:
    from .bank_source.load import load_bank

    compiled, problems = load_bank(args.dir or args.questions)
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} problem(s) found.", file=sys.stderr)
        return EXIT_BANK
    count = sum(len(t["questions"]) for t in compiled["themes"])
    print(f"OK: {len(compiled['themes'])} themes, {count} questions, bank version {compiled['bank_version']}.")
    return EXIT_OK


def cmd_template(args) -> int:
    bank = _bank(args)
    if bank is None:
        return EXIT_BANK
    try:
        data = blank_assessment(bank, args.council_type, name=args.name or "", region=args.region or "")
    except AssessmentError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_INPUT
    text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return EXIT_OK


def read_assessment(path: str, bank: Bank):
    """Read and check an assessment file, raising AssessmentError with a plain reason."""
    try:
        raw = Path(path).read_bytes()
    except OSError as error:
        raise AssessmentError([f"cannot read the file: {error.strerror}"]) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise AssessmentError(["the file is not UTF-8 text (is it a JSON assessment file?)"]) from None
    return parse_assessment_text(text, bank)


def cmd_score(args) -> int:
    bank = _bank(args)
    if bank is None:
        return EXIT_BANK
    try:
        assessment = read_assessment(args.file, bank)
    except AssessmentError as error:
        print(f"{args.file}: cannot score this assessment:", file=sys.stderr)
        for problem in error.problems:
            print(f"  - {problem}", file=sys.stderr)
        return EXIT_INPUT
    result = score_assessment(bank, assessment)
    set_aside = result["changes"]["set_aside"]
    if set_aside:
        print(terminal_safe(f"warning: {args.file}: {len(set_aside)} answer(s) or note(s) set aside, the rest scored:"), file=sys.stderr)
        for entry in set_aside:
            print(terminal_safe(f"  - {entry['message']}"), file=sys.stderr)
    if args.format == "json":
        print(json.dumps(result, indent=2, ensure_ascii=False))
    else:
        from .reports.assessment_text import text_report

        print(terminal_safe(text_report(result, bank, max_actions=args.actions)))
    return EXIT_OK


EXIT_SKIPPED = 3  # compare: some files could not be read; the rest were compared


def cmd_compare(args) -> int:
    """Compare assessment files: exit 0 all compared, 3 some skipped, 2 none could be compared."""
    from .engine.comparison import compare_files, skipped_file
    from .engine.csv_export import comparison_csv
    from .reports.comparison import comparison_html, comparison_text

    bank = _bank(args)
    if bank is None:
        return EXIT_BANK
    paths = []
    for name in args.files:  # a folder stands for the .json files in it
        folder = Path(name)
        paths += sorted(str(p) for p in folder.glob("*.json")) if folder.is_dir() else [name]
    files, unreadable = [], []
    for path in paths:
        try:
            files.append((path, Path(path).read_bytes()))
        except OSError as error:
            unreadable.append(skipped_file(path, [f"cannot read the file: {error.strerror}"]))
    result = compare_files(bank, files, skipped=unreadable)
    for skipped in result["skipped"]:
        print(terminal_safe(f"{skipped['file']}: skipped: {skipped['reason']}"), file=sys.stderr)

    render = {"text": comparison_text, "csv": comparison_csv, "html": comparison_html,
              "json": lambda r: json.dumps(r, indent=2, ensure_ascii=False)}[args.format]
    text = render(result)
    text += "" if text.endswith("\n") else "\n"
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8", newline="")
    else:
        sys.stdout.write(terminal_safe(text) if args.format == "text" else text)
    if not result["rows"]:
        print("error: none of the files could be compared.", file=sys.stderr)
        return EXIT_INPUT
    return EXIT_SKIPPED if result["skipped"] else EXIT_OK


def cmd_build(args) -> int:
    from .sitegen.build import BankProblems, BuildError, build_site, default_layout

    try:
        site = build_site(default_layout(args.questions), site_url=args.site_url)
    except BankProblems as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        return EXIT_BANK
    except BuildError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_INPUT
    print(f"Built the site in {site}")
    return EXIT_OK


def cmd_serve(args) -> int:
    from .sitegen.serve import serve

    if not args.no_build:
        args.site_url = f"http://{args.host}:{args.port}/"
        code = cmd_build(args)
        if code != EXIT_OK:
            return code
    from .sitegen.build import default_layout

    return serve(default_layout(args.questions).site, args.host, args.port)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="scorecard", description="Modern slavery risk self-assessment for UK local authorities.")
    parser.add_argument("--questions", metavar="DIR", help="question bank folder (default: the built-in questions/)")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    validate = commands.add_parser("validate", help="check the question banks")
    validate.add_argument("dir", nargs="?", help="question bank folder (default: the built-in questions/)")
    validate.set_defaults(run=cmd_validate)

    template = commands.add_parser("template", help="write a blank assessment file")
    template.add_argument("--council-type", required=True, choices=["county", "district", "unitary", "metropolitan", "london"])
    template.add_argument("--name", help="council name")
    template.add_argument("--region", help="region, e.g. West Midlands")
    template.add_argument("-o", "--output", help="write to this file instead of standard output")
    template.set_defaults(run=cmd_template)

    score = commands.add_parser("score", help="score an assessment file")
    score.add_argument("file")
    score.add_argument("--format", choices=["text", "json"], default="text")
    score.add_argument("--actions", type=int, default=10, help="how many actions to list in text output (default 10)")
    score.set_defaults(run=cmd_score)

    compare = commands.add_parser(
        "compare", help="compare councils' assessment files: heatmap, regional medians, progress over time",
        description="Compare assessment files (a folder stands for its .json files). Exit codes: 0 all compared; "
                    "3 some files were skipped (listed on standard error with the reason); 2 none could be compared.")
    compare.add_argument("files", nargs="+", metavar="FILE")
    compare.add_argument("--format", choices=["text", "csv", "json", "html"], default="text",
                         help="text table (default), CSV (one row per council), JSON, or a standalone HTML page")
    compare.add_argument("-o", "--output", metavar="OUT", help="write to this file instead of standard output")
    compare.set_defaults(run=cmd_compare)

    build = commands.add_parser("build", help="build the static site into _build/site")
    build.add_argument("--site-url", default="http://127.0.0.1:8000/",
                       help="where the site will be served, e.g. https://scorecard.example.gov.uk/ (default %(default)s)")
    build.set_defaults(run=cmd_build)

    serve = commands.add_parser("serve", help="build the site and serve it on this computer only")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--no-build", action="store_true", help="serve the last build as it is")
    serve.set_defaults(run=cmd_serve)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
