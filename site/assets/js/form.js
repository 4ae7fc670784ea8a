// The question form on a theme page, and the council details on the home page. Answers are
// saved as they are given by assets/early.js (before this module has loaded); mounting a page
// shows the saved answers, hides what does not apply and follows the live score.
import { getAssessment, subscribe, update } from "./store.js";
import { onScores } from "./scores.js";
import { renderLiveScore, renderThemeProgress } from "./views.js";

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
  const stopVisibility = subscribe((changed) => applyVisibility(form, changed));
  const panel = root.querySelector('[data-sc="live-score"]');
  const stopScores = onScores((scores) => renderLiveScore(panel, root.dataset.theme, scores));
  return () => {
    stopVisibility();
    stopScores();
  };
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
      });
    }
  }
}

export function mountThemeList(root) {
  const list = root.querySelector('[data-sc="theme-list"]');
  return onScores((scores) => renderThemeProgress(list, scores));
}
