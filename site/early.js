// Inlined in the <head> of every page by the build (site/overrides/main.html), so it runs
// before the page is parsed: module scripts run only once parsing is done, which on a slow
// machine is long after a question can be clicked. It holds what must not wait:
// - the officer's assessment, saved in this browser only (localStorage), in the same JSON
//   format as the exported file the command line scores (the modules use it via js/store.js);
// - answers and council details saved from the moment they can be given, on any page (this is
//   the only code that writes the saved assessment): the council picked from the register, or
//   given by hand, and the functions it runs where they differ from its type's defaults;
// - the scoring engine's worker, started at once: Pyodide's start is the page's longest wait.
(() => {
  const KEY = "scorecard.assessment.v1";
  const NA = "n/a";
  const FORM = '[data-sc="theme-form"]';
  const meta = (name) => document.querySelector(`meta[name="${name}"]`)?.content || "";
  const subscribers = new Set();
  let current = null;
  let saveError = "";

  const today = () => new Date().toISOString().slice(0, 10);

  function blankAssessment() {
    return {
      format: "scorecard-assessment",
      format_version: 1,
      council: { name: "", type: "" },
      assessment_date: today(),
      bank_version: meta("scorecard-bank-version"),
      answers: {},
      notes: {},
    };
  }

  function getAssessment() {
    if (current) return current;
    try {
      const saved = localStorage.getItem(KEY);
      current = saved ? JSON.parse(saved) : blankAssessment();
    } catch (error) {
      current = blankAssessment();
    }
    if (!current || typeof current !== "object" || !current.answers) current = blankAssessment();
    current.notes = current.notes || {};
    current.council = current.council || { name: "", type: "" };
    return current;
  }

  function persist() {
    try {
      localStorage.setItem(KEY, JSON.stringify(current));
      saveError = "";
    } catch (error) {
      saveError = "Your answers could not be saved in this browser (storage is full or turned off). Export the assessment to keep a copy.";
    }
    for (const subscriber of subscribers) subscriber(current);
  }

  // Apply a change, stamp today's date and the bank it is now answered against, save, notify.
  function update(change) {
    change(getAssessment());
    current.assessment_date = today();
    current.bank_version = meta("scorecard-bank-version");
    persist();
  }

  const store = {
    getAssessment,
    update,
    lastSaveError: () => saveError,
    currentBankVersion: () => meta("scorecard-bank-version"),
    replaceAssessment(assessment) {
      current = assessment;
      persist();
    },
    clearAssessment() {
      try {
        localStorage.removeItem(KEY);
      } catch (error) {
        /* nothing saved to remove */
      }
      current = blankAssessment();
      persist();
    },
    subscribe(subscriber) {
      subscribers.add(subscriber);
      return () => subscribers.delete(subscriber);
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
    if (fieldset.dataset.type === "multi") {
      // "Not applicable" and real options exclude each other.
      const na = input.value === NA;
      for (const other of fieldset.querySelectorAll("input")) {
        if (input.checked && other !== input && (na || other.value === NA)) other.checked = false;
      }
    }
    const value = readAnswer(fieldset);
    update((a) => {
      if (value === undefined) delete a.answers[fieldset.dataset.question];
      else a.answers[fieldset.dataset.question] = value;
    });
  });
  document.addEventListener("input", (event) => {
    const note = event.target;
    if (note.dataset?.sc !== "note" || !note.closest(FORM)) return;
    const id = note.dataset.question;
    update((a) => {
      if (note.value) a.notes[id] = note.value;
      else delete a.notes[id];
    });
  });
  // Council name, type, region and ONS code, on the home page and each theme page's council bar.
  // A new type starts from its default functions.
  const COUNCIL_FIELDS = { "council-name": "name", "council-type": "type", "council-region": "region", "council-ons": "ons_code" };
  function councilField(event) {
    const field = event.target;
    const key = COUNCIL_FIELDS[field.dataset?.sc];
    if (!key || (event.type === "change") !== (field.tagName === "SELECT")) return;
    update((a) => {
      if (key === "type" && a.council.type !== field.value) delete a.council.functions;
      a.council[key] = field.value.trim();
    });
  }
  document.addEventListener("input", councilField);
  document.addEventListener("change", councilField);
  // A council picked from the register (the home page's <select>, or the search field that
  // stands in for it): its name, type, region, GSS code and register code, from the option.
  document.addEventListener("change", (event) => {
    const select = event.target;
    if (select.dataset?.sc !== "council-pick" || !select.value) return;
    const option = select.selectedOptions[0];
    update((a) => {
      if (a.council.code !== select.value || a.council.type !== option.dataset.type) delete a.council.functions;
      Object.assign(a.council, { name: option.textContent.trim(), type: option.dataset.type, region: option.dataset.region,
        ons_code: option.dataset.gss, code: select.value });
    });
  });
  // "My council is not listed": the council is no longer the register's; the officer gives it by hand.
  document.addEventListener("click", (event) => {
    if (!event.target.closest?.('[data-sc="council-not-listed"]')) return;
    update((a) => {
      if (!a.council.code) return;
      delete a.council.code;
      delete a.council.functions;
      Object.assign(a.council, { name: "", region: "", ons_code: "" });
    });
  });
  // The functions the council runs: saved only where they differ from its type's defaults.
  document.addEventListener("change", (event) => {
    const box = event.target;
    if (box.dataset?.sc !== "council-function") return;
    const fieldset = box.closest('[data-sc="council-functions"]');
    const chosen = [...fieldset.querySelectorAll('[data-sc="council-function"]')].filter((b) => b.checked).map((b) => b.value);
    update((a) => {
      const defaults = JSON.parse(fieldset.dataset.typeFunctions)[a.council.type] || [];
      const same = chosen.length === defaults.length && chosen.every((f) => defaults.includes(f));
      if (same) delete a.council.functions;
      else a.council.functions = chosen;
    });
  });
  document.addEventListener("click", (event) => {
    const button = event.target.closest?.(`${FORM} [data-sc="clear"]`);
    if (!button) return;
    for (const input of button.closest("fieldset.sc-question").querySelectorAll("input")) input.checked = false;
    update((a) => delete a.answers[button.dataset.question]);
  });

  // Messages the worker sends before js/engine.js takes it over are kept for it.
  const worker = new Worker(new URL("worker.mjs", new URL(meta("scorecard-assets"), location.href)), { type: "module" });
  worker.early = [];
  worker.onmessage = (event) => worker.early.push(event.data);
  worker.onerror = (event) => worker.early.push({ type: "failed", message: event.message || "the worker could not start" });
  worker.postMessage({ op: "start", payload: { wheel: meta("scorecard-engine") } });

  window.scorecard = { store, worker };
})();
