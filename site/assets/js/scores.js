// Keeps the latest engine result for the saved assessment, re-scoring when something it depends on changes
// (store.js scoringInput: not on each letter of a note, an evidence text or an action's owner, which the pages
// show from the store). Replies that arrive after a newer request are dropped, so the newest answers always win.
import { call, onEngineStatus } from "./engine.js";
import { getAssessment, needsCarryOver, saveCarriedOver, savedByNewerVersion, storedText, subscribe } from "./store.js";

// Each listener -> whether it reads the action list. Only the results page does: elsewhere the engine is asked
// for the live score, the same result without the action list, the unanswered list and the action plan: on every
// change about two thirds of the engine's time and a quarter of the bytes (scorecard/browser.py, live_score).
/**
 * The latest scores: the engine's result for the saved assessment, or why there is none (reason: "loading",
 * "no-council-type", "invalid" with the problems, "engine-failed" (it could not start) or "engine-stopped" with
 * why, "engine-unavailable" (this browser cannot run it: js/browser-check.js); "scored" with a result).
 * @typedef {{ result: Result | LiveResult | null, problems: string[], reason: string }} Scores
 */

/** @type {Map<(scores: Scores) => void, boolean>} */
const listeners = new Map();
/** @type {Scores} */
let latest = { result: null, problems: [], reason: "loading" };
let sequence = 0;
let engineReady = false;
// What the latest request was for: the assessment's scoring input, and whether it asked for the action list.
let asked = { input: "", actions: false };
const { scoringInput } = window.scorecard.rules;
let engineUnavailable = false; // this browser cannot run the engine (js/engine.js): said instead of scores

const wantActions = () => [...listeners.values()].includes(true);
const lacksActions = (/** @type {Scores} */ value) => Boolean(value.result) && !("actions" in /** @type {object} */ (value.result));

// Whether the scores shown are for the saved answers ("current") or a newer score is on its way
// ("updating"): on the page's root element as data-scores, for styles and for tests that must wait
// until the engine has decided which questions to show before pressing the next one.
/** @param {"current" | "updating"} state */
function showState(state) {
  document.documentElement.dataset.scores = state;
}

/** @param {Scores} value */
function publish(value) {
  latest = value;
  showState("current");
  for (const [listener, actions] of listeners) if (!(actions && lacksActions(value))) listener(latest);
}

async function rescore() {
  const assessment = getAssessment();
  if (engineUnavailable) {
    publish({ result: null, problems: [], reason: "engine-unavailable" });
    return;
  }
  if (!assessment.council.type) {
    asked = { input: "", actions: false };
    publish({ result: null, problems: [], reason: "no-council-type" });
    return;
  }
  if (!engineReady) return;
  const input = JSON.stringify(scoringInput(assessment));
  const actions = wantActions();
  // Asked already, and the answer is coming or has come: nothing the result depends on has changed since.
  if (input === asked.input && (asked.actions || !actions) && latest.reason !== "invalid") return;
  asked = { input, actions };
  const mine = ++sequence;
  showState("updating");
  const reply = await call(actions ? "score" : "live_score", assessment);
  if (mine !== sequence || (!reply.ok && reply.stopped)) return; // stopped: the engine's status says so
  if (reply.ok && hasOldIds(reply.result)) carryOver();
  publish({
    result: reply.ok ? reply.result : null,
    problems: reply.ok ? [] : reply.problems,
    reason: reply.ok ? "scored" : "invalid",
  });
}

// A listener that reads the action list ({ actions: true }) is first called with a result that has one.
/**
 * @param {(scores: Scores) => void} listener
 * @param {{ actions?: boolean }} [options]
 */
export function onScores(listener, { actions = false } = {}) {
  listeners.set(listener, actions);
  if (actions && lacksActions(latest)) rescore();
  else listener(latest);
  return () => listeners.delete(listener);
}

export function latestScores() {
  return latest;
}

// Answers saved against an older question bank (or under ids it no longer knows) are moved to
// their new questions, or set aside, by the engine (it decides which), so the form shows them.
// Runs once the engine is ready, before the first score, and whenever a score shows old ids still
// in the answers (another tab on an older version wrote them). Answers given before the engine was
// ready are part of what it reads: site/early/store.js keeps the old bank version on them until then.
// The bank version stays the old one until the next edit, so the results page says what changed.
let carrying = null;
function carryOver() {
  carrying ||= (async () => {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const sent = storedText();
      if (sent === null) return;
      const reply = await call("import", { text: sent });
      if (!reply.ok || saveCarriedOver(sent, reply.assessment)) return; // a file it cannot read: the score says why
    }
  })().finally(() => {
    carrying = null;
  });
  return carrying;
}

/** @param {Result | LiveResult} result */
function hasOldIds(result) {
  if (savedByNewerVersion()) return false; // its new questions are unknown here: never set them aside
  const answers = getAssessment().answers;
  // An answer kept aside for a question still asked stays where it is: only unknown ones leave the answers.
  return result.changes.carried_over.some((c) => c.from in answers)
    || result.changes.set_aside.some((s) => s.reason !== "kept_aside" && s.question in answers);
}

let started = false;
export function startScoring() {
  if (started) return;
  started = true;
  subscribe(() => rescore());
  onEngineStatus((status) => {
    engineReady = status.state === "ready";
    if (engineReady) (needsCarryOver() ? carryOver() : Promise.resolve()).then(rescore);
    else if (status.state === "failed") publish({ result: null, problems: [status.message], reason: status.stopped ? "engine-stopped" : "engine-failed" });
    else if (status.state === "unavailable") {
      engineUnavailable = true;
      rescore();
    }
  });
}
