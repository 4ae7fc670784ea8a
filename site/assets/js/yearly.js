// The yearly cycle on the results and theme pages: working together (who answers which theme,
// exporting your themes, merging colleagues' files with their conflicts shown and chosen),
// the living action plan, sign-off, changes since last year, answers carried from last year to
// review, and starting this year's assessment from last year's. The engine decides everything
// (scorecard/engine/: merge.py, sharing.py, next_year.py, yearly.py); site/early/ saves what is
// typed; this module lays out what the engine returns and passes on the officer's choices.
import { MAX_FILE_BYTES, call } from "./engine.js";
import { download, find, findAll, h, replace } from "./dom.js";
import { longDate, score, today } from "./format.js";
import { clearErrors, showDone, showProblem } from "./feedback.js";
import { confirmReview, getAssessment, importAssessment, myName, signOff, subscribe, undoImport } from "./store.js";
import { latestScores, onScores } from "./scores.js";
import { themeApplies, tierName } from "./views.js";
import { t, tn } from "./i18n.js";


// The name of a file the site saves: scorecard-<council>[-<extra>]-<date>, in letters, digits and hyphens.
/** @param {AnyAssessment} assessment @param {string} [extra] */
export function fileStem(assessment, extra = "") {
  const slug = (/** @type {string} */ text) => text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
  return `scorecard-${slug(assessment.council.name || "council") || "council"}${extra ? `-${slug(extra)}` : ""}-${assessment.assessment_date}`;
}

// Re-render a region without losing the officer's place: the focused field keeps its text,
// cursor and focus, and open <details data-key> stay open.
/** @param {HTMLElement} container @param {Child[]} children */
export function replaceKeepingFocus(container, ...children) {
  const active = document.activeElement;
  const field = active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement ? active : null;
  const kept = active instanceof HTMLElement && container.contains(active) && active.id
    ? { id: active.id, value: field?.value, start: field?.selectionStart ?? null, end: field?.selectionEnd ?? null } : null;
  const open = findAll(container, "details[open][data-key]").map((d) => d.dataset.key || "");
  replace(container, ...children);
  for (const key of open) container.querySelector(`details[data-key="${CSS.escape(key)}"]`)?.setAttribute("open", "");
  if (!kept) return;
  const again = container.querySelector(`#${CSS.escape(kept.id)}`);
  if (!(again instanceof HTMLElement)) return;
  const againField = again instanceof HTMLInputElement || again instanceof HTMLTextAreaElement ? again : null;
  if (kept.value !== undefined && againField && againField.type !== "file") againField.value = kept.value;
  again.focus();
  try {
    againField?.setSelectionRange(kept.start, kept.end);
  } catch (error) {
    /* not a text field */
  }
}

// --- the action plan, in each row of the action list ------------------------------------------

// An action's plan in a line: "In progress, owner Head of Procurement, due 31 March 2027".
/** @param {{ [status: string]: string }} statuses @param {Partial<PlanFields>} plan */
function planSummary(statuses, plan) {
  if (!plan.status) return t("Not in the plan yet");
  return [statuses[plan.status], plan.owner ? t("owner %(owner)s", { owner: plan.owner }) : t("no owner yet"),
    plan.due ? t("due %(date)s", { date: longDate(plan.due) || "" }) : null].filter(Boolean).join(", ");
}

// The plan as saved, not the result's copy of it: typing an owner, a date or a note does not ask the engine for a
// new result (js/scores.js), so the page shows what is saved, and follows it (showPlanSummaries).
const savedPlan = (/** @type {string} */ question) => getAssessment().action_plan?.[question] || {};

// statuses: each status's name, as the engine writes them (result.labels.plan_statuses; without the engine, as the
// build wrote them into the results page). question: the action's question.
/** @param {{ [status: string]: string }} statuses @param {string} question */
export function planCell(statuses, question) {
  const plan = savedPlan(question);
  const id = (/** @type {string} */ part) => `sc-plan-${part}-${question}`;
  const summary = planSummary(statuses, plan);
  const status = h("select", { id: id("status"), "data-plan": "status" },
    Object.entries(statuses).map(([value, name]) => h("option", { value, selected: (plan.status || "not_started") === value }, name)));
  const reasonWanted = plan.status === "not_planned";
  const reasonField = h("input", { type: "text", id: id("reason"), "data-plan": "reason", value: plan.reason || "", maxlength: 10000 });
  const reason = h("div", { class: "sc-plan__reason", hidden: !reasonWanted && status.value !== "not_planned" },
    h("label", { for: id("reason") }, t("Why it is not planned (needed)")), reasonField);
  const pending = h("p", { class: "sc-hint", "data-sc": "plan-pending", hidden: true },
    t("Give the reason to mark it not planned: until then it is saved as %(status)s.", { status: statuses[plan.status && plan.status !== "not_planned" ? plan.status : "not_started"] }));
  status.addEventListener("change", () => {
    const wanted = status.value === "not_planned";
    reason.hidden = !wanted;
    pending.hidden = !(wanted && !reasonField.value.trim());
  });
  reasonField.addEventListener("input", () => {
    pending.hidden = !(status.value === "not_planned" && !reasonField.value.trim());
  });
  return h("details", { class: "sc-plan", "data-sc": "plan", "data-question": question, "data-key": `plan-${question}` },
    h("summary", {}, h("span", { "data-sc": "plan-summary" }, summary), h("span", { class: "sc-visually-hidden" }, " ", t("(plan for %(question)s)", { question }))),
    h("div", { class: "sc-plan__fields" },
      h("label", { for: id("owner") }, t("Owner")), h("input", { type: "text", id: id("owner"), "data-plan": "owner", value: plan.owner || "", maxlength: 200, autocomplete: "off" }),
      h("label", { for: id("due") }, t("Due date")), h("input", { type: "date", id: id("due"), "data-plan": "due", value: plan.due || "" }),
      h("label", { for: id("status") }, t("Status")), status,
      reason, pending,
      h("label", { for: id("note") }, t("Progress note")), h("input", { type: "text", id: id("note"), "data-plan": "note", value: plan.note || "", maxlength: 10000 })));
}

// Each action's plan in a line, as saved now (another tab's changes, and this one's typing).
/** @param {ParentNode} root @param {Result} result */
function showPlanSummaries(root, result) {
  for (const box of findAll(root, '[data-sc="plan"][data-question]')) {
    const line = box.querySelector('[data-sc="plan-summary"]');
    const text = planSummary(result.labels.plan_statuses, savedPlan(box.dataset.question || ""));
    if (line && line.textContent !== text) line.textContent = text;
  }
}

// --- summary columns ---------------------------------------------------------------------------

/** @param {Result.Theme} theme */
export function evidenceCell(theme) {
  const e = theme.evidence;
  return e.answered ? t("%(given)s of %(asked)s", { given: e.with_evidence, asked: e.answered }) : "–";
}

/** @param {AnyResult} result @param {Result.Theme} theme */
export function plannedCell(result, theme) {
  const p = theme.planned;
  if (!p) return "–";
  return tn("%(tier)s (%(score)s), %(count)s action planned", "%(tier)s (%(score)s), %(count)s actions planned", p.actions,
    { tier: tierName(result, p.tier) || t("Not scored"), score: score(p.score) });
}

// --- changes since last year, and answers still to review --------------------------------------

/** @param {AnyResult} result */
export function sinceLastYear(result) {
  const since = result.since_last_year;
  if (!since) return null;
  const when = since.assessment_date ? longDate(since.assessment_date) || "" : t("last year");
  if (!since.available) {
    return h("section", { "data-sc": "since" }, h("h2", { id: "since-last-year" }, t("Changes since last year")),
      h("p", {}, t("Last year's answers (%(when)s) cannot be compared:", { when }), " ", since.problems.join("; ")));
  }
  const rows = since.themes.map((theme) => h("tr", {},
    h("th", { scope: "row" }, theme.title),
    h("td", {}, theme.score_before === null ? "–" : score(theme.score_before)),
    h("td", {}, theme.score_now === null ? "–" : score(theme.score_now)),
    h("td", {}, theme.change === null ? "–" : `${theme.change > 0 ? "+" : ""}${score(theme.change)}`),
    h("td", {}, theme.tier_before === theme.tier_now ? tierName(result, theme.tier_now) || "–" : `${tierName(result, theme.tier_before) || "–"} → ${tierName(result, theme.tier_now) || "–"}`)));
  const o = since.overall;
  return h("section", { "data-sc": "since" },
    h("h2", { id: "since-last-year" }, t("Changes since last year")),
    h("p", {}, o.change === null ? t("Compared with the answers of %(when)s.", { when })
      : t("Compared with the answers of %(when)s: overall score %(change)s.", { when, change: `${o.change > 0 ? "+" : ""}${score(o.change)}` })),
    h("div", { class: "sc-table-scroll", role: "region", "aria-label": t("Changes since last year by theme"), tabindex: "0" },
      h("table", { class: "sc-summary", "data-sc": "since-table" },
        h("caption", {}, t("Score by theme, last year and now")),
        h("thead", {}, h("tr", {}, [t("Theme"), t("Last year"), t("Now"), t("Change"), t("Tier")].map((c) => h("th", { scope: "col" }, c)))),
        h("tbody", {}, rows))),
    since.questions.length
      ? h("details", { class: "sc-since-questions", "data-key": "since-questions" },
        h("summary", {}, tn("%(count)s answer(s) changed since last year", "%(count)s answer(s) changed since last year", since.questions.length)),
        h("ul", {}, since.questions.map((q) => h("li", { "data-question": q.question },
          h("a", { href: `themes/${q.theme}.html#q-${q.question}` }, q.question), ` ${q.text} `,
          h("strong", {}, `${q.before} → ${q.after}`), q.direction === "better" ? [" ", t("(better)")] : q.direction === "worse" ? [" ", t("(worse)")] : ""))))
      : h("p", {}, t("No answer has changed since last year.")));
}

/** @param {AnyResult} result */
export function reviewList(result) {
  if (!result.review || !result.review.length) return null;
  return h("div", { class: "admonition info", "data-sc": "review-list" },
    h("p", { class: "admonition-title" }, tn("%(count)s answer(s) carried from last year to review", "%(count)s answer(s) carried from last year to review", result.review.length)),
    h("p", {}, t("Each is last year's answer. Confirm it on its theme page if it is still right, or change it.")),
    h("ul", {}, result.review.map((r) => h("li", {}, h("a", { href: `themes/${r.theme}.html#q-${r.question}` }, r.question), ` ${r.text}: ${r.answer}`))));
}

// On a theme page: each answer carried from last year says so, with a button to confirm it.
/** @param {ParentNode} themePage */
export function mountReview(themePage) {
  return onScores((scores) => {
    const waiting = new Map((scores.result?.review || []).map((r) => [r.question, r]));
    for (const box of findAll(themePage, '[data-sc="review"]')) {
      const entry = waiting.get(box.dataset.question || "");
      box.hidden = !entry;
      if (!entry) {
        replace(box);
        continue;
      }
      const button = h("button", { type: "button", class: "md-button", "data-sc": "confirm-review" },
        t("Yes, still right"), h("span", { class: "sc-visually-hidden" }, t(": confirm %(question)s", { question: entry.question })));
      button.addEventListener("click", () => confirmReview(entry.question));
      replace(box, h("p", {}, h("strong", {}, t("Carried over from last year.")), " ", t("Is this answer still right? Confirm it, or choose another answer."), " "), button);
    }
  });
}

// --- working together, sign-off and next year (results page) -----------------------------------

// A section's message goes in its own slot, beside its buttons (results.md.j2: data-sc="NAME-message").
/** @param {ParentNode} root @param {string} name */
function slotOf(root, name) {
  return find(root, `[data-sc="${name}-message"]`);
}

/** @param {AnyResult} result */
function togetherSection(result) {
  const assessment = getAssessment();
  const assignments = assessment.assignments || {};
  const names = [...new Set(Object.values(assignments))].sort();
  const pick = h("select", { id: "sc-export-who", "data-sc": "export-who" },
    names.length ? names.map((n) => h("option", { value: n, selected: n === myName() }, n)) : h("option", { value: "" }, t("Nobody is assigned a theme yet")));
  return [
    h("h2", { id: "working-together" }, t("Working together")),
    h("p", {}, t("Give colleagues the themes they know. Send them this assessment (Export assessment); each answers their themes in their own browser and sends back the file of their themes; you merge the files here.")),
    h("div", { class: "sc-field" },
      h("label", { for: "sc-my-name" }, t("Your name")),
      h("input", { type: "text", id: "sc-my-name", "data-sc": "my-name", value: myName(), maxlength: 200, autocomplete: "name" }),
      h("p", { class: "sc-hint" }, t("Kept in this browser and recorded with each answer you give, so merged files say who answered and when."))),
    h("div", { class: "sc-table-scroll", role: "region", "aria-label": t("Who answers which theme"), tabindex: "0" },
      h("table", { class: "sc-summary", "data-sc": "assign-table" },
        h("caption", {}, t("Who answers which theme")),
        h("thead", {}, h("tr", {}, h("th", { scope: "col" }, t("Theme")), h("th", { scope: "col" }, t("Contributor")))),
        h("tbody", {}, result.themes.filter(themeApplies).map((theme) => h("tr", {},
          h("th", { scope: "row" }, h("label", { for: `sc-assign-${theme.id}` }, theme.title)),
          h("td", {}, h("input", { type: "text", id: `sc-assign-${theme.id}`, "data-sc": "assign", "data-key": theme.id, value: assignments[theme.id] || "", maxlength: 200, list: "sc-contributors", autocomplete: "off" }))))))),
    h("datalist", { id: "sc-contributors" }, names.map((n) => h("option", { value: n }))),
    h("div", { class: "sc-field" },
      h("label", { for: "sc-export-who" }, t("Export the themes assigned to")), pick, " ",
      h("button", { type: "button", class: "md-button", "data-sc": "export-themes", disabled: !names.length }, t("Export these themes"))),
  ];
}

// The sign-off is given on the "Check your answers" page (js/check.js); here, its state, and the way there.
/** @param {AnyResult} result */
function signOffSection(result) {
  const current = result.sign_off;
  return [
    h("h2", { id: "sign-off" }, t("Sign-off")),
    h("p", { "data-sc": "sign-off-state" }, current
      ? t("Signed off by %(name)s, %(role)s, on %(date)s.", { name: current.name, role: current.role, date: longDate(current.date) || "" }) : t("Not yet signed off.")),
    signOffCheck(result),
    h("p", {},
      h("a", { class: "md-button md-button--primary", href: "check.html", "data-sc": "check-answers-link" },
        current ? t("Check your answers and sign off again") : t("Check your answers and sign off")), " ",
      current ? h("button", { type: "button", class: "md-button", "data-sc": "withdraw-sign-off" }, t("Withdraw the sign-off")) : null),
  ];
}

// What a council can send a coordinator besides its figures (scorecard/engine/contribution.py INCLUDES), in words.
const INCLUDES = [
  ["answers", t("its answers")],
  ["notes", t("its notes (and the outcome indicators' notes)")],
  ["evidence", t("its evidence links and references")],
  ["sign_off", t("who signed it off, in what role, and when")],
  ["functions", t("the functions it runs, where they differ from its type's")],
  ["targets", t("its target tier for each theme")],
];

/** @param {Result} result @param {string[]} ticked what the officer has ticked to send, kept when the section is redrawn */
function benchmarkSection(result, ticked) {
  const targets = getAssessment().targets || {};
  const tiers = Object.entries(result.labels.tiers);
  const signed = Boolean(result.sign_off);
  return [
    h("h2", { id: "targets" }, t("Targets")),
    h("p", {}, t("The tier your council aims for in each theme. Comparisons over the years show each target beside the council's path.")),
    h("div", { class: "sc-table-scroll", role: "region", "aria-label": t("Target tier by theme"), tabindex: "0" },
      h("table", { class: "sc-summary", "data-sc": "targets-table" },
        h("caption", {}, t("Target tier by theme")),
        h("thead", {}, h("tr", {}, h("th", { scope: "col" }, t("Theme")), h("th", { scope: "col" }, t("Tier now")), h("th", { scope: "col" }, t("Target")))),
        h("tbody", {}, result.themes.filter(themeApplies).map((theme) => h("tr", {},
          h("th", { scope: "row" }, h("label", { for: `sc-target-${theme.id}` }, theme.title)),
          h("td", {}, theme.tier ? tierName(result, theme.tier) : t("Not rated yet")),
          h("td", {}, h("select", { id: `sc-target-${theme.id}`, "data-sc": "target", "data-key": theme.id },
            h("option", { value: "" }, t("No target")),
            tiers.map(([id, name]) => h("option", { value: id, selected: targets[theme.id] === id }, name))))))))),
    h("h2", { id: "benchmark" }, t("Benchmark contribution")),
    h("p", {}, t("For your regional coordinator: a small file with your council's figures only (each theme's score, tier or why it is not rated yet, coverage and evidence share, and your outcome indicators), made from the signed-off assessment. No answers, notes, evidence or names go in it unless you tick them below. The coordinator compares it with other councils' on the Compare page.")),
    h("fieldset", { class: "sc-contribute-include", "data-sc": "contribute-include" },
      h("legend", {}, t("Also send")),
      INCLUDES.map(([id, words]) => h("div", { class: "sc-option" },
        h("input", { type: "checkbox", id: `sc-include-${id}`, value: id, "data-sc": "include", checked: ticked.includes(id) }),
        h("label", { for: `sc-include-${id}` }, words)))),
    h("p", {},
      h("button", { type: "button", class: "md-button md-button--primary", "data-sc": "contribute", disabled: !signed }, t("Download benchmark contribution")),
      signed ? null : h("span", { class: "sc-hint", "data-sc": "contribute-why" }, " ", t("Sign off the assessment first: a coordinator compares only what a council stands by."))),
  ];
}

// Whether the assessment still matches what was signed (the engine's digest check, engine/signing.py).
/** @param {AnyResult} result */
function signOffCheck(result) {
  const found = "sign_off_check" in result ? result.sign_off_check : undefined;
  if (!found || !found.digest) return null;
  if (found.matches) return h("p", { class: "sc-hint", "data-sc": "sign-off-digest" }, found.message, " ", t("Anyone can check an exported copy with scorecard verify."));
  return h("div", { class: "admonition warning", "data-sc": "sign-off-changed" },
    h("p", { class: "admonition-title" }, t("Changed since sign-off")),
    h("p", {}, found.message, " ", t("Sign off again once the changes are agreed, or undo them.")));
}

function nextYearSection() {
  return [
    h("h2", { id: "next-year" }, t("Next year")),
    h("p", {}, t("Start this year's assessment from this one: every answer, note and piece of evidence is copied and marked for review until someone confirms or changes it, and the results show what changed. This assessment is first saved to your device as last year's file, and unfinished actions carry over.")),
    h("button", { type: "button", class: "md-button", "data-sc": "start-next-year" }, t("Start this year's assessment")),
  ];
}

// Merging colleagues' files: the state (the files chosen, the conflicts) lives here, not in the result.
/** @param {ParentNode} root */
function mergeSection(root) {
  const box = h("div", { class: "sc-merge", "data-sc": "merge" });
  /** @type {NamedFile[]} */
  let files = [];
  /** @type {Set<string>} */
  const otherCouncils = new Set(); // files of another council the lead has said to merge all the same (by code or name)
  /** @type {Map<string, MergeFileSummary>} the engine's summary of each file: the themes it answers, whose it is */
  let about = new Map();
  const input = h("input", { type: "file", id: "sc-merge-files", class: "sc-visually-hidden", accept: ".json,application/json", multiple: true, "data-sc": "merge-files" });
  const list = h("div", { "data-sc": "merge-list" });
  const outcome = h("div", { "data-sc": "merge-outcome" });
  const slot = slotOf(root, "merge");
  list.addEventListener("change", () => show());

  const themesOf = (/** @type {string} */ file) => findAll(list, `[data-file="${CSS.escape(file)}"] input:checked`, HTMLInputElement).map((b) => b.value);
  // "Dan Evans (scorecard-…-dan-evans.json)": who sent a file, where the engine can tell.
  const sender = (/** @type {string} */ file) => (about.get(file)?.contributor ? `${about.get(file)?.contributor} (${file})` : file);
  /** @param {{ [key: string]: string } | null} [take] @param {{ whole?: boolean }} [options] */
  async function check(take = null, { whole = false } = {}) {
    const assessment = getAssessment();
    /** @type {EngineOps["merge"]["payload"]} */
    const payload = { files: [{ name: "This browser", text: JSON.stringify(assessment) }, ...files] };
    if (!whole) payload.themes = Object.fromEntries(files.map((f) => [f.name, themesOf(f.name)]));
    if (take) payload.take = take;
    if (otherCouncils.size) payload.other_councils = [...otherCouncils];
    const reply = await call("merge", payload);
    if (!reply.ok) {
      showProblem(slot, t("These files cannot be merged. Nothing has changed."), reply.problems, input);
      // Another council's file: refused until the lead says to merge it all the same (a colleague's file is the
      // same council's; another council's answers would fill this one's blanks).
      const others = (reply.problem_details || []).filter((d) => d.code === "merge_other_council");
      replace(outcome, others.map((d, i) => h("div", { class: "sc-option", "data-sc": "merge-other-council" },
        h("input", { type: "checkbox", id: `sc-merge-other-${i}`, "data-confirm": String(d.params.confirm) }),
        h("label", { for: `sc-merge-other-${i}` }, t("Merge %(file)s all the same: I have checked it is meant for this assessment", { file: String(d.params.file) })))));
      for (const box of findAll(outcome, '[data-sc="merge-other-council"] input', HTMLInputElement)) {
        box.addEventListener("change", () => {
          if (box.checked) otherCouncils.add(box.dataset.confirm || "");
          refresh();
        });
      }
      return null;
    }
    clearErrors(slot);
    return reply.merge;
  }

  async function show() {
    const merged = await check();
    if (!merged) return;
    const conflicts = merged.conflicts;
    const apply = h("button", { type: "button", class: "md-button md-button--primary", "data-sc": "merge-apply" },
      conflicts.length ? t("Merge with these choices") : t("Merge into this browser's assessment"));
    apply.addEventListener("click", async () => {
      /** @type {{ [key: string]: string }} */
      const take = {};
      for (const set of findAll(outcome, '[data-sc="merge-conflict"]')) {
        take[set.dataset.key || ""] = find(set, "input:checked", HTMLInputElement).value;
      }
      const done = await check(Object.keys(take).length ? take : null);
      if (!done || !done.assessment) return;
      if (!importAssessment(done.assessment)) {
        showProblem(slot, t("Not merged: there is no room in this browser to keep your current answers for undo. Export them first, then merge again."));
        return;
      }
      const undo = h("button", { type: "button", class: "md-button", "data-sc": "undo-import" }, t("Undo the merge"));
      undo.addEventListener("click", () => undoImport() && showDone(slot, t("Merge undone"), [h("p", {}, t("Your answers are as they were before it."))], { focus: true }));
      showDone(slot, tn("Merged %(count)s file", "Merged %(count)s files", files.length),
        [h("p", {}, t("From %(senders)s. Their answers are in your assessment now, and in the results above.", { senders: files.map((f) => sender(f.name)).join(", ") })),
          done.left_out.map((entry) => h("p", {}, `${entry.message}.`)), h("p", {}, undo)],
        { focus: true }); // the merge area empties: the focus goes to what happened
      files = [];
      otherCouncils.clear();
      replace(list);
      replace(outcome);
    });
    const when = (/** @type {string | undefined} */ at) => (at ? `${longDate(at.slice(0, 10))} ${at.slice(11, 16)}` : "");
    replace(outcome,
      merged.left_out.map((entry) => h("p", { "data-sc": "merge-left-out" }, `${entry.message}.`)),
      h("p", {}, conflicts.length
        ? tn("%(count)s answer or entry differ between the files. Choose which to keep for each: the answer of the person the question is assigned to is chosen to start with.",
          "%(count)s answers or entries differ between the files. Choose which to keep for each: the answer of the person the question is assigned to is chosen to start with.", conflicts.length)
        : t("The files agree wherever they overlap: nothing to choose.")),
      conflicts.map((c, i) => h("fieldset", { class: "sc-conflict", "data-sc": "merge-conflict", "data-key": c.key },
        h("legend", {}, `${c.label}${c.text ? `: ${c.text}` : ""}`, c.assigned_to ? [" ", t("(assigned to %(name)s)", { name: c.assigned_to })] : ""),
        c.choices.map((choice, j) => h("div", { class: "sc-option" },
          h("input", { type: "radio", id: `sc-merge-${i}-${j}`, name: `sc-merge-${i}`, value: choice.file, checked: choice.file === c.suggested }),
          h("label", { for: `sc-merge-${i}-${j}` },
            h("strong", {}, choice.by || (choice.file === "This browser" ? t("This browser (yours)") : sender(choice.file))), `: ${choice.shown}`,
            h("span", { class: "sc-hint" }, " (" + ([choice.by ? (choice.file === "This browser" ? t("this browser") : choice.file) : "",
              when(choice.at)].filter(Boolean).join(", ") || t("no time recorded")) + ")")))))),
      apply);
  }

  // Which themes each file answers, and whose it is (the engine's survey of the whole files), as a list of themes to
  // take from each; then the merge as chosen. A refused survey (another council's file, say) is asked again once
  // the lead has said to merge it all the same.
  async function refresh() {
    if (!about.size) {
      const survey = await check(null, { whole: true });
      if (!survey) return;
      about = new Map(survey.files.map((f) => [f.name, f]));
      const titles = new Map((latestScores().result?.themes || []).map((t) => [t.id, t.title]));
      replace(list, files.map((f) => {
        const themes = about.get(f.name)?.answered_themes || [];
        return h("fieldset", { class: "sc-merge__file", "data-file": f.name },
          h("legend", {}, t("Take from %(sender)s", { sender: sender(f.name) })),
          themes.length
            ? themes.map((id) => h("div", { class: "sc-option" },
              h("input", { type: "checkbox", id: `sc-merge-${f.name}-${id}`, value: id, checked: true }),
              h("label", { for: `sc-merge-${f.name}-${id}` }, titles.get(id) || id)))
            : h("p", {}, t("This file has no answers.")));
      }));
    }
    await show();
  }

  input.addEventListener("change", async () => {
    const chosen = [...(input.files || [])];
    input.value = "";
    const big = chosen.find((f) => f.size > MAX_FILE_BYTES);
    if (big) {
      showProblem(slot, t("%(name)s is too large to be an assessment file. Nothing has changed.", { name: big.name }), [], input);
      return;
    }
    files = await Promise.all(chosen.map(async (f) => ({ name: f.name, text: await f.text() })));
    otherCouncils.clear();
    about = new Map();
    replace(list);
    await refresh();
  });
  replace(box,
    h("h3", {}, t("Merge colleagues' files")),
    h("p", {}, t("Choose the files colleagues sent you, and for each the themes to take from it. Answers that agree, or that only one file gives, are taken; where two differ you see who answered what and when, and choose.")),
    h("label", { class: "md-button sc-file-button", for: "sc-merge-files" }, t("Choose files to merge")), input, list, outcome);
  return box;
}

/** @param {HTMLElement} root */
export function mountYearly(root) {
  const area = (/** @type {string} */ hook) => /** @type {HTMLElement | null} */ (root.querySelector(`[data-sc="${hook}"]`));
  const together = area("together");
  const merge = area("merge-area");
  const signoff = area("sign-off-area");
  const benchmark = area("benchmark-area");
  const nextYear = area("next-year-area");
  if (merge) replace(merge, mergeSection(root));
  if (nextYear) replace(nextYear, nextYearSection());

  root.addEventListener("click", async (event) => {
    const button = event.target instanceof Element ? event.target.closest("button[data-sc]") : null;
    if (!(button instanceof HTMLButtonElement) || !root.contains(button)) return;
    const assessment = getAssessment();
    const which = button.dataset.sc;
    if (which === "export-themes") {
      const slot = slotOf(root, "together");
      const who = find(root, '[data-sc="export-who"]', HTMLSelectElement).value;
      const reply = await call("export_themes", { assessment, contributor: who });
      if (!reply.ok) return showProblem(slot, t("The themes could not be exported."), reply.problems);
      const name = `${fileStem(assessment, who)}.json`;
      download(name, "application/json", JSON.stringify(reply.assessment, null, 2) + "\n");
      const titles = new Map((latestScores().result?.themes || []).map((t) => [t.id, t.title]));
      showDone(slot, t("Saved %(name)s to your device", { name }), [h("p", {},
        t("It holds the answers to %(themes)s, the themes assigned to %(who)s.", { themes: reply.themes.map((id) => titles.get(id) || id).join(", "), who }), " ",
        t("Find it in your browser's downloads and send it on."))]);
    } else if (which === "withdraw-sign-off") {
      signOff(null);
      showDone(slotOf(root, "sign-off"), t("The sign-off is withdrawn"), [], { focus: true });
    } else if (which === "contribute") {
      const slot = slotOf(root, "benchmark");
      const include = findAll(root, '[data-sc="include"]:checked', HTMLInputElement).map((box) => box.value);
      const reply = await call("contribute", { assessment, include });
      if (!reply.ok) return showProblem(slot, t("No contribution was made."), reply.problems);
      const name = `${fileStem(assessment, "contribution")}.json`;
      download(name, "application/json", JSON.stringify(reply.contribution, null, 2) + "\n");
      const sent = reply.contribution.included;
      showDone(slot, t("Saved %(name)s to your device", { name }), [h("p", {},
        sent.length ? t("It holds your council's figures, with %(also)s.", { also: sent.map((id) => new Map(INCLUDES.map(([key, words]) => [key, words])).get(id) || id).join(", ") }) : t("It holds your council's figures and nothing else."), " ",
        t("Find it in your browser's downloads and send it to your coordinator."))]);
    } else if (which === "start-next-year" || which === "start-next-year-again") {
      const slot = slotOf(root, "next-year");
      // Started twice, last year's record would become this morning's copy: the engine refuses a file started
      // less than half a year ago, and the officer may say it really starts a new year.
      const reply = await call("next_year", { assessment, today: today(), again: which === "start-next-year-again" });
      if (!reply.ok) {
        const summary = showProblem(slot, t("This year's assessment was not started."), reply.problems);
        if ((reply.problem_details || []).some((d) => d.code === "next_year_already_started")) {
          summary.append(h("p", {}, h("button", { type: "button", class: "md-button", "data-sc": "start-next-year-again" }, t("Start a new year all the same"))));
        }
        return;
      }
      const lastFile = `${fileStem(assessment)}.json`;
      download(lastFile, "application/json", JSON.stringify(assessment, null, 2) + "\n");
      if (!importAssessment(reply.assessment)) return showProblem(slot, t("Not started: there is no room in this browser to keep last year's answers for undo."));
      const undo = h("button", { type: "button", class: "md-button", "data-sc": "undo-import" }, t("Undo"));
      undo.addEventListener("click", () => undoImport() && showDone(slot, t("Back to last year's assessment"), [], { focus: true }));
      showDone(slot, t("This year's assessment has started from last year's"), [
        h("p", {}, t("Last year's is saved to your device as %(file)s.", { file: lastFile }), " ",
          tn("%(count)s answer to review.", "%(count)s answers to review.", (reply.assessment.review || []).length), " "), h("p", {}, undo)]);
    }
  });

  let assigned = ""; // who answers which theme, as the section last showed it
  const stopScores = onScores((scores) => {
    if (!scores.result) {
      for (const area of [together, signoff, benchmark]) if (area) replace(area);
      return;
    }
    assigned = JSON.stringify(getAssessment().assignments || {});
    if (together) replaceKeepingFocus(together, togetherSection(scores.result));
    if (signoff) replaceKeepingFocus(signoff, signOffSection(scores.result));
    if (benchmark && "actions" in scores.result) {
      const ticked = findAll(benchmark, '[data-sc="include"]:checked', HTMLInputElement).map((box) => box.value);
      replaceKeepingFocus(benchmark, benchmarkSection(scores.result, ticked));
    }
  });
  // What the engine's result does not depend on (js/scores.js asks for no new one): the plans' owners, dates and
  // notes, and who answers which theme, shown as they are saved.
  const stopStore = subscribe(() => {
    const result = latestScores().result;
    if (!result || !("actions" in result)) return;
    showPlanSummaries(root, result);
    const now = JSON.stringify(getAssessment().assignments || {});
    if (together && now !== assigned) {
      assigned = now;
      replaceKeepingFocus(together, togetherSection(result));
    }
  });
  return () => {
    stopScores();
    stopStore();
  };
}
