// The officer's saved assessment. It lives in assets/early.js, which runs inline in <head>
// so that answers are saved before these modules have loaded; this module hands it on.
export const {
  clearAssessment,
  currentBankVersion,
  getAssessment,
  lastSaveError,
  replaceAssessment,
  subscribe,
  update,
} = window.scorecard.store;
