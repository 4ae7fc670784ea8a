// The officer's assessment, saved in this browser only (localStorage) in the same JSON format as the
// exported file the command line scores. This is the only code that writes saved data: the modules
// reach it through window.scorecard.store (site/assets/js/store.js hands it on), the form's listeners
// (site/early/form.js) through store.change.
//
// One of the three early scripts the build inlines, in this order, in the <head> of every page
// (store.js, form.js, start.js: scorecard/sitegen/build.py, EARLY_SCRIPTS), so answers are saved from
// the first click, before the modules have loaded. The same file is loaded by Node for its tests
// (tests/js/): in a page it sets window.scorecard.store; without a document it exports its functions
// and touches nothing of a browser.
//
// One source of truth across tabs. Every change is written as a merge with what is stored now,
// question by question: each answer, note and council detail has its own time in `provenance`
// ("SPC-01", "notes.SPC-01", "council.name"), and the newest wins; clearing one leaves its time
// behind (a tombstone), so a clear is not undone by an older copy. Starting again or importing
// starts a new assessment (provenance "assessment"): what another tab still holds from before it
// no longer counts, only what was changed after it. Other tabs follow through the `storage` event.
// Saved data that cannot be read is kept aside under its own key, never overwritten, and the
// officer is told how to download it.
(() => {
  const KEY = "scorecard.assessment.v1";
  const UNDO_KEY = "scorecard.undo.v1"; // the assessment an import replaced, until it is undone or another import replaces it
  const ASIDE = "scorecard.unreadable."; // + the time: saved data that could not be read, exactly as it was
  const ME_KEY = "scorecard.me.v1"; // the officer's name in this browser, recorded with each change they make (not part of the assessment)
  // When this browser last saved the assessment as a file: {assessment: when it was started, at, file}. Not part of
  // the assessment: an officer is told on every page when they last exported it, and whether it changed since.
  const EXPORTED_KEY = "scorecard.exported.v1";
  // The file's format and version, as scorecard/engine/assessment.py writes them (tests/test_js_rules.py checks).
  const FORMAT = "scorecard-assessment";
  const FORMAT_VERSION = 1;
  const STARTED = "assessment"; // provenance key: when this assessment was started (or replaced by an import)
  // The yearly cycle's parts (scorecard/engine/cycle.py), merged entry by entry like answers:
  // "evidence.ID", "action_plan.ID", "assignments.KEY", "targets.THEME", "indicators.IND-01" (objects keyed by
  // question, theme or outcome indicator: engine/indicators.py),
  // "review.ID" (true while a carried-over answer awaits review) and "sign_off" (the whole entry).
  // "review_marks.ID": a peer reviewer's mark on an answer and the lead's decision on it (engine/review.py).
  const KEYED = ["evidence", "action_plan", "assignments", "targets", "indicators", "review_marks"];
  // A reviewer's work on another council's (or this council's) assessment: kept under its own key, never in the
  // assessment saved here, which the reviewer's browser may hold too.
  const REVIEW_KEY = "scorecard.review-draft.v1";
  // Python's whitespace (str.isspace; \s in engine/cycle.py's patterns), written out: JavaScript's \s lacks
  // \x1c-\x1f and \x85 and has \ufeff. tests/test_js_rules.py compares every character with the engine's.
  const SPACE = "\\t\\n\\v\\f\\r \\x1c-\\x1f\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000";
  // An evidence text that is a web link (else it is a document reference): engine/cycle.py's WEB_LINK.
  const WEB_LINK = new RegExp(`^https?://[^${SPACE}]+$`, "iu");
  const BLANK = new RegExp(`^[${SPACE}]*$`, "u");
  const NA = "n/a";

  // --- the words this script writes, in the page's language ---------------------------------------

  // The same catalogue as the modules' words (site/assets/js/i18n.js): the page's share of it, which the build puts
  // in <script type="application/json" id="sc-messages"> just after this script (so it is read when first needed,
  // never while this script runs); a page in the default language has none. Its words are marked with t() and tn(),
  // extracted with the modules' (babel.cfg), looked up as i18n.js's translate and translatePlural do (a Node test
  // keeps the two the same).
  /** @type {Catalogue | null | undefined} */
  let catalogue;
  function pageCatalogue() {
    if (catalogue === undefined && typeof document !== "undefined") {
      const node = document.getElementById("sc-messages");
      if (node && node.textContent) catalogue = JSON.parse(node.textContent);
      else if (document.readyState !== "loading") catalogue = null;
    }
    return catalogue || null;
  }
  /** @param {string} text @param {{ [name: string]: string | number }} values */
  const fill = (text, values) => text.replace(/%\((\w+)\)s|%%/g, (all, /** @type {string | undefined} */ name) =>
    name === undefined ? "%" : Object.hasOwn(values, name) ? String(values[name]) : all);
  /** @param {Catalogue | null} words @param {string} message @param {{ [name: string]: string | number }} [values] */
  function translate(words, message, values = {}) {
    const found = words ? words.messages[message] : undefined;
    return fill(typeof found === "string" && found ? found : message, values);
  }
  /**
   * @param {Catalogue | null} words @param {string} singular @param {string} plural @param {number} count
   * @param {{ [name: string]: string | number }} [values]
   */
  function translatePlural(words, singular, plural, count, values = {}) {
    const found = words ? words.messages[singular] : undefined;
    const form = Array.isArray(found) && words ? found[words.plural_tags.indexOf(new Intl.PluralRules(words.lang).select(count))] : undefined;
    return fill(form || (count === 1 ? singular : plural), { count, ...values });
  }
  /** @param {string} message @param {{ [name: string]: string | number }} [values] */
  const t = (message, values) => translate(pageCatalogue(), message, values);
  /** @param {string} singular @param {string} plural @param {number} count @param {{ [name: string]: string | number }} [values] */
  const tn = (singular, plural, count, values) => translatePlural(pageCatalogue(), singular, plural, count, values);

  // --- pure functions: the file's shape, and merging two copies of it ---------------------------

  /**
   * "2026.10" is newer than "2026.9": compared number by number.
   * @param {string} a
   * @param {string} b
   */
  function newerVersion(a, b) {
    const parts = (/** @type {string} */ v) => (v.match(/[0-9]+/g) || []).map(Number);
    const [x, y] = [parts(a), parts(b)];
    for (let i = 0; i < Math.max(x.length, y.length); i += 1) if ((x[i] || 0) !== (y[i] || 0)) return (x[i] || 0) > (y[i] || 0);
    return false;
  }
  /** @param {unknown} value @returns {value is Record<string, any>} */
  const isObject = (value) => value !== null && typeof value === "object" && !Array.isArray(value);
  /** @template T @param {T} value @returns {T} */
  const clone = (value) => JSON.parse(JSON.stringify(value));

  /**
   * A new, empty assessment against `bankVersion`, started at `startedAt` (an ISO time).
   * @param {string} bankVersion
   * @param {string} startedAt
   * @returns {StoredAssessment}
   */
  function blankAssessment(bankVersion, startedAt) {
    return {
      format: FORMAT,
      format_version: FORMAT_VERSION,
      council: { name: "", type: "" },
      assessment_date: startedAt.slice(0, 10),
      bank_version: bankVersion,
      answers: {},
      notes: {},
      provenance: { [STARTED]: { at: startedAt } },
    };
  }

  /**
   * What this code can merge, or why not ("" when it can); anything else is kept aside, not guessed
   * at. (Whether the answers fit the question bank is the engine's business: it sets aside what does
   * not.) Never stricter than the engine: tests/test_js_rules.py checks it against engine/assessment.py.
   * @param {unknown} data
   */
  function shapeProblem(data) {
    const all = (/** @type {unknown} */ object, /** @type {(v: any) => boolean} */ test) => isObject(object) && Object.values(object).every(test);
    const isText = (/** @type {unknown} */ x) => typeof x === "string";
    const isAnswer = (/** @type {unknown} */ v) => v === null || isText(v) || (Array.isArray(v) && v.every(isText));
    if (!isObject(data)) return t("it is not an assessment (a JSON object)");
    if (data.format !== FORMAT) return t("it is not a scorecard assessment");
    if (data.format_version !== FORMAT_VERSION) return t("it is in format version %(version)s, which this version of the site cannot read", { version: JSON.stringify(data.format_version) });
    if (!all(data.answers, isAnswer)) return t("its answers are not in the form the scorecard writes");
    if (data.notes !== undefined && !all(data.notes, isText)) return t("its notes are not text");
    const isDetail = (/** @type {unknown} */ c) => isText(c) || (Array.isArray(c) && c.every(isText)); // functions: a list
    if (data.council !== undefined && !all(data.council, isDetail)) return t("its council details are not text");
    if (data.retired_answers !== undefined && !all(data.retired_answers, isAnswer)) return t("its set-aside answers are not in the form the scorecard writes");
    if (data.provenance !== undefined && !all(data.provenance, (e) => isObject(e) && isText(e.at))) return t("its record of changes is not in the form the scorecard writes");
    if (KEYED.some((section) => data[section] !== undefined && !isObject(data[section]))) return t("its evidence, action plan, assignments, targets, outcome indicators or peer review marks are not in the form the scorecard writes");
    if (data.review !== undefined && !(Array.isArray(data.review) && data.review.every(isText))) return t("its list of answers to review is not in the form the scorecard writes");
    if (data.sign_off !== undefined && data.sign_off !== null && !isObject(data.sign_off)) return t("its sign-off is not in the form the scorecard writes");
    if (!isText(data.bank_version) || !isText(data.assessment_date)) return t("its date or question bank version is missing");
    return "";
  }

  const notJson = () => t("it is not valid JSON (it may have been cut short or edited by hand)");
  /**
   * Why a text kept aside cannot be read, in the page's language ("" if it now can).
   * @param {string} text
   */
  function problemOf(text) {
    try {
      return shapeProblem(JSON.parse(text));
    } catch (error) {
      return notJson();
    }
  }

  /**
   * A file of the right shape in the form this code keeps: notes, council name and type and
   * provenance present, no null answers. Changes `data` and returns it.
   * @param {any} data
   * @returns {StoredAssessment}
   */
  function normalise(data) {
    data.notes = data.notes || {};
    data.council = { name: "", type: "", ...(data.council || {}) };
    data.provenance = data.provenance || {};
    for (const [id, value] of Object.entries(data.answers)) if (value === null) delete data.answers[id];
    return data;
  }

  const started = (/** @type {StoredAssessment} */ record) => record.provenance[STARTED]?.at || "";
  const changedAt = (/** @type {StoredAssessment} */ record, /** @type {string} */ key) => record.provenance[key]?.at || "";
  /**
   * A provenance time as an instant (milliseconds), so times are compared as times, not as text: a file may
   * write one with an offset (09:00+05:00 is before 07:10Z). No time at all is before every time.
   * @param {string} at
   */
  function instant(at) {
    const time = Date.parse(at);
    return Number.isNaN(time) ? -Infinity : time;
  }

  /**
   * One entry of the assessment by its provenance key ("SPC-01", "notes.SPC-01", "council.name",
   * "evidence.SPC-01", "review.SPC-01", "sign_off"...); undefined when it is not there.
   * @param {StoredAssessment} record
   * @param {string} key
   * @returns {any}
   */
  function get(record, key) {
    if (key.startsWith("council.")) return record.council[key.slice(8)] || undefined;
    if (key.startsWith("notes.")) return record.notes[key.slice(6)];
    const [section, id] = key.split(".");
    if (KEYED.includes(section)) return /** @type {any} */ (record)[section]?.[id];
    if (section === "review") return (record.review || []).includes(id) ? true : undefined;
    if (key === "sign_off") return record.sign_off || undefined;
    return record.answers[key];
  }

  /**
   * Set one entry by its key (undefined takes it out). Changes `record`; provenance is the caller's.
   * @param {StoredAssessment} record
   * @param {string} key
   * @param {any} value
   */
  function put(record, key, value) {
    const field = key.slice(8);
    // name and type are always in the file (blank until given); the rest only when given
    // (functions: absent means the type's defaults).
    if (key.startsWith("council.") && value === undefined && field !== "name" && field !== "type") delete record.council[field];
    else if (key.startsWith("council.")) record.council[field] = value === undefined ? "" : value;
    else if (key.startsWith("notes.")) value === undefined ? delete record.notes[key.slice(6)] : (record.notes[key.slice(6)] = value);
    else if (KEYED.includes(key.split(".")[0])) putKeyed(record, key.split(".")[0], key.split(".")[1], value);
    else if (key.startsWith("review.")) {
      const rest = (record.review || []).filter((other) => other !== key.slice(7));
      if (value) rest.push(key.slice(7));
      if (rest.length) record.review = rest;
      else delete record.review;
    } else if (key === "sign_off") {
      if (value === undefined) delete record.sign_off;
      else record.sign_off = clone(value);
    } else value === undefined ? delete record.answers[key] : (record.answers[key] = value);
  }

  /**
   * @param {StoredAssessment} record
   * @param {string} section
   * @param {string} id
   * @param {any} value
   */
  function putKeyed(record, section, id, value) {
    const all = /** @type {Record<string, Record<string, any>>} */ (/** @type {unknown} */ (record));
    all[section] = all[section] || {};
    if (value === undefined) delete all[section][id];
    else all[section][id] = clone(value);
    if (!Object.keys(all[section]).length) delete all[section];
  }

  /**
   * Every key the assessment holds an entry for, or a time for (a cleared entry leaves its time).
   * @param {StoredAssessment} record
   */
  function keysOf(record) {
    return new Set([
      ...Object.keys(record.answers),
      ...Object.keys(record.notes).map((id) => `notes.${id}`),
      ...Object.keys(record.council).filter((f) => record.council[f]).map((f) => `council.${f}`),
      ...KEYED.flatMap((section) => Object.keys(/** @type {any} */ (record)[section] || {}).map((id) => `${section}.${id}`)),
      ...(record.review || []).map((id) => `review.${id}`),
      ...(record.sign_off ? ["sign_off"] : []),
      ...Object.keys(record.provenance).filter((k) => k !== STARTED),
    ]);
  }

  /**
   * Merge this tab's copy into the stored one (`stored` wins ties). Returns the merged
   * assessment and whether it holds anything the stored one does not.
   * @param {StoredAssessment | null} mine
   * @param {StoredAssessment} stored
   * @returns {{ record: StoredAssessment, newer: boolean }}
   */
  function merge(mine, stored) {
    if (!mine) return { record: stored, newer: false };
    const sameStart = instant(started(mine)) === instant(started(stored));
    const [older, newer] = instant(started(mine)) > instant(started(stored)) ? [stored, mine] : [mine, stored];
    const record = clone(newer);
    let fromMine = newer === mine;
    for (const key of keysOf(older)) {
      const at = instant(changedAt(older, key));
      // From a copy older than this assessment's start, only what was changed after the start counts.
      if (!sameStart && at <= instant(started(newer))) continue;
      if (at <= instant(changedAt(record, key))) continue;
      put(record, key, get(older, key));
      record.provenance[key] = clone(older.provenance[key]);
      if (older === mine) fromMine = true;
    }
    if (sameStart) {
      const retired = older.retired_answers || {};
      const extra = Object.keys(retired).filter((id) => !(id in (record.retired_answers || {})));
      if (extra.length) {
        record.retired_answers = { ...(record.retired_answers || {}) };
        for (const id of extra) record.retired_answers[id] = retired[id];
        if (older === mine) fromMine = true;
      }
    }
    if (older.assessment_date > record.assessment_date) record.assessment_date = older.assessment_date;
    return { record, newer: fromMine };
  }

  /**
   * The evidence entry an officer's fields make: a web address is saved as a link, anything else as a document
   * reference; the strength, a test's result and a reviewer as given (engine/evidence.py says what the entry counts
   * as). The date only with a text or a strength. Undefined when neither is given.
   * @param {string} text
   * @param {string} date
   * @param {{ strength?: string, result?: string, reviewer?: string }} [more]
   * @returns {Evidence | undefined}
   */
  function evidenceEntry(text, date, more = {}) {
    text = text.trim();
    const strength = (more.strength || "").trim();
    const hasText = !BLANK.test(text); // blank to the engine too: it refuses a blank reference
    if (!hasText && !strength) return undefined;
    /** @type {Evidence} */
    const entry = !hasText ? {} : WEB_LINK.test(text) ? { link: text } : { reference: text };
    if (date) entry.date = date;
    if (strength) entry.strength = /** @type {Evidence["strength"]} */ (strength);
    for (const name of /** @type {const} */ (["result", "reviewer"])) {
      const value = (more[name] || "").trim();
      if (!BLANK.test(value)) entry[name] = value;
    }
    return entry;
  }

  /**
   * The action plan entry an action's fields make (results page); undefined when it says nothing
   * (not started, no other field). "Not planned" needs a reason (engine/cycle.py refuses it without):
   * until one is given the status stays as saved (`saved`), or not started.
   * @param {{ status?: string, owner?: string, due?: string, note?: string, reason?: string }} fields
   * @param {string | undefined} saved
   * @returns {PlanFields | undefined}
   */
  function planEntry(fields, saved) {
    const value = (/** @type {keyof typeof fields} */ name) => (fields[name] || "").trim();
    const entry = /** @type {PlanFields} */ ({ status: value("status") || "not_started" }); // the page offers the statuses only
    for (const name of /** @type {const} */ (["owner", "due", "note", "reason"])) if (value(name)) entry[name] = value(name);
    if (entry.status === "not_planned" && !entry.reason) entry.status = /** @type {PlanFields["status"]} */ (saved && saved !== "not_planned" ? saved : "not_started");
    const empty = entry.status === "not_started" && Object.keys(entry).length === 1;
    return empty ? undefined : entry;
  }

  /**
   * The outcome indicator entry the results page's fields make: the period and every count given, and the note;
   * undefined when no count and no note is given. A count is saved as the number typed, whole or not, or else as
   * the text typed: the engine sets aside an entry it cannot use (a share above its whole, 2.5 people) and says
   * why beside the indicator, so nothing typed is lost and the rule is written once (engine/indicators.py).
   * @param {{ from: string, to: string, note: string, counts: { [id: string]: string } }} fields
   * @returns {IndicatorFigures | undefined}
   */
  function indicatorEntry(fields) {
    /** @type {{ [id: string]: number | string }} */
    const counts = {};
    for (const [id, typed] of Object.entries(fields.counts)) {
      const text = typed.trim();
      if (BLANK.test(text)) continue;
      const value = Number(text);
      counts[id] = Number.isFinite(value) ? value : text;
    }
    const note = fields.note.trim();
    if (!Object.keys(counts).length && !note) return undefined;
    /** @type {IndicatorFigures} */
    const entry = { from: fields.from, to: fields.to, counts };
    if (note) entry.note = note;
    return entry;
  }

  /**
   * The functions a council runs, saved only where they differ from its type's defaults (undefined: the defaults).
   * @param {string[]} chosen
   * @param {string[]} defaults
   */
  function functionsToSave(chosen, defaults) {
    const same = chosen.length === defaults.length && chosen.every((f) => defaults.includes(f));
    return same ? undefined : chosen;
  }

  /**
   * What the engine reads of an evidence entry (engine/evidence.py), without its text.
   * @param {Evidence | undefined} entry
   */
  function evidenceShape(entry) {
    if (!entry) return null;
    return [Boolean(entry.link || entry.reference), entry.date || "", entry.strength || "", Boolean(entry.result), Boolean(entry.reviewer)];
  }

  /**
   * What of the assessment the engine's result depends on: all of it but the times of changes, who answers which
   * theme, and the text of notes, evidence and action plans, of which the result counts only that they are there
   * (and a plan's status). Two assessments with the same scoring input score the same, but for the plan and note
   * text the result repeats, which the pages read from the store instead (tests/test_js_rules.py checks this
   * against the engine). js/scores.js asks the engine again only when it changes. Once signed off with a digest,
   * all of it: the result then says whether the assessment still matches what was signed.
   * @param {StoredAssessment} record
   */
  function scoringInput(record) {
    // Signed off with a digest, the result says whether the file still matches it (engine/signing.py): every
    // signed word counts then, and the record of changes names what changed after the sign-off.
    if (record.sign_off && record.sign_off.digest) return record;
    const { provenance, notes, evidence, action_plan, assignments, targets, ...rest } = record;
    return {
      ...rest,
      notes: Object.keys(notes).filter((id) => notes[id]).sort(),
      // which questions have evidence, its date, its strength and whether it has a document, a result and a reviewer
      // (engine/evidence.py: what it counts as, and whether it is stale); not their text
      evidence: Object.entries(evidence || {}).map(([id, entry]) => [id, evidenceShape(entry)]).sort(),
      action_plan: Object.entries(action_plan || {}).map(([id, entry]) => [id, entry.status || "not_started"]).sort(),
    };
  }

  // --- the store: this tab's copy, kept in step with the storage --------------------------------

  /**
   * The store over one storage: a page's localStorage, or a stand-in under Node.
   * @param {StoreEnvironment} env
   * @returns {Store}
   */
  function createStore({ storage, pageVersion, now }) {
    /** @type {Set<(assessment: StoredAssessment, source: ChangeSource) => void>} */
    const subscribers = new Set();
    /** @type {StoredAssessment | null} */
    let current = null; // this tab's copy: what is stored, merged with anything not yet saved
    let saveError = "";
    /** @type {Unreadable | null} */
    let blocked = null; // unreadable saved data that could not be kept aside: never written over
    /** @type {string | null} */
    let released = null; // unreadable saved data the officer, having been offered it to download, let go
    let carriedOver = false; // the engine has carried these answers over to this page's bank version
    let lastTime = 0;
    /** @type {string | null} */
    let undoInTab = null; // the assessment an import replaced, where this browser keeps no data (see storageAvailable)

    // A time for provenance, never earlier than the last one this tab gave (clocks can step back).
    function stampTime() {
      lastTime = Math.max(now(), lastTime + 1);
      return new Date(lastTime).toISOString();
    }
    const today = () => new Date(now()).toISOString().slice(0, 10);

    /** @returns {{ state: "unavailable" | "absent" } | Unreadable | { state: "ok", text: string, record: StoredAssessment }} */
    function readStored() {
      let text;
      try {
        text = storage().getItem(KEY);
      } catch (error) {
        return { state: "unavailable" };
      }
      if (text === null) return { state: "absent" };
      let data;
      let problem = "";
      try {
        data = JSON.parse(text);
        problem = shapeProblem(data);
      } catch (error) {
        problem = notJson();
      }
      return problem ? { state: "unreadable", text, problem } : { state: "ok", text, record: normalise(data) };
    }

    // Keep unreadable saved data under a key of its own; until that worked, never write over it
    // (unless the officer, having been offered it to download, let it go).
    function keepAside(/** @type {Unreadable} */ stored) {
      if ((blocked && blocked.text === stored.text) || stored.text === released) return;
      try {
        let key = ASIDE + new Date(now()).toISOString();
        while (storage().getItem(key) !== null) key += "+";
        storage().setItem(key, JSON.stringify({ problem: stored.problem, text: stored.text }));
        storage().removeItem(KEY); // kept under its own key now: not kept twice by the next page
        blocked = null;
      } catch (error) {
        blocked = stored;
      }
    }

    // Bring this tab's copy up to date with what is stored now; whether it holds anything the stored one does not.
    function refresh() {
      const stored = readStored();
      let newer = false;
      if (stored.state === "ok") ({ record: current, newer } = merge(current, stored.record));
      else if (stored.state === "unreadable") keepAside(stored);
      if (!current) {
        current = blankAssessment(pageVersion(), stampTime());
        newer = stored.state !== "unavailable";
      }
      return newer;
    }

    // Whether this browser lets the site keep data at all: where it does not (site data blocked by its settings or
    // a policy: reading throws), the assessment is kept in this tab only, and js/browser-check.js says so at the top
    // of every page, with a warning on leaving; a write that fails there is no news, so no save error is given.
    function storageAvailable() {
      try {
        storage().getItem(KEY);
        return true;
      } catch (error) {
        return false;
      }
    }

    // Save this tab's copy; whether it was saved (always, where this browser keeps no data).
    function persist(/** @type {ChangeSource} */ source) {
      if (!storageAvailable()) {
        saveError = "";
      } else if (blocked) {
        saveError = t("Answers saved in this browser could not be read, and there is no room to keep a copy of them aside: download them (below) before you go on. New answers are not being saved.");
      } else {
        try {
          storage().setItem(KEY, JSON.stringify(current));
          saveError = "";
        } catch (error) {
          saveError = t("Your answers could not be saved in this browser (storage is full or turned off). Export the assessment to keep a copy.");
        }
      }
      notify(source);
      return !saveError;
    }

    function notify(/** @type {ChangeSource} */ source) {
      for (const subscriber of subscribers) subscriber(getAssessment(), source);
    }

    /** @returns {StoredAssessment} */
    function getAssessment() {
      if (!current) refresh();
      return /** @type {StoredAssessment} */ (current);
    }

    const isBlank = (/** @type {StoredAssessment} */ record) => !Object.keys(record.answers).length && !Object.keys(record.notes).length && !Object.keys(record.retired_answers || {}).length;

    // Several changes at once (a council picked from the register): merged with what is stored now,
    // each stamped with its time, with today's date; one write, so what is saved, and what the page
    // is told, is never half of it. The bank version becomes this page's only once the engine has
    // carried the answers over to it (js/scores.js), so an answer given first does not skip the carry-over.
    function changeAll(/** @type {[string, any][]} */ entries) {
      refresh();
      const record = getAssessment();
      const me = myName();
      for (const [key, value] of entries) {
        // The officer's own change replaces what they see: it is later than that, whatever time another copy
        // (a colleague's clock set wrong) gave it, so no other tab's copy can undo it. Only this key's time
        // moves past that claim; this tab's clock does not.
        const at = Math.max(instant(stampTime()), instant(changedAt(record, key)) + 1);
        put(record, key, value === "" ? undefined : value);
        record.provenance[key] = me ? { at: new Date(at).toISOString(), by: me } : { at: new Date(at).toISOString() };
      }
      record.assessment_date = today();
      if (carriedOver || isBlank(record)) record.bank_version = pageVersion();
      persist("this-tab");
    }

    // Start a new assessment from `record` (an import, an undo, a fresh start); whether it was saved. An import
    // that cannot be saved changes nothing: this tab keeps what is stored, and no undo is offered for it.
    function replaceWith(/** @type {AnyAssessment} */ record, { keepForUndo = false } = {}) {
      refresh();
      const before = current;
      let undoBefore = null;
      if (keepForUndo && !storageAvailable()) undoInTab = JSON.stringify(current);
      else if (keepForUndo) {
        try {
          undoBefore = storage().getItem(UNDO_KEY);
          storage().setItem(UNDO_KEY, JSON.stringify(current));
        } catch (error) {
          return false;
        }
      }
      current = normalise(clone(record));
      current.provenance[STARTED] = { at: stampTime() };
      if (persist("this-tab") || !keepForUndo) return true;
      current = before;
      try {
        if (undoBefore === null) storage().removeItem(UNDO_KEY);
        else storage().setItem(UNDO_KEY, undoBefore);
      } catch (error) {
        /* the undo copy is the assessment still saved: harmless */
      }
      notify("this-tab");
      return false;
    }

    // The officer's name, kept in this browser only, is recorded ("by") with each change they make.
    function myName() {
      try {
        return (storage().getItem(ME_KEY) || "").trim().slice(0, 200);
      } catch (error) {
        return "";
      }
    }

    function keptAside() {
      /** @type {KeptAside[]} */
      const kept = [];
      try {
        const all = storage();
        for (let i = 0; i < all.length; i += 1) {
          const key = /** @type {string} */ (all.key(i));
          if (!key.startsWith(ASIDE)) continue;
          let entry;
          try {
            entry = JSON.parse(/** @type {string} */ (all.getItem(key)));
          } catch (error) {
            entry = { problem: "", text: all.getItem(key) };
          }
          // why, in this page's language (the copy keeps the words of the page that kept it: shown when it now reads)
          kept.push({ key, at: key.slice(ASIDE.length), problem: problemOf(String(entry.text)) || entry.problem || "", text: String(entry.text) });
        }
      } catch (error) {
        /* storage turned off: nothing kept */
      }
      if (blocked) kept.push({ key: "", at: "", problem: blocked.problem, text: blocked.text });
      return kept.sort((a, b) => a.key.localeCompare(b.key));
    }

    return {
      getAssessment,
      change: (key, value) => changeAll([[key, value]]),
      changeAll,
      lastSaveError: () => saveError,
      currentBankVersion: pageVersion,
      subscribe(subscriber) {
        subscribers.add(subscriber);
        return () => subscribers.delete(subscriber);
      },
      storageAvailable,
      // Start again: every answer and note goes, the copy kept for undoing an import too, and all this site kept
      // for the officer on this device (their name, recorded with each change; copies of unreadable saves), so
      // the next officer on a shared computer starts with nothing of theirs. Says what it cleared.
      clearAssessment() {
        const record = getAssessment();
        const kept = keptAside().filter((k) => k.key);
        const cleared = {
          answers: Object.keys(record.answers).length,
          notes: Object.keys(record.notes).filter((id) => record.notes[id]).length,
          name: Boolean(myName()),
          keptAside: kept.length + (blocked ? 1 : 0),
        };
        if (blocked) [released, blocked] = [blocked.text, null]; // the officer chose to delete it
        try {
          for (const key of [UNDO_KEY, ME_KEY, EXPORTED_KEY, ...kept.map((k) => k.key)]) storage().removeItem(key);
        } catch (error) {
          /* storage turned off: nothing kept */
        }
        replaceWith(blankAssessment(pageVersion(), stampTime()));
        undoInTab = null;
        return cleared;
      },
      // An import replaces the assessment: the one it replaces is kept until undone.
      importAssessment: (record) => replaceWith(record, { keepForUndo: true }),
      canUndoImport() {
        if (undoInTab !== null) return true;
        try {
          return storage().getItem(UNDO_KEY) !== null;
        } catch (error) {
          return false;
        }
      },
      undoImport() {
        let previous = null;
        try {
          previous = JSON.parse(/** @type {string} */ (undoInTab ?? storage().getItem(UNDO_KEY)));
        } catch (error) {
          /* nothing to undo */
        }
        if (!isObject(previous) || shapeProblem(previous)) return false;
        replaceWith(/** @type {StoredAssessment} */ (previous));
        if (undoInTab !== null) undoInTab = null;
        else storage().removeItem(UNDO_KEY);
        notify("this-tab");
        return true;
      },
      // Take set-aside answers (and their notes) out of the assessment, at the officer's request: one write.
      discardSetAside(...ids) {
        refresh();
        const record = clone(getAssessment());
        for (const id of ids) {
          delete record.answers[id];
          delete record.notes[id];
          if (record.retired_answers) delete record.retired_answers[id];
        }
        replaceWith(record);
      },
      // The engine's reading of `sent` (the stored text it was given) in this page's bank version:
      // carried-over answers under their new questions, unknown ones set aside. Saved only if
      // nothing was saved meanwhile (the caller asks again); what moved leaves its time behind.
      saveCarriedOver(sent, carried) {
        const stored = readStored();
        if (stored.state !== "ok" || stored.text !== sent) return false;
        const before = stored.record;
        const record = normalise(clone(carried));
        // A moved answer or note leaves a clear behind (the engine moved its time to the new id);
        // one set aside keeps its own time, which now records that it left the answers.
        for (const key of keysOf(before)) {
          if (get(before, key) !== undefined && get(record, key) === undefined && !key.startsWith("council.") && !record.provenance[key]) {
            record.provenance[key] = { at: stampTime() };
          }
        }
        carriedOver = true;
        if (JSON.stringify(record) === JSON.stringify(before)) return true;
        current = record;
        persist("this-tab");
        return true;
      },
      storedText() {
        try {
          return storage().getItem(KEY);
        } catch (error) {
          return null;
        }
      },
      // Saved against an older bank than this page's: the engine carries the answers over.
      needsCarryOver: () => !carriedOver && newerVersion(pageVersion(), getAssessment().bank_version),
      // Saved by a newer version of the site (another tab): this page must not carry anything back.
      savedByNewerVersion: () => newerVersion(getAssessment().bank_version, pageVersion()),
      keptAside,
      myName,
      setMyName(name) {
        try {
          if (name.trim()) storage().setItem(ME_KEY, name.trim().slice(0, 200));
          else storage().removeItem(ME_KEY);
        } catch (error) {
          /* storage turned off: changes are recorded without a name */
        }
      },
      // One field of an action's plan entry, as the officer changed it on this page, merged into the entry saved
      // now: another tab may have set another field of it a moment ago, which this page does not show yet, and
      // writing the page's copy of the whole entry would undo it. A "not planned" status waits for its reason
      // (planEntry): given the reason, the status the page shows goes with it.
      changePlanField(id, name, value, pageStatus) {
        refresh();
        const saved = getAssessment().action_plan?.[id];
        /** @type {{ status?: string, owner?: string, due?: string, note?: string, reason?: string }} */
        const fields = { ...(saved || {}), [name]: value };
        if (name === "reason" && pageStatus === "not_planned") fields.status = "not_planned";
        changeAll([[`action_plan.${id}`, planEntry(fields, saved?.status)]]);
      },
      // An outcome indicator's entry as the results page's fields give it whole (indicatorEntry).
      changeIndicator: (id, fields) => changeAll([[`indicators.${id}`, indicatorEntry(fields)]]),
      // The assessment was saved as a file (Export): remembered for this assessment, so each page can say when.
      markExported(file) {
        try {
          storage().setItem(EXPORTED_KEY, JSON.stringify({ assessment: started(getAssessment()), at: stampTime(), file }));
        } catch (error) {
          /* storage turned off: the page says it was never exported */
        }
        notify("this-tab");
      },
      // When this assessment was last exported, and whether anything was changed after (null: never).
      lastExported() {
        let entry = null;
        try {
          entry = JSON.parse(storage().getItem(EXPORTED_KEY) || "null");
        } catch (error) {
          return null;
        }
        const record = getAssessment();
        if (!isObject(entry) || entry.assessment !== started(record) || typeof entry.at !== "string") return null;
        const changed = Object.entries(record.provenance).some(([key, p]) => key !== STARTED && instant(p.at) > instant(entry.at));
        return { at: entry.at, file: String(entry.file || ""), changed };
      },
      // Sign-off (name, role, date) or its withdrawal (null).
      signOff: (entry) => changeAll([["sign_off", entry || undefined]]),
      // What the engine changed in the assessment (a peer review merged, a challenge decided): each entry that
      // differs taken with the engine's record of who changed it (the reviewer, for an accepted answer).
      adoptChanges(/** @type {AnyAssessment} */ record) {
        refresh();
        const mine = getAssessment();
        const theirs = normalise(clone(record));
        const changed = [...new Set([...keysOf(mine), ...keysOf(theirs)])]
          .filter((key) => key !== STARTED && JSON.stringify(get(mine, key)) !== JSON.stringify(get(theirs, key)));
        for (const key of changed) {
          put(mine, key, get(theirs, key));
          mine.provenance[key] = theirs.provenance[key] ? clone(theirs.provenance[key]) : { at: stampTime() };
        }
        if (changed.length) mine.assessment_date = today();
        return persist("this-tab");
      },
      // The reviewer's draft (the assessment reviewed and the marks so far), or null; saving it says whether it was.
      reviewDraft() {
        try {
          const draft = JSON.parse(storage().getItem(REVIEW_KEY) || "null");
          return isObject(draft) ? draft : null;
        } catch (error) {
          return null;
        }
      },
      saveReviewDraft(/** @type {unknown} */ draft) {
        try {
          if (draft === null) storage().removeItem(REVIEW_KEY);
          else storage().setItem(REVIEW_KEY, JSON.stringify(draft));
          return true;
        } catch (error) {
          return false;
        }
      },
      // A carried-over answer confirmed as still right: it no longer needs review.
      confirmReview: (id) => changeAll([[`review.${id}`, undefined]]),
      discardKeptAside(key) {
        if (key) storage().removeItem(key);
        else if (blocked) [released, blocked] = [blocked.text, null];
        notify("this-tab");
      },
      // Another tab saved (the `storage` event, for `key`; null when it cleared the storage): take its
      // changes, and save back anything only this tab had.
      otherTabSaved(key) {
        if (key === KEY || key === null) {
          if (!current) return;
          const stored = readStored();
          if (stored.state === "ok") {
            const { record, newer } = merge(current, stored.record);
            current = record;
            if (newer) return persist("other-tab");
          } else if (stored.state === "unreadable") {
            keepAside(stored);
          }
        }
        if (key === KEY || key === null || key === UNDO_KEY || key === EXPORTED_KEY || key.startsWith(ASIDE)) notify("other-tab");
      },
    };
  }

  const rules = { KEY, UNDO_KEY, ASIDE, ME_KEY, EXPORTED_KEY, FORMAT, FORMAT_VERSION, STARTED, SPACE, WEB_LINK, NA };
  const pure = { translate, translatePlural, newerVersion, blankAssessment, shapeProblem, normalise, get, put, keysOf, merge, instant, evidenceEntry, planEntry, indicatorEntry, functionsToSave, scoringInput };
  if (typeof document === "undefined") {
    // Node (tests/js/): the functions, and the store over a storage the test gives.
    module.exports = { ...rules, ...pure, createStore };
  } else {
    const meta = (/** @type {string} */ name) => /** @type {HTMLMetaElement | null} */ (document.querySelector(`meta[name="${name}"]`))?.content || "";
    const store = createStore({ storage: () => window.localStorage, pageVersion: () => meta("scorecard-bank-version"), now: Date.now });
    window.addEventListener("storage", (event) => {
      if (event.storageArea === window.localStorage) store.otherTabSaved(event.key);
    });
    // form.js and start.js, inlined after this file, add the form and the worker.
    window.scorecard = /** @type {Window["scorecard"]} */ ({ store, rules: { ...rules, ...pure }, t, tn });
  }
})();
