// Importing an assessment file on the results page. It never destroys what is saved here: when
// answers exist, the officer sees what would change (the engine compares the two, question by
// question) and chooses to replace them (kept for undo) or to merge, choosing where they differ.
import { MAX_FILE_BYTES, call, engineStatus } from "./engine.js";
import { h, replace } from "./dom.js";
import { getAssessment, importAssessment, undoImport } from "./store.js";

const clone = (value) => JSON.parse(JSON.stringify(value));
const plural = (n, word, words = `${word}s`) => `${n} ${n === 1 ? word : words}`;

function message(root, ...content) {
  replace(root.querySelector('[data-sc="message"]'), content);
}

function failed(root, text, problems = []) {
  message(root, h("div", { class: "sc-error" }, h("p", {}, text), problems.length ? h("ul", {}, problems.map((p) => h("li", {}, p))) : null));
}

export async function importFile(root, file) {
  if (!file) return;
  if (file.size > MAX_FILE_BYTES) {
    failed(root, `${file.name} is not an assessment file: it is ${Math.round(file.size / 1e6)} MB (the limit is ${MAX_FILE_BYTES / 1e6} MB). Your saved answers have not changed.`);
    return;
  }
  const text = await file.text();
  if (engineStatus().state !== "ready") message(root, h("p", { class: "sc-ok" }, "Checking the file when the scoring engine is ready…"));
  const reply = await call("import", { text, here: getAssessment() });
  if (!reply.ok) {
    failed(root, `${file.name} could not be imported. Your saved answers have not changed.`, reply.problems);
    return;
  }
  if (!reply.plan.here_has_content) {
    finish(root, file.name, importAssessment(reply.assessment), "imported");
    return;
  }
  askHow(root, file.name, reply);
}

function finish(root, name, done, how) {
  if (!done) {
    failed(root, `${name} was not imported: there is no room in this browser to keep your current answers for undo. Export them first (Export assessment), then import again.`);
    return;
  }
  const council = getAssessment().council.name;
  const undo = h("button", { type: "button", class: "md-button", "data-sc": "undo-import" }, "Undo the import");
  undo.addEventListener("click", () => {
    if (undoImport()) message(root, h("p", { class: "sc-ok" }, "Import undone: your answers are as they were before it."));
    else failed(root, "The import could not be undone: the earlier answers are no longer kept in this browser.");
  });
  message(root, h("p", { class: "sc-ok" }, `${how === "merged" ? "Merged" : "Imported"} ${name}${council ? `: ${council}` : ""}. `, undo));
}

function summary(plan, name, incoming) {
  const here = getAssessment();
  const answered = Object.keys(here.answers).length;
  const fileAnswered = Object.keys(incoming.answers).length;
  return `This browser holds ${plural(answered, "answer")} and ${plural(Object.keys(here.notes).length, "note")}` +
    `${here.council.name ? ` for ${here.council.name}` : ""}. ${name} has ${plural(fileAnswered, "answer")} and ` +
    `${plural(Object.keys(incoming.notes).length, "note")}${incoming.council.name ? ` for ${incoming.council.name}` : ""}, ` +
    `assessed ${incoming.assessment_date}.`;
}

const STATE_WORDS = { same: "the same in both", only_here: "only here", only_file: "only in the file", differ: "different" };

function itemList(entries, caption) {
  if (!entries.length) return null;
  return h("details", {}, h("summary", {}, caption),
    h("ul", {}, entries.map((e) => h("li", {}, h("strong", {}, e.question || e.label), e.text ? ` ${e.text}` : "",
      `: here ${e.here ?? "not answered"}; in the file ${e.file ?? "not answered"} (${STATE_WORDS[e.state]})`))));
}

function replacePreview(plan) {
  const c = plan.counts;
  const lost = plan.answers.filter((e) => e.state === "differ" || e.state === "only_here");
  const council = plan.council.filter((e) => e.state !== "same" && e.file !== null);
  return [
    h("p", { "data-sc": "import-effect" }, `Replacing: ${plural(c.differ + c.only_here, "answer")} saved here will change or go ` +
      `(${c.differ} answered differently in the file, ${c.only_here} not answered in it), ${plural(c.only_file, "answer")} ` +
      `will be added and ${c.same} ${c.same === 1 ? "is" : "are"} the same. Notes and council details become the file's. ` +
      "Everything saved here now is kept, and Undo brings it back."),
    itemList(lost, `The ${plural(lost.length, "answer")} that will change or go`),
    itemList(council, "Council details that will change"),
  ];
}

function choice(group, entry) {
  const id = (side) => `sc-choose-${group}-${entry.question || entry.field}-${side}`;
  const name = `sc-choose-${group}-${entry.question || entry.field}`;
  return h("fieldset", { class: "sc-conflict", "data-sc": "conflict", "data-group": group, "data-key": entry.question || entry.field },
    h("legend", {}, entry.question ? `${entry.question} ${entry.text}` : entry.label),
    h("div", { class: "sc-option" }, h("input", { type: "radio", id: id("here"), name, value: "here", checked: true }),
      h("label", { for: id("here") }, `Keep this browser's: ${entry.here}`)),
    h("div", { class: "sc-option" }, h("input", { type: "radio", id: id("file"), name, value: "file" }),
      h("label", { for: id("file") }, `Take the file's: ${entry.file}`)));
}

function mergePreview(plan) {
  const c = plan.counts;
  const notes = plan.notes.filter((e) => e.state === "differ");
  const council = plan.council.filter((e) => e.state === "differ");
  const conflicts = plan.answers.filter((e) => e.state === "differ");
  return [
    h("p", { "data-sc": "import-effect" }, `Merging: ${plural(c.only_file, "answer")} added from the file, ` +
      `${c.only_here} kept that only this browser has, ${c.same} the same in both, and ${plural(c.differ, "answer")} ` +
      `that differ${c.differ ? ": choose below" : ""}. Notes and council details only in the file are added. ` +
      "Everything saved here now is kept, and Undo brings it back."),
    itemList(plan.answers.filter((e) => e.state === "only_file"), `The ${plural(c.only_file, "answer")} added from the file`),
    conflicts.length ? h("h3", {}, "Answered differently") : null, conflicts.map((e) => choice("answer", e)),
    notes.length ? h("h3", {}, "Notes that differ") : null, notes.map((e) => choice("note", e)),
    council.length ? h("h3", {}, "Council details that differ") : null, council.map((e) => choice("council", e)),
  ];
}

// The merged assessment: this browser's, plus what the file alone has, plus the file's side
// wherever the officer chose it. Each value keeps its own provenance.
function merged(mine, file, plan, chosen) {
  const out = clone(mine);
  out.provenance = out.provenance || {};
  const fileProvenance = file.provenance || {};
  const take = (entry, group) => entry.state === "only_file" || (entry.state === "differ" && chosen(group, entry.question || entry.field) === "file");
  const copy = (key, set) => {
    set();
    if (fileProvenance[key]) out.provenance[key] = clone(fileProvenance[key]);
  };
  for (const e of plan.answers) if (take(e, "answer")) copy(e.question, () => (out.answers[e.question] = clone(file.answers[e.question])));
  for (const e of plan.notes) if (take(e, "note")) copy(`notes.${e.question}`, () => (out.notes[e.question] = file.notes[e.question]));
  for (const e of plan.council) if (take(e, "council")) copy(`council.${e.field}`, () => (out.council[e.field] = file.council[e.field] || ""));
  for (const [id, value] of Object.entries(file.retired_answers || {})) {
    out.retired_answers = out.retired_answers || {};
    if (!(id in out.retired_answers)) out.retired_answers[id] = clone(value);
  }
  return out;
}

function askHow(root, name, reply) {
  const dialog = document.querySelector('[data-sc="import-dialog"]');
  const preview = dialog.querySelector('[data-sc="import-preview"]');
  const mode = () => dialog.querySelector('[data-sc="import-mode"]:checked').value;
  dialog.querySelector('[data-sc="import-title"]').textContent = `Import ${name}?`;
  dialog.querySelector('[data-sc="import-summary"]').textContent = summary(reply.plan, name, reply.assessment);
  dialog.querySelector("#sc-import-replace").checked = true;
  const show = () => replace(preview, mode() === "merge" ? mergePreview(reply.plan) : replacePreview(reply.plan));
  const modes = [...dialog.querySelectorAll('[data-sc="import-mode"]')];
  for (const radio of modes) radio.addEventListener("change", show);
  show();
  dialog.addEventListener("close", () => {
    for (const radio of modes) radio.removeEventListener("change", show);
    if (dialog.returnValue !== "confirm") {
      message(root, h("p", { class: "sc-ok" }, `${name} was not imported. Your saved answers have not changed.`));
      return;
    }
    if (mode() === "replace") {
      finish(root, name, importAssessment(reply.assessment), "imported");
      return;
    }
    const chosen = (group, key) => dialog.querySelector(`[data-sc="conflict"][data-group="${group}"][data-key="${key}"] input:checked`)?.value;
    finish(root, name, importAssessment(merged(getAssessment(), reply.assessment, reply.plan, chosen)), "merged");
  }, { once: true });
  dialog.returnValue = "";
  dialog.showModal();
}
