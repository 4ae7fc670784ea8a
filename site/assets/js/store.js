// The officer's assessment, saved in this browser only (localStorage), in the same JSON
// format as the exported file the command line scores.
const KEY = "scorecard.assessment.v1";
const subscribers = new Set();
let current = null;
let saveError = "";

function bankVersion() {
  const meta = document.querySelector('meta[name="scorecard-bank-version"]');
  return meta ? meta.content : "";
}

function today() {
  return new Date().toISOString().slice(0, 10);
}

export function blankAssessment() {
  return {
    format: "scorecard-assessment",
    format_version: 1,
    council: { name: "", type: "" },
    assessment_date: today(),
    bank_version: bankVersion(),
    answers: {},
    notes: {},
  };
}

export function getAssessment() {
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

export function lastSaveError() {
  return saveError;
}

// Apply a change to the assessment, stamp today's date and the bank it is now answered
// against, save and notify.
export function update(change) {
  change(getAssessment());
  current.assessment_date = today();
  current.bank_version = bankVersion();
  persist();
}

export function currentBankVersion() {
  return bankVersion();
}

export function replaceAssessment(assessment) {
  current = assessment;
  persist();
}

export function clearAssessment() {
  try {
    localStorage.removeItem(KEY);
  } catch (error) {
    /* nothing saved to remove */
  }
  current = blankAssessment();
  persist();
}

export function subscribe(subscriber) {
  subscribers.add(subscriber);
  return () => subscribers.delete(subscriber);
}
