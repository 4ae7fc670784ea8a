"""The `scorecard` command's parser: every command, its options and its help, each command's function set as
``run`` (commands.py)."""

from __future__ import annotations

import argparse

from ..i18n import language_codes, languages, translated_languages
from ..sitegen import DEFAULT_SITE_URL, LOCAL_HOST, LOCAL_PORT
from .commands import (
    cmd_build,
    cmd_compare,
    cmd_contribute,
    cmd_merge,
    cmd_next_year,
    cmd_plan_export,
    cmd_plan_import,
    cmd_report,
    cmd_review_decide,
    cmd_review_merge,
    cmd_review_start,
    cmd_review_status,
    cmd_score,
    cmd_serve,
    cmd_sign_off,
    cmd_similar,
    cmd_statement_summary,
    cmd_template,
    cmd_translations_export,
    cmd_translations_import,
    cmd_validate,
    cmd_verify,
)


def count(text: str) -> int:
    """A number of things to list: a whole number, not a negative one (-1 listed all but the last)."""
    try:
        number = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if number < 0:
        raise argparse.ArgumentTypeError(f"{text!r}: give how many, not a negative number")
    return number


def language_list(text: str) -> list[str]:
    """The languages to write in, "cy" or "cy,en" (each once, the first the page's own), every one of them a language
    of the interface (scorecard/i18n/languages.json)."""
    codes = [code.strip() for code in text.split(",")]
    unknown = [code for code in codes if code not in language_codes()]
    if unknown or not all(codes):
        known = ", ".join(
            f"{language.code} ({language.name})"
            if language.name == language.english_name
            else f"{language.code} ({language.name}, {language.english_name})"
            for language in languages()
        )
        raise argparse.ArgumentTypeError(f"{text!r}: the scorecard is written in {known}")
    if len(set(codes)) < len(codes):
        raise argparse.ArgumentTypeError(f"{text!r}: give each language once")
    return codes


def one_language(text: str) -> list[str]:
    """One language of the interface, as a list of one (language_list)."""
    codes = language_list(text)
    if len(codes) > 1:
        raise argparse.ArgumentTypeError(f"{text!r}: give one language")
    return codes


def add_language(parser: argparse.ArgumentParser, several: bool = False) -> None:
    """--lang: the language of what the command writes (default the interface's first, English); main() writes
    the engine's words in the first (cli/__init__.py)."""
    known = ", ".join(language_codes())
    parser.add_argument(
        "--lang",
        type=language_list if several else one_language,
        default=[language_codes()[0]],
        metavar="CODE[,CODE]" if several else "CODE",
        help=f"write in this language ({known}; default {language_codes()[0]})"
        + (": two or more, comma-separated, give the report in each, one after the other (cy,en)" if several else ""),
    )


def build_parser() -> argparse.ArgumentParser:
    """The parser for `scorecard`: ``parse_args`` gives the options and ``run``, the command's function."""
    parser = argparse.ArgumentParser(
        prog="scorecard", description="Modern slavery risk self-assessment for UK local authorities."
    )
    parser.add_argument("--questions", metavar="DIR", help="question bank folder (default: the built-in questions/)")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    validate = commands.add_parser("validate", help="check the question banks")
    validate.add_argument("dir", nargs="?", help="question bank folder (default: the built-in questions/)")
    validate.add_argument(
        "--translations",
        choices=["summary", "warn", "error"],
        default="summary",
        help="strings with no translation, or a stale one: counted, and stale ones listed (summary); every one "
        "listed at file:line (warn); or listed and the banks refused, exit 1 (error)",
    )
    validate.set_defaults(run=cmd_validate)

    translations = commands.add_parser(
        "translations",
        help="the banks' translations as PO files for translators' tools (Poedit, Weblate), and back",
        description="Write one PO file per theme with the bank's strings and the translations it has (export), or "
        "write translated PO files' entries into the theme files (import). See scorecard/i18n/README.md.",
    )
    translation_commands = translations.add_subparsers(
        dest="translations_command", required=True, metavar="export|import"
    )
    export = translation_commands.add_parser(
        "export", help="write <theme>.<lang>.po for every theme file into DIR (made if missing)"
    )
    export.add_argument("--lang", required=True, choices=translated_languages(), help="the language to translate into")
    export.add_argument("dir", metavar="DIR", help="folder to write the PO files into")
    export.set_defaults(run=cmd_translations_export)
    import_ = translation_commands.add_parser(
        "import",
        help="write translated PO files into their theme files (spoc.cy.po -> spoc.yaml)",
        description="Each filled-in msgstr is written into the theme file as translations: <lang>: <key>: {text, "
        "from: <fingerprint of the current English>, status}: draft where the entry is fuzzy, else reviewed. An "
        "entry whose msgid is no longer the bank's English is refused and listed. Only the translations blocks "
        "change; the banks are checked again after writing. Exit 1 if any entry was refused or the banks have "
        "problems, 2 if a file could not be read.",
    )
    import_.add_argument("files", nargs="+", metavar="FILE.po")
    import_.add_argument(
        "--lang", choices=translated_languages(), help="the files' language (default: each file's Language header)"
    )
    import_.set_defaults(run=cmd_translations_import)

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
    score.add_argument("--actions", type=count, default=10, help="how many actions to list in text output (default 10)")
    add_language(score)
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
        "--groups",
        action="append",
        default=[],
        metavar="CSV",
        help="compare within your own groups instead (a partnership, a police force area, a region): a CSV with a "
        "code column (register or GSS codes) and, optionally, a group column; repeat for more files",
    )
    compare.add_argument(
        "--similar-to",
        metavar="CODE",
        help="compare a council with its similar councils (`scorecard similar CODE` says how they are found): its "
        "register or GSS code",
    )
    compare.add_argument(
        "--similar-list",
        metavar="CSV",
        help="with --similar-to: your own list of its similar councils instead (a CSV with a code column, such as "
        "`scorecard similar CODE --format csv` writes, edited)",
    )
    compare.add_argument(
        "--open-data",
        metavar="DIR",
        help="write open figures to DIR instead of a report: group medians, quartiles and tiers by theme as CSV and "
        "JSON, with a data dictionary, a README and the licence; figures that could give away a council's own are "
        "hidden",
    )
    compare.add_argument(
        "--previous",
        action="append",
        default=[],
        metavar="JSON",
        help="with --open-data: an earlier release's figures.json; nothing published here may be subtracted from it "
        "to give away a council's figures (repeat for more)",
    )
    compare.add_argument(
        "--licence",
        help="with --open-data: the licence of the figures (default: Creative Commons Attribution 4.0)",
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
        help="with --shareable or --open-data: hide group figures drawn from fewer than N councils (default 5)",
    )
    compare.add_argument("-o", "--output", metavar="OUT", help="write to this file instead of standard output")
    add_language(compare)
    compare.set_defaults(run=cmd_compare)

    contribute = commands.add_parser(
        "contribute",
        help="make a benchmark contribution for a coordinator from a signed-off assessment",
        description="Write a benchmark contribution: the council's figures from a signed-off assessment (scores, "
        "tiers, coverage and evidence shares by theme, and its outcome indicators), and nothing else unless "
        "--include names it. `scorecard compare` reads contributions beside whole files.",
    )
    contribute.add_argument("file", help="the signed-off assessment file")
    contribute.add_argument(
        "--include",
        default="",
        metavar="PARTS",
        help="also send these, comma-separated: answers, notes, evidence, sign_off (who signed off), functions "
        "(functions changed from the type's defaults), targets (your target tier per theme)",
    )
    contribute.add_argument("-o", "--output", metavar="OUT", help="write to this file instead of standard output")
    contribute.set_defaults(run=cmd_contribute)

    similar = commands.add_parser(
        "similar",
        help="a council's similar councils from the UK council register, and how they were found",
        description="List the councils most like a council: the nearest of the same nation and type by population "
        "and population density (UK council register, mySociety, CC BY 4.0), each with its figures and distance, "
        "and how they were found. --format csv writes a groups file for `compare --similar-list` or `--groups`.",
    )
    similar.add_argument("code", help="the council's register code (TUN) or GSS code (E07000116)")
    similar.add_argument("--format", choices=["text", "csv", "json"], default="text")
    similar.add_argument("-o", "--output", metavar="OUT", help="write to this file instead of standard output")
    similar.set_defaults(run=cmd_similar)

    report = commands.add_parser(
        "report", help="the board report: a one-page summary and an annex, as HTML for print or PDF"
    )
    report.add_argument("file", help="the assessment file")
    report.add_argument("--actions", type=count, default=5, help="how many top actions the summary lists (default 5)")
    report.add_argument(
        "--last-year",
        metavar="FILE",
        help="last year's assessment file: the report says whether the answers this file records as last "
        "year's match it",
    )
    report.add_argument("-o", "--output", metavar="HTML", help="write to this file instead of standard output")
    add_language(report, several=True)
    report.set_defaults(run=cmd_report)

    summary = commands.add_parser(
        "statement-summary",
        help="the statement answers in the Modern Slavery Statement Registry's summary fields, as CSV or JSON",
        description="Map the statement and operations answers to the registry's statement summary fields "
        "(policies, training, partners, audits, grievance routes, risks, forced labour indicators, remediation, "
        "progress), as questions/statement_summary.yaml says, with where the mapping is an approximation.",
    )
    summary.add_argument("file", help="the assessment file")
    summary.add_argument("--format", choices=("csv", "json"), default="csv", help="csv (default) or json")
    summary.add_argument("-o", "--output", metavar="OUT", help="write to this file instead of standard output")
    summary.set_defaults(run=cmd_statement_summary)

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
        "--other-council",
        action="append",
        default=[],
        metavar="CODE",
        help="merge a file of another council than the first file's all the same: its register code, GSS code "
        "or name (without this, such a file is refused)",
    )
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
    next_year.add_argument(
        "--again",
        action="store_true",
        help="start a new year from a file that was itself started from last year's less than half a year ago "
        "(without this, such a file is refused: it is this year's assessment already)",
    )
    next_year.add_argument("-o", "--output", metavar="OUT", help="write to this file instead of standard output")
    next_year.set_defaults(run=cmd_next_year)

    sign_off = commands.add_parser(
        "sign-off",
        help="sign an assessment off, storing the digest of what is signed",
        description="Record who signs the assessment off, in what role and when, with a SHA-256 digest of what "
        "they sign (answers, notes, evidence, the action plan, the council, last year's record, the sign-off). "
        "`scorecard verify` then says whether the file still matches. A digest is not a signature: anyone who "
        "edits the file can store a new one.",
    )
    sign_off.add_argument("file", help="the assessment file")
    sign_off.add_argument("--name", required=True, help="who signs it off")
    sign_off.add_argument("--role", required=True, help="their role")
    sign_off.add_argument("--date", help="the date of the sign-off, YYYY-MM-DD (default today)")
    sign_off.add_argument("-o", "--output", metavar="OUT", help="write to this file instead of standard output")
    sign_off.set_defaults(run=cmd_sign_off)

    verify = commands.add_parser(
        "verify",
        help="check that a signed-off file has not changed since its sign-off",
        description="Compare the file with the digest stored at its sign-off. Exit 0: it matches. Exit 4: it "
        "changed since (the parts that changed are printed, and the entries the file's record of changes shows "
        "changed after the sign-off), or it holds no digest. Exit 2: the file cannot be read. A match proves the "
        "signed parts are as they were when the digest was stored; it does not prove who signed.",
    )
    verify.add_argument("file", help="the signed-off assessment file")
    verify.set_defaults(run=cmd_verify)

    review = commands.add_parser(
        "review",
        help="review by a peer: start a review file, merge one back, decide its challenges",
        description="A reviewer from outside the service marks each answer agree or challenge (a comment, a "
        "proposed answer), marks evidence they saw as independently verified, and signs the review file "
        "(name, organisation, date). The lead merges it: accepting a challenge takes the proposed answer, the "
        "record of changes naming the reviewer; rejecting keeps the lead's reply. A review of another council, "
        "bank version or other answers, or signed before the assessment it reviews, is refused, and nothing is changed.",
    )
    review_commands = review.add_subparsers(dest="review_command", required=True, metavar="start|merge|decide|status")
    review_start = review_commands.add_parser("start", help="write an empty review file of an assessment")
    review_start.add_argument("file", help="the assessment file to review")
    review_start.add_argument("-o", "--output", metavar="REVIEW", help="write to this file instead of standard output")
    review_start.set_defaults(run=cmd_review_start)

    def decisions(command: argparse.ArgumentParser) -> None:
        command.add_argument(
            "--accept", action="append", default=[], metavar="QID", help="accept this challenge (its proposed answer)"
        )
        command.add_argument(
            "--reject", action="append", default=[], metavar="QID", help="reject this challenge (with a --reply)"
        )
        command.add_argument(
            "--reply", action="append", default=[], metavar="TEXT", help="the reply to the --reject before it"
        )
        command.add_argument("-o", "--output", metavar="OUT", help="write to this file instead of standard output")

    review_merge = review_commands.add_parser(
        "merge",
        help="merge a signed review file into the assessment it reviews",
        description="Exit 0: merged and written (challenges not decided here stay open: `review status`). "
        "Exit 2: the review is of another assessment or cannot be used, or a decision cannot be; nothing is written.",
    )
    review_merge.add_argument("file", help="the assessment file")
    review_merge.add_argument("review", help="the reviewer's review file")
    decisions(review_merge)
    review_merge.set_defaults(run=cmd_review_merge)
    review_decide = review_commands.add_parser("decide", help="accept or reject the open challenges of a merged review")
    review_decide.add_argument("file", help="the assessment file")
    review_decide.add_argument("--by", help="who decides (recorded with each decision)")
    decisions(review_decide)
    review_decide.set_defaults(run=cmd_review_decide)
    review_status = review_commands.add_parser(
        "status",
        help="say where the peer review stands",
        description="Exit 0: no challenge open (or no review). Exit 3: challenges still open, each listed.",
    )
    review_status.add_argument("file", help="the assessment file")
    review_status.set_defaults(run=cmd_review_status)

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
