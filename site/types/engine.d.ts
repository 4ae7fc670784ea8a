// The engine's files and replies as TypeScript types, for type-checking the site's JavaScript (npm run check).
// Written from scorecard/schemas/*.schema.json by `python3 -m scorecard.sitegen.js_types`: do not edit by hand
// (tests/test_js_types.py fails when it is not current). See scorecard/sitegen/js_types.py.

// result.schema.json
/** One scored assessment, as `scorecard score --format json` prints it and the site's engine returns it. Figures come from the engine; display names are in `labels`. Kept in step with the TypedDicts in scorecard/engine/result.py by tests/test_result_schema.py. */
interface Result {
  council: Result.Council;
  assessment_date: string;
  /** The question bank that scored the assessment (the current one). */
  bank_version: string;
  /** The question bank the answers were given against. */
  assessment_bank_version: string;
  overall: Result.Overall;
  themes: Result.Theme[];
  changes: Result.Changes;
  actions: Result.Action[];
  unanswered: Result.Unanswered[];
  evidence: Result.EvidenceShare;
  action_plan: Result.PlanEntry[];
  sign_off: Result.SignOff;
  since_last_year: Result.SinceLastYear;
  review: Result.ReviewEntry[];
  /** The outcome indicators shown to this council, bank order: recorded beside the scores, never scored (engine/indicators.py). */
  indicators: Result.IndicatorEntry[];
  labels: Result.Labels;
}
declare namespace Result {
  type Id = string;
  type Count = number;
  type Score = number | null;
  /** Answered or not applicable, of the questions asked; null when none is asked. */
  type Coverage = number | null;
  /** A tier, exposure or risk level id (keys of labels.tiers, labels.exposure, labels.risks); null when not rated. */
  type Level = Result.Id | null;
  type Names = { [key: string]: string };
  type Council = {
    /** May be blank: an officer's own assessment needs no name. */
    name: string;
    /** A key of labels.council_types. */
    type: Result.Id;
    /** A key of labels.nations. */
    nation: Result.Id;
    region: string;
    ons_code: string;
    /** The UK council register's code, when picked from it. */
    code: string;
    /** The functions assessed: the council type's, as changed by the council (keys of labels.functions). */
    functions: Result.Id[];
    functions_added: Result.Id[];
    functions_removed: Result.Id[];
  };
  /** Not rated (score and tier null) while any theme that applies has no answers at all. */
  type Overall = {
    score: Result.Score;
    tier: Result.Level;
    /** The highest residual risk of the themes; null while any theme that applies is not started or still needs its local context answered (it could carry the highest risk). */
    risk: Result.Level;
    risk_rated_themes: Result.Count;
    coverage: Result.Coverage;
    provisional: boolean;
    themes_not_started: Result.Id[];
    failed_gates: Result.Count;
  };
  type Gate = {
    question: Result.Id;
    law: string;
    status: "met" | "not_met" | "not_evidenced" | "not_applicable";
  };
  type Question = {
    id: Result.Id;
    status: "answered" | "not_applicable" | "unanswered" | "not_asked" | "not_for_council_type";
    /** Why a question is not asked (parent_*) or not for this council (nation, function). */
    reason?: "parent_unanswered" | "parent_closed" | "parent_not_applicable" | "nation" | "function";
    /** The nation whose wording is in use. */
    variant?: Result.Id;
    /** Of the question's weight earned; only when answered. */
    fraction?: number;
    /** A context question's exposure level. */
    exposure?: Result.Id;
  };
  type Theme = {
    id: Result.Id;
    title: string;
    asked: Result.Count;
    answered: Result.Count;
    not_applicable: Result.Count;
    unanswered: Result.Count;
    not_asked: Result.Count;
    not_for_council_type: Result.Count;
    coverage: Result.Coverage;
    score: Result.Score;
    /** Capped by a failed statutory gate. */
    tier: Result.Level;
    uncapped_tier: Result.Level;
    exposure: Result.Level;
    /** Residual risk: exposure against tier. */
    risk: Result.Level;
    provisional: boolean;
    complete: boolean;
    gates: Result.Gate[];
    gate_failed: boolean;
    context_answered: Result.Count;
    context_asked: Result.Count;
    /** Local-context questions (on this or another theme's page) still to answer before this theme's exposure is rated. */
    context_needed: ({
      question: string;
      theme: string;
    })[];
    weight_possible: number;
    questions: Result.Question[];
    evidence: Result.EvidenceShare;
    planned: Result.Planned;
  };
  type CarriedOver = {
    from: Result.Id;
    to: Result.Id;
  };
  type RetiredAnswer = {
    question: Result.Id;
    /** The answer as the file gave it. */
    answer: unknown;
    text: string;
    reason: string;
    /** A reworded question whose old answer did not carry over to it: the question now asked (else empty). */
    replaced_by: string;
    /** The theme of replaced_by (else empty). */
    theme: string;
  };
  type SetAside = {
    question: Result.Id;
    reason: "unknown_question" | "unknown_option";
    /** The answer as the file gave it (null for a note alone). */
    answer: unknown;
    note: string;
    text: string;
    theme: string;
    /** What the officer is told. */
    message: string;
  };
  type Changes = {
    version_changed: boolean;
    /** An older bank's council type id, now mapped; empty when unchanged. */
    council_type_from: string;
    carried_over: Result.CarriedOver[];
    retired: Result.RetiredAnswer[];
    /** Answers and notes the bank does not know (a question or option it no longer has): kept in the file, reported, not scored. */
    set_aside: Result.SetAside[];
  };
  type Action = {
    priority: number;
    question: Result.Id;
    theme: Result.Id;
    theme_title: string;
    text: string;
    /** The current answer, as the officer saw it. */
    current: string;
    best: string;
    /** Points the theme score would rise with the best answer. */
    gain: number;
    /** The laws whose statutory gate this answer decides. */
    gates: string[];
    risk_after: Result.Level;
    tier_after: Result.Level;
    theme_tier: Result.Level;
    guidance: string[];
    /** page.md#tier-<tier id> */
    next_tier_guidance: string;
    plan: Result.PlanFields;
  };
  type Unanswered = {
    question: Result.Id;
    theme: Result.Id;
    text: string;
  };
  type Labels = {
    tiers: Result.Names;
    exposure: Result.Names;
    risks: Result.Names;
    nations: Result.Names;
    functions: Result.Names;
    council_types: Result.Names;
    /** What "provisional" means, for a footnote. */
    provisional: string;
    /** The action plan's statuses by name (not_started, in_progress, done, not_planned). */
    plan_statuses: Result.Names;
  };
  /** Of the questions answered (not 'not applicable'), how many have evidence: a link or a document reference. */
  type EvidenceShare = {
    answered: Result.Count;
    with_evidence: Result.Count;
    share: number | null;
  };
  /** The theme once its planned actions (not started, in progress, done) are done: each answer moved to its best; null when none is planned. */
  type Planned = {
    actions: number;
    done: Result.Count;
    score: Result.Score;
    tier: Result.Level;
    risk: Result.Level;
    raises_tier: boolean;
  } | null;
  /** The file's action plan entry for this question; null when there is none. */
  type PlanFields = {
    status: "not_started" | "in_progress" | "done" | "not_planned";
    owner?: string;
    due?: string;
    reason?: string;
    note?: string;
  } | null;
  type PlanEntry = {
    question: Result.Id;
    theme: Result.Id;
    theme_title: string;
    text: string;
    current: string;
    /** null: no longer an action (answered best since) */
    priority: number | null;
    status: "not_started" | "in_progress" | "done" | "not_planned";
    owner?: string;
    due?: string;
    reason?: string;
    note?: string;
  };
  type SignOff = {
    name: string;
    role: string;
    date: string;
  } | null;
  type ScoreChange = {
    score_before: Result.Score;
    score_now: Result.Score;
    change: number | null;
    tier_before: Result.Level;
    tier_now: Result.Level;
    risk_before: Result.Level;
    risk_now: Result.Level;
  };
  type ThemeChange = {
    id: Result.Id;
    title: string;
    score_before: Result.Score;
    score_now: Result.Score;
    change: number | null;
    tier_before: Result.Level;
    tier_now: Result.Level;
    risk_before: Result.Level;
    risk_now: Result.Level;
  };
  type QuestionChange = {
    question: Result.Id;
    theme: Result.Id;
    text: string;
    before: string;
    after: string;
    before_value: unknown;
    after_value: unknown;
    direction: "better" | "worse" | "same" | "changed";
  };
  type LastYearSetAside = {
    question: Result.Id;
    answer: unknown;
  };
  /** What changed since last year's answers (the file's previous); null without them. */
  type SinceLastYear = {
    assessment_date: string;
    file: string;
    available: true;
    problems?: string[];
    bank_version: string;
    set_aside: Result.LastYearSetAside[];
    overall: Result.ScoreChange;
    themes: Result.ThemeChange[];
    questions: Result.QuestionChange[];
  } | {
    assessment_date: string;
    file: string;
    available: false;
    problems: string[];
    bank_version?: string;
    set_aside?: Result.LastYearSetAside[];
    overall?: Result.ScoreChange;
    themes?: Result.ThemeChange[];
    questions?: Result.QuestionChange[];
  } | null;
  type ReviewEntry = {
    question: Result.Id;
    theme: Result.Id;
    text: string;
    answer: string;
  };
  /** The period an indicator's counts cover; null when not given. */
  type IndicatorPeriod = {
    from: string;
    to: string;
  } | null;
  type IndicatorFigure = number | null;
  /** A count as a percentage of the count it is part of, one decimal; null when either is missing or the whole is 0. */
  type IndicatorShare = number | null;
  type IndicatorCount = {
    id: string;
    label: string;
    /** The count this one is part of (empty for none). */
    within: string;
    value: Result.IndicatorFigure;
    share: Result.IndicatorShare;
    previous: Result.IndicatorFigure;
    previous_share: Result.IndicatorShare;
  };
  type IndicatorEntry = {
    id: string;
    title: string;
    theme: Result.Id;
    /** The outcome's name; empty when the indicator is tied to a duty only. */
    outcome: string;
    /** The duty in the council's nation; empty for none. */
    duty: string;
    guidance: string;
    period: Result.IndicatorPeriod;
    previous_period: Result.IndicatorPeriod;
    note: string;
    counts: Result.IndicatorCount[];
  };
}

// comparison.schema.json
/** Many assessment files compared, as `scorecard compare --format json` prints it and the site's Compare page receives it. Every figure comes from scoring each file with the current bank. Kept in step with the TypedDicts in scorecard/engine/comparison/shapes.py by tests/test_result_schema.py. */
interface Comparison {
  format: "scorecard-comparison";
  format_version: 2;
  /** The question bank that scored every file. */
  bank_version: string;
  /** Python statistics.quantiles(method='inclusive'), Excel's QUARTILE.INC. */
  quartile_method: "inclusive";
  themes: Comparison.ThemeColumn[];
  /** The outcome indicators rows may carry, in bank order. */
  indicators: Comparison.IndicatorColumn[];
  labels: Comparison.Labels;
  counts: Comparison.Counts;
  /** type: councils grouped by nation and council type (the default); none: all in one group; custom: the groups a coordinator gave (a groups file, or a council and its similar councils). */
  group_by: "type" | "none" | "custom";
  /** The latest assessment of each council, by council name. */
  rows: Comparison.Row[];
  /** Every other assessment; gaps are to the latest assessments' medians of their group. */
  earlier: Comparison.Row[];
  /** The groups councils are compared within, in the bank's order of nations and council types; each has its own figures. */
  groups: Comparison.Group[];
  shareable: Comparison.Shareable;
  like_with_like: Comparison.LikeWithLike;
  /** like_with_like as sentences for people. */
  notes: string[];
  trends: Comparison.Trend[];
  group_trends: Comparison.GroupTrend[];
  skipped: Comparison.Skipped[];
  /** Councils in none of the custom groups given, left out of the comparison. */
  outside: Comparison.Outside[];
  /** With the focus option: the council's position in its group; null otherwise. */
  focus: null | Comparison.Position;
}
declare namespace Comparison {
  type Id = string;
  type Count = number;
  type Score = number | null;
  type Band = string | null;
  type Coverage = number | null;
  type Signed = number | null;
  type Date = string;
  type Names = { [key: string]: string };
  type ThemeColumn = {
    id: Comparison.Id;
    title: string;
  };
  type Labels = {
    tiers: Comparison.Names;
    exposure: Comparison.Names;
    risks: Comparison.Names;
    nations: Comparison.Names;
    functions: Comparison.Names;
    council_types: Comparison.Names;
    /** What "provisional" means, for a footnote. */
    provisional: string;
  };
  type Counts = {
    files: Comparison.Count;
    assessments: Comparison.Count;
    councils: Comparison.Count;
    skipped: Comparison.Count;
    /** Of the assessments, how many were benchmark contributions (figures only) rather than whole files. */
    contributions: Comparison.Count;
  };
  type Council = {
    /** May be blank: an officer's own assessment needs no name. */
    name: string;
    /** A key of labels.council_types. */
    type: Comparison.Id;
    /** A key of labels.nations. */
    nation: Comparison.Id;
    region: string;
    ons_code: string;
    /** The UK council register's code, when picked from it. */
    code: string;
    /** The functions assessed: the council type's, as changed by the council (keys of labels.functions). */
    functions: Comparison.Id[];
    functions_added: Comparison.Id[];
    functions_removed: Comparison.Id[];
  };
  type RowFigures = {
    score: Comparison.Score;
    tier: Comparison.Band;
    risk: Comparison.Band;
    coverage: Comparison.Coverage;
    provisional: boolean;
    /** Score minus the median of the council's group; null without either, or when a shareable report hides that median. */
    gap: Comparison.Signed;
  };
  type RowTheme = {
    id: Comparison.Id;
    score: Comparison.Score;
    tier: Comparison.Band;
    risk: Comparison.Band;
    coverage: Comparison.Coverage;
    provisional: boolean;
    gap: Comparison.Signed;
    asked: Comparison.Count;
    answered: Comparison.Count;
  };
  type Row = {
    /** Which council: its register code, its ONS (GSS) code, its normalised name, or the file (unnamed). */
    key: string;
    /** How the council was known: register code, GSS code, its name matched to a coded council, its name only, or nothing (an unnamed file). */
    identified_by: "code" | "ons" | "name_matched" | "name" | "file";
    file: string;
    /** What the comparison had: the whole assessment file, or a benchmark contribution (its figures only; no residual risk). */
    source: "assessment" | "contribution";
    council: Comparison.Council;
    council_type_name: string;
    nation_name: string;
    /** The id of the group this row is compared within (groups[].id). */
    group: string;
    assessment_date: Comparison.Date;
    /** The bank the answers were given against. */
    bank_version: string;
    version_changed: boolean;
    assessments: number;
    overall: Comparison.RowFigures;
    themes: Comparison.RowTheme[];
    indicators: Comparison.RowIndicator[];
  };
  type Stat = {
    id: Comparison.Id;
    title: string;
    n: Comparison.Count;
    median: Comparison.Score;
    lower_quartile: Comparison.Score;
    upper_quartile: Comparison.Score;
    min: Comparison.Score;
    max: Comparison.Score;
    provisional_left_out: Comparison.Count;
    not_asked: Comparison.Count;
    not_scored: Comparison.Count;
    /** A shareable report hid this figure's median, quartiles, lowest and highest: drawn from fewer than min_group councils. */
    hidden: boolean;
  };
  type Stats = {
    overall: Comparison.Stat;
    themes: Comparison.Stat[];
  };
  type BankVersionCount = {
    version: string;
    councils: Comparison.Count;
    assessments: Comparison.Count;
    current: boolean;
  };
  type TypeCount = {
    type: Comparison.Id;
    applicable: Comparison.Count;
    min: Comparison.Count;
    max: Comparison.Count;
  };
  type AskedDiffers = {
    id: Comparison.Id;
    title: string;
    by_type: Comparison.TypeCount[];
    by_type_differs: boolean;
  };
  type ProvisionalCouncil = {
    key: string;
    council: string;
    assessment_date: Comparison.Date;
    coverage: Comparison.Coverage;
    overall: boolean;
    scored: boolean;
    themes: Comparison.Id[];
    theme_titles: string[];
  };
  type SameDayDuplicate = {
    council: string;
    assessment_date: Comparison.Date;
    files: string[];
    used: string;
  };
  type RegionCount = {
    region: string;
    councils: Comparison.Count;
  };
  type LikeWithLike = {
    bank_versions: Comparison.BankVersionCount[];
    asked_differs: Comparison.AskedDiffers[];
    provisional: Comparison.ProvisionalCouncil[];
    functions_differ: Comparison.FunctionsDiffer[];
    identified_by_name: Comparison.KnownByName[];
    same_day_duplicates: Comparison.SameDayDuplicate[];
    regions: Comparison.RegionCount[];
  };
  type Point = {
    date: Comparison.Date;
    score: Comparison.Score;
    tier: Comparison.Band;
    coverage: Comparison.Coverage;
    provisional: boolean;
  };
  type Series = {
    points: Comparison.Point[];
    change: Comparison.Signed;
  };
  type ThemeSeries = {
    id: Comparison.Id;
    title: string;
    points: Comparison.Point[];
    change: Comparison.Signed;
    measure_changes: Comparison.MeasureChange[];
    /** The council's own target tier for the theme (its latest assessment's), or null. */
    target: Comparison.Band;
    /** How many tiers the latest tier is short of the target: 0 reached; null without a target or a tier. */
    tiers_to_target: number | null;
  };
  type AnswerChange = {
    question: Comparison.Id;
    theme: Comparison.Id;
    text: string;
    from: string;
    to: string;
  };
  type AnswerChanges = {
    from_date: Comparison.Date;
    to_date: Comparison.Date;
    /** False when one side is a contribution sent without its answers: what changed is not known (answers is then empty). */
    known: boolean;
    answers: Comparison.AnswerChange[];
  };
  type Trend = {
    key: string;
    council: string;
    council_type: Comparison.Id;
    council_types: Comparison.Id[];
    dates: Comparison.Date[];
    files: string[];
    /** For each date: a whole file or a contribution. */
    sources: ("assessment" | "contribution")[];
    bank_versions: string[];
    overall: Comparison.Series;
    themes: Comparison.ThemeSeries[];
    changes: Comparison.AnswerChanges[];
  };
  type ProblemDetail = {
    code: Comparison.Id;
    params: { [key: string]: unknown };
    message: string;
  };
  type Skipped = {
    file: string;
    reason: string;
    problems: string[];
    problem_details: Comparison.ProblemDetail[];
  };
  type Group = {
    /** nation/type, all, or a custom group's id (custom/N, similar/CODE) */
    id: string;
    title: string;
    /** Null for the one group of group_by none. */
    nation: string | null;
    type: string | null;
    councils: Comparison.Count;
    stats: Comparison.Stats;
    /** How the group was made: nation and council type, every council, a coordinator's groups file, or a council and its similar councils. */
    kind: "type" | "all" | "custom" | "similar";
    /** How a similar-councils group was chosen, as sentences; empty for other groups. */
    method: string[];
  };
  type HiddenFigures = {
    group: string;
    title: string;
    /** overall, or theme ids */
    figures: string[];
    most_counted: Comparison.Count;
  };
  type Shareable = {
    on: boolean;
    /** Figures drawn from fewer councils are hidden; null when not shareable. */
    min_group: number | null;
    hidden: Comparison.HiddenFigures[];
  };
  type FunctionsDiffer = {
    key: string;
    council: string;
    type: Comparison.Id;
    group: string;
    /** Function names the council runs beyond its type's defaults. */
    added: string[];
    removed: string[];
  };
  type KnownByName = {
    key: string;
    council: string;
    /** Matched by name to a council that has a code. */
    matched: boolean;
    files: string[];
  };
  type Outside = {
    key: string;
    council: string;
    files: string[];
  };
  /** Between these two points the bank changed what the theme measures: its scores before and after are not like for like. */
  type MeasureChange = {
    from_date: Comparison.Date;
    to_date: Comparison.Date;
    from_version: string;
    to_version: string;
  };
  type GroupYearFigure = {
    n: Comparison.Count;
    median: Comparison.Score;
    /** A report for sharing hid a median drawn from fewer than min_group councils. */
    hidden: boolean;
  };
  type GroupYearTheme = {
    id: Comparison.Id;
    n: Comparison.Count;
    median: Comparison.Score;
    hidden: boolean;
  };
  type GroupYear = {
    year: string;
    councils: Comparison.Count;
    overall: Comparison.GroupYearFigure;
    themes: Comparison.GroupYearTheme[];
  };
  type GroupMeasureChange = {
    theme: Comparison.Id;
    title: string;
    from_year: string;
    to_year: string;
  };
  /** A group's medians by year, from the latest assessment of each of its councils that year. */
  type GroupTrend = {
    group: string;
    title: string;
    years: Comparison.GroupYear[];
    measure_changes: Comparison.GroupMeasureChange[];
  };
  type PositionFigure = {
    id: string;
    title: string;
    score: Comparison.Score;
    tier: Comparison.Band;
    /** False for a theme not asked of this council. */
    asked: boolean;
    /** Whether its score counts in the group's figures (scored, not provisional). */
    counted: boolean;
    n: Comparison.Count;
    hidden: boolean;
    median: Comparison.Score;
    lower_quartile: Comparison.Score;
    upper_quartile: Comparison.Score;
    /** Councils counted with a higher score. */
    higher: number | null;
    band: "above_upper_quartile" | "upper_middle" | "at_median" | "lower_middle" | "below_lower_quartile" | null;
    target: Comparison.Band;
    tiers_to_target: number | null;
    /** The position as a sentence. */
    words: string;
  };
  /** Where one council (the focus option) stands in its group, figure by figure. */
  type Position = {
    key: string;
    council: string;
    group: string;
    group_title: string;
    figures: Comparison.PositionFigure[];
  };
  type IndicatorColumn = {
    id: string;
    title: string;
    theme: string;
    counts: Comparison.IndicatorCountColumn[];
  };
  type IndicatorCountColumn = {
    id: string;
    label: string;
    /** The count this one is part of ("" for none). */
    within: string;
  };
  /** An outcome indicator shown to the council: the period and counts it recorded (never scored). */
  type RowIndicator = {
    id: string;
    period: null | {
      from: Comparison.Date;
      to: Comparison.Date;
    };
    counts: Comparison.RowIndicatorCount[];
  };
  type RowIndicatorCount = {
    id: string;
    value: number | null;
    /** The value as a percentage of the count it is part of, one decimal. */
    share: number | null;
  };
}

// assessment.schema.json
/** One council's answers, as exported by the site and scored by `scorecard score`. Answers are checked against the question bank when scored. */
interface AssessmentFile {
  format: "scorecard-assessment";
  format_version: 1;
  council: {
    /** May be blank for an officer's own assessment. */
    name: string;
    /** A council type id from the bank's scoring.yaml (e.g. district, wales_principal, ni_district). Older files' 'london' is read as london_borough. */
    type: string;
    region?: string;
    /** ONS/GSS code, e.g. E07000234 */
    ons_code?: string;
    /** The UK council register's code, e.g. ADU */
    code?: string;
    /** The functions this council runs, where they differ from its type's defaults. */
    functions?: string[];
  };
  assessment_date: string;
  /** The question bank version the answers were given against. */
  bank_version: string;
  /** Question id -> answer. Absent or null: unanswered. "n/a": not applicable (where the question allows it). */
  answers: { [key: string]: null | string | string[] };
  notes?: { [key: string]: string };
  /** Answers kept aside so nothing is lost: to questions removed from the bank since, and answers the bank no longer knows (a question id it does not have, an option it no longer offers). Reported, not scored. */
  retired_answers?: { [key: string]: string | string[] };
  /** When each answer (key: question id), note (notes.ID), council detail (council.name, council.type, council.region, council.ons_code, council.code, council.functions) was last changed, and optionally by whom; an entry without its answer records when the answer was cleared. Also evidence.ID, action_plan.ID, review.ID (when a carried-over answer was confirmed), assignments.KEY, targets.THEME and sign_off. "assessment": when the assessment was started or replaced by an import. */
  provenance?: { [key: string]: {
    at: string;
    by?: string;
  } };
  /** Question id -> the evidence behind its answer. */
  evidence?: { [key: string]: {
    /** A web address (https:// or http://) where the evidence is. */
    link?: string;
    /** A document's name, number or file path. */
    reference?: string;
    /** The date of the evidence. */
    date?: string;
  } };
  /** Question id -> the council's plan to improve that answer. */
  action_plan?: { [key: string]: {
    owner?: string;
    /** When the action is due. */
    due?: string;
    status?: "not_started" | "in_progress" | "done" | "not_planned";
    /** Why the action is not planned (required when status is not_planned). */
    reason?: string;
    note?: string;
  } };
  /** Who signed the assessment off, in what role, and when. */
  sign_off?: {
    name: string;
    role: string;
    date: string;
  };
  /** Theme id or question id -> the contributor asked to answer it. */
  assignments?: { [key: string]: string };
  /** Theme id -> the tier the council aims for in that theme, its own target: shown against its path in comparisons and their trends. */
  targets?: { [key: string]: string };
  /** Answers carried over from last year that nobody has confirmed or changed yet. */
  review?: string[];
  /** Last year's answers (a snapshot), or the name of last year's file. */
  previous?: {
    assessment_date?: string;
    bank_version?: string;
    answers?: { [key: string]: unknown };
    notes?: { [key: string]: unknown };
    evidence?: { [key: string]: unknown };
    file?: string;
    /** Last year's outcome indicator figures, as they were recorded. */
    indicators?: { [key: string]: unknown };
  };
  /** Outcome indicators (questions/indicators.yaml): for each, the period its counts cover and the counts, whole numbers from 0; a count can never be larger than the count it is part of. Recorded beside the answers, never scored. */
  indicators?: { [key: string]: {
    from: string;
    to: string;
    counts: { [key: string]: number };
    note?: string;
  } };
}

// contribution.schema.json
/** What a council sends a coordinator from a signed-off assessment (`scorecard contribute`, or the results page's Benchmark contribution): its figures and nothing else, unless `included` names it. Written by scorecard/engine/contribution.py, which reads it back with the same rules (read_contribution); `scorecard compare` reads contributions beside whole assessment files. */
interface Contribution {
  format: "scorecard-contribution";
  format_version: 1;
  council: Contribution.Council;
  assessment_date: string;
  /** The question bank that scored the assessment; its figures are that bank's. */
  bank_version: string;
  overall: Contribution.Overall;
  /** Each theme of the bank, in the bank's order. */
  themes: Contribution.Theme[];
  /** Outcome indicators: the period and counts the council recorded (questions/indicators.yaml); each note only when notes are included. */
  indicators: { [key: string]: Contribution.Indicator };
  /** What the council chose to send besides its figures; nothing else is in the file. */
  included: ("answers" | "notes" | "evidence" | "sign_off" | "functions" | "targets")[];
  /** With answers included: the answers, as in the assessment file. */
  answers?: { [key: string]: string | string[] };
  /** With notes included: the notes, as in the assessment file. */
  notes?: { [key: string]: string };
  /** With evidence included: each answer's evidence (link, reference, date), as in the assessment file. */
  evidence?: { [key: string]: {
    link?: string;
    reference?: string;
    date?: string;
  } };
  /** With sign_off included: who signed the assessment off, in what role, and when. */
  sign_off?: {
    name: string;
    role: string;
    date: string;
  };
  /** With targets included: theme id -> the tier the council aims for. */
  targets?: { [key: string]: string };
}
declare namespace Contribution {
  /** The council's register facts, as in the assessment file; functions only when included. */
  type Council = {
    name: string;
    type: string;
    region?: string;
    ons_code?: string;
    code?: string;
    functions?: string[];
  };
  type Score = number | null;
  /** A tier id of the bank (basic, early, substantial, mature); null when not rated. */
  type Tier = string | null;
  type Coverage = number | null;
  type Overall = {
    score: Contribution.Score;
    tier: Contribution.Tier;
    coverage: Contribution.Coverage;
    provisional: boolean;
  };
  type Theme = {
    id: string;
    score: Contribution.Score;
    tier: Contribution.Tier;
    coverage: Contribution.Coverage;
    provisional: boolean;
    /** Questions that count for the council in this theme. */
    asked: number;
    answered: number;
    evidence: Contribution.EvidenceShare;
    /** A fingerprint of what the bank's theme measures (its scored questions, weights, options, conditions and gates, and the tier thresholds): equal fingerprints, equal measures. */
    measure: string;
  };
  type EvidenceShare = {
    answered: number;
    with_evidence: number;
    share: number | null;
  };
  type Indicator = {
    from: string;
    to: string;
    counts: { [key: string]: number };
    note?: string;
  };
}
