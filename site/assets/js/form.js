// The question form on a theme page, and the council details on the home page.
// The form works before the engine has loaded: answers are saved as they are given.
import { getAssessment, update } from "./store.js";
import { onScores } from "./scores.js";
import { renderLiveScore, renderThemeProgress } from "./views.js";

const NA = "n/a";

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

function writeAnswer(fieldset, value) {
  for (const input of fieldset.querySelectorAll("input")) {
    input.checked = Array.isArray(value) ? value.includes(input.value) : input.value === value;
  }
}

// Which questions are shown: those for this council type whose follow-on condition holds.
// Display only: which answers count is decided by the engine.
function applyVisibility(form, assessment) {
  const type = assessment.council.type;
  const shown = new Set();
  let hidden = 0;
  for (const fieldset of form.querySelectorAll("fieldset.sc-question")) {
    const forType = !type || fieldset.dataset.appliesTo.split(" ").includes(type);
    const parent = fieldset.dataset.dependsOn;
    const parentAnswer = parent ? assessment.answers[parent] : undefined;
    const conditionHolds = !parent || (shown.has(parent) && fieldset.dataset.answerIn.split(" ").includes(parentAnswer));
    const visible = forType && conditionHolds;
    fieldset.hidden = !visible;
    if (visible) shown.add(fieldset.dataset.question);
    else if (!forType) hidden += 1;
  }
  let note = form.querySelector(".sc-hidden-note");
  if (!note) {
    note = document.createElement("p");
    note.className = "sc-hidden-note sc-hint";
    form.prepend(note);
  }
  note.textContent = hidden ? `${hidden} question(s) in this theme do not apply to your type of council and are hidden.` : "";
}

export function mountThemePage(root) {
  const form = root.querySelector('[data-sc="theme-form"]');
  const assessment = getAssessment();
  for (const fieldset of form.querySelectorAll("fieldset.sc-question")) {
    const id = fieldset.dataset.question;
    writeAnswer(fieldset, assessment.answers[id]);
    const note = fieldset.querySelector('[data-sc="note"]');
    note.value = assessment.notes[id] || "";
    if (note.value) fieldset.querySelector("details.sc-note").open = true;
  }
  applyVisibility(form, assessment);

  form.addEventListener("change", (event) => {
    const fieldset = event.target.closest("fieldset.sc-question");
    if (!fieldset || event.target.tagName !== "INPUT") return;
    if (fieldset.dataset.type === "multi") {
      // "Not applicable" and real options exclude each other.
      const na = event.target.value === NA;
      for (const input of fieldset.querySelectorAll("input")) {
        if (event.target.checked && input !== event.target && (na || input.value === NA)) input.checked = false;
      }
    }
    const value = readAnswer(fieldset);
    update((a) => {
      if (value === undefined) delete a.answers[fieldset.dataset.question];
      else a.answers[fieldset.dataset.question] = value;
    });
    applyVisibility(form, getAssessment());
  });
  form.addEventListener("input", (event) => {
    if (event.target.dataset.sc !== "note") return;
    const id = event.target.dataset.question;
    update((a) => {
      if (event.target.value) a.notes[id] = event.target.value;
      else delete a.notes[id];
    });
  });
  form.addEventListener("click", (event) => {
    const button = event.target.closest('[data-sc="clear"]');
    if (!button) return;
    const fieldset = button.closest("fieldset.sc-question");
    writeAnswer(fieldset, undefined);
    update((a) => delete a.answers[button.dataset.question]);
    applyVisibility(form, getAssessment());
  });

  const panel = root.querySelector('[data-sc="live-score"]');
  return onScores((scores) => renderLiveScore(panel, root.dataset.theme, scores));
}

const COUNCIL_FIELDS = { "council-name": "name", "council-type": "type", "council-region": "region", "council-ons": "ons_code" };

// Council name, type, region and ONS code, wherever they appear on a page.
export function mountCouncilFields(root) {
  const assessment = getAssessment();
  for (const [hook, key] of Object.entries(COUNCIL_FIELDS)) {
    for (const field of root.querySelectorAll(`[data-sc="${hook}"]`)) {
      field.value = assessment.council[key] || "";
      field.addEventListener(field.tagName === "SELECT" ? "change" : "input", () => {
        update((a) => {
          a.council[key] = field.value.trim();
        });
        const form = root.querySelector('[data-sc="theme-form"]');
        if (form) applyVisibility(form, getAssessment());
      });
    }
  }
}

export function mountThemeList(root) {
  const list = root.querySelector('[data-sc="theme-list"]');
  return onScores((scores) => renderThemeProgress(list, scores));
}
