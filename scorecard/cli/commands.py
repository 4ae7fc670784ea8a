"""The `scorecard` command's commands, one function each (``cmd_*``, given the parsed options, returning the
exit code): each reads and checks its files, calls the operation it names (engine/operations.py, which the
browser's worker calls too) and prints or writes what comes back (output.py).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from ..engine import (
    Assessment,
    AssessmentError,
    Bank,
    blank_assessment,
    load_assessment,
    operations,
    parse_assessment_text,
)
from ..engine.assessment import MAX_FILE_BYTES, assessment_text, file_text
from ..engine.language import _
from ..engine.messages import Message
from ..safe_files import FileTooLarge, UnreadableFile, read_regular_file
from .output import (
    EXIT_BANK,
    EXIT_CHANGED,
    EXIT_INPUT,
    EXIT_OK,
    EXIT_SKIPPED,
    Stop,
    json_text,
    shown_name,
    terminal_safe,
    write_or_print,
    write_output,
)


def _compiled(args: argparse.Namespace) -> dict:
    """Load and check the banks (compiled form); print the problems and stop if they are broken."""
    from ..bank_source.load import load_bank

    compiled, problems = load_bank(args.questions)
    for problem in problems:
        print(problem, file=sys.stderr)
    if not compiled:
        raise Stop(EXIT_BANK)
    return compiled


def _bank(args: argparse.Namespace) -> Bank:
    return Bank.from_dict(_compiled(args))


def _bank_in(args: argparse.Namespace, code: str, compiled: dict | None = None) -> Bank:
    """The bank with its strings in the language where the theme files translate them (and the translation is not
    stale), as the site's pages in that language show it: the same ids, weights and rules, so the same scores."""
    from .. import bundled
    from ..bank_source.load import translation_sources
    from ..bank_source.translations import localise
    from ..i18n import default_language

    compiled = compiled or _compiled(args)
    if code == default_language():
        return Bank.from_dict(compiled)
    folder = Path(args.questions) if args.questions else bundled.questions_dir()
    return Bank.from_dict(localise(compiled, translation_sources(folder), code)[0])


def cmd_validate(args: argparse.Namespace) -> int:
    from ..bank_source.load import load_bank, translation_warnings

    compiled, problems = load_bank(args.dir or args.questions)
    for problem in problems:
        print(problem)
    if problems or compiled is None:
        print(f"{len(problems)} problem(s) found.", file=sys.stderr)
        return EXIT_BANK
    count = sum(len(t["questions"]) for t in compiled["themes"])
    indicators = len(compiled["indicators"]["indicators"])
    shown = f", {indicators} outcome indicators" if indicators else ""
    print(f"OK: {len(compiled['themes'])} themes, {count} questions{shown}, bank version {compiled['bank_version']}.")
    for line in legal_status_report(compiled, date.today().isoformat()):
        print(line)
    # Translations missing or stale: warnings, each at file:line (stale ones always; missing ones with
    # --translations warn), or errors with --translations error.
    warnings, counts, page_counts = translation_warnings(args.dir or args.questions)
    for warning in warnings:
        if args.translations != "summary" or "is stale" in warning.message:
            print(f"warning: {warning}", file=sys.stderr)
    for lang, c in counts.items():
        print(
            f"Translations ({lang}): {c['strings'] - c['missing']} of {c['strings']} strings, {c['stale']} stale, "
            f"{c['draft']} not yet reviewed" + (" (list the missing: --translations warn)" if c["missing"] else ""),
            file=sys.stderr,
        )
    for lang, c in page_counts.items():
        print(
            f"Guidance translations ({lang}): {c['pages'] - c['missing']} of {c['pages']} pages, {c['stale']} stale, "
            f"{c['draft']} not yet reviewed",
            file=sys.stderr,
        )
    return EXIT_BANK if args.translations == "error" and warnings else EXIT_OK


def cmd_translations_export(args: argparse.Namespace) -> int:
    """One PO file per theme file, with the translations the banks have (bank_source/translation_files.py)."""
    from ..bank_source.load import default_questions_dir
    from ..bank_source.translation_files import export_po

    _compiled(args)  # refuse a broken bank: its strings may not be what an officer reads
    try:
        written = export_po(Path(args.questions or default_questions_dir()), args.lang, Path(args.dir))
    except OSError as error:
        print(
            terminal_safe(f"{shown_name(args.dir)}: cannot write the PO files: {error.strerror or error}"),
            file=sys.stderr,
        )
        return EXIT_INPUT
    for path, strings, translated in written:
        print(terminal_safe(f"{path}: {strings} strings, {translated} translated"))
    return EXIT_OK


def cmd_translations_import(args: argparse.Namespace) -> int:
    """Translated PO files into their theme files; a report per file (written, unchanged, refused); the bank checked."""
    from ..bank_source.load import BankCheck, default_questions_dir, load_bank
    from ..bank_source.translation_files import ImportRefused, import_po
    from ..i18n import translated_languages

    questions = Path(args.questions or default_questions_dir())
    _compiled(args)  # a broken bank is mended first: the strings to translate must be the right ones
    code = EXIT_OK
    rel = BankCheck(questions).rel
    for name in args.files:
        try:
            report = import_po(questions, Path(name), translated_languages(), args.lang, rel)
        except ImportRefused as error:
            print(terminal_safe(f"{error}; nothing was written from it"), file=sys.stderr)
            code = EXIT_INPUT
            continue
        print(
            terminal_safe(
                f"{report.po_file} -> {rel(report.theme_file)}: {report.written} written, {report.unchanged} unchanged, "
                f"{len(report.refused)} refused, {report.empty} not translated"
            )
        )
        for refused in report.refused:
            print(terminal_safe(f"  refused: {refused}"), file=sys.stderr)
        if report.refused and code == EXIT_OK:
            code = EXIT_BANK
    _compiled_again, problems = load_bank(questions)
    for problem in problems:
        print(terminal_safe(str(problem)), file=sys.stderr)
    if problems:
        print(f"{len(problems)} problem(s) in the banks after the import.", file=sys.stderr)
        return EXIT_BANK
    return code


def legal_status_report(compiled: dict, today: str) -> list[str]:
    """The legal-status register's entries to look at again: last checked too long ago, or never verified (not a
    problem: the bank is valid; the maintainer is told)."""
    from ..bank_source.load import stale_duties

    register = compiled["legal_status"]
    lines = []
    stale = stale_duties(compiled, today)
    if stale:
        lines.append(
            f"Legal-status register: {len(stale)} entr{'y' if len(stale) == 1 else 'ies'} last checked more than "
            f"{register['stale_after_days']} days ago; check them again and update last_checked:"
        )
        lines += [f"  {e['question']} ({e['nation']}): {e['section']}, last checked {e['last_checked']}" for e in stale]
    unverified = [e for e in register["duties"] if e["in_force_from"] is None]
    if unverified:
        lines.append(f"Legal-status register: {len(unverified)} date(s) in force not verified (treated as in force):")
        lines += [f"  {e['question']} ({e['nation']}): {e['section']}: {e.get('note', '')}" for e in unverified]
    return lines


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
    return write_or_print(file_text(data), args.output)


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
        from ..council_register import bank_types, built_in_register, find_council

        try:
            register = built_in_register()
        except (OSError, KeyError, ValueError) as error:
            raise LookupError(f"cannot read the UK council register: {error}") from None
        fields = find_council(register, bank_types(compiled), council).assessment_council()
    fields["name"] = fields["name"] if name is None else name
    fields["region"] = fields["region"] if region is None else region
    return blank_assessment(bank, fields.pop("type"), **fields)


def read_assessment(path: str, bank: Bank) -> Assessment:
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
    bank = _bank_in(args, args.lang[0])
    try:
        assessment = read_assessment(args.file, bank)
    except AssessmentError as error:
        print(_("%(file)s: cannot score this assessment:") % {"file": shown_name(args.file)}, file=sys.stderr)
        for problem in error.problems:
            print(f"  - {terminal_safe(problem)}", file=sys.stderr)
        return EXIT_INPUT
    result = operations.score(bank, assessment)["result"]
    set_aside, total = result["changes"]["set_aside"], result["changes"]["set_aside_total"]
    if set_aside:
        print(
            terminal_safe(
                _("warning: %(file)s: %(count)s answer(s) or note(s) set aside, the rest scored:")
                % {"file": shown_name(args.file), "count": total}
            ),
            file=sys.stderr,
        )
        for entry in set_aside:
            print(terminal_safe(f"  - {entry['message']}"), file=sys.stderr)
        if total > len(set_aside):
            print(
                "  - " + _("and %(count)s more, all kept in the file") % {"count": total - len(set_aside)},
                file=sys.stderr,
            )
    entries = result["changes"]["entries_set_aside"]
    if entries:
        print(
            terminal_safe(
                _("warning: %(file)s: %(count)s entries set aside, the rest scored:")
                % {"file": shown_name(args.file), "count": len(entries)}
            ),
            file=sys.stderr,
        )
        for entry in entries:
            print(terminal_safe(f"  - {entry['key']}: {entry['message']}"), file=sys.stderr)
    for entry in result["changes"]["times_taken_as_now"]:
        said = _("warning: %(file)s: %(message)s") % {"file": shown_name(args.file), "message": entry["message"]}
        print(terminal_safe(said), file=sys.stderr)
    if args.format == "json":
        sys.stdout.write(json_text(result))
    else:
        from ..reports.assessment_text import text_report

        print(terminal_safe(text_report(result, bank, max_actions=args.actions)))
    return EXIT_OK


def cmd_compare(args: argparse.Namespace) -> int:
    """Compare assessment files and contributions: exit 0 all compared, 3 some skipped, 2 none could be compared."""
    from ..engine.comparison import skipped_file
    from ..engine.csv_export import comparison_csv
    from ..i18n import default_language
    from ..reports.comparison import comparison_html, comparison_text

    compiled = _compiled(args)
    bank = _bank_in(args, args.lang[0], compiled)  # its theme titles and tier names in the comparison's language
    if args.min_group is not None and not (args.shareable or args.open_data):
        print("error: --min-group sets what a shareable report or open data hides: give --shareable too (or --open-data).",
              file=sys.stderr)  # fmt: skip
        return EXIT_INPUT
    if args.min_group is not None and args.min_group < 1:
        print("error: --min-group must be at least 1.", file=sys.stderr)
        return EXIT_INPUT
    for given, needs, option in [(args.similar_list, args.similar_to, "--similar-to"),
                                 (args.previous, args.open_data, "--open-data"),
                                 (args.licence, args.open_data, "--open-data")]:  # fmt: skip
        if given and not needs:
            print(f"error: this option goes with {option}: give {option} too.", file=sys.stderr)
            return EXIT_INPUT
    paths = []
    for name in args.files:  # a folder stands for the .json files in it
        folder = Path(name)
        paths += sorted(str(p) for p in folder.glob("*.json")) if folder.is_dir() else [name]
    files, unreadable = [], []
    for path in paths:  # the file is opened by its own name, reported by a printable one
        try:
            files.append({"name": shown_name(path), "text": read_input(path)})
        except AssessmentError as error:
            unreadable.append(skipped_file(shown_name(path), error.details))
    options: dict[str, Any] = {"group_by": args.group_by, "shareable": args.shareable}
    custom = _custom_groups(args, compiled, bank)
    if custom:
        options.update(group_by="custom", custom=custom)
    if args.similar_to:
        options["focus"] = args.similar_to
    if args.min_group is not None and args.shareable:
        options["min_group"] = args.min_group
    payload = {"files": files, "skipped": unreadable, "options": options}
    try:
        if args.open_data:
            return _open_data(args, bank, payload)
        result = operations.compare(bank, payload)["comparison"]
    except AssessmentError as error:
        print(_("error: cannot compare:"), file=sys.stderr)
        for problem in error.problems:
            print(terminal_safe(f"  - {problem}"), file=sys.stderr)
        return EXIT_INPUT
    for skipped in result["skipped"]:
        print(terminal_safe(_skipped_line(skipped)), file=sys.stderr)
    if not result["rows"] and args.output:  # keep the last report rather than replace it with an empty one
        print(_("error: none of the files could be compared; the report was not written."), file=sys.stderr)
        return EXIT_INPUT

    renderers: dict[str, Callable[[Any], str]] = {
        "text": comparison_text,
        "csv": comparison_csv,
        "html": lambda result: comparison_html(result, "en-GB" if args.lang[0] == default_language() else args.lang[0]),
        "json": json_text,
    }
    render = renderers[args.format]
    text = render(result)
    text += "" if text.endswith("\n") else "\n"
    if args.output:
        code = write_output(args.output, text)
        if code != EXIT_OK:
            return code
    else:
        sys.stdout.write(terminal_safe(text) if args.format == "text" else text)
    if not result["rows"]:
        print(_("error: none of the files could be compared."), file=sys.stderr)
        return EXIT_INPUT
    return EXIT_SKIPPED if result["skipped"] else EXIT_OK


def _skipped_line(skipped: dict[str, Any]) -> str:
    """A file the comparison skipped, with why, as the terminal shows it."""
    return _("%(file)s: skipped: %(reason)s") % {"file": skipped["file"], "reason": skipped["reason"]}


def _custom_groups(args: argparse.Namespace, compiled: dict, bank: Bank) -> list[dict[str, Any]]:
    """The groups --groups files and --similar-to give (empty when neither is given); stops with exit 2, saying
    why, when one cannot be read."""
    groups: list[dict[str, Any]] = []
    try:
        for path in args.groups:
            groups += operations.groups_csv(bank, {"text": _csv_text(path), "name": shown_name(path)})["groups"]
        if args.similar_to:
            chosen = None
            if args.similar_list:
                listed = operations.groups_csv(bank, {"text": _csv_text(args.similar_list), "name": args.similar_list})
                chosen = [code for group in listed["groups"] for code in group["codes"]]
            payload = {"councils": _register_figures(compiled), "code": args.similar_to, "chosen": chosen}
            groups.append(operations.similar(bank, payload)["group"])
    except AssessmentError as error:
        for problem in error.problems:
            print(terminal_safe(f"error: {problem}"), file=sys.stderr)
        raise Stop(EXIT_INPUT) from None
    for place, group in enumerate(groups, start=1):  # ids unique across files
        if group["kind"] == "custom":
            group["id"] = f"custom/{place}"
    return groups


def _csv_text(path: str) -> str:
    """A small CSV file's text (UTF-8, or Windows' encoding as spreadsheets save it); exit 2 when unreadable."""
    try:
        raw = read_regular_file(path, MAX_FILE_BYTES)
    except (UnreadableFile, FileTooLarge) as error:
        print(terminal_safe(f"{shown_name(path)}: cannot read the file: {getattr(error, 'reason', error)}"),
              file=sys.stderr)  # fmt: skip
        raise Stop(EXIT_INPUT) from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def _register_figures(compiled: dict) -> list[dict[str, Any]]:
    """The register's current councils with their population and area, for similar councils."""
    from ..council_register import load_placed

    try:
        _register, placed = load_placed(compiled)
    except (OSError, KeyError, ValueError) as error:
        print(f"error: cannot read the UK council register: {error}", file=sys.stderr)
        raise Stop(EXIT_INPUT) from None
    return [council.figures() for council in placed.councils]


def _open_data(args: argparse.Namespace, bank: Bank, payload: dict[str, Any]) -> int:
    """Write open figures (figures.csv, figures.json, dictionary.csv, README.txt) to --open-data DIR."""
    import json

    earlier = []
    for path in args.previous:
        try:
            earlier.append(json.loads(_csv_text(path)))
        except ValueError:
            print(terminal_safe(f"{shown_name(path)}: not an open figures file (figures.json)"), file=sys.stderr)
            return EXIT_INPUT
    payload = {**payload, "earlier": earlier, "licence": args.licence or ""}
    if args.min_group is not None:
        payload["min_group"] = args.min_group
    made = operations.open_figures(bank, payload)
    for skipped in made["skipped"]:
        print(terminal_safe(_skipped_line(skipped)), file=sys.stderr)
    figures = made["figures"]
    if not figures["groups"]:
        print(_("error: none of the files could be compared; no open figures were written."), file=sys.stderr)
        return EXIT_INPUT
    folder = Path(args.open_data)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        print(terminal_safe(f"error: cannot make the folder {args.open_data}: {error.strerror}"), file=sys.stderr)
        return EXIT_INPUT
    for name, text in [("figures.csv", made["csv"]), ("figures.json", json_text(figures)),
                       ("dictionary.csv", made["dictionary"]), ("README.txt", made["readme"])]:  # fmt: skip
        code = write_output(str(folder / name), text)
        if code != EXIT_OK:
            return code
    cells = figures["figures"]
    hidden = [c for c in cells if not c["published"]]
    protecting = sum(1 for c in hidden if c["hidden_because"] == "complementary")
    print(
        terminal_safe(
            f"Wrote open figures to {args.open_data}: {len(cells) - len(hidden)} of {len(cells)} group figures "
            f"published, {len(hidden)} hidden"
            + (f" ({protecting} of them so that other hidden figures cannot be worked out)." if protecting else ".")
        ),
        file=sys.stderr,
    )
    return EXIT_SKIPPED if made["skipped"] else EXIT_OK


def cmd_contribute(args: argparse.Namespace) -> int:
    """A benchmark contribution from a signed-off assessment: its figures, and what --include names."""
    bank = _bank(args)
    assessment = _read_or_stop(args.file, bank, "make a contribution from it")
    include = [part.strip() for part in args.include.split(",") if part.strip()]
    try:
        made = operations.contribute(bank, {"assessment": assessment, "include": include})
    except AssessmentError as error:
        print(terminal_safe(f"{shown_name(args.file)}: cannot make a contribution from it:"), file=sys.stderr)
        for problem in error.problems:
            print(terminal_safe(f"  - {problem}"), file=sys.stderr)
        return EXIT_INPUT
    code = write_or_print(json_text(made["contribution"]), args.output)
    if code == EXIT_OK:
        sent = made["contribution"]["included"]
        print(
            "Contribution: the council's figures by theme and its outcome indicators"
            + (f", with its {', '.join(sent)}" if sent else ", and nothing else")
            + (f", written to {args.output}." if args.output else "."),
            file=sys.stderr,
        )
    return code


def cmd_similar(args: argparse.Namespace) -> int:
    """A council's similar councils and how they were found: as text, a groups CSV, or JSON."""
    from ..reports.similar import similar_text

    compiled = _compiled(args)
    bank = Bank.from_dict(compiled)
    try:
        found = operations.similar(bank, {"councils": _register_figures(compiled), "code": args.code})
    except AssessmentError as error:
        print(terminal_safe(f"error: {error.problems[0]}"), file=sys.stderr)
        return EXIT_INPUT
    render = {
        "text": lambda: (
            terminal_safe(similar_text(found["similar"])) if not args.output else similar_text(found["similar"])
        ),
        "csv": lambda: found["csv"],
        "json": lambda: json_text(found),
    }[args.format]
    return write_or_print(render(), args.output)


def _read_or_stop(path: str, bank: Bank, doing: str) -> Assessment:
    """Read and check an assessment file, or print why not and stop with exit 2."""
    try:
        return read_assessment(path, bank)
    except AssessmentError as error:
        print(terminal_safe(f"{path}: cannot {doing}:"), file=sys.stderr)
        for problem in error.problems:
            print(terminal_safe(f"  - {problem}"), file=sys.stderr)
        raise Stop(EXIT_INPUT) from None


def cmd_plan_export(args: argparse.Namespace) -> int:
    """The action plan as CSV: owners, due dates and status from the file, absolute guidance links."""
    bank = _bank(args)
    assessment = _read_or_stop(args.file, bank, "write its action plan")
    plan = operations.plan_export(bank, {"assessment": assessment, "site_url": args.site_url})
    return write_or_print(plan["csv"], args.output)


def cmd_plan_import(args: argparse.Namespace) -> int:
    """Owners, due dates, status and notes from a filled-in plan CSV into the assessment file (only cells changed)."""
    bank = _bank(args)
    assessment = _read_or_stop(args.file, bank, "take an action plan")
    try:
        raw = read_regular_file(args.csv, MAX_FILE_BYTES)  # as score reads files: a pipe or a device is refused
    except UnreadableFile as error:
        reason = (
            Message("plan_csv_too_large", {"limit_mb": MAX_FILE_BYTES // 1_000_000}).text
            if isinstance(error, FileTooLarge)
            else f"cannot read the file: {error.reason}"
        )
        print(terminal_safe(f"{shown_name(args.csv)}: {reason}"), file=sys.stderr)
        return EXIT_INPUT
    try:
        done = operations.plan_import(bank, {"assessment": assessment, "text": raw})
    except AssessmentError as error:
        print(
            terminal_safe(f"{shown_name(args.csv)}: cannot read the action plan; nothing was written:"), file=sys.stderr
        )
        for problem in error.problems:
            print(terminal_safe(f"  - {problem}"), file=sys.stderr)
        return EXIT_INPUT
    code = write_or_print(file_text(done["assessment"]), args.output)
    if code == EXIT_OK:
        print(terminal_safe(done["summary"]), file=sys.stderr)
    return code


def cmd_next_year(args: argparse.Namespace) -> int:
    """This year's assessment from last year's: answers copied and marked for review."""
    import datetime

    bank = _bank(args)
    assessment = _read_or_stop(args.file, bank, "start next year's assessment from it")
    today = args.date or datetime.date.today().isoformat()
    try:
        data = operations.next_year(bank, {"assessment": assessment, "today": today, "again": args.again})["assessment"]
    except AssessmentError as error:
        again = " (--again)" if error.details[0].code == "next_year_already_started" else ""
        print(
            terminal_safe(f"{shown_name(args.file)}: cannot start next year's assessment from it: {error}{again}"),
            file=sys.stderr,
        )
        return EXIT_INPUT
    return write_or_print(file_text(data), args.output)


def cmd_sign_off(args: argparse.Namespace) -> int:
    """Sign an assessment off: its sign-off (name, role, date) with the digest of what it signs."""
    import datetime

    bank = _bank(args)
    assessment = _read_or_stop(args.file, bank, "sign it off")
    entry = {"name": args.name, "role": args.role, "date": args.date or datetime.date.today().isoformat()}
    try:
        signed = operations.sign_off(bank, {"assessment": assessment.to_dict(), "sign_off": entry})["sign_off"]
    except AssessmentError as error:
        print(terminal_safe(f"{shown_name(args.file)}: cannot sign it off: {error}"), file=sys.stderr)
        return EXIT_INPUT
    data = assessment.to_dict()
    data["sign_off"] = signed
    written = write_or_print(file_text(data), args.output)
    if written == EXIT_OK:
        print(terminal_safe(f"Signed off by {signed['name']}; digest {signed['digest']}"), file=sys.stderr)
    return written


def cmd_verify(args: argparse.Namespace) -> int:
    """Whether a file still matches its sign-off's digest: exit 0 it does, 4 it changed (what changed is printed) or
    holds no digest, 2 it cannot be read."""
    bank = _bank(args)
    assessment = _read_or_stop(args.file, bank, "verify it")
    found = operations.verify(bank, assessment)["check"]
    print(terminal_safe(f"{shown_name(args.file)}: {found['message']}"))
    return EXIT_OK if found["matches"] else EXIT_CHANGED


def cmd_review_start(args: argparse.Namespace) -> int:
    """An empty peer review file of an assessment, for a reviewer to mark and sign (engine/review.py)."""
    bank = _bank(args)
    assessment = _read_or_stop(args.file, bank, "start a review of it")
    return write_or_print(json_text(operations.review_start(bank, assessment)["review"]), args.output)


def _decisions(args: argparse.Namespace) -> dict[str, Any]:
    """--accept QID and --reject QID --reply TEXT (each --reject with the --reply after it), as the operations take
    them; stops with exit 2 when the replies do not pair with the rejections."""
    if len(args.reject) != len(args.reply):
        print(
            f"give each --reject QID its --reply TEXT ({len(args.reject)} --reject, {len(args.reply)} --reply); "
            "nothing was written",
            file=sys.stderr,
        )
        raise Stop(EXIT_INPUT)
    return {"accept": list(args.accept), "reject": dict(zip(args.reject, args.reply, strict=True))}


def _review_done(args: argparse.Namespace, reply: dict[str, Any]) -> int:
    """Write the assessment a review operation gave back, and say where the review stands."""
    code = write_or_print(file_text(reply["assessment"]), args.output)
    if code == EXIT_OK and reply["peer_review"]:
        print(terminal_safe(reply["peer_review"]["message"]), file=sys.stderr)
    return code


def _refused(path: str, doing: str, error: AssessmentError) -> int:
    print(terminal_safe(f"{shown_name(path)}: cannot {doing}; nothing was written:"), file=sys.stderr)
    for problem in error.problems:
        print(terminal_safe(f"  - {problem}"), file=sys.stderr)
    return EXIT_INPUT


def cmd_review_merge(args: argparse.Namespace) -> int:
    """A reviewer's review file into the assessment it reviews, deciding any challenges named: exit 0 written (open
    challenges are listed by `review status`), 2 the review or a decision cannot be used (nothing written)."""
    bank = _bank(args)
    assessment = _read_or_stop(args.file, bank, "take a review")
    decisions = _decisions(args)
    try:
        raw = read_regular_file(args.review, MAX_FILE_BYTES)
    except UnreadableFile as error:
        print(terminal_safe(f"{shown_name(args.review)}: cannot read the file: {error.reason}"), file=sys.stderr)
        return EXIT_INPUT
    try:
        reply = operations.review_merge(bank, {"assessment": assessment, "text": assessment_text(raw), **decisions})
    except AssessmentError as error:
        return _refused(args.review, "merge this review", error)
    return _review_done(args, reply)


def cmd_review_decide(args: argparse.Namespace) -> int:
    """The lead's decisions on a merged review's open challenges: exit 0 written, 2 a decision cannot be used."""
    bank = _bank(args)
    assessment = _read_or_stop(args.file, bank, "decide its challenges")
    try:
        reply = operations.review_decide(bank, {"assessment": assessment, **_decisions(args), "by": args.by or ""})
    except AssessmentError as error:
        return _refused(args.file, "decide these challenges", error)
    return _review_done(args, reply)


def cmd_review_status(args: argparse.Namespace) -> int:
    """Where an assessment's peer review stands: exit 0 no challenge open (or no review), 3 challenges still open."""
    bank = _bank(args)
    assessment = _read_or_stop(args.file, bank, "read its review")
    found = operations.review_status(bank, assessment)["peer_review"]
    if not found:
        print(terminal_safe(f"{shown_name(args.file)}: no peer review marks."))
        return EXIT_OK
    print(terminal_safe(found["message"]))
    for challenge in found["challenges"]:
        print(terminal_safe(f"  - {challenge['message']}"))
    return EXIT_SKIPPED if found["open"] else EXIT_OK


def cmd_merge(args: argparse.Namespace) -> int:
    """Merge officers' files: exit 0 merged, 3 conflicts left to choose (nothing written), 2 bad input."""
    bank = _bank(args)
    files = []
    for path in args.files:
        try:
            files.append({"name": path, "text": assessment_text(read_input(path))})
        except AssessmentError as error:
            print(terminal_safe(f"{shown_name(path)}: cannot merge it: {error.problems[0]}"), file=sys.stderr)
            return EXIT_INPUT
    try:
        names = [f["name"] for f in files]
        take = dict(_pair(item, "--take KEY=FILE", names) for item in args.take)
        themes = {}
        for item in args.themes:
            name, chosen = _pair(item, "--themes FILE=THEME,THEME", names, file_first=True)
            themes[name] = [t.strip() for t in chosen.split(",") if t.strip()]
        prefer = _file_name(args.prefer, names) if args.prefer else None
        payload = {
            "files": files,
            "themes": themes,
            "take": take,
            "prefer": prefer,
            "other_councils": args.other_council,
        }
        merged = operations.merge(bank, payload)["merge"]
    except AssessmentError as error:
        print("cannot merge; nothing was written:", file=sys.stderr)
        for problem in error.details:
            print(terminal_safe(f"  - {problem.text}"), file=sys.stderr)
            if problem.code == "merge_other_council":
                hint = f"    to merge it all the same: --other-council {problem.params['confirm']}"
                print(terminal_safe(hint), file=sys.stderr)
        return EXIT_INPUT
    for done in merged["settled"]:
        print(terminal_safe(f"settled: {done['label']}: took {done['chosen']}"), file=sys.stderr)
    for entry in merged["left_out"]:
        print(terminal_safe(entry["message"]), file=sys.stderr)
    if merged["conflicts"]:
        from ..reports.merge_text import conflicts_text

        print(terminal_safe(conflicts_text(merged["conflicts"], args.output)), file=sys.stderr)
        return EXIT_SKIPPED
    code = write_or_print(file_text(merged["assessment"]), args.output)
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
    from ..engine.language import speaking
    from ..i18n import translator
    from ..reports.board import bilingual_board_html

    compiled = _compiled(args)
    bank = Bank.from_dict(compiled)
    assessment = _read_or_stop(args.file, bank, "write its report")
    last_year = _read_or_stop(args.last_year, bank, "compare with it") if args.last_year else None
    reports = []
    for code in args.lang:  # the report in each language asked for, one after the other, with the bank's words in it
        with speaking(translator(code)):
            report = operations.board_report(
                _bank_in(args, code, compiled),
                assessment,
                top=args.actions,
                last_year=last_year,
                last_year_file=shown_name(args.last_year or ""),
            )["report"]
        reports.append((code, report))
    first = reports[0][1]
    if first["since"] and first["since"]["warning"]:
        print(terminal_safe(f"warning: {first['since']['warning']}"), file=sys.stderr)
    return write_or_print(bilingual_board_html(reports), args.output)


def cmd_statement_summary(args: argparse.Namespace) -> int:
    """The statement and operations answers in the Modern Slavery Statement Registry's words, as CSV or JSON."""
    bank = _bank(args)
    assessment = _read_or_stop(args.file, bank, "summarise its statement")
    try:
        reply = operations.statement_summary(bank, assessment)
    except AssessmentError as error:
        for problem in error.problems:
            print(terminal_safe(f"error: {problem}"), file=sys.stderr)
        return EXIT_INPUT
    text = reply["csv"] if args.format == "csv" else json_text(reply["summary"])
    return write_or_print(text, args.output)


def cmd_build(args: argparse.Namespace) -> int:
    from ..sitegen.build import build_site, default_layout
    from ..sitegen.errors import BankProblems, BuildError

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
    from ..sitegen.build import default_layout
    from ..sitegen.serve import serve

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
