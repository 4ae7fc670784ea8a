// The early scripts' contract (site/early/, inlined in every page's <head>): what they keep, and what they give
// the rest of the page on window.scorecard. Written by hand; tsc (npm run check) holds the scripts and the
// modules to it. The engine's own shapes (AssessmentFile, Result...) are generated: engine.d.ts.

/** An assessment as the store keeps it: the file, normalised (notes, council name and type, provenance always there; no null answers). */
type StoredAssessment = Omit<AssessmentFile, "answers" | "notes" | "council" | "provenance"> & {
  answers: { [id: string]: string | string[] };
  notes: { [id: string]: string };
  council: AssessmentFile["council"] & { [field: string]: string | string[] | undefined };
  provenance: { [key: string]: Provenance };
};
/** When an entry was last changed (an ISO time), and by whom when the officer gave their name. */
type Provenance = { at: string; by?: string };
/** One piece of evidence: a link or a document reference, and its date. */
type Evidence = NonNullable<AssessmentFile["evidence"]>[string];
/** One action's plan: owner, due date, status, note, and the reason it is not planned. */
type PlanFields = NonNullable<AssessmentFile["action_plan"]>[string];
/** An outcome indicator's period, counts and note, as the site saves them (a count the engine cannot use is kept as typed). */
type IndicatorFigures = { from: string; to: string; counts: { [id: string]: number | string }; note?: string };
/** What the results page's fields for one outcome indicator hold. */
type IndicatorFields = { from: string; to: string; note: string; counts: { [id: string]: string } };
/** Whose change a subscriber hears of: this tab's, or another tab's (the storage event). */
type ChangeSource = "this-tab" | "other-tab";
/** Saved data that could not be read, with why. */
type Unreadable = { state: "unreadable"; text: string; problem: string };
/** Unreadable saved data kept aside under its own key (key "" while there was no room to keep it). */
type KeptAside = { key: string; at: string; problem: string; text: string };

/** What the store reads and writes through: a page's localStorage, or a stand-in (tests/js/). */
interface StoreEnvironment {
  /** The storage; may throw (storage turned off), which the store reports rather than passes on. */
  storage(): Pick<Storage, "getItem" | "setItem" | "removeItem" | "key" | "length">;
  /** The question bank version of this page (its <meta name="scorecard-bank-version">). */
  pageVersion(): string;
  /** The time, in milliseconds (Date.now). */
  now(): number;
}

/** window.scorecard.store (site/early/store.js): the only writer of saved data. js/store.js hands it to the modules. */
interface Store {
  /** This tab's copy of the assessment (read from storage the first time). */
  getAssessment(): StoredAssessment;
  /** Change one entry by its key ("SPC-01", "notes.SPC-01", "council.name", "evidence.SPC-01", "action_plan.SPC-01",
   * "assignments.KEY", "targets.THEME", "indicators.IND-01", "review.SPC-01", "sign_off"); undefined or "" clears it. Merged with what is stored now. */
  change(key: string, value: unknown): void;
  /** Several changes as one write. */
  changeAll(entries: [string, unknown][]): void;
  /** Why the last write failed ("" when it did not, and where the browser keeps no data at all: see storageAvailable). */
  lastSaveError(): string;
  /** Whether this browser lets the site keep data (reading it does not throw); if not, the assessment lives in the tab. */
  storageAvailable(): boolean;
  currentBankVersion(): string;
  /** Hear of every change, this tab's or another's; returns the way to stop. */
  subscribe(subscriber: (assessment: StoredAssessment, source: ChangeSource) => void): () => void;
  /** Start again: a blank assessment; the copy kept for undoing an import goes too. */
  /** Start again: deletes the assessment and all the site keeps for the officer on this device; says what. */
  clearAssessment(): { answers: number; notes: number; name: boolean; keptAside: number };
  /** Replace the assessment with `record`, keeping the one it replaces for undo; false when there was no room to keep it. */
  importAssessment(record: StoredAssessment | AssessmentFile): boolean;
  canUndoImport(): boolean;
  undoImport(): boolean;
  /** Take a set-aside answer (and its note) out of the assessment. */
  discardSetAside(...ids: string[]): void;
  /** Save the engine's carried-over reading of `sent` (the stored text it read); false when something was saved meanwhile. */
  saveCarriedOver(sent: string, carried: AssessmentFile): boolean;
  storedText(): string | null;
  needsCarryOver(): boolean;
  savedByNewerVersion(): boolean;
  keptAside(): KeptAside[];
  /** The assessment was exported as `file` now: remembered in this browser for this assessment. */
  markExported(file: string): void;
  /** When this assessment was last exported here, and whether it changed after; null if never. */
  lastExported(): { at: string; file: string; changed: boolean } | null;
  myName(): string;
  setMyName(name: string): void;
  /** Take what the engine changed in the assessment (a peer review merged, a challenge decided), entry by entry, with
   * the engine's record of who changed each; false when it could not be saved. */
  adoptChanges(record: AnyAssessment): boolean;
  /** A peer reviewer's work in progress, kept under its own key (never in the assessment saved here); null if none. */
  reviewDraft(): unknown;
  /** Keep the reviewer's work (null discards it); false when this browser keeps no data. */
  saveReviewDraft(draft: unknown): boolean;
  signOff(entry: { name: string; role: string; date: string } | null): void;
  confirmReview(id: string): void;
  /** One field of an action's plan entry, merged into the entry saved now (the page's status, for "not planned"). */
  changePlanField(id: string, name: string, value: string, pageStatus: string): void;
  /** An outcome indicator's entry, from the results page's fields for it (rules.indicatorEntry); none given clears it. */
  changeIndicator(id: string, fields: IndicatorFields): void;
  /** Let unreadable saved data go: the entry kept under `key`, or ("") the copy there was no room to keep aside. */
  discardKeptAside(key: string): void;
  /** Another tab changed the storage under `key` (null: it was cleared). */
  otherTabSaved(key: string | null): void;
}

/** window.scorecard.rules (site/early/store.js): the file's constants and pure functions, as Node's tests load them. */
interface EarlyRules {
  KEY: string;
  UNDO_KEY: string;
  ASIDE: string;
  ME_KEY: string;
  EXPORTED_KEY: string;
  FORMAT: string;
  FORMAT_VERSION: number;
  STARTED: string;
  SPACE: string;
  WEB_LINK: RegExp;
  NA: string;
  newerVersion(a: string, b: string): boolean;
  blankAssessment(bankVersion: string, startedAt: string): StoredAssessment;
  translate(catalogue: Catalogue | null, message: string, values?: { [name: string]: string | number }): string;
  translatePlural(catalogue: Catalogue | null, singular: string, plural: string, count: number, values?: { [name: string]: string | number }): string;
  shapeProblem(data: unknown): string;
  normalise(data: any): StoredAssessment;
  get(record: StoredAssessment, key: string): any;
  put(record: StoredAssessment, key: string, value: any): void;
  keysOf(record: StoredAssessment): Set<string>;
  merge(mine: StoredAssessment | null, stored: StoredAssessment): { record: StoredAssessment; newer: boolean };
  instant(at: string): number;
  evidenceEntry(text: string, date: string, more?: { strength?: string; result?: string; reviewer?: string }): Evidence | undefined;
  planEntry(fields: { [name: string]: string | undefined }, saved: string | undefined): PlanFields | undefined;
  indicatorEntry(fields: IndicatorFields): IndicatorFigures | undefined;
  functionsToSave(chosen: string[], defaults: string[]): string[] | undefined;
  scoringInput(record: StoredAssessment): object;
}

/** A page's share of its language's catalogue (<script id="sc-messages">, scorecard/sitegen/i18n_site.py script_messages):
 * plural_tags are the CLDR's plural categories in the order of a plural message's forms. */
interface Catalogue {
  lang: string;
  plural_tags: string[];
  messages: { [message: string]: string | string[] };
  draft: string[];
}

/** Each question's entry in the engine's latest result, by question id. */
type QuestionEntries = Map<string, Result.Question>;

/** window.scorecard.form (site/early/form.js): a theme page's questions as saved, and as the engine asks them. */
interface EarlyForm {
  showSaved(form: ParentNode): void;
  showQuestions(form: HTMLElement, entries: QuestionEntries | null): void;
  showParsedQuestion(fieldset: HTMLElement): void;
}

/** A message from the engine's worker (site/assets/worker.mjs). */
type WorkerMessage =
  | { type: "progress"; step: string; loaded: number; total: number }
  | { type: "ready"; how: string; ms: number }
  | { type: "failed"; message: string }
  /** Not from the worker: start.js's record of the worker failing (its error event) before js/engine.js took it over. */
  | { type: "stopped"; message: string }
  | { type: "reply"; id: number; ok: boolean; [part: string]: unknown };

/** The engine's worker as site/early/start.js starts it: the messages it sent before js/engine.js took it over are kept;
 * moduleType: whether the browser read its `type: "module"` (one that does not cannot run it). */
type EarlyWorker = Worker & { early: WorkerMessage[]; moduleType: boolean };

interface Window {
  /** worker: none where the browser has no WebAssembly (start.js starts none: the engine cannot run there). */
  scorecard: {
    store: Store;
    rules: EarlyRules;
    form: EarlyForm;
    worker?: EarlyWorker;
    /** The early script's words in the page's language (site/early/store.js), as js/i18n.js's t and tn. */
    t(message: string, values?: { [name: string]: string | number }): string;
    tn(singular: string, plural: string, count: number, values?: { [name: string]: string | number }): string;
  };
}

/** Under Node (tests/js/), store.js exports its rules and createStore; in a page there is no `module`. */
declare var module: { exports: unknown };
