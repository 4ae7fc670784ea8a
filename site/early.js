// Inlined in the <head> of every page by the build (site/overrides/main.html), so it runs
// before the page is parsed: module scripts run only once parsing is done, which on a slow
// machine is long after a question can be clicked. It holds what must not wait:
// - the officer's assessment, saved in this browser only (localStorage), in the same JSON
//   format as the exported file the command line scores (the modules use it via js/store.js);
// - answers, notes and council details saved from the moment they can be given, on any page
//   (this is the only code that writes saved data): the council picked from the register, or
//   given by hand, and the functions it runs where they differ from its type's defaults;
// - a theme page's questions shown as saved as each is parsed (an inline script per question), so
//   the form is never painted empty and filled once the modules run;
// - the scoring engine's worker, started at once: Pyodide's start is the page's longest wait.
//
// One source of truth across tabs. Every change is written as a merge with what is stored now,
// question by question: each answer, note and council detail has its own time in
// `provenance` ("SPC-01", "notes.SPC-01", "council.name"), and the newest wins; clearing one
// leaves its time behind, so a clear is not undone by an older copy. Starting again or
// importing starts a new assessment (provenance "assessment"): what another tab still holds
// from before it no longer counts, only what was changed after it. Other tabs follow through
// the `storage` event. Saved data that cannot be read is kept aside under its own key, never
// overwritten, and the officer is told how to download it.
(() => {
  const KEY = "scorecard.assessment.v1";
  const UNDO_KEY = "scorecard.undo.v1"; // the assessment an import replaced, until it is undone or another import replaces it
  const ASIDE = "scorecard.unreadable."; // + the time: saved data that could not be read, exactly as it was
  const FORMAT = "scorecard-assessment";
  const FORMAT_VERSION = 1;
  const STARTED = "assessment"; // provenance key: when this assessment was started (or replaced by an import)
  const ME_KEY = "scorecard.me.v1"; // the officer's name in this browser, recorded with each change they make (not part of the assessment)
  // The yearly cycle's parts (scorecard/engine/cycle.py), merged entry by entry like answers:
  // "evidence.ID", "action_plan.ID", "assignments.KEY" (objects keyed by question or theme),
  // "review.ID" (true while a carried-over answer awaits review) and "sign_off" (the whole entry).
  const KEYED = ["evidence", "action_plan", "assignments"];
  const WEB_LINK = /^https?:\/\/\S+$/i;
  const NA = "n/a";
  const FORM = '[data-sc="theme-form"]';
  const COUNCIL_FIELDS = { "council-name": "name", "council-type": "type", "council-region": "region", "council-ons": "ons_code" };
  const meta = (name) => document.querySelector(`meta[name="${name}"]`)?.content || "";
  const subscribers = new Set();
  let current = null; // this tab's copy: what is stored, merged with anything not yet saved
  let saveError = "";
  let blocked = null; // unreadable saved data that could not be kept aside: never written over
  let carriedOver = false; // the engine has carried these answers over to this page's bank version
  let lastTime = 0;

  const pageVersion = () => meta("scorecard-bank-version");
  // "2026.10" is newer than "2026.9": compared number by number.
  function newerVersion(a, b) {
    const parts = (v) => (v.match(/[0-9]+/g) || []).map(Number);
    const [x, y] = [parts(a), parts(b)];
    for (let i = 0; i < Math.max(x.length, y.length); i += 1) if ((x[i] || 0) !== (y[i] || 0)) return (x[i] || 0) > (y[i] || 0);
    return false;
  }
  const isObject = (value) => value !== null && typeof value === "object" && !Array.isArray(value);
  const clone = (value) => JSON.parse(JSON.stringify(value));

  // A time for provenance, never earlier than the last one this tab gave (clocks can step back).
  function stampTime() {
    lastTime = Math.max(Date.now(), lastTime + 1);
    return new Date(lastTime).toISOString();
  }

  function blankAssessment() {
    return {
      format: FORMAT,
      format_version: FORMAT_VERSION,
      council: { name: "", type: "" },
      assessment_date: new Date().toISOString().slice(0, 10),
      bank_version: pageVersion(),
      answers: {},
      notes: {},
      provenance: { [STARTED]: { at: stampTime() } },
    };
  }

  // What this code can merge; anything else is kept aside, not guessed at. (Whether the
  // answers fit the question bank is the engine's business: it sets aside what does not.)
  function shapeProblem(data) {
    const all = (object, test) => isObject(object) && Object.values(object).every(test);
    const isAnswer = (v) => v === null || typeof v === "string" || (Array.isArray(v) && v.every((x) => typeof x === "string"));
    if (!isObject(data)) return "it is not an assessment (a JSON object)";
    if (data.format !== FORMAT) return "it is not a scorecard assessment";
    if (data.format_version !== FORMAT_VERSION) return `it is in format version ${JSON.stringify(data.format_version)}, which this version of the site cannot read`;
    if (!all(data.answers, isAnswer)) return "its answers are not in the form the scorecard writes";
    if (data.notes !== undefined && !all(data.notes, (n) => typeof n === "string")) return "its notes are not text";
    const isDetail = (c) => typeof c === "string" || (Array.isArray(c) && c.every((x) => typeof x === "string")); // functions: a list
    if (data.council !== undefined && !all(data.council, isDetail)) return "its council details are not text";
    if (data.retired_answers !== undefined && !all(data.retired_answers, isAnswer)) return "its set-aside answers are not in the form the scorecard writes";
    if (data.provenance !== undefined && !all(data.provenance, (e) => isObject(e) && typeof e.at === "string")) return "its record of changes is not in the form the scorecard writes";
    if (KEYED.some((section) => data[section] !== undefined && !isObject(data[section]))) return "its evidence, action plan or assignments are not in the form the scorecard writes";
    if (data.review !== undefined && !(Array.isArray(data.review) && data.review.every((id) => typeof id === "string"))) return "its list of answers to review is not in the form the scorecard writes";
    if (data.sign_off !== undefined && data.sign_off !== null && !isObject(data.sign_off)) return "its sign-off is not in the form the scorecard writes";
    if (typeof data.bank_version !== "string" || typeof data.assessment_date !== "string") return "its date or question bank version is missing";
    return "";
  }

  function normalise(data) {
    data.notes = data.notes || {};
    data.council = { name: "", type: "", ...(data.council || {}) };
    data.provenance = data.provenance || {};
    for (const [id, value] of Object.entries(data.answers)) if (value === null) delete data.answers[id];
    return data;
  }

  function readStored() {
    let text;
    try {
      text = localStorage.getItem(KEY);
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
      problem = "it is not valid JSON (it may have been cut short or edited by hand)";
    }
    return problem ? { state: "unreadable", text, problem } : { state: "ok", text, record: normalise(data) };
  }

  // Keep unreadable saved data under a key of its own; until that worked, never write over it
  // (unless the officer, having been offered it to download, let it go).
  let released = null;
  function keepAside(stored) {
    if ((blocked && blocked.text === stored.text) || stored.text === released) return;
    try {
      let key = ASIDE + new Date().toISOString();
      while (localStorage.getItem(key) !== null) key += "+";
      localStorage.setItem(key, JSON.stringify({ problem: stored.problem, text: stored.text }));
      localStorage.removeItem(KEY); // kept under its own key now: not kept twice by the next page
      blocked = null;
    } catch (error) {
      blocked = stored;
    }
  }

  // --- merging two copies of the assessment -------------------------------------------------

  const started = (record) => record.provenance[STARTED]?.at || "";
  const changedAt = (record, key) => record.provenance[key]?.at || "";

  function get(record, key) {
    if (key.startsWith("council.")) return record.council[key.slice(8)] || undefined;
    if (key.startsWith("notes.")) return record.notes[key.slice(6)];
    const [section, id] = key.split(".");
    if (KEYED.includes(section)) return record[section]?.[id];
    if (section === "review") return (record.review || []).includes(id) ? true : undefined;
    if (key === "sign_off") return record.sign_off || undefined;
    return record.answers[key];
  }

  function put(record, key, value) {
    const field = key.slice(8);
    // name and type are always in the file (blank until given); the rest only when given
    // (functions: absent means the type's defaults).
    if (key.startsWith("council.") && value === undefined && field !== "name" && field !== "type") delete record.council[field];
    else if (key.startsWith("council.")) record.council[field] = value === undefined ? "" : value;
    else if (key.startsWith("notes.")) value === undefined ? delete record.notes[key.slice(6)] : (record.notes[key.slice(6)] = value);
    else if (KEYED.includes(key.split(".")[0])) putKeyed(record, ...key.split("."), value);
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

  function putKeyed(record, section, id, value) {
    record[section] = record[section] || {};
    if (value === undefined) delete record[section][id];
    else record[section][id] = clone(value);
    if (!Object.keys(record[section]).length) delete record[section];
  }

  function keysOf(record) {
    return new Set([
      ...Object.keys(record.answers),
      ...Object.keys(record.notes).map((id) => `notes.${id}`),
      ...Object.keys(record.council).filter((f) => record.council[f]).map((f) => `council.${f}`),
      ...KEYED.flatMap((section) => Object.keys(record[section] || {}).map((id) => `${section}.${id}`)),
      ...(record.review || []).map((id) => `review.${id}`),
      ...(record.sign_off ? ["sign_off"] : []),
      ...Object.keys(record.provenance).filter((k) => k !== STARTED),
    ]);
  }

  // Merge this tab's copy into the stored one (`stored` wins ties). Returns the merged
  // assessment and whether it holds anything the stored one does not.
  function merge(mine, stored) {
    if (!mine) return { record: stored, newer: false };
    const sameStart = started(mine) === started(stored);
    const [older, newer] = started(mine) > started(stored) ? [stored, mine] : [mine, stored];
    const record = clone(newer);
    let fromMine = newer === mine;
    for (const key of keysOf(older)) {
      const at = changedAt(older, key);
      // From a copy older than this assessment's start, only what was changed after the start counts.
      if (!sameStart && at <= started(newer)) continue;
      if (at <= changedAt(record, key)) continue;
      put(record, key, get(older, key));
      record.provenance[key] = clone(older.provenance[key]);
      if (older === mine) fromMine = true;
    }
    if (sameStart) {
      const extra = Object.keys(older.retired_answers || {}).filter((id) => !(id in (record.retired_answers || {})));
      if (extra.length) {
        record.retired_answers = { ...(record.retired_answers || {}) };
        for (const id of extra) record.retired_answers[id] = older.retired_answers[id];
        if (older === mine) fromMine = true;
      }
    }
    if (older.assessment_date > record.assessment_date) record.assessment_date = older.assessment_date;
    return { record, newer: fromMine };
  }

  // --- reading and writing ------------------------------------------------------------------

  // Bring this tab's copy up to date with what is stored now.
  function refresh() {
    const stored = readStored();
    let newer = false;
    if (stored.state === "ok") ({ record: current, newer } = merge(current, stored.record));
    else if (stored.state === "unreadable") keepAside(stored);
    if (!current) {
      current = blankAssessment();
      newer = stored.state !== "unavailable";
    }
    return newer;
  }

  function persist(source) {
    if (blocked) {
      saveError = "Answers saved in this browser could not be read, and there is no room to keep a copy of them aside: download them (below) before you go on. New answers are not being saved.";
    } else {
      try {
        localStorage.setItem(KEY, JSON.stringify(current));
        saveError = "";
      } catch (error) {
        saveError = "Your answers could not be saved in this browser (storage is full or turned off). Export the assessment to keep a copy.";
      }
    }
    notify(source);
  }

  function notify(source) {
    for (const subscriber of subscribers) subscriber(current, source);
  }

  function getAssessment() {
    if (!current) refresh();
    return current;
  }

  const isBlank = (record) => !Object.keys(record.answers).length && !Object.keys(record.notes).length && !Object.keys(record.retired_answers || {}).length;

  // Change one answer, note or council detail: merged with what is stored now, stamped with its
  // time, with today's date. The bank version becomes this page's only once the engine has carried
  // the answers over to it (js/scores.js), so an answer given first does not skip the carry-over.
  function change(key, value) {
    changeAll([[key, value]]);
  }

  // Several at once (a council picked from the register): one write, so what is saved, and what
  // the page is told, is never half of it.
  function changeAll(entries) {
    refresh();
    const me = myName();
    for (const [key, value] of entries) {
      put(current, key, value === "" ? undefined : value);
      current.provenance[key] = me ? { at: stampTime(), by: me } : { at: stampTime() };
    }
    current.assessment_date = new Date().toISOString().slice(0, 10);
    if (carriedOver || isBlank(current)) current.bank_version = pageVersion();
    persist("this-tab");
  }

  // Start a new assessment from `record` (an import, an undo, a fresh start).
  function replaceWith(record, { keepForUndo = false } = {}) {
    refresh();
    if (keepForUndo) {
      try {
        localStorage.setItem(UNDO_KEY, JSON.stringify(current));
      } catch (error) {
        return false;
      }
    }
    current = normalise(clone(record));
    current.provenance[STARTED] = { at: stampTime() };
    persist("this-tab");
    return true;
  }

  // The officer's name, kept in this browser only, is recorded ("by") with each change they make.
  function myName() {
    try {
      return (localStorage.getItem(ME_KEY) || "").trim().slice(0, 200);
    } catch (error) {
      return "";
    }
  }

  function keptAside() {
    const kept = [];
    try {
      for (let i = 0; i < localStorage.length; i += 1) {
        const key = localStorage.key(i);
        if (!key.startsWith(ASIDE)) continue;
        let entry;
        try {
          entry = JSON.parse(localStorage.getItem(key));
        } catch (error) {
          entry = { problem: "", text: localStorage.getItem(key) };
        }
        kept.push({ key, at: key.slice(ASIDE.length), problem: entry.problem || "", text: String(entry.text) });
      }
    } catch (error) {
      /* storage turned off: nothing kept */
    }
    if (blocked) kept.push({ key: "", at: "", problem: blocked.problem, text: blocked.text });
    return kept.sort((a, b) => a.key.localeCompare(b.key));
  }

  // Another tab saved: take its changes, and save back anything only this tab had.
  window.addEventListener("storage", (event) => {
    if (event.storageArea !== localStorage) return;
    if (event.key === KEY || event.key === null) {
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
    if (event.key === KEY || event.key === null || event.key === UNDO_KEY || event.key.startsWith(ASIDE)) notify("other-tab");
  });

  // A theme page's form as saved and with the questions the engine asks. An inline script at the end
  // of each question shows it as soon as it is parsed (site/templates/theme.md.j2), so no paint ever
  // shows an empty form that fills a moment later; js/form.js shows them again on each change and
  // engine result.
  function writeAnswer(fieldset, value) {
    for (const input of fieldset.querySelectorAll("input")) {
      input.checked = Array.isArray(value) ? value.includes(input.value) : input.value === value;
    }
  }

  // A question's saved answer, note and evidence (answers given in another tab arrive here too).
  function showSavedQuestion(fieldset, assessment) {
    const id = fieldset.dataset.question;
    writeAnswer(fieldset, assessment.answers[id]);
    const note = fieldset.querySelector('[data-sc="note"]');
    const text = assessment.notes[id] || "";
    if (note.value !== text) note.value = text;
    const evidence = (assessment.evidence || {})[id];
    const evidenceText = evidence ? evidence.link || evidence.reference || "" : "";
    const textField = fieldset.querySelector('[data-sc="evidence-text"]');
    const dateField = fieldset.querySelector('[data-sc="evidence-date"]');
    if (textField && textField.value.trim() !== evidenceText) textField.value = evidenceText;
    if (dateField) {
      if (dateField.value !== ((evidence && evidence.date) || "")) dateField.value = (evidence && evidence.date) || "";
      dateField.disabled = !textField.value.trim();
    }
    if (text || evidence) fieldset.querySelector("details.sc-note").open = true;
  }

  function showSaved(form) {
    const assessment = getAssessment();
    for (const fieldset of form.querySelectorAll("fieldset.sc-question")) showSavedQuestion(fieldset, assessment);
  }

  // The wording of the council's nation, where the engine says the question has one: each
  // [data-wording] group shows its nation's element if the build wrote one, else the base.
  function showWording(fieldset, variant) {
    for (const element of fieldset.querySelectorAll("[data-wording]")) {
      const siblings = [...element.parentElement.children].filter((e) => e.dataset.wording && e.tagName === element.tagName);
      const own = variant && siblings.some((e) => e.dataset.wording === variant);
      element.hidden = element.dataset.wording !== (own ? variant : "base");
    }
  }

  // Which questions are shown is the engine's decision: `entries` maps each question to its entry in
  // the engine's latest result for this assessment. Without one (before the engine has scored it,
  // or when the council type has just changed), every question asked of the council type is shown
  // (data-council-types, written by the build from the engine's bank): nothing the officer may need
  // to answer is hidden.
  const HIDDEN = new Set(["not_asked", "not_for_council_type"]);
  function showQuestion(fieldset, entries, type) {
    const entry = entries && entries.get(fieldset.dataset.question);
    const status = entries
      ? entry.status
      : type && !fieldset.dataset.councilTypes.split(" ").includes(type) ? "not_for_council_type" : "shown";
    fieldset.hidden = HIDDEN.has(status);
    showWording(fieldset, entry && entry.variant);
    return status;
  }

  function showQuestions(form, entries) {
    const type = getAssessment().council.type;
    let notForType = 0;
    for (const fieldset of form.querySelectorAll("fieldset.sc-question")) {
      if (showQuestion(fieldset, entries, type) === "not_for_council_type") notForType += 1;
    }
    const note = form.querySelector(".sc-hidden-note");
    note.textContent = notForType ? `${notForType} question(s) in this theme do not apply to your council (its nation, or a function it does not run) and are hidden.` : "";
  }

  const store = {
    getAssessment,
    showSaved,
    showQuestions,
    // The inline script at the end of each question of a theme page: shown as saved as soon as it is parsed.
    showParsedQuestion(fieldset) {
      const assessment = getAssessment();
      showSavedQuestion(fieldset, assessment);
      showQuestion(fieldset, null, assessment.council.type);
    },
    lastSaveError: () => saveError,
    currentBankVersion: pageVersion,
    subscribe(subscriber) {
      subscribers.add(subscriber);
      return () => subscribers.delete(subscriber);
    },
    // Start again: every answer and note goes, the copy kept for undoing an import too.
    clearAssessment() {
      replaceWith(blankAssessment());
      try {
        localStorage.removeItem(UNDO_KEY);
      } catch (error) {
        /* storage turned off: nothing kept */
      }
    },
    // An import replaces the assessment: the one it replaces is kept until undone.
    importAssessment: (record) => replaceWith(record, { keepForUndo: true }),
    canUndoImport() {
      try {
        return localStorage.getItem(UNDO_KEY) !== null;
      } catch (error) {
        return false;
      }
    },
    undoImport() {
      let previous = null;
      try {
        previous = JSON.parse(localStorage.getItem(UNDO_KEY));
      } catch (error) {
        /* nothing to undo */
      }
      if (!isObject(previous) || shapeProblem(previous)) return false;
      replaceWith(previous);
      localStorage.removeItem(UNDO_KEY);
      notify("this-tab");
      return true;
    },
    // Take a set-aside answer (and its note) out of the assessment, at the officer's request.
    discardSetAside(id) {
      refresh();
      const record = clone(current);
      delete record.answers[id];
      delete record.notes[id];
      if (record.retired_answers) delete record.retired_answers[id];
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
        return localStorage.getItem(KEY);
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
        if (name.trim()) localStorage.setItem(ME_KEY, name.trim().slice(0, 200));
        else localStorage.removeItem(ME_KEY);
      } catch (error) {
        /* storage turned off: changes are recorded without a name */
      }
    },
    // Sign-off (name, role, date) or its withdrawal (null).
    signOff: (entry) => change("sign_off", entry || undefined),
    // A carried-over answer confirmed as still right: it no longer needs review.
    confirmReview: (id) => change(`review.${id}`, undefined),
    discardKeptAside(key) {
      if (key) localStorage.removeItem(key);
      else if (blocked) [released, blocked] = [blocked.text, null];
      notify("this-tab");
    },
  };

  function readAnswer(fieldset) {
    const inputs = [...fieldset.querySelectorAll("input")];
    if (fieldset.dataset.type === "multi") {
      if (inputs.some((i) => i.value === NA && i.checked)) return NA;
      const chosen = inputs.filter((i) => i.checked).map((i) => i.value);
      return chosen.length ? chosen : undefined;
    }
    const checked = inputs.find((i) => i.checked);
    return checked ? checked.value : undefined;
  }

  document.addEventListener("change", (event) => {
    const input = event.target;
    const fieldset = input.closest?.(`${FORM} fieldset.sc-question`);
    if (!fieldset || input.tagName !== "INPUT") return;
    if (fieldset.dataset.type === "multi" && input.checked) {
      // "Not applicable", and an option given on its own ("None of these", data-exclusive), clear the
      // others; any other option clears them.
      const alone = (box) => box.value === NA || "exclusive" in box.dataset;
      for (const other of fieldset.querySelectorAll("input")) {
        if (other !== input && (alone(input) || alone(other))) other.checked = false;
      }
    }
    change(fieldset.dataset.question, readAnswer(fieldset));
  });
  document.addEventListener("input", (event) => {
    const note = event.target;
    if (note.dataset?.sc !== "note" || !note.closest(FORM)) return;
    change(`notes.${note.dataset.question}`, note.value);
  });
  // Council name, type, region and ONS code, on the home page and each theme page's council bar.
  // A new type starts from its default functions.
  function councilField(event) {
    const field = event.target;
    const key = COUNCIL_FIELDS[field.dataset?.sc];
    if (!key || (event.type === "change") !== (field.tagName === "SELECT")) return;
    const entries = [[`council.${key}`, field.value.trim()]];
    if (key === "type" && getAssessment().council.type !== field.value && current.council.functions) entries.unshift(["council.functions", undefined]);
    changeAll(entries);
  }
  document.addEventListener("input", councilField);
  document.addEventListener("change", councilField);
  // A council picked from the register (the home page's <select>, or the search field that
  // stands in for it): its name, type, region, GSS code and register code, from the option.
  document.addEventListener("change", (event) => {
    const select = event.target;
    if (select.dataset?.sc !== "council-pick" || !select.value) return;
    const option = select.selectedOptions[0];
    const before = getAssessment().council;
    const entries = [
      ["council.name", option.textContent.trim()],
      ["council.type", option.dataset.type],
      ["council.region", option.dataset.region || ""],
      ["council.ons_code", option.dataset.gss || ""],
      ["council.code", select.value],
    ];
    if ((before.code !== select.value || before.type !== option.dataset.type) && before.functions) entries.push(["council.functions", undefined]);
    changeAll(entries);
  });
  // "My council is not listed": the council is no longer the register's; the officer gives it by hand.
  document.addEventListener("click", (event) => {
    if (!event.target.closest?.('[data-sc="council-not-listed"]')) return;
    if (!getAssessment().council.code) return;
    changeAll(["code", "functions", "name", "region", "ons_code"].map((key) => [`council.${key}`, undefined]));
  });
  // The functions the council runs: saved only where they differ from its type's defaults.
  document.addEventListener("change", (event) => {
    const box = event.target;
    if (box.dataset?.sc !== "council-function") return;
    const fieldset = box.closest('[data-sc="council-functions"]');
    const chosen = [...fieldset.querySelectorAll('[data-sc="council-function"]')].filter((b) => b.checked).map((b) => b.value);
    const defaults = JSON.parse(fieldset.dataset.typeFunctions)[getAssessment().council.type] || [];
    const same = chosen.length === defaults.length && chosen.every((f) => defaults.includes(f));
    change("council.functions", same ? undefined : chosen);
  });
  // Evidence for an answer: a web address is saved as a link, anything else as a document
  // reference; its date only with one of them (an entry needs a link or a reference).
  document.addEventListener("input", (event) => {
    const field = event.target;
    if (!["evidence-text", "evidence-date"].includes(field.dataset?.sc) || !field.closest(FORM)) return;
    const box = field.closest('[data-sc="evidence"]');
    const text = box.querySelector('[data-sc="evidence-text"]').value.trim();
    const date = box.querySelector('[data-sc="evidence-date"]');
    date.disabled = !text;
    const entry = text ? { [WEB_LINK.test(text) ? "link" : "reference"]: text } : undefined;
    if (entry && date.value) entry.date = date.value;
    change(`evidence.${box.dataset.question}`, entry);
  });
  // An action's owner, due date, status, note and reason (results page). "Not planned" needs a
  // reason: until one is given the status stays as saved, and the page says so.
  function planField(event) {
    const field = event.target;
    const box = field.closest?.('[data-sc="plan"][data-question]');
    if (!box || !field.dataset?.plan) return;
    if ((event.type === "change") !== (field.tagName === "SELECT" || field.type === "date")) return;
    const value = (name) => (box.querySelector(`[data-plan="${name}"]`)?.value || "").trim();
    const id = box.dataset.question;
    const saved = getAssessment().action_plan?.[id]?.status;
    const entry = { status: value("status") || "not_started" };
    for (const name of ["owner", "due", "note", "reason"]) if (value(name)) entry[name] = value(name);
    if (entry.status === "not_planned" && !entry.reason) entry.status = saved && saved !== "not_planned" ? saved : "not_started";
    const empty = entry.status === "not_started" && Object.keys(entry).length === 1;
    change(`action_plan.${id}`, empty ? undefined : entry);
  }
  document.addEventListener("input", planField);
  document.addEventListener("change", planField);
  // Who answers which theme (the lead's assignments), and the officer's own name.
  document.addEventListener("input", (event) => {
    const field = event.target;
    if (field.dataset?.sc === "assign") change(`assignments.${field.dataset.key}`, field.value.trim() || undefined);
    else if (field.dataset?.sc === "my-name") store.setMyName(field.value);
  });
  document.addEventListener("click", (event) => {
    const button = event.target.closest?.(`${FORM} [data-sc="clear"]`);
    if (!button) return;
    for (const input of button.closest("fieldset.sc-question").querySelectorAll("input")) input.checked = false;
    change(button.dataset.question, undefined);
  });

  // Messages the worker sends before js/engine.js takes it over are kept for it.
  const worker = new Worker(new URL("worker.mjs", new URL(meta("scorecard-assets"), location.href)), { type: "module" });
  worker.early = [];
  worker.onmessage = (event) => worker.early.push(event.data);
  worker.onerror = (event) => worker.early.push({ type: "failed", message: event.message || "the worker could not start" });
  worker.postMessage({ op: "start", payload: { wheel: meta("scorecard-engine") } });

  window.scorecard = { store, worker };
})();
