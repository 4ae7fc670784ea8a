// Review by a peer, by file (scorecard/engine/review.py decides everything; this module lays out what it returns).
// The reviewer's page (review.html): open the assessment file, mark each answer agree or challenge (a comment, a
// proposed answer), mark evidence seen as independently verified, sign and download the review file. The work is
// kept in this browser under its own key (site/early/store.js reviewDraft), never in the assessment saved here.
// The lead's part (results page): import a review file and decide each challenge, accept or reject with a reply.
// Nothing leaves the device: files are read and downloaded here.
import { MAX_FILE_BYTES, call } from "./engine.js";
import { download, find, findAll, h, linked, replace } from "./dom.js";
import { longDate, today } from "./format.js";
import { t, tn } from "./i18n.js";
import { adoptChanges, getAssessment, myName, reviewDraft, saveReviewDraft } from "./store.js";
import { onScores } from "./scores.js";
import { fileStem, replaceKeepingFocus } from "./yearly.js";


/** @param {HTMLElement} box @param {"ok" | "error"} kind @param {Child[]} content */
function say(box, kind, ...content) {
  replace(box, h("div", { class: kind === "error" ? "sc-error" : "sc-ok" }, content));
}

/** A file's text, or null (said in `box`) when it is larger than any file the engine reads.
 * @param {File} file @param {HTMLElement} box */
async function fileText(file, box) {
  if (file.size > MAX_FILE_BYTES) {
    say(box, "error", t("%(name)s is larger than %(limit)s MB: it is not a file the scorecard wrote.", { name: file.name, limit: MAX_FILE_BYTES / 1_000_000 }));
    return null;
  }
  return file.text();
}

// --- the reviewer ------------------------------------------------------------------------------------------------

/** @typedef {{ file: string; assessment: AssessmentFile; review: ReviewFile; sheet: ReviewSheetEntry[]; sign_off?: { name: string; organisation: string; date: string } }} Draft */

/** One answer to mark: agree, challenge (a comment, a proposed answer), and the evidence seen.
 * @param {Draft} draft @param {ReviewSheetEntry} entry */
function markFields(draft, entry) {
  const q = entry.question;
  const mark = draft.review.marks[q];
  const radio = (/** @type {string} */ value, /** @type {string} */ label) => h("div", { class: "sc-option" },
    h("input", { type: "radio", id: `sc-mark-${q}-${value || "none"}`, name: `sc-mark-${q}`, value, "data-field": "mark", checked: (mark?.mark || "") === value }),
    h("label", { for: `sc-mark-${q}-${value || "none"}` }, label));
  const proposed = mark?.proposed === undefined ? [] : [mark.proposed].flat();
  return h("fieldset", { class: "sc-review-item", "data-question": q },
    h("legend", {}, `${q} ${entry.text}`),
    h("p", {}, h("strong", {}, t("Answer:")), " ", entry.answer),
    entry.evidence ? h("p", {}, h("strong", {}, t("Evidence:")), " ", entry.evidence) : null,
    h("div", { class: "sc-radios", role: "radiogroup", "aria-label": t("Your mark on %(question)s", { question: q }) },
      radio("", t("Not marked")), radio("agree", t("Agree")), radio("challenge", t("Challenge"))),
    h("div", { class: "sc-field" },
      h("label", { for: `sc-comment-${q}` }, t("Comment (why you challenge it, or what you saw)")),
      h("textarea", { id: `sc-comment-${q}`, rows: "2", "data-field": "comment" }, mark?.comment || "")),
    h("div", { class: "sc-field" },
      h("label", { for: `sc-proposed-${q}` }, entry.multi ? t("Proposed answer (a challenge only; choose any that apply)") : t("Proposed answer (a challenge only)")),
      h("select", { id: `sc-proposed-${q}`, "data-field": "proposed", multiple: entry.multi },
        entry.multi ? null : h("option", { value: "" }, t("No proposed answer")),
        entry.options.map((o) => h("option", { value: o.id, selected: proposed.includes(o.id) }, o.label)))),
    entry.evidence ? h("div", { class: "sc-option" },
      h("input", { type: "checkbox", id: `sc-verified-${q}`, "data-field": "verified", checked: draft.review.verified?.includes(q) }),
      h("label", { for: `sc-verified-${q}` }, t("I saw this evidence: mark it independently verified"))) : null);
}

/** The marks as the page's fields give them, into the draft's review file.
 * @param {HTMLElement} sheet @param {Draft} draft */
function readMarks(sheet, draft) {
  /** @type {ReviewFile["marks"]} */
  const marks = {};
  /** @type {string[]} */
  const verified = [];
  for (const item of findAll(sheet, "fieldset[data-question]")) {
    const q = item.dataset.question || "";
    const mark = item.querySelector('[data-field="mark"]:checked');
    const comment = find(item, '[data-field="comment"]', HTMLTextAreaElement).value;
    const select = find(item, '[data-field="proposed"]', HTMLSelectElement);
    const chosen = [...select.selectedOptions].map((o) => o.value).filter(Boolean);
    if (mark instanceof HTMLInputElement && mark.value) {
      /** @type {ReviewFile["marks"][string]} */
      const entry = { mark: mark.value === "agree" ? "agree" : "challenge" };
      if (comment.trim()) entry.comment = comment;
      if (entry.mark === "challenge" && chosen.length) entry.proposed = select.multiple ? chosen : chosen[0];
      marks[q] = entry;
    }
    if (item.querySelector('[data-field="verified"]:checked')) verified.push(q);
  }
  draft.review = { ...draft.review, marks, verified };
}

/** @param {Draft} draft */
function reviewerSheet(draft) {
  const council = draft.assessment.council.name;
  const themes = [...new Set(draft.sheet.map((e) => e.theme))];
  const signed = draft.sign_off || { name: "", organisation: "", date: today() };
  const field = (/** @type {string} */ id, /** @type {string} */ label, /** @type {string} */ value, type = "text") =>
    h("div", { class: "sc-field" }, h("label", { for: `sc-review-${id}` }, label),
      h("input", { type, id: `sc-review-${id}`, "data-sign": id, value, autocomplete: id === "name" ? "name" : id === "organisation" ? "organization" : "off" }));
  return [
    h("h2", { id: "reviewing" }, council ? t("Reviewing %(council)s", { council }) : t("Reviewing a council without a name")),
    h("p", {}, t("From %(file)s: the assessment dated %(date)s, %(answers)s.", { file: draft.file, date: longDate(draft.assessment.assessment_date) || "",
      answers: tn("%(count)s answer", "%(count)s answers", draft.sheet.length) }), " ",
    t("Mark each answer you checked. Your marks are kept in this browser as you go, apart from any assessment of your own.")),
    themes.map((theme) => [
      h("h3", {}, draft.sheet.find((e) => e.theme === theme)?.theme_title || theme),
      draft.sheet.filter((e) => e.theme === theme).map((e) => markFields(draft, e)),
    ]),
    h("h2", { id: "sign-the-review" }, t("Sign the review")),
    h("p", {}, t("Your name and organisation go with every mark into the lead's assessment. The review file holds only your marks.")),
    field("name", t("Your name"), signed.name),
    field("organisation", t("Your organisation"), signed.organisation),
    field("date", t("Date of the review"), signed.date, "date"),
    h("div", { class: "sc-toolbar" },
      h("button", { type: "button", class: "md-button md-button--primary", "data-sc": "sign-review" }, t("Sign and download the review")),
      h("button", { type: "button", class: "md-button sc-danger", "data-sc": "discard-review" }, t("Discard this review"))),
  ];
}

/** The reviewer's page: open an assessment file, mark it, sign and download the review.
 * @param {HTMLElement} root */
export function mountReviewer(root) {
  const input = find(root, '[data-sc="review-file"]', HTMLInputElement);
  const box = find(root, '[data-sc="review-message"]');
  const sheet = find(root, '[data-sc="review-sheet"]');
  /** @type {Draft | null} */
  let draft = /** @type {Draft | null} */ (reviewDraft());
  const show = () => replace(sheet, draft ? reviewerSheet(draft) : null);
  const keep = () => {
    if (!draft) return;
    readMarks(sheet, draft);
    const value = (/** @type {string} */ id) => find(sheet, `[data-sign="${id}"]`, HTMLInputElement).value.trim();
    draft.sign_off = { name: value("name"), organisation: value("organisation"), date: value("date") };
    if (!saveReviewDraft(draft)) say(box, "error", t("Your marks could not be kept in this browser (no room, or it keeps no data): they last only while this tab is open. Sign and download the review before you close it."));
  };
  sheet.addEventListener("change", keep);
  sheet.addEventListener("input", keep);

  input.addEventListener("change", async () => {
    const file = input.files?.[0];
    input.value = "";
    if (!file) return;
    const text = await fileText(file, box);
    if (text === null) return;
    const read = await call("import", { text });
    if (!read.ok) return say(box, "error", h("p", {}, t("%(name)s cannot be reviewed:", { name: file.name })), h("ul", {}, read.problems.map((p) => h("li", {}, p))));
    const started = await call("review_start", read.assessment);
    if (!started.ok) return say(box, "error", t("%(name)s cannot be reviewed: %(problems)s", { name: file.name, problems: started.problems.join("; ") }));
    draft = { file: file.name, assessment: read.assessment, review: started.review, sheet: started.sheet };
    saveReviewDraft(draft);
    show();
    say(box, "ok", tn("Opened %(name)s for review: %(count)s answer to mark.", "Opened %(name)s for review: %(count)s answers to mark.", started.sheet.length, { name: file.name }));
  });

  sheet.addEventListener("click", async (event) => {
    const button = event.target instanceof Element ? event.target.closest("button[data-sc]") : null;
    if (!(button instanceof HTMLButtonElement) || !draft) return;
    if (button.dataset.sc === "discard-review") {
      draft = null;
      saveReviewDraft(null);
      show();
      return say(box, "ok", t("The review is discarded from this browser."));
    }
    keep();
    const signed = draft.sign_off;
    if (!signed || !signed.name || !signed.organisation || !signed.date) return say(box, "error", t("To sign the review, give your name, your organisation and the date."));
    const reply = await call("review_sign", { assessment: draft.assessment, review: { ...draft.review, sign_off: signed } });
    if (!reply.ok) return say(box, "error", h("p", {}, t("The review was not signed:")), h("ul", {}, reply.problems.map((p) => h("li", {}, p))));
    const name = `${fileStem(draft.assessment, "review")}.json`;
    download(name, "application/json", JSON.stringify(reply.review, null, 2) + "\n");
    const marks = Object.values(reply.review.marks);
    const challenged = marks.filter((m) => m.mark === "challenge").length;
    say(box, "ok", t("Signed and downloaded %(name)s: %(agreed)s agreed, %(challenged)s challenged, %(verified)s evidence verified. Send it to the lead; nothing was sent from this browser.",
      { name, agreed: marks.length - challenged, challenged, verified: (reply.review.verified || []).length }));
  });
  show();
  return () => {};
}

// --- the lead ------------------------------------------------------------------------------------------------------

/** @param {Result.PeerReview | null | undefined} found */
function leadSection(found) {
  const open = (found?.challenges || []).filter((c) => c.decision === "open");
  const decided = (found?.challenges || []).filter((c) => c.decision !== "open");
  return [
    h("h2", { id: "peer-review" }, t("Peer review")),
    h("p", {}, linked(t("A reviewer from outside the service checks your answers on the [Review an assessment] page, from the file you send them (Export assessment), and sends back a review file. Import it here: their marks are added, and each challenge waits for your decision."), "review.html")),
    h("label", { class: "md-button sc-file-button", for: "sc-review-import" }, t("Import a peer review (JSON file)")),
    h("input", { type: "file", id: "sc-review-import", class: "sc-visually-hidden", accept: ".json,application/json", "data-sc": "review-import" }),
    found ? h("p", { "data-sc": "peer-review-summary" }, found.message) : null,
    open.length ? [
      h("h3", {}, t("Challenges to decide")),
      open.map((c) => h("div", { class: "sc-challenge", "data-question": c.question },
        h("p", {}, c.message),
        h("button", { type: "button", class: "md-button", "data-sc": "accept-challenge", "data-question": c.question },
          c.proposed ? t("Accept: answer “%(answer)s”", { answer: c.proposed }) : t("Accept the challenge")),
        h("div", { class: "sc-field" },
          h("label", { for: `sc-reply-${c.question}` }, t("Your reply to the challenge on %(question)s", { question: c.question })),
          h("textarea", { id: `sc-reply-${c.question}`, rows: "2" })),
        h("button", { type: "button", class: "md-button", "data-sc": "reject-challenge", "data-question": c.question }, t("Reject with this reply")))),
    ] : null,
    decided.length ? [h("h3", {}, t("Challenges decided")), h("ul", {}, decided.map((c) => h("li", { "data-question": c.question }, c.message)))] : null,
  ];
}

/** The results page's peer review section: import a review file, decide its challenges.
 * @param {HTMLElement} root */
export function mountLeadReview(root) {
  const area = /** @type {HTMLElement | null} */ (root.querySelector('[data-sc="peer-review-area"]'));
  if (!area) return () => {};
  const box = find(root, '[data-sc="peer-review-message"]'); // beside the section's buttons
  area.addEventListener("change", async (event) => {
    const input = event.target;
    if (!(input instanceof HTMLInputElement) || input.dataset.sc !== "review-import") return;
    const file = input.files?.[0];
    input.value = "";
    if (!file) return;
    const text = await fileText(file, box);
    if (text === null) return;
    const reply = await call("review_merge", { assessment: getAssessment(), text });
    if (!reply.ok) return say(box, "error", h("p", {}, t("%(name)s was not taken into the assessment; nothing has changed:", { name: file.name })), h("ul", {}, reply.problems.map((p) => h("li", {}, p))));
    if (!adoptChanges(reply.assessment)) return say(box, "error", t("The review could not be saved in this browser."));
    say(box, "ok", t("Imported %(name)s.", { name: file.name }), reply.peer_review?.message ? ` ${reply.peer_review.message}` : "");
  });
  area.addEventListener("click", async (event) => {
    const button = event.target instanceof Element ? event.target.closest("button[data-sc]") : null;
    if (!(button instanceof HTMLButtonElement) || !area.contains(button)) return;
    const q = button.dataset.question || "";
    /** @type {EngineOps["review_decide"]["payload"]} */
    const payload = { assessment: getAssessment(), by: myName() };
    if (button.dataset.sc === "accept-challenge") payload.accept = [q];
    else if (button.dataset.sc === "reject-challenge") {
      const reply = find(area, `#sc-reply-${CSS.escape(q)}`, HTMLTextAreaElement).value;
      if (!reply.trim()) return say(box, "error", t("To reject the challenge on %(question)s, write your reply first: it is kept beside the challenge.", { question: q }));
      payload.reject = { [q]: reply };
    } else return;
    const reply = await call("review_decide", payload);
    if (!reply.ok) return say(box, "error", t("Not decided: %(problems)s", { problems: reply.problems.join("; ") }));
    adoptChanges(reply.assessment);
    say(box, "ok", payload.accept ? t("%(question)s: challenge accepted.", { question: q }) : t("%(question)s: challenge rejected, your reply kept.", { question: q }));
  });
  return onScores((scores) => {
    if (!scores.result) return replace(area);
    replaceKeepingFocus(area, leadSection(scores.result.peer_review));
  });
}
