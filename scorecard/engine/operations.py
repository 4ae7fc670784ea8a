"""The operations the command line and the browser's worker share: plain data in, plain data out, bank first.

Each operation takes the bank and a payload as JSON gives it (an assessment in its file form, file
texts, options) and returns a dict of plain data; bad input raises AssessmentError, whose messages
say why. The browser's worker (scorecard/browser.py) calls them by name with the JSON the site
sends; the command line (scorecard/cli/commands.py) with the files it has read, then prints or
writes what comes back. Either may give an assessment already checked (an Assessment), as the
command line does to say which file was bad before anything else is done.

Comparison, CSV, merging, report and yearly code is imported on first use: the browser imports
this module as its engine starts, and ``statistics`` and ``csv`` alone would add about 70 ms to
every page's start.

Run-time code: standard library only.
"""

from __future__ import annotations

from typing import Any

from .assessment import Assessment, AssessmentError, load_assessment, parse_assessment_text
from .bank import Bank
from .messages import Message
from .result import score_assessment

Payload = dict[str, Any]
COMPARISON_OPTIONS = ("group_by", "shareable", "min_group", "custom", "focus")


def checked(bank: Bank, assessment: Assessment | Payload) -> Assessment:
    """An assessment in its file form checked against the bank (AssessmentError if it cannot be), or one already."""
    return assessment if isinstance(assessment, Assessment) else load_assessment(assessment, bank)


def score(bank: Bank, assessment: Assessment | Payload) -> Payload:
    """The full result, as the results page shows it: {"result"}."""
    return {"result": score_assessment(bank, checked(bank, assessment))}


def live_score(bank: Bank, assessment: Assessment | Payload) -> Payload:
    """A theme page's score on every change: the result without the action list, the unanswered list and the
    action plan (score_assessment(actions=False)), which only the results page shows."""
    return {"result": score_assessment(bank, checked(bank, assessment), actions=False)}


def import_file(bank: Bank, payload: Payload) -> Payload:
    """Check an imported file {"text", "here"?}: the file in the current bank's form (carried-over answers moved,
    unknown ones set aside), its result and, given the assessment saved here, what importing it would change."""
    assessment = parse_assessment_text(payload["text"], bank)
    reply = {"assessment": assessment.to_dict(), "result": score_assessment(bank, assessment)}
    if "here" in payload:
        from .import_plan import import_plan

        reply["plan"] = import_plan(bank, payload["here"], assessment)
    return reply


def set_aside(bank: Bank, assessment: Assessment | Payload) -> Payload:
    """Every question whose answer or note is set aside, not only the hundred a result lists: {"questions"}, for
    removing them all at once."""
    return {"questions": sorted(checked(bank, assessment).set_aside)}


def plan_export(bank: Bank, payload: Payload) -> Payload:
    """The action plan CSV: {"assessment", "site_url"?} -> {"csv"}; guidance links are absolute when the site's
    address is given."""
    from .csv_export import actions_csv
    from .evidence import strength_names

    assessment = checked(bank, payload["assessment"])
    result = score_assessment(bank, assessment)
    return {
        "csv": actions_csv(
            result, assessment.to_dict(), site_url=payload.get("site_url", ""), strengths=strength_names(bank)
        )
    }


def plan_import(bank: Bank, payload: Payload) -> Payload:
    """A filled-in action plan CSV into the assessment: {"assessment", "text" (the file's bytes, or text)} ->
    {"assessment", "rows", "changed", "cleared", "carried", "summary"}: the updated file, the rows read, the
    questions whose entry was added or edited and those cleared, rows read into a question that replaced theirs,
    and a sentence saying all that. Only cells changed in the spreadsheet change the file, and nothing changes
    unless every row reads (AssessmentError names each row that does not): engine/plan_csv.py."""
    from .plan_csv import import_plan_csv

    assessment = checked(bank, payload["assessment"])
    read = import_plan_csv(bank, assessment.to_dict(), payload["text"])
    return {
        "assessment": read.data,
        "rows": read.rows,
        "changed": read.changed,
        "cleared": read.cleared,
        "carried": read.carried,
        "summary": read.summary(),
    }


def board_report(
    bank: Bank,
    assessment: Assessment | Payload,
    top: int | None = None,
    last_year: Assessment | None = None,
    last_year_file: str = "",
) -> Payload:
    """The board report's content (the site's page and `scorecard report` lay it out): {"report"}; ``top``
    actions in the summary (default board.TOP_ACTIONS). Given last year's own file (``last_year``, named
    ``last_year_file``), the report says whether the answers this file records as last year's match it."""
    from .board import TOP_ACTIONS, board_report

    assessment = checked(bank, assessment)
    result = score_assessment(bank, assessment)
    top = TOP_ACTIONS if top is None else top
    return {
        "report": board_report(bank, assessment, result, top=top, last_year=last_year, last_year_file=last_year_file)
    }


def statement_summary(bank: Bank, assessment: Assessment | Payload) -> Payload:
    """The statement and operations answers in the Modern Slavery Statement Registry's words (engine/statement_summary.py):
    {"summary", "csv"}, the CSV being the summary laid out for a spreadsheet."""
    from .statement_summary import statement_summary as summarise
    from .statement_summary import statement_summary_csv

    summary = summarise(bank, checked(bank, assessment))
    return {"summary": summary, "csv": statement_summary_csv(summary)}


def merge(bank: Bank, payload: Payload) -> Payload:
    """Merge officers' files: {"files": [{"name", "text"}], "themes"?: {name: [theme]}, "take"?: {key: name},
    "prefer"?, "other_councils"?: [code or name]} -> {"merge"}: the conflicts to choose (with who and when), what
    a theme choice left out and, once no conflict is left, the merged file. A file of another council than the
    first file's is refused unless other_councils names it (engine/merge.py)."""
    from .merge import merge_assessments

    files = [(f["name"], f["text"]) for f in payload["files"]]
    return {
        "merge": merge_assessments(
            bank,
            files,
            themes=payload.get("themes"),
            take=payload.get("take"),
            prefer=payload.get("prefer"),
            other_councils=payload.get("other_councils"),
        )
    }


def export_themes(bank: Bank, payload: Payload) -> Payload:
    """A contributor's file: {"assessment", "themes"} (or "contributor", for the themes assigned to them) ->
    {"assessment", "themes"}."""
    from .sharing import export_themes, themes_of

    data = payload["assessment"]
    themes = payload.get("themes") or themes_of(bank, payload.get("contributor", ""), data.get("assignments") or {})
    return {"assessment": export_themes(bank, data, themes), "themes": themes}


def export_without_names(bank: Bank, assessment: Assessment | Payload) -> Payload:
    """The assessment for people outside the team, without who changed what and when: {"assessment"}."""
    from .sharing import without_names

    return {"assessment": without_names(checked(bank, assessment).to_dict())}


def next_year(bank: Bank, payload: Payload) -> Payload:
    """This year's assessment from last year's: {"assessment", "today", "again"?} -> {"assessment"}, in this bank's
    form. "again" starts a new year from a file itself started less than half a year ago, which is otherwise
    refused: it is this year's already (engine/next_year.py)."""
    from .next_year import next_year

    assessment = checked(bank, payload["assessment"])
    again = payload.get("again") is True
    return {"assessment": next_year(assessment, payload["today"], bank_version=bank.version, again=again)}


def compare(bank: Bank, payload: Payload) -> Payload:
    """Score and compare many files at once: {"files": [{"name", "text"}], "options"?, "filter"?, "skipped"?} -> the
    comparison of them all and, given a filter {"region", "type"}, the comparison of the councils it keeps
    ("shown", with their places in the list, "shown_files"): the medians then describe those councils only.
    Files are told apart by their place in the list, never by name (two may share one).

    options: group_by ("type", "none" or "custom"), shareable (bool), min_group (int), custom (the groups of
    group_by "custom": [{"id", "title", "kind", "codes", "method"?}], from groups_csv or similar), focus (a council's
    register or GSS code: where it stands in its group, in words). skipped: files
    the caller could not even read, in the comparison's form (comparison.skipped_file), listed first. Files may be
    whole assessments or benchmark contributions (contribution.py).
    """
    from .comparison.compare import read_compared

    everything = _comparison(bank, payload)
    wanted = payload.get("filter") or {}
    region, ctype = wanted.get("region") or "", wanted.get("type") or ""
    if not (region or ctype):
        return {"comparison": everything, "shown": everything, "shown_files": list(range(len(payload["files"])))}
    keep = []
    for place, f in enumerate(payload["files"]):
        try:
            council = read_compared(bank, f["text"]).council
        except AssessmentError:
            continue  # listed as skipped in the comparison of them all
        if (not region or council.region == region) and (not ctype or council.type == ctype):
            keep.append(place)
    chosen = {**payload, "files": [payload["files"][place] for place in keep]}
    return {"comparison": everything, "shown": _comparison(bank, chosen), "shown_files": keep}


def compare_csv(bank: Bank, payload: Payload) -> Payload:
    """The comparison's CSV: of a comparison already made {"comparison"}, or of files compared here (as compare's
    payload, for a shared export) -> {"csv"}."""
    from .csv_export import comparison_csv

    comparison = payload["comparison"] if "comparison" in payload else _comparison(bank, payload)
    return {"csv": comparison_csv(comparison)}


def _comparison(bank: Bank, payload: Payload) -> Any:
    from .comparison import GROUP_BY, MIN_GROUP, compare_files

    options = dict(payload.get("options") or {})
    problems = [
        Message("comparison_option_unknown", {"option": name})
        for name in sorted(set(options) - set(COMPARISON_OPTIONS))
    ]
    if options.get("group_by", "type") not in GROUP_BY:
        problems.append(Message("comparison_group_by_bad", {"choices": list(GROUP_BY)}))
    min_group = options.get("min_group", MIN_GROUP)
    if isinstance(min_group, bool) or not isinstance(min_group, int) or min_group < 1:
        problems.append(Message("comparison_min_group_bad"))
    custom = options.get("custom", [])
    if not _groups_shaped(custom) or (options.get("group_by") == "custom") != bool(custom):
        problems.append(Message("comparison_custom_bad"))
    if not isinstance(options.get("focus", ""), str):
        problems.append(Message("comparison_focus_bad"))
    if problems:
        raise AssessmentError(problems)
    files = [(f["name"], f["text"]) for f in payload["files"]]
    return compare_files(bank, files, skipped=payload.get("skipped"), **options)


def _groups_shaped(groups: Any) -> bool:
    """Custom groups as groups_csv and similar return them."""
    return isinstance(groups, list) and all(
        isinstance(g, dict)
        and all(isinstance(g.get(k), str) and g[k] for k in ("id", "title", "kind"))
        and isinstance(g.get("codes"), list)
        and all(isinstance(c, str) for c in g["codes"])
        and all(isinstance(m, str) for m in g.get("method", []))
        for g in groups
    )


def contribute(bank: Bank, payload: Payload) -> Payload:
    """A benchmark contribution of a signed-off assessment: {"assessment", "include"?: [what else to send]} ->
    {"contribution"} (contribution.py; AssessmentError when it is not signed off)."""
    from .contribution import make_contribution

    assessment = checked(bank, payload["assessment"])
    include = payload.get("include") or []
    return {"contribution": make_contribution(bank, assessment, score_assessment(bank, assessment), include)}


def similar(bank: Bank, payload: Payload) -> Payload:
    """A council's similar councils: {"councils": the register's figures, "code", "chosen"?: [codes]} ->
    {"similar": how they were found, each with its figures and distance; "group": the council and them as a
    custom group for compare (the ``chosen`` codes instead, when a coordinator gives their own list); "csv": the
    computed list as a groups file to edit}."""
    from .comparison.similar import similar_councils, similar_group
    from .csv_export import similar_csv

    found = similar_councils(bank, payload["councils"], payload["code"])
    group = similar_group(found, payload.get("chosen"))
    return {"similar": found, "group": group, "csv": similar_csv(found, similar_group(found))}


def groups_csv(bank: Bank, payload: Payload) -> Payload:
    """A coordinator's groups file: {"text", "name"} -> {"groups"} (comparison/groups_file.py)."""
    from .comparison.groups_file import read_groups_csv

    return {"groups": read_groups_csv(payload["text"], payload["name"])}


def open_figures(bank: Bank, payload: Payload) -> Payload:
    """Open figures of files compared as compare's payload, plus {"min_group"?, "earlier"?: [earlier releases'
    figures JSON], "licence"?, "title"?} -> {"figures" (the JSON), "csv", "dictionary" (CSV), "readme" (text),
    "skipped" (the files that could not be compared, as compare lists them)}."""
    from .comparison import MIN_GROUP
    from .comparison.open_figures import DEFAULT_LICENCE, open_figures
    from .csv_export import dictionary_csv, open_figures_csv
    from .wording import open_figures_readme

    min_group = payload.get("min_group", MIN_GROUP)
    if isinstance(min_group, bool) or not isinstance(min_group, int) or min_group < 1:
        raise AssessmentError([Message("comparison_min_group_bad")])
    # Open figures hide what they must themselves (disclosure.py): from a comparison hidden for sharing, whose small
    # groups' scores are already blanked, those councils would not be counted at all.
    options = {k: v for k, v in (payload.get("options") or {}).items() if k not in ("shareable", "min_group")}
    comparison = _comparison(bank, {**payload, "options": options})
    figures = open_figures(
        comparison,
        min_group,
        payload.get("earlier") or [],
        licence=payload.get("licence") or DEFAULT_LICENCE,
        title=payload.get("title") or "",
    )
    return {
        "figures": figures,
        "csv": open_figures_csv(figures),
        "dictionary": dictionary_csv(figures),
        "readme": open_figures_readme(figures),
        "skipped": comparison["skipped"],
    }


def sign_off(bank: Bank, payload: Payload) -> Payload:
    """Sign an assessment off: {"assessment", "sign_off": {"name", "role", "date"}} -> {"sign_off"}: the sign-off
    with the digest of what it signs (engine/signing.py), to store in the file as it is; AssessmentError if the
    name, role or date cannot be used."""
    from .signing import sign

    data = dict(payload["assessment"])
    data["sign_off"] = {k: payload["sign_off"].get(k) for k in ("name", "role", "date")}
    assessment = checked(bank, data)
    if assessment.cycle.sign_off is None:  # set aside: name, role or date unusable
        _entry, why = assessment.cycle.set_aside["sign_off"]
        raise AssessmentError(why)
    return {"sign_off": sign(assessment)}


def verify(bank: Bank, assessment: Assessment | Payload) -> Payload:
    """Whether a file still matches its sign-off's digest, and what changed since: {"check"} (signing.check)."""
    from .signing import check

    return {"check": check(checked(bank, assessment))}


def review_start(bank: Bank, assessment: Assessment | Payload) -> Payload:
    """An empty peer review file of an assessment, naming it, and what the reviewer marks (engine/review.py):
    {"review", "sheet": each answer with its question, evidence and the answers it offers}."""
    from .review import review_sheet, start_review
    from .scoring import council_profile

    found = checked(bank, assessment)
    return {"review": start_review(found), "sheet": review_sheet(bank, found, council_profile(bank, found)[0])}


def review_sign(bank: Bank, payload: Payload) -> Payload:
    """The reviewer's review file as it is exported, checked against the assessment it reviews: {"assessment",
    "review": the file with its marks, verified evidence and sign-off} -> {"review"}; AssessmentError says what
    cannot be used (a comment with markup, a date still to come, an answer the question does not offer)."""
    from .review import read_review

    return {"review": read_review(bank, checked(bank, payload["assessment"]), payload["review"])}


def review_merge(bank: Bank, payload: Payload) -> Payload:
    """A review file into the assessment it reviews: {"assessment", "text" (the review file's text or bytes),
    "accept"?: [question ids], "reject"?: {question id: reply}} -> {"assessment", "peer_review"}: every mark kept,
    challenges open unless decided here, verified evidence marked so; AssessmentError, nothing changed, when the
    review is of another assessment or cannot be used (engine/review.py)."""
    from .review import merge_review, peer_review
    from .scoring import council_profile

    assessment = checked(bank, payload["assessment"])
    text = payload["text"]
    merged = load_assessment(
        merge_review(bank, assessment, text, payload.get("accept") or [], payload.get("reject") or {}), bank
    )
    return {"assessment": merged.to_dict(), "peer_review": peer_review(bank, merged, council_profile(bank, merged)[0])}


def review_decide(bank: Bank, payload: Payload) -> Payload:
    """The lead's decisions on open challenges: {"assessment", "accept"?: [question ids], "reject"?: {question id:
    reply}, "by"?: the lead's name} -> {"assessment", "peer_review"}. Accepting takes the proposed answer, the record
    of changes naming the reviewer; rejecting keeps the reply."""
    from .review import decide, peer_review
    from .scoring import council_profile

    assessment = checked(bank, payload["assessment"])
    decided = load_assessment(
        decide(bank, assessment, payload.get("accept") or [], payload.get("reject") or {}, by=payload.get("by") or ""),
        bank,
    )
    return {
        "assessment": decided.to_dict(),
        "peer_review": peer_review(bank, decided, council_profile(bank, decided)[0]),
    }


def review_status(bank: Bank, assessment: Assessment | Payload) -> Payload:
    """The peer review marks an assessment holds: {"peer_review"} (None when it holds none; result.PeerReview)."""
    from .review import peer_review
    from .scoring import council_profile

    found = checked(bank, assessment)
    return {"peer_review": peer_review(bank, found, council_profile(bank, found)[0])}
