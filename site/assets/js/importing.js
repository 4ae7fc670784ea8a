// Importing an assessment file on the results page. It never destroys what is saved here: when
// answers exist, the officer sees what would change (the engine compares the two, question by
// question) and chooses to replace them (kept for undo) or to merge, choosing where they differ.
import { MAX_FILE_BYTES, call, engineStatus } from "./engine.js";
import { fillIn, find, findAll, h, replace } from "./dom.js";
import { showDone, showProblem } from "./feedback.js";
import { longDate } from "./format.js";
import { t, tn } from "./i18n.js";
import { getAssessment, importAssessment, undoImport } from "./store.js";

/** @template T @param {T} value @returns {T} */
const clone = (value) => JSON.parse(JSON.stringify(value));
const answers = (/** @type {number} */ n) => tn("%(count)s answer", "%(count)s answers", n);
const notes = (/** @type {number} */ n) => tn("%(count)s note", "%(count)s notes", n);

/** @param {ParentNode} root */
const slotOf = (root) => find(root, '[data-sc="message"]');

/** @param {ParentNode} root @param {string} text @param {string[]} [problems] */
function failed(root, text, problems = []) {
  showProblem(slotOf(root), text, problems, root.querySelector('[data-sc="import"]'));
}

/** @param {ParentNode} root @param {File | undefined} file */
export async function importFile(root, file) {
  if (!file) return;
  if (file.size > MAX_FILE_BYTES) {
    failed(root, t("%(name)s is not an assessment file: it is %(size)s MB (the limit is %(limit)s MB). Your saved answers have not changed.",
      { name: file.name, size: Math.round(file.size / 1e6), limit: MAX_FILE_BYTES / 1e6 }));
    return;
  }
  const text = await file.text();
  if (engineStatus().state === "unavailable") {
    importWithoutEngine(root, file.name, text);
    return;
  }
  if (engineStatus().state !== "ready") showDone(slotOf(root), t("Checking the file when the scoring engine is ready…"));
  const reply = await call("import", { text, here: getAssessment() });
  if (!reply.ok) {
    failed(root, t("%(name)s could not be imported. Your saved answers have not changed.", { name: file.name }), reply.problems);
    return;
  }
  if (!reply.plan.here_has_content) {
    finish(root, file.name, importAssessment(reply.assessment), "imported", carried(reply.result));
    return;
  }
  askHow(root, file.name, reply);
}

// Answers the file gave to questions the bank has since revised, now under the new questions (the engine moved
// them); the command line says the same ("Carried over: ...").
/** @param {Result} result */
function carried(result) {
  const moved = result.changes.carried_over;
  if (!moved.length) return "";
  return t("Answers to questions revised since the file was saved now answer the new questions: %(moves)s.", { moves: moved.map((m) => `${m.from} → ${m.to}`).join(", ") });
}

// Where this browser cannot run the engine (js/browser-check.js): a file the scorecard wrote, by its
// shape (the same check as saved data), replaces what is saved here, kept for undo. Merging needs the
// engine to compare the two question by question; checking the answers against the questions waits
// until the assessment is scored (in another browser, or by `scorecard score`).
/** @param {ParentNode} root @param {string} name @param {string} text */
function importWithoutEngine(root, name, text) {
  let record;
  let problem;
  try {
    record = JSON.parse(text);
    problem = window.scorecard.rules.shapeProblem(record);
  } catch (error) {
    problem = t("it is not valid JSON (it may have been cut short or edited by hand)");
  }
  if (problem) {
    failed(root, t("%(name)s could not be imported: %(problem)s. Your saved answers have not changed.", { name, problem }));
    return;
  }
  const here = getAssessment();
  const given = Object.keys(here.answers).length + Object.keys(here.notes).length;
  if (given && !window.confirm(t("Replace the %(answers)s and %(notes)s in this browser with %(name)s (%(file_answers)s)? This browser cannot merge the two (that needs the scoring engine). What is here now is kept, and Undo brings it back.", {
    answers: answers(Object.keys(here.answers).length), notes: notes(Object.keys(here.notes).length), name, file_answers: answers(Object.keys(record.answers).length) }))) {
    showDone(slotOf(root), t("%(name)s was not imported", { name }), [h("p", {}, t("Your saved answers have not changed."))], { focus: true });
    return;
  }
  finish(root, name, importAssessment(record), "imported");
}

const NO_ROOM = t("there is no room in this browser to save it and keep your current answers for undo. Your saved answers have not changed. Export them first (Export assessment), then try again.");

/**
 * @param {ParentNode} root @param {string} name @param {boolean} done @param {"imported" | "merged"} how
 * @param {string} [also] what else the officer is told
 */
function finish(root, name, done, how, also = "") {
  if (!done) {
    failed(root, (how === "merged" ? t("%(name)s was not merged: %(why)s", { name, why: NO_ROOM }) : t("%(name)s was not imported: %(why)s", { name, why: NO_ROOM })));
    return;
  }
  const council = getAssessment().council.name;
  const slot = slotOf(root);
  const undo = h("button", { type: "button", class: "md-button", "data-sc": "undo-import" }, t("Undo the import"));
  undo.addEventListener("click", () => {
    if (undoImport()) showDone(slot, t("Import undone"), [h("p", {}, t("Your answers are as they were before it."))], { focus: true });
    else failed(root, t("The import could not be undone: the earlier answers are no longer kept in this browser."));
  });
  const title = how === "merged"
    ? (council ? t("Merged %(name)s: %(council)s", { name, council }) : t("Merged %(name)s", { name }))
    : (council ? t("Imported %(name)s: %(council)s", { name, council }) : t("Imported %(name)s", { name }));
  showDone(slot, title, [h("p", {}, also ? `${also} ` : "", undo)], { focus: true });
}

/** @param {string} name @param {AssessmentFile} incoming */
function summary(name, incoming) {
  const here = getAssessment();
  const answered = Object.keys(here.answers).length;
  const fileAnswered = Object.keys(incoming.answers).length;
  const mine = { answers: answers(answered), notes: notes(Object.keys(here.notes).length), council: here.council.name || "" };
  const theirs = { name, answers: answers(fileAnswered), notes: notes(Object.keys(incoming.notes || {}).length), council: incoming.council.name || "",
    date: longDate(incoming.assessment_date) || "" };
  return [
    mine.council ? t("This browser holds %(answers)s and %(notes)s for %(council)s.", mine) : t("This browser holds %(answers)s and %(notes)s.", mine),
    theirs.council ? t("%(name)s has %(answers)s and %(notes)s for %(council)s, assessed %(date)s.", theirs)
      : t("%(name)s has %(answers)s and %(notes)s, assessed %(date)s.", theirs),
  ].join(" ");
}

/** @type {{ [state in ImportState]: string }} */
const STATE_WORDS = { same: t("the same in both"), only_here: t("only here"), only_file: t("only in the file"), differ: t("different") };

/** @param {ImportEntry[]} entries @param {string} caption */
function itemList(entries, caption) {
  if (!entries.length) return null;
  return h("details", {}, h("summary", {}, caption),
    h("ul", {}, entries.map((e) => h("li", {}, fillIn(t("%(item)s: here %(here)s; in the file %(file)s (%(state)s)"), {
      item: [h("strong", {}, e.question || e.label), e.text ? ` ${e.text}` : ""],
      here: e.here ?? t("not answered"), file: e.file ?? t("not answered"), state: STATE_WORDS[e.state] })))));
}

/** @param {ImportPlan} plan */
function otherCouncil(plan) {
  const other = plan.other_council;
  if (!other) return null;
  return h("p", { class: "sc-error", "data-sc": "import-other-council" },
    t("This file is the assessment of %(file)s, not of %(here)s (this browser's).", { file: other.file, here: other.here }));
}

/** @param {ImportPlan} plan */
function replacePreview(plan) {
  const c = plan.counts;
  const lost = plan.answers.filter((e) => e.state === "differ" || e.state === "only_here");
  const council = plan.council.filter((e) => e.state !== "same" && e.file !== null);
  const parts = plan.parts.filter((e) => e.state === "differ" || e.state === "only_here");
  const same = tn("%(count)s is the same", "%(count)s are the same", c.same); // Babel reads no t() in another's arguments
  return [
    otherCouncil(plan),
    h("p", { "data-sc": "import-effect" }, t("Replacing: %(changing)s saved here will change or go (%(differ)s answered differently in the file, %(only_here)s not answered in it), %(added)s will be added and %(same)s.", {
      changing: answers(c.differ + c.only_here), differ: c.differ, only_here: c.only_here, added: answers(c.only_file), same }), " ",
    t("Notes, council details, evidence, actions, who answers which theme, target tiers, the sign-off and last year's answers become the file's."), " ",
    t("Everything saved here now is kept, and Undo brings it back.")),
    itemList(lost, tn("The %(count)s answer that will change or go", "The %(count)s answers that will change or go", lost.length)),
    itemList(council, t("Council details that will change")),
    itemList(parts, tn("The %(count)s other entry that will change or go", "The %(count)s other entries that will change or go", parts.length)),
  ];
}

/** @param {ImportEntry} entry */
const keyOf = (entry) => entry.question || entry.field || entry.key || "";

/** @param {string} group @param {ImportEntry} entry */
function choice(group, entry) {
  const id = (/** @type {string} */ side) => `sc-choose-${group}-${keyOf(entry)}-${side}`;
  const name = `sc-choose-${group}-${keyOf(entry)}`;
  return h("fieldset", { class: "sc-conflict", "data-sc": "conflict", "data-group": group, "data-key": keyOf(entry) },
    h("legend", {}, entry.question ? `${entry.question} ${entry.text}` : entry.label),
    h("div", { class: "sc-option" }, h("input", { type: "radio", id: id("here"), name, value: "here", checked: entry.suggested !== "file" }),
      h("label", { for: id("here") }, t("Keep this browser's: %(value)s", { value: entry.here ?? "" }))),
    h("div", { class: "sc-option" }, h("input", { type: "radio", id: id("file"), name, value: "file", checked: entry.suggested === "file" }),
      h("label", { for: id("file") }, t("Take the file's: %(value)s", { value: entry.file ?? "" }))));
}

/** @param {ImportPlan} plan */
function mergePreview(plan) {
  const c = plan.counts;
  const noteConflicts = plan.notes.filter((e) => e.state === "differ");
  const council = plan.council.filter((e) => e.state === "differ");
  const conflicts = plan.answers.filter((e) => e.state === "differ");
  // Evidence, actions, who answers which theme, targets and the sign-off: added where only the file has them, chosen where
  // they differ. Last year's answers are the file's own record of its year: merged they would mix two years.
  const parts = plan.parts.filter((e) => e.part !== "previous");
  const added = parts.filter((e) => e.state === "only_file");
  const differ = parts.filter((e) => e.state === "differ");
  const lastYear = plan.parts.find((e) => e.part === "previous" && e.file !== null && e.state !== "same");
  const other = plan.other_council;
  const counts = { added: answers(c.only_file), only_here: c.only_here, same: c.same, differ: answers(c.differ) };
  const entries = tn("%(count)s entry", "%(count)s entries", added.length); // Babel reads no t() in another's arguments
  return [
    otherCouncil(plan),
    other ? h("div", { class: "sc-option", "data-sc": "import-other-council-confirm" },
      h("input", { type: "checkbox", id: "sc-import-other-council", name: "sc-import-other-council", required: true }),
      h("label", { for: "sc-import-other-council" }, t("Merge %(file)s's answers into this assessment all the same", { file: other.file }))) : null,
    h("p", { "data-sc": "import-effect" },
      (c.differ ? t("Merging: %(added)s added from the file, %(only_here)s kept that only this browser has, %(same)s the same in both, and %(differ)s that differ: choose below.", counts)
        : t("Merging: %(added)s added from the file, %(only_here)s kept that only this browser has, %(same)s the same in both, and %(differ)s that differ.", counts)), " ",
      (added.length ? t("Notes, council details, evidence, actions, who answers which theme, target tiers and the sign-off only in the file are added (%(entries)s besides answers and notes).",
        { entries })
        : t("Notes, council details, evidence, actions, who answers which theme, target tiers and the sign-off only in the file are added.")), " ",
      t("Everything saved here now is kept, and Undo brings it back.")),
    lastYear ? h("p", { "data-sc": "import-last-year" }, t("The file's record of last year (%(year)s) is not merged: it belongs to the file's own year. Replace, instead of merging, to take it.", { year: lastYear.file ?? "" })) : null,
    itemList(plan.answers.filter((e) => e.state === "only_file"), tn("The %(count)s answer added from the file", "The %(count)s answers added from the file", c.only_file)),
    itemList(added, tn("The %(count)s other entry added from the file", "The %(count)s other entries added from the file", added.length)),
    conflicts.length ? h("h3", {}, t("Answered differently")) : null, conflicts.map((e) => choice("answer", e)),
    noteConflicts.length ? h("h3", {}, t("Notes that differ")) : null, noteConflicts.map((e) => choice("note", e)),
    council.length ? h("h3", {}, t("Council details that differ")) : null, council.map((e) => choice("council", e)),
    differ.length ? h("h3", {}, t("Evidence, actions, assignments, targets, peer review marks and sign-off that differ")) : null, differ.map((e) => choice("part", e)),
  ];
}

// The merged assessment: this browser's, plus what the file alone has, plus the file's side
// wherever the officer chose it. Each value keeps its own provenance.
/**
 * @param {StoredAssessment} mine
 * @param {AssessmentFile} file
 * @param {ImportPlan} plan
 * @param {(group: string, key: string) => string | undefined} chosen
 */
function merged(mine, file, plan, chosen) {
  const out = clone(mine);
  out.provenance = out.provenance || {};
  const fileProvenance = file.provenance || {};
  const take = (/** @type {ImportEntry} */ entry, /** @type {string} */ group) => entry.state === "only_file" || (entry.state === "differ" && chosen(group, keyOf(entry)) === "file");
  const copy = (/** @type {string} */ key, /** @type {() => void} */ set) => {
    set();
    if (fileProvenance[key]) out.provenance[key] = clone(fileProvenance[key]);
  };
  for (const { question = "" } of plan.answers.filter((e) => take(e, "answer"))) {
    copy(question, () => {
      const value = file.answers[question];
      if (value === null || value === undefined) delete out.answers[question];
      else out.answers[question] = clone(value);
    });
  }
  for (const { question = "" } of plan.notes.filter((e) => take(e, "note"))) copy(`notes.${question}`, () => (out.notes[question] = (file.notes || {})[question]));
  const council = /** @type {StoredAssessment["council"]} */ (file.council);
  for (const { field = "" } of plan.council.filter((e) => take(e, "council"))) copy(`council.${field}`, () => (out.council[field] = council[field] || ""));
  for (const [id, value] of Object.entries(file.retired_answers || {})) {
    out.retired_answers = out.retired_answers || {};
    if (!(id in out.retired_answers)) out.retired_answers[id] = clone(value);
  }
  const all = /** @type {Record<string, any>} */ (/** @type {unknown} */ (out));
  const theirs = /** @type {Record<string, any>} */ (/** @type {unknown} */ (file));
  for (const { key = "", part = "" } of plan.parts.filter((e) => e.part !== "previous" && take(e, "part"))) {
    copy(key, () => {
      if (part === "sign_off") all.sign_off = clone(theirs.sign_off);
      else {
        const id = key.slice(part.length + 1);
        all[part] = { ...(all[part] || {}), [id]: clone(theirs[part][id]) };
      }
    });
  }
  return out;
}

/** @param {ParentNode} root @param {string} name @param {EngineOps["import"]["reply"]} reply */
function askHow(root, name, reply) {
  const dialog = find(document, '[data-sc="import-dialog"]', HTMLDialogElement);
  const preview = find(dialog, '[data-sc="import-preview"]');
  const mode = () => find(dialog, '[data-sc="import-mode"]:checked', HTMLInputElement).value;
  find(dialog, '[data-sc="import-title"]').textContent = t("Import %(name)s?", { name });
  find(dialog, '[data-sc="import-summary"]').textContent = [summary(name, reply.assessment), carried(reply.result)].filter(Boolean).join(" ");
  // Merge first for a colleague's file, or whenever replacing would drop an answer saved here (the engine's advice).
  find(dialog, `#sc-import-${reply.plan.suggested_mode}`, HTMLInputElement).checked = true;
  replace(find(dialog, '[data-sc="import-contributor"]'), reply.plan.contributor
    ? h("p", {}, t("This is %(contributor)s's file: it holds only the themes assigned to them. Merge it to add their answers to yours.", { contributor: reply.plan.contributor }))
    : null);
  const show = () => replace(preview, mode() === "merge" ? mergePreview(reply.plan) : replacePreview(reply.plan));
  const modes = findAll(dialog, '[data-sc="import-mode"]', HTMLInputElement);
  for (const radio of modes) radio.addEventListener("change", show);
  show();
  dialog.addEventListener("close", () => {
    for (const radio of modes) radio.removeEventListener("change", show);
    if (dialog.returnValue !== "confirm") {
      showDone(slotOf(root), t("%(name)s was not imported", { name }), [h("p", {}, t("Your saved answers have not changed."))], { focus: true });
      return;
    }
    if (mode() === "replace") {
      finish(root, name, importAssessment(reply.assessment), "imported", carried(reply.result));
      return;
    }
    const chosen = (/** @type {string} */ group, /** @type {string} */ key) =>
      /** @type {HTMLInputElement | null} */ (dialog.querySelector(`[data-sc="conflict"][data-group="${group}"][data-key="${key}"] input:checked`))?.value;
    finish(root, name, importAssessment(merged(getAssessment(), reply.assessment, reply.plan, chosen)), "merged", carried(reply.result));
  }, { once: true });
  dialog.returnValue = "";
  dialog.showModal();
}
