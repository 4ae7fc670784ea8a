// "Check your answers" on the way to sign-off (the GOV.UK pattern): every answer given, theme by theme, each with a
// link to change it, then the sign-off form. The rows are the board report's annex (scorecard/engine/board.py); the
// sign-off's digest of what was signed, and whether it still matches, are the engine's (engine/signing.py).
import { call } from "./engine.js";
import { find, h, replace } from "./dom.js";
import { clearErrors, showErrors, showProblem } from "./feedback.js";
import { getAssessment, myName, signOff } from "./store.js";
import { onScores } from "./scores.js";
import { longDate, pct, today } from "./format.js";
import { t, tn } from "./i18n.js";


/** @param {BoardReport["annex"][number]} theme @param {Result.Theme | LiveResult["themes"][number] | undefined} scored */
function themeCard(theme, scored) {
  const given = scored ? scored.answered + scored.not_applicable : 0;
  return h("section", { class: "sc-card", "aria-labelledby": `check-${theme.id}`, "data-theme": theme.id },
    h("h2", { class: "sc-card__title", id: `check-${theme.id}` }, theme.title,
      scored ? h("span", { class: "sc-card__meta" }, " ", t("%(given)s of %(asked)s answered", { given, asked: scored.asked })) : null),
    h("dl", { class: "sc-summary-list" }, theme.questions.map((q) => {
      const answered = q.state === "answered" || q.state === "not_applicable";
      const more = [q.note ? h("p", {}, t("Note: %(note)s", { note: q.note })) : null,
        q.evidence_text ? h("p", {}, t("Evidence: %(evidence)s", { evidence: q.evidence_text })) : null,
        q.by ? h("p", { class: "sc-hint" }, t("Answered by %(name)s", { name: q.by })) : null];
      return h("div", { class: "sc-summary-list__row", "data-question": q.id },
        h("dt", { class: "sc-summary-list__key" }, `${q.id} ${q.text}`),
        h("dd", { class: `sc-summary-list__value${answered ? "" : " sc-summary-list__value--missing"}` }, h("p", {}, q.answer), more),
        h("dd", { class: "sc-summary-list__actions" },
          h("a", { href: `themes/${theme.id}.html#q-${q.id}` }, answered ? t("Change") : t("Answer"),
            h("span", { class: "sc-visually-hidden" }, ` ${q.id}`))));
    })));
}

// The sign-off form: built once (what is typed stays while answers change), its warning and state kept current.
/** @param {HTMLElement} root */
function signOffForm(root) {
  const slot = find(root, '[data-sc="sign-off-message"]');
  /** @param {string} id @param {string} label @param {Attributes} attrs @param {string} [hint] */
  const field = (id, label, attrs, hint) => h("div", { class: "sc-field" },
    h("label", { for: id }, label), hint ? h("p", { class: "sc-hint", id: `${id}-hint` }, hint) : null,
    h("input", { id, ...(hint ? { "aria-describedby": `${id}-hint` } : {}), ...attrs }));
  const state = h("div", { "data-sc": "sign-off-state" });
  const warning = h("div", { "data-sc": "sign-off-warning" });
  const button = h("button", { type: "button", class: "md-button md-button--primary", "data-sc": "sign-off" }, t("Sign off"));
  const form = h("div", { class: "sc-signoff", "data-sc": "sign-off-fields" },
    field("sc-signoff-name", t("Your name"), { type: "text", "data-sc": "signoff-name", value: myName(), maxlength: 200, autocomplete: "name", spellcheck: "false" }),
    field("sc-signoff-role", t("Your role"), { type: "text", "data-sc": "signoff-role", maxlength: 200, autocomplete: "organization-title" },
      t("For example, Modern slavery lead, or Director of Community Safety.")),
    field("sc-signoff-date", t("Date of sign-off"), { type: "date", "data-sc": "signoff-date", value: today() }));
  button.addEventListener("click", async () => {
    const input = (/** @type {string} */ hook) => find(form, `[data-sc="${hook}"]`, HTMLInputElement);
    const [name, role, date] = ["signoff-name", "signoff-role", "signoff-date"].map((hook) => input(hook).value.trim());
    /** @type {import("./feedback.js").FieldError[]} */
    const errors = [];
    if (!name) errors.push({ field: input("signoff-name"), message: t("Enter your name") });
    if (!role) errors.push({ field: input("signoff-role"), message: t("Enter your role") });
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) errors.push({ field: input("signoff-date"), message: t("Enter the date of sign-off") });
    if (errors.length) return showErrors(slot, errors);
    const reply = await call("sign_off", { assessment: getAssessment(), sign_off: { name, role, date } });
    if (!reply.ok) return showProblem(slot, t("The assessment could not be signed off: its answers cannot be read."), reply.problems);
    clearErrors(slot);
    signOff(reply.sign_off);
    const panel = h("div", { class: "sc-panel", tabindex: "-1", "data-sc": "signed-off" },
      h("h2", { class: "sc-panel__title" }, t("Assessment signed off")),
      h("p", {}, t("by %(name)s, %(role)s, on %(date)s", { name, role, date: longDate(date) || date })));
    formArea.hidden = true; // the confirmation, and what to do next, in its place (until the page is left)
    replace(slot, panel,
      h("h3", {}, t("What happens next")),
      h("ul", {},
        h("li", {}, h("a", { href: "report.html" }, t("Print the board report")), " ", t("(or save it as a PDF) for your board or cabinet.")),
        h("li", {}, h("a", { href: "results.html#save" }, t("Export the assessment")), " ",
          t("and keep the file where your council backs it up: answers saved in this browser can be lost.")),
        h("li", {}, t("Send the file to your regional network if it compares councils."))));
    panel.focus();
  });
  const formArea = find(root, '[data-sc="sign-off-form"]');
  replace(formArea, state, warning, form, h("p", {}, button));
  return { state, warning, button };
}

/** @param {HTMLElement} root */
export function mountCheck(root) {
  const answers = find(root, '[data-sc="check-answers"]');
  const parts = signOffForm(root);
  let sequence = 0;
  return onScores(async (scores) => {
    if (!scores.result) {
      replace(answers, h("p", {}, scores.reason === "no-council-type"
        ? [t("Choose your council on the"), " ", h("a", { href: "index.html#about-your-council" }, t("home page")), " ", t("first.")]
        : scores.reason === "loading" ? t("Loading the scoring engine…") : t("These answers cannot be scored: see the results page.")));
      return;
    }
    const mine = ++sequence;
    const assessment = getAssessment();
    const report = await call("board_report", assessment);
    if (mine !== sequence) return;
    if (!report.ok) return replace(answers, h("p", { class: "sc-error" }, report.problems.join("; ")));
    const byId = new Map(scores.result.themes.map((t) => [t.id, t]));
    replace(answers, report.report.annex.map((theme) => themeCard(theme, byId.get(theme.id))));
    answers.dataset.ready = "true";
    const overall = scores.result.overall;
    const missing = scores.result.themes.reduce((n, t) => n + Math.max(0, t.asked - t.answered - t.not_applicable), 0);
    replace(parts.warning, missing
      ? h("div", { class: "sc-warning", "data-sc": "incomplete" }, h("span", { class: "sc-warning__icon", "aria-hidden": "true" }, "!"),
        h("p", {}, h("span", { class: "sc-visually-hidden" }, t("Warning:"), " "),
          tn("%(count)s question is not answered yet (%(share)s answered).", "%(count)s questions are not answered yet (%(share)s answered).",
            missing, { share: pct(overall.coverage) }), " ",
          t("If you sign off now, the board report shows an incomplete assessment: unanswered questions count as not evidenced.")))
      : null);
    // whether what was signed has changed since is the engine's digest check (engine/signing.py)
    const current = "sign_off" in scores.result ? scores.result.sign_off : null;
    const found = "sign_off_check" in scores.result ? scores.result.sign_off_check : undefined;
    const changed = Boolean(found && found.matches === false);
    replace(parts.state, current
      ? h("p", { class: changed ? "sc-warning-text" : "" }, t("Signed off by %(name)s, %(role)s, on %(date)s.", { name: current.name, role: current.role, date: longDate(current.date) || current.date }),
        changed && found ? [" ", found.message, " ", t("Sign off again once the changes are checked.")] : "") : null);
    parts.button.textContent = current ? t("Sign off again") : missing ? t("Sign off an incomplete assessment") : t("Sign off");
  });
}
