// The question form on a theme page, and the council details on the home page. Answers are
// saved as they are given by site/early.js (before this module has loaded); mounting a page
// shows the saved answers, shows the questions the engine asks and follows the live score.
import { getAssessment, subscribe } from "./store.js";
import { latestScores, onScores } from "./scores.js";
import { renderLiveScore, renderThemeProgress } from "./views.js";

function writeAnswer(fieldset, value) {
  for (const input of fieldset.querySelectorAll("input")) {
    input.checked = Array.isArray(value) ? value.includes(input.value) : input.value === value;
  }
}

// Which questions are shown is the engine's decision: each question's status in its latest
// result for this assessment. Until the engine has scored it (or when the council type has just
// changed), every question asked of the council type is shown (data-council-types, written by
// the build from the engine's bank), so nothing the officer may need to answer is hidden.
const HIDDEN = new Set(["not_asked", "not_for_council_type"]);

function entriesFor(themeId, scores) {
  const result = scores.result;
  if (!result || result.council.type !== getAssessment().council.type) return null;
  const theme = result.themes.find((t) => t.id === themeId);
  return theme ? new Map(theme.questions.map((q) => [q.id, q])) : null;
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

function applyVisibility(form, themeId, scores) {
  const type = getAssessment().council.type;
  const entries = entriesFor(themeId, scores);
  let notForType = 0;
  for (const fieldset of form.querySelectorAll("fieldset.sc-question")) {
    const entry = entries && entries.get(fieldset.dataset.question);
    const status = entries
      ? entry.status
      : type && !fieldset.dataset.councilTypes.split(" ").includes(type) ? "not_for_council_type" : "shown";
    fieldset.hidden = HIDDEN.has(status);
    showWording(fieldset, entry && entry.variant);
    if (status === "not_for_council_type") notForType += 1;
  }
  let note = form.querySelector(".sc-hidden-note");
  if (!note) {
    note = document.createElement("p");
    note.className = "sc-hidden-note sc-hint";
    form.prepend(note);
  }
  note.textContent = notForType ? `${notForType} question(s) in this theme do not apply to your council (its nation, or a function it does not run) and are hidden.` : "";
}

export function mountThemePage(root) {
  const form = root.querySelector('[data-sc="theme-form"]');
  const themeId = root.dataset.theme;
  const panel = root.querySelector('[data-sc="live-score"]');
  showSaved(form);
  const stopStore = subscribe(() => {
    showSaved(form);
    applyVisibility(form, themeId, latestScores());
  });
  const stopScores = onScores((scores) => {
    applyVisibility(form, themeId, scores);
    renderLiveScore(panel, themeId, scores);
  });
  return () => {
    stopStore();
    stopScores();
  };
}

// The saved answers and notes in the form (answers given in another tab arrive here too).
function showSaved(form) {
  const assessment = getAssessment();
  for (const fieldset of form.querySelectorAll("fieldset.sc-question")) {
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
}

const COUNCIL_FIELDS = { "council-name": "name", "council-type": "type", "council-region": "region", "council-ons": "ons_code" };

// Council name, type, region and ONS code, wherever they appear on a page, show what is saved
// (site/early.js saves what the officer types: it is the one writer of the saved assessment).
export function mountCouncilFields(root) {
  const show = () => {
    const council = getAssessment().council;
    for (const [hook, key] of Object.entries(COUNCIL_FIELDS)) {
      for (const field of root.querySelectorAll(`[data-sc="${hook}"]`)) {
        const saved = council[key] || "";
        // Typing "Example " is saved trimmed: leave the field alone while it only differs in spaces.
        if (field.value.trim() !== saved) field.value = saved;
      }
    }
  };
  show();
  return subscribe(show);
}

export function mountThemeList(root) {
  const list = root.querySelector('[data-sc="theme-list"]');
  return onScores((scores) => renderThemeProgress(list, scores));
}
