// The engine's operations as the site calls them (js/engine.js call(op, payload)): what each takes and what it
// returns beside `ok`. The names are scorecard/browser.py's BrowserApi.ops (tests/test_js_types.py checks); the
// result and comparison shapes are generated from their schemas (engine.d.ts). Written by hand.

/** The result of the live score (live_score): a result without the action list, the unanswered list and the action plan. */
type LiveResult = Omit<Result, "actions" | "unanswered" | "action_plan">;
/** A full result or a live one: what a page reads when it needs no action list. */
type AnyResult = Result | LiveResult;
/** An assessment as the engine takes it: as stored here, or as a file. */
type AnyAssessment = StoredAssessment | AssessmentFile;
/** A file given to the engine by name, with its text. */
type NamedFile = { name: string; text: string };
/** Options for a comparison, as the CLI's (compare --group-by, --shareable, --min-group, --groups, --similar-to). */
type CompareOptions = { group_by?: "type" | "none" | "custom"; shareable?: boolean; min_group?: number; custom?: CustomGroup[]; focus?: string };
/** A group councils are compared within: a coordinator's (groups_csv) or a council and its similar councils (similar). */
type CustomGroup = { id: string; title: string; kind: "custom" | "similar"; codes: string[]; method?: string[] };
/** A council of the register with what similar councils are found by (assets/councils.json). */
type RegisterFigures = { code: string; gss: string; name: string; nation: string; type: string; population: number | null; area: number | null };
/** A council placed among similar councils (engine/comparison/similar.py). */
type SimilarCouncil = {
  code: string; name: string; type: string; population: number; area: number; density: number;
  z_population: number; z_density: number; rank?: number; distance?: number;
};
/** A council's similar councils and how they were found. */
type Similar = {
  council: SimilarCouncil;
  count: number;
  found: number;
  basis: "type" | "functions";
  types: string[];
  candidates: number;
  left_out: { code: string; name: string }[];
  scale: { [measure: string]: { mean: number; sd: number } };
  neighbours: (SimilarCouncil & { rank: number; distance: number })[];
  method: string[];
};
/** Open figures (engine/comparison/open_figures.py): one cell per group and figure. */
type OpenFigures = {
  format: "scorecard-open-figures";
  title: string;
  bank_version: string;
  min_group: number;
  licence: string;
  attribution: string[];
  method: string[];
  groups: { id: string; title: string; kind: string; councils: number }[];
  figures: {
    group: string; group_title: string; figure: string; figure_title: string; councils_counted: number;
    provisional_counted: number | null; not_rated_left_out: number;
    published: boolean; hidden_because: string; median: number | null; lower_quartile: number | null; upper_quartile: number | null;
  }[];
};
/** A problem the engine found, with its code and parameters (engine/messages.py). */
type ProblemDetail = { code: string; params: { [name: string]: unknown }; message: string };

// Replies without a schema yet: their shapes are the engine's (engine/board.py, engine/merge.py,
// engine/import_plan.py), read here field by field.
/** The board report's headings and the words between its figures, in its language (engine/board.py WORDS); a
 * %(name)s in one is filled in by the page. */
type BoardWords = {
  summary: string;
  out_of_100: string;
  of_questions_answered: string;
  overall_score: string;
  evidence: string;
  scores_by_theme: string;
  theme: string;
  score: string;
  tier: string;
  residual_risk: string;
  answered: string;
  evidenced_score: string;
  since_last_year: string;
  when_planned: string;
  provisional: string;
  duties_and_controls: string;
  essential_control: string;
  none_not_met: string;
  contradictions: string;
  duties_by_date: string;
  top_actions: string;
  actions_owned: string;
  action: string;
  owner: string;
  due: string;
  status: string;
  no_actions: string;
  annex: string;
  terms: string;
  challenges: string;
  question: string;
  answer: string;
  note_evidence_action: string;
  answered_by: string;
  evidence_label: string;
  dated: string;
  action_label: string;
  indicators: string;
  indicators_table: string;
  indicator_and_period: string;
  count: string;
  this_year: string;
  set_aside: string;
  retired: string;
};

/** The board report's content (engine/board.py board_report), each figure already written as text. */
type BoardReport = {
  words: BoardWords;
  title: string;
  council: string;
  subtitle: string;
  assessed: string;
  headline: { score: string; tier: string; risk: string; coverage: string; status: string; weakest: string };
  since: { summary: string; overall: string; date: string; source: string; warning: string } | null;
  sign_off_digest: string;
  not_evidenced: string;
  sign_off_changed: string;
  evidence: string;
  sign_off: string;
  themes: {
    id: string;
    title: string;
    state: string;
    bar: number;
    score: string;
    evidenced: string;
    tier: string;
    tier_note: string;
    note: string;
    provisional: boolean;
    risk: string;
    coverage: string;
    evidence: string;
    change: string;
    planned: string;
  }[];
  gates: { theme: string; law: string; status: string; question: string }[];
  essentials: { theme: string; control: string; status: string; question: string }[];
  not_answered: string;
  contradictions: string;
  duties_by_date: string[];
  table_note: string;
  actions: { priority: number; part: string; question: string; text: string; theme: string; gain: string; gates: string; detail: string; owner: string; due: string; status: string }[];
  actions_owned: number;
  actions_total: number;
  review: string;
  annex: {
    id: string;
    title: string;
    questions: {
      id: string;
      text: string;
      answer: string;
      state: string;
      evidence_text: string;
      change: string;
      review: string;
      note: string;
      evidence: (Evidence & { date_long?: string; strength: string }) | null;
      action: string;
      by: string;
    }[];
  }[];
  annex_contradictions: string[];
  retired: string[];
  indicators_line: string;
  annex_indicators: { id: string; title: string; period: string; note: string; problems: string; counts: { label: string; text: string; trend: string }[] }[];
  glossary: GlossaryEntry[];
  /** The peer review in one sentence; "" when there is none. */
  peer_review: string;
  /** Each peer review challenge, open ones first (engine/review.py). */
  annex_challenges: { question: string; decision: "open" | "accepted" | "rejected"; message: string }[];
};
/** A word the reports use, in one plain sentence (engine/glossary.py). */
type GlossaryEntry = { term: string; meaning: string };
/** What importing a file would change (engine/import_plan.py import_plan), answer by answer, note by note and
 * council detail by detail: each as shown here and in the file (null: not given), and how they compare. */
type ImportPlan = {
  answers: ImportEntry[];
  notes: ImportEntry[];
  council: ImportEntry[];
  /** Evidence, actions, assignments, targets, peer review marks ("evidence.ID", "review_marks.ID"...), "sign_off", "previous". */
  parts: ImportEntry[];
  counts: { [state in ImportState]: number };
  here_has_content: boolean;
  /** The file is another council's: both councils as named, and the code or name that confirms it. */
  other_council: { here: string; file: string; confirm: string } | null;
  /** whose file it is, when it holds only the themes assigned to one person ("" otherwise) */
  contributor: string;
  /** what is offered first: merge for a contributor's file or whenever replacing would drop an answer */
  suggested_mode: "merge" | "replace";
};
type ImportState = "same" | "only_here" | "only_file" | "differ";
/** An answer or note (question, theme, text), a council detail (field, label) or another part (key, part, label). */
type ImportEntry = {
  question?: string;
  theme?: string;
  text?: string;
  field?: string;
  key?: string;
  part?: "evidence" | "action_plan" | "assignments" | "targets" | "review_marks" | "sign_off" | "previous";
  label?: string;
  here: string | null;
  file: string | null;
  state: ImportState;
  /** answers and notes: the side chosen to start with where the two differ */
  suggested?: "here" | "file";
};
/** A merge of officers' files (engine/merge.py merge_assessments). */
type MergeOutcome = {
  assessment: AssessmentFile | null;
  conflicts: MergeConflict[];
  settled: unknown[];
  files: MergeFileSummary[];
  /** Per file taken for some themes only: how much of other themes was left out, and the sentence saying so. */
  left_out: { file: string; themes: string[]; answers: number; notes: number; evidence: number; action_plan: number; review_marks: number; message: string }[];
};
/** A file in a merge: the themes taken from it (null: all), its answers, the themes it answers, whose file it is. */
type MergeFileSummary = { name: string; themes: string[] | null; answers: number; answered_themes: string[]; contributor: string };
type MergeConflict = {
  key: string;
  label: string;
  text?: string;
  assigned_to?: string;
  /** the file whose side is chosen to start with (the assignee's, else the first) */
  suggested: string;
  choices: { file: string; shown: string; by?: string; at?: string }[];
};

/** One answer a peer reviewer marks (engine/review.py review_sheet): the question as the council reads it, the
 * answer and its evidence in words, and the answers the question offers (for a proposed answer). */
type ReviewSheetEntry = {
  question: string;
  theme: string;
  theme_title: string;
  text: string;
  answer: string;
  multi: boolean;
  options: { id: string; label: string }[];
  evidence: string;
};

interface EngineOps {
  score: { payload: AnyAssessment; reply: { result: Result } };
  live_score: { payload: AnyAssessment; reply: { result: LiveResult } };
  import: { payload: { text: string; here?: AnyAssessment }; reply: { assessment: AssessmentFile; result: Result; plan: ImportPlan } };
  actions_csv: { payload: { assessment: AnyAssessment; site_url: string }; reply: { csv: string } };
  compare: {
    payload: { files: NamedFile[]; options?: CompareOptions; filter?: { region?: string; type?: string } };
    reply: { comparison: Comparison; shown: Comparison; shown_files: number[] };
  };
  compare_csv: { payload: { comparison: Comparison } | { files: NamedFile[]; options?: CompareOptions }; reply: { csv: string } };
  board_report: { payload: AnyAssessment; reply: { report: BoardReport } };
  /** The statement answers in the Modern Slavery Statement Registry's summary fields (engine/statement_summary.py). */
  statement_summary: { payload: AnyAssessment; reply: { summary: { summary: { [field: string]: unknown }; [key: string]: unknown }; csv: string } };
  merge: {
    payload: {
      files: NamedFile[];
      themes?: { [file: string]: string[] };
      take?: { [key: string]: string };
      prefer?: string;
      /** Files of another council than the first file's, confirmed by register code, GSS code or name. */
      other_councils?: string[];
    };
    reply: { merge: MergeOutcome };
  };
  export_themes: { payload: { assessment: AnyAssessment; contributor?: string; themes?: string[] }; reply: { assessment: AssessmentFile; themes: string[] } };
  set_aside: { payload: AnyAssessment; reply: { questions: string[] } };
  export_without_names: { payload: AnyAssessment; reply: { assessment: AssessmentFile } };
  next_year: { payload: { assessment: AnyAssessment; today: string; again?: boolean }; reply: { assessment: AssessmentFile } };
  contribute: { payload: { assessment: AnyAssessment; include?: string[] }; reply: { contribution: Contribution } };
  similar: { payload: { councils: RegisterFigures[]; code: string; chosen?: string[] | null }; reply: { similar: Similar; group: CustomGroup; csv: string } };
  groups_csv: { payload: { text: string; name: string }; reply: { groups: CustomGroup[] } };
  open_figures: {
    payload: { files: NamedFile[]; options?: CompareOptions; min_group?: number; earlier?: OpenFigures[]; licence?: string; title?: string };
    reply: { figures: OpenFigures; csv: string; dictionary: string; readme: string; skipped: Comparison.Skipped[] };
  };
  sign_off: { payload: { assessment: AnyAssessment; sign_off: { name: string; role: string; date: string } }; reply: { sign_off: NonNullable<AssessmentFile["sign_off"]> } };
  /** Peer review (engine/review.py): an empty review file of an assessment. */
  review_start: { payload: AnyAssessment; reply: { review: ReviewFile; sheet: ReviewSheetEntry[] } };
  /** The reviewer's review file checked against the assessment it reviews, as it is exported. */
  review_sign: { payload: { assessment: AnyAssessment; review: ReviewFile }; reply: { review: ReviewFile } };
  /** A review file's marks into the assessment it reviews; challenges open unless decided here. */
  review_merge: {
    payload: { assessment: AnyAssessment; text: string; accept?: string[]; reject?: { [question: string]: string } };
    reply: { assessment: AssessmentFile; peer_review: Result.PeerReview | null };
  };
  /** The lead's decisions on open challenges: accept (the proposed answer) or reject with a reply. */
  review_decide: {
    payload: { assessment: AnyAssessment; accept?: string[]; reject?: { [question: string]: string }; by?: string };
    reply: { assessment: AssessmentFile; peer_review: Result.PeerReview | null };
  };
}
type EngineOp = keyof EngineOps;
/** The engine's reply to `op`: what it returns, or why it could not (in words an officer reads). */
type EngineReply<Op extends EngineOp> =
  | ({ ok: true } & EngineOps[Op]["reply"])
  | { ok: false; problems: string[]; problem_details?: ProblemDetail[]; stopped?: boolean };
