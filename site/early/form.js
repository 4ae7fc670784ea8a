// The form, before the modules have loaded: what is typed, clicked or picked on any page is saved
// at once through the store (site/early/store.js, inlined before this file), and a theme page's
// questions are shown as saved as each is parsed (an inline script at the end of each question,
// site/templates/theme.md.j2), so the form is never painted empty and filled once the modules run.
// js/form.js shows them again on each change and engine result, through window.scorecard.form.
// The listeners are on the document, so they work on every page Material's instant navigation
// swaps in. What each field saves is the store's rule (evidenceEntry, planEntry, functionsToSave).
(() => {
  const { store, rules, tn } = window.scorecard;
  const FORM = '[data-sc="theme-form"]';
  /** @type {Record<string, string>} */
  const COUNCIL_FIELDS = { "council-name": "name", "council-type": "type", "council-region": "region", "council-ons": "ons_code" };

  /** @param {HTMLElement} fieldset @param {string | string[] | undefined} value */
  function writeAnswer(fieldset, value) {
    for (const input of fieldset.querySelectorAll("input")) {
      input.checked = Array.isArray(value) ? value.includes(input.value) : input.value === value;
    }
  }

  /**
   * A question's saved answer, note and evidence (answers given in another tab arrive here too).
   * @param {HTMLElement} fieldset
   * @param {StoredAssessment} assessment
   */
  function showSavedQuestion(fieldset, assessment) {
    const id = /** @type {string} */ (fieldset.dataset.question);
    writeAnswer(fieldset, assessment.answers[id]);
    const note = /** @type {HTMLTextAreaElement} */ (fieldset.querySelector('[data-sc="note"]'));
    const text = assessment.notes[id] || "";
    if (note.value !== text) note.value = text;
    const evidence = (assessment.evidence || {})[id];
    const evidenceText = evidence ? evidence.link || evidence.reference || "" : "";
    const textField = /** @type {HTMLInputElement | null} */ (fieldset.querySelector('[data-sc="evidence-text"]'));
    const dateField = /** @type {HTMLInputElement | null} */ (fieldset.querySelector('[data-sc="evidence-date"]'));
    if (textField && textField.value.trim() !== evidenceText) textField.value = evidenceText;
    for (const name of ["strength", "result", "reviewer"]) {
      const field = /** @type {HTMLInputElement | HTMLSelectElement | null} */ (fieldset.querySelector(`[data-sc="evidence-${name}"]`));
      const saved = String((evidence && evidence[/** @type {"strength" | "result" | "reviewer"} */ (name)]) || "");
      if (field && field.value.trim() !== saved) field.value = saved;
    }
    if (dateField) {
      if (dateField.value !== ((evidence && evidence.date) || "")) dateField.value = (evidence && evidence.date) || "";
      dateField.disabled = !textField?.value.trim() && !evidence?.strength;
    }
    if (text || evidence) /** @type {HTMLDetailsElement} */ (fieldset.querySelector("details.sc-note")).open = true;
  }

  /** @param {ParentNode} form */
  function showSaved(form) {
    const assessment = store.getAssessment();
    for (const fieldset of form.querySelectorAll("fieldset.sc-question")) showSavedQuestion(/** @type {HTMLElement} */ (fieldset), assessment);
  }

  // The wording of the council's nation, where the engine says the question has one: each
  // [data-wording] group shows its nation's element if the build wrote one, else the base.
  /** @param {HTMLElement} fieldset @param {string | undefined} variant */
  function showWording(fieldset, variant) {
    for (const element of fieldset.querySelectorAll("[data-wording]")) {
      const siblings = [.../** @type {HTMLElement} */ (element.parentElement).children].filter((e) => e instanceof HTMLElement && e.dataset.wording && e.tagName === element.tagName);
      const own = variant && siblings.some((e) => e instanceof HTMLElement && e.dataset.wording === variant);
      /** @type {HTMLElement} */ (element).hidden = /** @type {HTMLElement} */ (element).dataset.wording !== (own ? variant : "base");
    }
  }

  // Which questions are shown is the engine's decision: `entries` maps each question to its entry in
  // the engine's latest result for this assessment. Without one (before the engine has scored it,
  // or when the council type has just changed), every question asked of the council type is shown
  // (data-council-types, written by the build from the engine's bank): nothing the officer may need
  // to answer is hidden.
  const HIDDEN = new Set(["not_asked", "not_for_council_type"]);
  /**
   * @param {HTMLElement} fieldset
   * @param {QuestionEntries | null} entries
   * @param {string} type
   */
  function showQuestion(fieldset, entries, type) {
    const entry = entries && entries.get(/** @type {string} */ (fieldset.dataset.question));
    const status = entries
      ? entry?.status
      : type && !(fieldset.dataset.councilTypes || "").split(" ").includes(type) ? "not_for_council_type" : "shown";
    fieldset.hidden = HIDDEN.has(status || "");
    // Before the engine's result, the council type's nation (the build writes each type's nation on the form):
    // the law and wording shown are never another nation's, not even for a moment.
    const form = /** @type {HTMLElement | null} */ (fieldset.closest(FORM));
    const nation = entries ? entry?.variant : JSON.parse(form?.dataset.typeNations || "{}")[type];
    showWording(fieldset, nation || undefined);
    // The engine's word on this answer's evidence: a duty or control met, not evidenced; evidence short or stale
    const note = /** @type {HTMLElement | null} */ (fieldset.querySelector('[data-sc="evidence-note"]'));
    if (note && entries) {
      const text = (entry && entry.evidence_note) || "";
      if (note.textContent !== text) note.textContent = text;
      note.hidden = !text;
    }
    return status;
  }

  /** @param {HTMLElement} form @param {QuestionEntries | null} entries */
  function showQuestions(form, entries) {
    const type = store.getAssessment().council.type;
    let notForType = 0;
    for (const fieldset of form.querySelectorAll("fieldset.sc-question")) {
      if (showQuestion(/** @type {HTMLElement} */ (fieldset), entries, type) === "not_for_council_type") notForType += 1;
    }
    const note = /** @type {HTMLElement} */ (form.querySelector(".sc-hidden-note"));
    note.textContent = notForType ? tn("%(count)s question(s) in this theme do not apply to your council (its nation, or a function it does not run) and are hidden.",
      "%(count)s question(s) in this theme do not apply to your council (its nation, or a function it does not run) and are hidden.", notForType) : "";
  }

  /** @param {HTMLElement} fieldset */
  function readAnswer(fieldset) {
    const inputs = [...fieldset.querySelectorAll("input")];
    if (fieldset.dataset.type === "multi") {
      if (inputs.some((i) => i.value === rules.NA && i.checked)) return rules.NA;
      const chosen = inputs.filter((i) => i.checked).map((i) => i.value);
      return chosen.length ? chosen : undefined;
    }
    const checked = inputs.find((i) => i.checked);
    return checked ? checked.value : undefined;
  }

  /** The field an event came from, with its data-sc hook and data attributes (any element may be one). @param {Event} event */
  const fieldOf = (event) => /** @type {HTMLInputElement} */ (event.target);

  document.addEventListener("change", (event) => {
    const input = fieldOf(event);
    const fieldset = /** @type {HTMLElement | null} */ (input.closest?.(`${FORM} fieldset.sc-question`));
    if (!fieldset || input.tagName !== "INPUT") return;
    if (fieldset.dataset.type === "multi" && input.checked) {
      // "Not applicable", and an option given on its own ("None of these", data-exclusive), clear the
      // others; any other option clears them.
      const alone = (/** @type {HTMLInputElement} */ box) => box.value === rules.NA || "exclusive" in box.dataset;
      for (const other of fieldset.querySelectorAll("input")) {
        if (other !== input && (alone(input) || alone(other))) other.checked = false;
      }
    }
    store.change(/** @type {string} */ (fieldset.dataset.question), readAnswer(fieldset));
  });
  document.addEventListener("input", (event) => {
    const note = fieldOf(event);
    if (note.dataset?.sc !== "note" || !note.closest(FORM)) return;
    store.change(`notes.${note.dataset.question}`, note.value);
  });
  // Council name, type, region and ONS code, on the home page and each theme page's council bar.
  // A new type starts from its default functions.
  /** @param {Event} event */
  function councilField(event) {
    const field = fieldOf(event);
    const key = COUNCIL_FIELDS[field.dataset?.sc || ""];
    if (!key || (event.type === "change") !== (field.tagName === "SELECT")) return;
    // A code not in the form the field's pattern gives (the engine's, written by the build) is not saved: the engine
    // would refuse the whole assessment. js/council.js says why beside the field.
    if (field.validity?.patternMismatch) return;
    /** @type {[string, any][]} */
    const entries = [[`council.${key}`, field.value.trim()]];
    const council = store.getAssessment().council;
    if (key === "type" && council.type !== field.value && council.functions) entries.unshift(["council.functions", undefined]);
    store.changeAll(entries);
  }
  document.addEventListener("input", councilField);
  document.addEventListener("change", councilField);
  // A council picked from the register (the home page's <select>, or the search field that
  // stands in for it): its name, type, region, GSS code and register code, from the option.
  document.addEventListener("change", (event) => {
    const select = /** @type {HTMLSelectElement} */ (event.target);
    if (select.dataset?.sc !== "council-pick" || !select.value) return;
    const option = select.selectedOptions[0];
    const before = store.getAssessment().council;
    /** @type {[string, any][]} */
    const entries = [
      ["council.name", (option.textContent || "").trim()],
      ["council.type", option.dataset.type],
      ["council.region", option.dataset.region || ""],
      ["council.ons_code", option.dataset.gss || ""],
      ["council.code", select.value],
    ];
    if ((before.code !== select.value || before.type !== option.dataset.type) && before.functions) entries.push(["council.functions", undefined]);
    store.changeAll(entries);
  });
  // "My council is not listed": the council is no longer the register's; the officer gives it by hand.
  document.addEventListener("click", (event) => {
    if (!fieldOf(event).closest?.('[data-sc="council-not-listed"]')) return;
    if (!store.getAssessment().council.code) return;
    store.changeAll(["code", "functions", "name", "region", "ons_code"].map((key) => [`council.${key}`, undefined]));
  });
  // The functions the council runs: saved only where they differ from its type's defaults.
  document.addEventListener("change", (event) => {
    const box = fieldOf(event);
    if (box.dataset?.sc !== "council-function") return;
    const fieldset = /** @type {HTMLElement} */ (box.closest('[data-sc="council-functions"]'));
    const boxes = /** @type {NodeListOf<HTMLInputElement>} */ (fieldset.querySelectorAll('[data-sc="council-function"]'));
    const chosen = [...boxes].filter((b) => b.checked).map((b) => b.value);
    const defaults = JSON.parse(fieldset.dataset.typeFunctions || "{}")[store.getAssessment().council.type] || [];
    store.change("council.functions", rules.functionsToSave(chosen, defaults));
  });
  // Evidence for an answer: a link or a document reference, its date, what it is (its strength), a test's result
  // and who verified it (store.js, evidenceEntry).
  const EVIDENCE_FIELDS = ["evidence-text", "evidence-date", "evidence-strength", "evidence-result", "evidence-reviewer"];
  /** @param {Event} event */
  function evidenceField(event) {
    const field = fieldOf(event);
    if (!EVIDENCE_FIELDS.includes(field.dataset?.sc || "") || !field.closest(FORM)) return;
    const box = /** @type {HTMLElement} */ (field.closest('[data-sc="evidence"]'));
    const value = (/** @type {string} */ name) => /** @type {HTMLInputElement} */ (box.querySelector(`[data-sc="evidence-${name}"]`)).value;
    const date = /** @type {HTMLInputElement} */ (box.querySelector('[data-sc="evidence-date"]'));
    date.disabled = !value("text").trim() && !value("strength");
    store.change(`evidence.${box.dataset.question}`, rules.evidenceEntry(value("text"), date.value, { strength: value("strength"), result: value("result"), reviewer: value("reviewer") }));
  }
  document.addEventListener("input", evidenceField);
  document.addEventListener("change", (event) => { if (fieldOf(event).tagName === "SELECT") evidenceField(event); });
  // An action's owner, due date, status, note and reason (results page). "Not planned" needs a
  // reason: until one is given the status stays as saved, and the page says so (store.js, planEntry).
  /** @param {Event} event */
  function planField(event) {
    const field = fieldOf(event);
    const box = /** @type {HTMLElement | null} */ (field.closest?.('[data-sc="plan"][data-question]'));
    if (!box || !field.dataset?.plan) return;
    const chosen = event.type === "choose"; // a status chosen with the keyboard (below)
    if (!chosen && (event.type === "change") !== (field.tagName === "SELECT" || field.type === "date")) return;
    if (!chosen && field.dataset.passing) return; // arrowed to, not chosen yet
    const status = /** @type {HTMLSelectElement | null} */ (box.querySelector('[data-plan="status"]'))?.value || "";
    // The field changed, merged into the entry as saved now (store.js, changePlanField): another tab's change to
    // another field of it a moment ago is kept.
    store.changePlanField(/** @type {string} */ (box.dataset.question), field.dataset.plan, /** @type {HTMLInputElement} */ (field).value, status);
  }
  document.addEventListener("input", planField);
  document.addEventListener("change", planField);
  // An action's status is saved when it is chosen, not while the keyboard passes over it: Chromium changes a closed
  // <select>, and fires change, at each arrow key (an action became Done on the way to Not planned). After such
  // keys the status is saved on Enter, or when the focus leaves the field.
  const PASSING = new Set(["ArrowUp", "ArrowDown", "ArrowLeft", "ArrowRight", "Home", "End", "PageUp", "PageDown"]);
  /** @param {Event} event */
  const choose = (event) => {
    const field = fieldOf(event);
    if (field.dataset?.plan !== "status" || !field.dataset.passing) return;
    delete field.dataset.passing;
    field.dispatchEvent(new Event("choose", { bubbles: true }));
  };
  document.addEventListener("keydown", (event) => {
    const field = fieldOf(event);
    if (field.dataset?.plan !== "status") return;
    if (event.key === "Enter") choose(event);
    else if (!event.altKey && (PASSING.has(event.key) || (event.key.length === 1 && event.key !== " "))) field.dataset.passing = "true";
  });
  document.addEventListener("focusout", choose);
  document.addEventListener("choose", planField);
  // An outcome indicator's period, counts and note (results page): the whole entry from its fields (store.js, indicatorEntry).
  document.addEventListener("input", (event) => {
    const box = /** @type {HTMLElement | null} */ (fieldOf(event).closest?.('[data-sc="indicator"][data-indicator]'));
    if (!box) return;
    const value = (/** @type {string} */ name) => /** @type {HTMLInputElement} */ (box.querySelector(`[data-field="${name}"]`)).value;
    /** @type {{ [id: string]: string }} */
    const counts = {};
    for (const field of /** @type {NodeListOf<HTMLInputElement>} */ (box.querySelectorAll("[data-count]"))) counts[/** @type {string} */ (field.dataset.count)] = field.value;
    store.changeIndicator(/** @type {string} */ (box.dataset.indicator), { from: value("from"), to: value("to"), note: value("note"), counts });
  });
  // Who answers which theme (the lead's assignments), and the officer's own name.
  document.addEventListener("input", (event) => {
    const field = fieldOf(event);
    if (field.dataset?.sc === "assign") store.change(`assignments.${field.dataset.key}`, field.value.trim() || undefined);
    else if (field.dataset?.sc === "my-name") store.setMyName(field.value);
  });
  // The council's own target tier for a theme (results page): "" clears it.
  document.addEventListener("change", (event) => {
    const field = fieldOf(event);
    if (field.dataset?.sc === "target") store.change(`targets.${field.dataset.key}`, field.value || undefined);
  });
  document.addEventListener("click", (event) => {
    const button = /** @type {HTMLElement | null} */ (fieldOf(event).closest?.(`${FORM} [data-sc="clear"]`));
    if (!button) return;
    for (const input of /** @type {HTMLElement} */ (button.closest("fieldset.sc-question")).querySelectorAll("input")) input.checked = false;
    store.change(/** @type {string} */ (button.dataset.question), undefined);
  });

  // Moving into a question from outside it (Tab, Shift+Tab, a link): the browser scrolls the control
  // into view, which with a long hint leaves the question itself above the screen. Bring the
  // question's legend in too (below the sticky score line: its scroll-margin) when both fit.
  // Not while a pointer is pressed: a mouse pressing an option focuses it on the way down, and a
  // scroll then would move the option from under the pointer, so the press would land elsewhere and
  // the click be lost.
  let pressing = false;
  addEventListener("pointerdown", () => { pressing = true; }, true);
  for (const type of ["pointerup", "pointercancel"]) addEventListener(type, () => { pressing = false; }, true);
  document.addEventListener("focusin", (event) => {
    const field = fieldOf(event);
    const fieldset = /** @type {HTMLElement | null} */ (field.closest?.(`${FORM} fieldset.sc-question`));
    const from = /** @type {Node | null} */ (event.relatedTarget);
    if (pressing || !fieldset || (from && fieldset.contains(from))) return;
    const legend = /** @type {HTMLElement} */ (fieldset.querySelector("legend"));
    const top = legend.getBoundingClientRect().top;
    if (top >= 0 && top < innerHeight) return;
    const margin = parseFloat(getComputedStyle(legend).scrollMarginTop) || 0;
    if (field.getBoundingClientRect().bottom - top + margin <= innerHeight) legend.scrollIntoView({ block: "start" });
  });

  window.scorecard.form = {
    showSaved,
    showQuestions,
    // The inline script at the end of each question of a theme page: shown as saved as soon as it is parsed.
    showParsedQuestion(fieldset) {
      const assessment = store.getAssessment();
      showSavedQuestion(fieldset, assessment);
      showQuestion(fieldset, null, assessment.council.type);
    },
  };
})();
