// The question form on a theme page, and the council details on the home page. Answers are
// saved as they are given by site/early/form.js (before this module has loaded); mounting a page
// shows the saved answers, shows the questions the engine asks and follows the live score.
import { getAssessment, myName, subscribe } from "./store.js";
import { latestScores, onScores } from "./scores.js";
import { liveAnnouncement, renderLiveScore, renderThemeProgress } from "./views.js";
import { find, findAll, replace } from "./dom.js";
import { noScoresHere } from "./browser-check.js";

// Which questions are shown is the engine's decision: each question's status in its latest
// result for this assessment (site/early/form.js applies it). Until the engine has scored it (or when
// the council type has just changed), every question asked of the council type is shown.
/** @param {string} themeId @param {import("./scores.js").Scores} scores @returns {QuestionEntries | null} */
function entriesFor(themeId, scores) {
  const result = scores.result;
  if (!result || result.council.type !== getAssessment().council.type) return null;
  const theme = result.themes.find((t) => t.id === themeId);
  return theme ? new Map(theme.questions.map((q) => [q.id, q])) : null;
}

const { showQuestions, showSaved } = window.scorecard.form;

/** @param {HTMLElement} root */
export function mountThemePage(root) {
  const form = find(root, '[data-sc="theme-form"]');
  const themeId = root.dataset.theme || "";
  const line = find(root, '[data-sc="live-score"]');
  const details = find(root, '[data-sc="live-details"]');
  const announce = find(root, '[data-sc="live-announce"]');
  /** @type {string | null} */
  let said = null; // the score and tier last shown: a change of them, and nothing else, is announced
  showSaved(form);
  const stopStore = subscribe(() => {
    showSaved(form);
    showQuestions(form, entriesFor(themeId, latestScores()));
  });
  const stopScores = onScores((scores) => {
    showQuestions(form, entriesFor(themeId, scores));
    // Where this browser cannot run the engine, the panel says so (here, not in views.js: Node's rule tests load it)
    if (scores.reason === "engine-unavailable") {
      replace(line, noScoresHere());
      replace(details);
    } else renderLiveScore(line, details, themeId, scores);
    const now = liveAnnouncement(scores, themeId);
    if (said !== null && now !== said) announce.textContent = now;
    if (scores.result) said = now;
  });
  return () => {
    stopStore();
    stopScores();
  };
}

/** @type {{ [hook: string]: string }} */
const COUNCIL_FIELDS = { "council-name": "name", "council-type": "type", "council-region": "region", "council-ons": "ons_code" };

// Council name, type, region and ONS code, wherever they appear on a page, show what is saved
// (site/early/form.js saves what the officer types, through the one writer of the saved assessment).
/** @param {ParentNode} root */
export function mountCouncilFields(root) {
  const show = () => {
    const council = getAssessment().council;
    for (const [hook, key] of Object.entries(COUNCIL_FIELDS)) {
      for (const field of root.querySelectorAll(`[data-sc="${hook}"]`)) {
        if (!(field instanceof HTMLInputElement || field instanceof HTMLSelectElement)) continue;
        const saved = String(council[key] || "");
        // Typing "Example " is saved trimmed: leave the field alone while it only differs in spaces.
        if (field.value.trim() !== saved) field.value = saved;
      }
    }
    for (const field of findAll(root, '[data-sc="my-name"]', HTMLInputElement)) { // the officer's own name (this browser only)
      if (field !== document.activeElement && field.value.trim() !== myName()) field.value = myName();
    }
  };
  show();
  return subscribe(show);
}

/** @param {ParentNode} root */
export function mountThemeList(root) {
  const list = find(root, '[data-sc="theme-list"]');
  return onScores((scores) => renderThemeProgress(list, scores, root.querySelector('[data-sc="themes-completed"]')));
}
