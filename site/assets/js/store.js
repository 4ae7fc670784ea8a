// The officer's saved assessment. It lives in site/early/store.js, which runs inline in <head>
// so that answers are saved before these modules have loaded, and is the only code that writes
// saved data; this module hands it on.
export const {
  adoptChanges,
  canUndoImport,
  confirmReview,
  clearAssessment,
  currentBankVersion,
  discardKeptAside,
  discardSetAside,
  getAssessment,
  importAssessment,
  keptAside,
  lastSaveError,
  myName,
  needsCarryOver,
  reviewDraft,
  saveReviewDraft,
  saveCarriedOver,
  savedByNewerVersion,
  setMyName,
  signOff,
  storageAvailable,
  storedText,
  subscribe,
  undoImport,
} = window.scorecard.store;
