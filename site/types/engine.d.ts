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
  contradictions: Result.Contradiction[];
  duties_by_date: Result.DutyByDate[];
  evidence: Result.EvidenceShare;
  action_plan: Result.PlanEntry[];
  sign_off: Result.SignOff;
  /** Whether the assessment still matches its sign-off's digest (engine/signing.py), and what changed since. */
  sign_off_check: {
    signed: boolean;
    /** The digest stored at sign-off; empty when none. */
    digest: string;
    /** null when there is no digest to check. */
    matches: boolean | null;
    /** The signed parts that changed (answers, notes, evidence, ...). */
    changed: string[];
    /** Entries the record of changes shows changed after the sign-off, with when and by whom. */
    entries: string[];
    /** One sentence for the officer. */
    message: string;
  };
  since_last_year: Result.SinceLastYear;
  review: Result.ReviewEntry[];
  /** The peer review marks the assessment holds (engine/review.py); null when it holds none. */
  peer_review: Result.PeerReview | null;
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
  /** No score while any theme that applies has no answers at all; no tier until every theme that applies is rated. */
  type Overall = {
    /** The themes' scores weighted by theme weight x the share of each theme that applies. */
    score: Result.Score;
    /** No more than rules.weakest_link tiers above the weakest theme's, and never above a theme with a legal duty not met. */
    tier: Result.Level;
    /** The highest residual risk of the themes; null while any theme that applies is not started or still needs its local context answered (it could carry the highest risk). */
    risk: Result.Level;
    risk_rated_themes: Result.Count;
    coverage: Result.Coverage;
    provisional: boolean;
    themes_not_started: Result.Id[];
    /** Legal duties not met or contradicted. */
    failed_gates: Result.Count;
    tier_from_score: Result.Level;
    caps: ("weakest_link" | "duty_not_met")[];
    /** The weakest rated theme (lowest tier, then lowest score), named beside the overall. */
    weakest: Result.WeakestTheme | null;
    weakest_note: string;
    /** Why there is no tier, or what holds it where it is; empty otherwise. */
    rating_note: string;
    not_risk_rated: Result.Id[];
    not_rated: Result.NotRatedTheme[];
  };
  type Gate = {
    question: Result.Id;
    law: string;
    /** contradicted: answered as met but another answer says otherwise (caps like not_met); met_not_evidenced: answered as met without documented-or-better, in-date evidence (caps at rules.evidence.cap); not_evidenced: not answered (the theme is not rated); not_in_force: the duty came into force after the assessment's date. */
    status: "met" | "met_not_evidenced" | "not_met" | "contradicted" | "not_evidenced" | "not_applicable" | "not_in_force";
    /** The date the duty came into force in the council's nation (legal_status.yaml); null where not verified (treated as in force). */
    in_force_from: string | null;
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
    /** Why the exposure is higher than the answer reads ("none known" without a dated source). */
    exposure_note?: string;
    /** Why a legal duty or essential control answered as met is met, not evidenced, or why the answer's evidence counts for less than it says (short of what its strength needs, or stale). */
    evidence_note?: string;
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
    /** The share of the theme's weight answered, a question's follow-ups counted with it; null when nothing counts. */
    answered_weight: number | null;
    score: Result.Score;
    /** The score of the answers whose evidence counts (documented or better, in date), out of the same weight: never above score. */
    evidenced_score: Result.Score;
    /** Whether the theme has a tier (and, with its local context, a residual risk). */
    rated: boolean;
    /** Why not: no answers; under rules.evidence_before_tier; or waiting for a duty, an essential control or a check on a duty's answer. */
    not_rated: "not_started" | "not_enough_answered" | "waiting" | null;
    /** The same as a sentence; empty when rated. */
    rating_note: string;
    waiting_for: Result.WaitingFor[];
    /** Held down by caps (a legal duty or essential control not met); null when not rated. */
    tier: Result.Level;
    uncapped_tier: Result.Level;
    caps: ("duty_not_met" | "duty_contradicted" | "essential_not_met" | "not_evidenced")[];
    /** What holds the tier down, to show beside it: "Legal duty not met". */
    tier_note: string;
    exposure: Result.Level;
    /** Residual risk: exposure against tier. */
    risk: Result.Level;
    /** False when no local context question applies to this council: the theme is not risk-rated. */
    risk_rated: boolean;
    provisional: boolean;
    complete: boolean;
    gates: Result.Gate[];
    gate_failed: boolean;
    essentials: Result.Essential[];
    context_answered: Result.Count;
    context_asked: Result.Count;
    /** Local-context questions (on this or another theme's page) still to answer before this theme's exposure is rated. */
    context_needed: ({
      question: string;
      theme: string;
    })[];
    weight_possible: number;
    /** Its weight in the overall: theme weight x the share of the theme that applies to the council. */
    overall_weight: number;
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
    reason: "unknown_question" | "unknown_option" | "kept_aside";
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
    /** How many answers and notes are set aside in all; set_aside lists the first 100, in id order. */
    set_aside_total: number;
    /** Entries of the yearly cycle that cannot be used (a date of 20266-01-05, a name that is not one line of visible text): kept in the file as they were, not used, reported. */
    entries_set_aside: ({
      /** evidence.ID, action_plan.ID, assignments.KEY, sign_off or previous. */
      key: string;
      problems: string[];
      /** What the officer is told. */
      message: string;
    })[];
    /** Provenance times after now (a clock set wrong, an edited file), taken as now when the file was read. */
    times_taken_as_now: ({
      key: string;
      /** The time the file gave. */
      at: string;
      /** What the officer is told. */
      message: string;
    })[];
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
    /** Points the theme score would rise with this answer alone made best. */
    gain: number;
    /** The laws whose statutory gate this answer decides, or puts in doubt by contradicting it. */
    gates: string[];
    risk_after: Result.Level;
    tier_after: Result.Level;
    theme_tier: Result.Level;
    guidance: string[];
    /** page.md#tier-<tier id> */
    next_tier_guidance: string;
    plan: Result.PlanFields;
    /** rules.actions.parts: duties and essential controls not met; gaps the answers show; questions to answer. */
    part: "not_met" | "gaps" | "to_answer";
    /** What the follow-up questions this answer opens could add on top, answered best. */
    follow_up_gain: number;
    /** The essential control this question is, when not in place or not answered; empty otherwise. */
    essential: string;
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
    action_parts: Result.Names;
    action_part_descriptions: Result.Names;
    tier_names_note: string;
    not_risk_rated: string;
  };
  /** Of the questions answered (not 'not applicable'), how many have evidence; how many count (documented or better, in date: evidenced), how many are stale, and how many count as each strength, with its share of the evidence given. */
  type EvidenceShare = {
    answered: Result.Count;
    with_evidence: Result.Count;
    share: number | null;
    evidenced: Result.Count;
    /** Of the questions answered, the share whose evidence counts. */
    evidenced_share: number | null;
    stale: Result.Count;
    /** Strength id -> how many answers' evidence counts as it, and the share of the evidence given. */
    strengths: { [key: string]: {
      count: Result.Count;
      share: number | null;
    } };
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
    digest?: string;
    parts?: { [key: string]: string };
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
  type PeerReview = {
    /** Each reviewer: name, organisation. */
    reviewers: string[];
    agreed: number;
    challenged: number;
    /** Challenges not yet accepted or rejected. */
    open: number;
    accepted: number;
    rejected: number;
    /** Evidence items marked independently verified. */
    verified: number;
    /** Open ones first, then the rest; bank order within each. */
    challenges: Result.ChallengeEntry[];
    message: string;
  };
  /** A peer reviewer's challenge to an answer, and the lead's decision on it. */
  type ChallengeEntry = {
    question: string;
    theme: string;
    text: string;
    /** The answer now, in words. */
    answer: string;
    /** The answer the reviewer proposes, in words; empty when none. */
    proposed: string;
    comment: string;
    /** Name, organisation. */
    reviewer: string;
    date: string;
    decision: "open" | "accepted" | "rejected";
    /** The lead's reply to a rejected challenge; empty otherwise. */
    reply: string;
    message: string;
  };
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
    /** This year's figure less last year's; null when either is missing. */
    change: number | null;
    /** This year's figure in words, with its share: "9 (75% of 12)", "not given". */
    text: string;
    /** Last year's figure and the change since, in words. */
    trend: string;
  };
  type IndicatorEntry = {
    id: string;
    title: string;
    /** What to count and where the figures are, in the council's nation's wording. */
    help: string;
    theme: Result.Id;
    /** The outcome's name; empty when the indicator is tied to a duty only. */
    outcome: string;
    /** The duty in the council's nation; empty for none. */
    duty: string;
    guidance: string;
    period: Result.IndicatorPeriod;
    previous_period: Result.IndicatorPeriod;
    /** The period a new entry covers unless the officer says otherwise: the year after last year's period, or the last financial year ended by the assessment date. */
    suggested_period: {
      from: string;
      to: string;
    };
    /** The period in words ("1 April 2025 to 31 March 2026"); empty when not given. */
    period_text: string;
    /** Last year's period in words; empty when there is none. */
    previous_period_text: string;
    note: string;
    /** How many of its counts have a figure this year. */
    recorded: number;
    /** Why this year's figures are set aside (kept in the file, not used); empty when they are usable. */
    problems: string[];
    counts: Result.IndicatorCount[];
  };
  type Essential = {
    question: Result.Id;
    control: string;
    status: "met" | "met_not_evidenced" | "not_met" | "not_evidenced" | "not_applicable";
  };
  type WaitingFor = {
    question: Result.Id;
    /** A legal duty, an essential control, or a question that could contradict a duty's answer. */
    why: "duty" | "essential" | "check";
  };
  type WeakestTheme = {
    theme: Result.Id;
    title: string;
    tier: Result.Id;
    score: number;
  };
  type NotRatedTheme = {
    theme: Result.Id;
    title: string;
    why: "not_started" | "not_enough_answered" | "waiting";
  };
  type ContradictionSide = {
    question: Result.Id;
    theme: Result.Id;
    answer: string;
  };
  /** Two answers that cannot both be true (scoring.yaml contradictions). */
  type Contradiction = {
    id: Result.Id;
    when: Result.ContradictionSide;
    claims: Result.ContradictionSide;
    themes: Result.Id[];
    message: string;
    /** The law of the duty it puts in doubt; empty when the claim is not a legal duty. */
    duty: string;
  };
  type DutyByDate = {
    question: Result.Id;
    theme: Result.Id;
    law: string;
    in_force_from: string;
    status: "not_yet_in_force" | "new_since_last_year";
    message: string;
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
  labels: Comparison.Labels;
  /** Each evidence strength's name by id, weakest first (scoring.yaml rules.evidence.strengths). */
  evidence_strengths: { [key: string]: string };
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
  coverage: Comparison.CoverageRow[];
  /** like_with_like as sentences for people. */
  notes: string[];
  trends: Comparison.Trend[];
  skipped: Comparison.Skipped[];
  /** The outcome indicators rows may carry, in bank order. */
  indicators: Comparison.IndicatorColumn[];
  group_trends: Comparison.GroupTrend[];
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
    action_parts: Comparison.Names;
    action_part_descriptions: Comparison.Names;
    tier_names_note: string;
    not_risk_rated: string;
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
    /** A report for sharing hides this score: it is a group figure drawn from too few councils (the tier is shown). */
    hidden: boolean;
    score: Comparison.Score;
    tier: Comparison.Band;
    /** Whether it has a tier: a theme with enough answered, the overall with every theme rated. */
    rated: boolean;
    /** Why it is not rated, or what holds its tier; empty when neither. */
    note: string;
    risk: Comparison.Band;
    coverage: Comparison.Coverage;
    provisional: boolean;
    /** Score minus the median of the council's group; null without either, or when a shareable report hides that median. */
    gap: Comparison.Signed;
  };
  type RowTheme = {
    /** A report for sharing hides this score: it is a group figure drawn from too few councils (the tier is shown). */
    hidden: boolean;
    id: Comparison.Id;
    score: Comparison.Score;
    tier: Comparison.Band;
    /** Whether it has a tier: a theme with enough answered, the overall with every theme rated. */
    rated: boolean;
    /** Why it is not rated, or what holds its tier; empty when neither. */
    note: string;
    risk: Comparison.Band;
    coverage: Comparison.Coverage;
    provisional: boolean;
    gap: Comparison.Signed;
    asked: Comparison.Count;
    answered: Comparison.Count;
  };
  type Row = {
    /** The council's evidence in shares only, never its text: of the questions answered, how many have evidence; of the evidence given, the share at each strength (null when none is given, or from a contribution, which carries no strengths). */
    evidence: {
      answered: number;
      with_evidence: number;
      share: number | null;
      strengths: { [key: string]: number | null };
    };
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
    /** Rated but provisional (not every question answered): counted, and flagged. */
    provisional_counted: Comparison.Count;
    /** A score without a tier (too little answered): left out of the figures. */
    not_rated_left_out: Comparison.Count;
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
    answered: Comparison.Count;
    overall_note: string;
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
    /** A report for sharing hides this score: it is a group figure drawn from too few councils (the tier is shown). */
    hidden: boolean;
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
  type MissingTheme = {
    theme: Comparison.Id;
    title: string;
    why: "not_started" | "not_enough_answered" | "waiting";
    answered: Comparison.Count;
    asked: Comparison.Count;
    note: string;
  };
  /** For coordinators: what a council's latest assessment still lacks before it can be rated. */
  type CoverageRow = {
    key: string;
    council: string;
    assessment_date: Comparison.Date;
    coverage: Comparison.Coverage;
    rated_themes: Comparison.Count;
    themes: Comparison.Count;
    missing: Comparison.MissingTheme[];
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
    /** Whether its score counts in the group's figures: rated (a score with a tier), provisional or not; a score without a tier is not rated and left out. */
    counted: boolean;
    /** Not every question answered: counted when rated, and flagged. */
    provisional: boolean;
    /** Why it is not rated, or what holds its tier; empty when neither. */
    note: string;
    /** A report for sharing hides the council's own score of a group figure drawn from too few councils (its tier is shown). */
    score_hidden: boolean;
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
  /** Question id -> the evidence behind its answer, and its strength. */
  evidence?: { [key: string]: {
    /** A web address (https:// or http://) where the evidence is. */
    link?: string;
    /** A document's name, number or file path. */
    reference?: string;
    /** The date of the evidence. */
    date?: string;
    /** What the evidence is (questions/scoring.yaml rules.evidence): asserted (no document), documented (a policy, procedure or record, with its date), tested (an audit, dip-sample or exercise, with its date and result) or independently_verified (seen by a named reviewer from outside the service, with the date). An item short of what its strength needs counts as the strongest it shows; an item without a strength counts as documented with a document and a date, asserted otherwise. */
    strength?: "asserted" | "documented" | "tested" | "independently_verified";
    /** What a test (audit, dip-sample, exercise) found. */
    result?: string;
    /** Who saw the evidence from outside the service (name and organisation), on one line. */
    reviewer?: string;
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
  /** Who signed the assessment off, in what role, and when; and the digest of what they signed. */
  sign_off?: {
    /** SHA-256 of the signed form at sign-off (scorecard/engine/signing.py): the file less provenance, assignments, format and the digests, answers cleared and blank notes left out, as JSON with sorted keys, no spaces, UTF-8. Proves the signed parts are unchanged since; not who signed (it is not a signature). */
    digest?: string;
    name: string;
    role: string;
    date: string;
    /** Part of the signed form (answers, notes, evidence, ...) -> its own SHA-256, so a check can say which part changed. */
    parts?: { [key: string]: string };
  };
  /** Theme id or question id -> the contributor asked to answer it. */
  assignments?: { [key: string]: string };
  /** Theme id -> the tier the council aims for in that theme, its own target: shown against its path in comparisons and their trends. */
  targets?: { [key: string]: string };
  /** Question id -> a peer reviewer's mark on its answer (agree, or challenge with a comment and a proposed answer), who made it and when, and the lead's decision on a challenge: open, accepted, or rejected with a reply (engine/review.py). */
  review_marks?: { [key: string]: {
    mark: "agree" | "challenge";
    /** Plain text: no markup, no control characters but line breaks and tabs. */
    comment?: string;
    /** The answer the reviewer proposes (a challenge only): an option id, or a list of them. */
    proposed?: string | string[];
    /** The answer challenged, as it was when the review was merged (a challenge only): an option id, or a list of them. Accepting the challenge replaces the answer; this keeps what was challenged. */
    answer?: string | string[];
    reviewer: string;
    organisation: string;
    date: string;
    /** A challenge only. */
    decision?: "open" | "accepted" | "rejected";
    /** The lead's reply to a rejected challenge (a right of reply). */
    reply?: string;
  } };
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
  /** One of the engine's sentences, one line. */
  type Note = string;
  /** The overall: a score once every theme that applies has answers, a tier only once every theme is rated. */
  type Overall = {
    score: Contribution.Score;
    tier: Contribution.Tier;
    coverage: Contribution.Coverage;
    /** Not every question answered: rated all the same, and flagged. */
    provisional: boolean;
    /** Why the overall has no tier, or what holds it where it is; empty when neither. */
    rating_note: Contribution.Note;
  };
  /** A theme's figures. A score without a tier is not rated (not_rated says why): a comparison shows it as not rated and leaves it out of every group figure. */
  type Theme = {
    id: string;
    score: Contribution.Score;
    tier: Contribution.Tier;
    /** Why a theme that applies has no tier: no answers, not enough answered to rate, or waiting for a legal duty, an essential control or a check to be answered; null when it is rated or has nothing to rate. */
    not_rated: "not_started" | "not_enough_answered" | "waiting" | null;
    /** not_rated as a sentence; empty when rated. */
    rating_note: Contribution.Note;
    /** What holds the tier down whatever the score (a legal duty not met, an essential control not in place); empty when nothing does. */
    tier_note: Contribution.Note;
    coverage: Contribution.Coverage;
    /** A score with questions still unanswered: counted where rated, and flagged. */
    provisional: boolean;
    /** Questions that count for the council in this theme. */
    asked: number;
    answered: number;
    /** Of those asked, answered "not applicable". */
    not_applicable: number;
    /** Follow-up questions not asked after the answer that leads to them. */
    not_asked: number;
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

// review.schema.json
/** A peer reviewer's marks on one assessment, and nothing else: agree or challenge per answer, evidence seen and independently verified, and the review's sign-off. Started by `scorecard review start` or the site's review mode, merged by `scorecard review merge` (engine/review.py), which refuses a review of another council, bank version, assessment date or answers. */
interface ReviewFile {
  format: "scorecard-review";
  format_version: 1;
  /** The assessment reviewed: a review is merged only into the assessment it names. */
  assessment: {
    council: {
      name: string;
      code?: string;
      ons_code?: string;
    };
    bank_version: string;
    assessment_date: string;
    /** SHA-256 of the assessment's answers (cleared ones left out) in the sign-off's canonical form (engine/signing.py): sorted keys, no spaces, UTF-8. */
    answers_digest: string;
  };
  /** Question id -> the reviewer's mark on its answer. */
  marks: { [key: string]: {
    mark: "agree" | "challenge";
    /** Plain text: no markup, no control characters but line breaks and tabs. */
    comment?: string;
    /** A challenge's proposed answer: an option id, or a list of them. */
    proposed?: string | string[];
  } };
  /** Questions whose evidence the reviewer saw and marks independently verified. */
  verified?: string[];
  /** The reviewer's name, organisation and the date of the review (not after today, not before the assessment's date). Needed to merge. */
  sign_off?: {
    name: string;
    organisation: string;
    date: string;
  };
}
