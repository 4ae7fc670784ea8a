// Keeps the latest engine result for the saved assessment, re-scoring on every change.
// Replies that arrive after a newer request are dropped, so the newest answers always win.
import { call, onEngineStatus } from "./engine.js";
import { currentBankVersion, getAssessment, replaceAssessment, subscribe } from "./store.js";

const listeners = new Set();
let latest = { result: null, problems: [], reason: "loading" };
let sequence = 0;
let engineReady = false;

function publish(value) {
  latest = value;
  for (const listener of listeners) listener(latest);
}

async function rescore() {
  const assessment = getAssessment();
  if (!assessment.council.type) {
    publish({ result: null, problems: [], reason: "no-council-type" });
    return;
  }
  if (!engineReady) return;
  const mine = ++sequence;
  const reply = await call("score", assessment);
  if (mine !== sequence) return;
  publish({
    result: reply.ok ? reply.result : null,
    problems: reply.ok ? [] : reply.problems,
    reason: reply.ok ? "scored" : "invalid",
  });
}

export function onScores(listener) {
  listeners.add(listener);
  listener(latest);
  return () => listeners.delete(listener);
}

export function latestScores() {
  return latest;
}

// An assessment saved against an older question bank: move carried-over answers to their
// new questions and keep retired ones aside (the engine decides which), so the form shows them.
// Its bank_version stays the old one until the next edit, so the results page says what changed.
async function migrateSaved() {
  const assessment = getAssessment();
  if (!assessment.council.type || !assessment.bank_version || assessment.bank_version === currentBankVersion()) return;
  const reply = await call("import", { text: JSON.stringify(assessment) });
  if (reply.ok) replaceAssessment(reply.assessment);
}

let started = false;
export function startScoring() {
  if (started) return;
  started = true;
  subscribe(() => rescore());
  onEngineStatus((status) => {
    engineReady = status.state === "ready";
    if (engineReady) migrateSaved().then(rescore);
    else if (status.state === "failed") publish({ result: null, problems: [status.message], reason: "engine-failed" });
  });
}
