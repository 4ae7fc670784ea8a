// The Board report page: the same one-page summary and annex as `scorecard report`, worded by
// the engine (scorecard/engine/board.py) and laid out here with the same markup as the CLI's
// template (scorecard/reports/templates/board_body.html.j2) and the same stylesheet (board.css).
import { call } from "./engine.js";
import { find, h, replace } from "./dom.js";
import { getAssessment, subscribe } from "./store.js";
import { latestScores, onScores } from "./scores.js";
import { noScoresHere } from "./browser-check.js";
import { t } from "./i18n.js";

const num = (/** @type {string} */ cls = "") => ({ class: cls ? `sc-board__num ${cls}` : "sc-board__num" });
const col = (/** @type {string} */ text, /** @type {Attributes} */ attrs = {}) => h("th", { scope: "col", ...attrs }, text);
// A wide table scrolls in its own region on a narrow screen (the same markup as the CLI's page).
const wide = (/** @type {string} */ label, /** @type {HTMLElement} */ table) => h("div", { class: "sc-board__wide", role: "region", "aria-label": label, tabindex: "0" }, table);
const tag = (/** @type {string} */ text) => (text ? h("span", { class: "sc-board__tag" }, text) : null);

/** @param {BoardReport} r */
function summary(r) {
  const head = r.headline;
  return h("section", { class: "sc-board__summary", "aria-labelledby": "sc-board-summary" },
    h("h2", { id: "sc-board-summary" }, t("Summary")),
    h("div", { class: "sc-board__headline" },
      h("p", {}, h("span", { class: "sc-board__figure" }, head.score), " ", t("out of 100"), " · ", h("strong", {}, head.tier),
        ` · ${head.risk} · `, t("%(coverage)s of questions answered", { coverage: head.coverage })),
      head.weakest ? h("p", {}, h("strong", {}, head.weakest)) : null,
      h("p", {}, head.status),
      r.since ? h("p", {}, r.since.summary, r.since.overall ? [" ", t("Overall score %(change)s.", { change: r.since.overall })] : "",
        r.since.source ? [" ", h("span", { class: "sc-board__muted" }, r.since.source)] : null) : null,
      r.since?.warning ? h("p", { class: "sc-board__warning" }, h("strong", {}, r.since.warning)) : null,
      h("p", {}, h("strong", {}, t("Evidence:")), ` ${r.evidence}`, r.not_evidenced ? ` ${r.not_evidenced}` : ""),
      h("p", { class: "sc-board__signoff" }, r.sign_off),
      r.sign_off_digest ? h("p", { class: "sc-board__digest", "data-sc": "sign-off-digest" }, r.sign_off_digest) : null,
      r.sign_off_changed ? h("p", { class: "sc-board__warning", "data-sc": "sign-off-changed" }, h("strong", {}, r.sign_off_changed)) : null),
    wide(t("Scores by theme"),
      h("table", { class: "sc-board__themes" },
        h("caption", {}, t("Scores by theme")),
        h("thead", {}, h("tr", {}, col(t("Theme")), col(t("Score (0–100)"), num()), col(t("Tier")), col(t("Residual risk")),
          col(t("Answered"), num()), col(t("Evidenced score")), col(t("Since last year"), num()), col(t("When planned actions are done")))),
        h("tbody", {}, r.themes.map((theme) => {
          const bar = theme.state === "scored"
            ? h("span", { class: "sc-board__bar", "aria-hidden": "true" }, h("span", { style: `width: ${theme.bar}%` })) : null;
          return h("tr", { "data-theme": theme.id }, h("th", { scope: "row" }, theme.title),
            h("td", num(), theme.score, bar), h("td", {}, theme.tier, theme.provisional ? [" ", tag(t("provisional"))] : null,
              theme.tier_note ? [" ", tag(theme.tier_note)] : null, theme.note ? [" ", tag(theme.note)] : null),
            h("td", {}, theme.risk), h("td", num(), theme.coverage), h("td", {}, theme.evidence), h("td", num(), theme.change), h("td", {}, theme.planned));
        })))),
    h("p", { class: "sc-board__muted" }, r.table_note),
    h("h3", {}, t("Legal duties and essential controls")),
    r.gates.length || r.essentials.length || r.not_answered
      ? [r.gates.length || r.essentials.length
        ? h("ul", {}, r.gates.map((g) => h("li", {}, `${g.question}, ${g.law}: `, h("strong", {}, g.status))),
          r.essentials.map((e) => h("li", {}, t("%(question)s, essential control: %(control)s:", { question: e.question, control: e.control }), " ", h("strong", {}, e.status))))
        : null,
      r.not_answered ? h("p", {}, r.not_answered) : null]
      : h("p", {}, t("No legal duty or essential control tested by these questions is shown as not met or not answered.")),
    r.contradictions ? h("p", {}, h("strong", {}, t("Answers that contradict each other:")), ` ${r.contradictions}`) : null,
    r.duties_by_date.length ? [h("h3", {}, t("Legal duties by date")), h("ul", {}, r.duties_by_date.map((d) => h("li", {}, d)))] : null,
    h("h3", {}, t("Top actions"), r.actions.length
      ? [" ", h("span", { class: "sc-board__muted" }, t("(%(owned)s of %(total)s actions have an owner)", { owned: r.actions_owned, total: r.actions_total }))] : null),
    r.actions.length ? [
      wide(t("Top actions"),
        h("table", { class: "sc-board__actions" },
          h("thead", {}, h("tr", {}, col("#", num()), col(t("Action")), col(t("Owner")), col(t("Due")), col(t("Status")))),
          h("tbody", {}, r.actions.map((a, i) => [
            i === 0 || a.part !== r.actions[i - 1].part
              ? h("tr", { class: "sc-board__part" }, h("th", { scope: "colgroup", colspan: "5" }, a.part)) : null,
            h("tr", {},
              h("td", num(), a.priority),
              h("td", {}, `${a.question} ${a.text} `, tag(a.detail)),
              h("td", {}, a.owner), h("td", {}, a.due), h("td", {}, a.status))])))),
    ] : h("p", {}, t("No actions: every answered question has the best answer.")),
    r.review ? h("p", {}, r.review) : null,
    r.peer_review ? h("p", { "data-sc": "board-peer-review" }, r.peer_review) : null);
}

// Outcome indicators in the annex: a row per count, the indicator's cell spanning its counts (as board_body.html.j2).
/** @param {BoardReport} r */
function indicatorsAnnex(r) {
  if (!r.annex_indicators.length) return null;
  return [h("h3", {}, t("Outcome indicators (recorded beside the scores, not scored)")),
    h("p", { "data-sc": "board-indicators" }, r.indicators_line),
    wide(t("Outcome indicators"),
      h("table", { class: "sc-board__answers", "data-sc": "board-indicator-table" },
        h("thead", {}, h("tr", {}, col(t("Indicator and period")), col(t("Count")), col(t("This year")), col(t("Since last year")))),
        h("tbody", {}, r.annex_indicators.flatMap((i) => i.counts.map((c, n) => h("tr", { "data-indicator": i.id },
          n === 0 ? h("td", { rowspan: String(i.counts.length) }, `${i.id} ${i.title}`, h("br"), h("span", { class: "sc-board__muted" }, i.period),
            i.note ? h("p", {}, i.note) : null, i.problems ? h("p", {}, h("strong", {}, t("Set aside, not used: %(problems)s", { problems: i.problems }))) : null) : null,
          h("td", {}, c.label), h("td", {}, c.text), h("td", {}, c.trend)))))))];
}

/** @param {BoardReport["annex"][number]["questions"][number]["evidence"]} e */
function evidence(e) {
  if (!e) return null;
  return h("p", {}, t("Evidence:"), " ", e.reference || "", e.reference && e.link ? "; " : "",
    e.link ? h("a", { href: e.link }, e.link) : "", e.date ? [" ", t("(dated %(date)s)", { date: e.date_long || "" })] : "", `. ${e.strength}`);
}

/** @param {BoardReport} r */
function annex(r) {
  return h("section", { class: "sc-board__annex", "aria-labelledby": "sc-board-annex" },
    h("h2", { id: "sc-board-annex" }, t("Annex: every answer, note and piece of evidence")),
    r.annex_contradictions.length
      ? [h("h3", {}, t("Answers that contradict each other")), h("ul", {}, r.annex_contradictions.map((c) => h("li", {}, c)))] : null,
    h("h3", {}, t("Terms used in this report")),
    h("dl", { class: "sc-board__glossary" }, r.glossary.map((entry) => [h("dt", {}, entry.term), h("dd", {}, entry.meaning)])),
    r.annex_challenges.length
      ? [h("h3", {}, t("Peer review challenges")), h("ul", { "data-sc": "board-challenges" }, r.annex_challenges.map((c) =>
        h("li", { "data-question": c.question, "data-decision": c.decision }, c.message)))] : null,
    r.annex.map((theme) => [
      h("h3", {}, theme.title),
      wide(theme.title,
        h("table", { class: "sc-board__answers", "data-theme": theme.id },
          h("colgroup", {}, ["q", "a", "n", "b"].map((c) => h("col", { class: `sc-board__col-${c}` }))),
          h("thead", {}, h("tr", {}, col(t("Question")), col(t("Answer")), col(t("Note, evidence and action")), col(t("Answered by")))),
          h("tbody", {}, theme.questions.map((q) => h("tr", { "data-question": q.id },
            h("td", {}, `${q.id} ${q.text}`),
            h("td", {}, q.answer, tag(q.change), tag(q.review)),
            h("td", {}, q.note ? h("p", {}, q.note) : null, evidence(q.evidence), q.action ? h("p", {}, t("Action: %(action)s", { action: q.action })) : null),
            h("td", {}, q.by)))))),
    ]),
    indicatorsAnnex(r),
    r.retired.length ? [h("h3", {}, t("Answers to retired questions (kept, not scored)")), h("ul", {}, r.retired.map((line) => h("li", {}, line)))] : null);
}

/** @param {BoardReport} r */
export function renderBoard(r) {
  return [
    h("header", { class: "sc-board__head" },
      h("p", { class: "sc-board__kicker" }, r.title), h("h1", {}, r.council), h("p", {}, `${r.subtitle}. ${r.assessed}.`)),
    summary(r),
    annex(r),
  ];
}

/** @param {ParentNode} root */
export function mountBoard(root) {
  const body = find(root, '[data-sc="board"]');
  root.querySelector('[data-sc="print-board"]')?.addEventListener("click", () => window.print());
  let sequence = 0;
  /** @param {import("./scores.js").Scores} scores */
  const show = async (scores) => {
    if (scores.reason === "engine-unavailable") {
      replace(body, noScoresHere(t("The board report")));
      return;
    }
    if (!scores.result) {
      replace(body, h("p", {}, scores.reason === "no-council-type"
        ? t("Choose your council type on the home page, and answer some questions, to see the report.")
        : scores.reason === "loading" ? t("Loading the scoring engine…") : t("These answers cannot be scored: see the Results page.")));
      return;
    }
    const mine = ++sequence;
    const reply = await call("board_report", getAssessment());
    if (mine !== sequence) return;
    replace(body, reply.ok ? renderBoard(reply.report) : h("p", { class: "sc-error" }, reply.problems.join("; ")));
    body.dataset.ready = "true";
  };
  const stopScores = onScores(show);
  // The annex shows every note and piece of evidence, which a new score is not asked for (js/scores.js): another
  // tab's change to them is shown too.
  const stopStore = subscribe(() => show(latestScores()));
  return () => {
    stopScores();
    stopStore();
  };
}
