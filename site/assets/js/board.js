// The Board report page: the same one-page summary and annex as `scorecard report`, worded by
// the engine (scorecard/engine/board.py), headings and all (r.words, in the report's language), and laid
// out here with the same markup as the CLI's template (scorecard/reports/templates/board_body.html.j2) and
// the same stylesheet (board.css). The officer may ask for it in another language too (a Welsh council's
// board papers are bilingual): the report in each, one after the other, each part marked with its lang.
import { call } from "./engine.js";
import { find, findAll, h, replace } from "./dom.js";
import { getAssessment, subscribe } from "./store.js";
import { latestScores, onScores } from "./scores.js";
import { noScoresHere } from "./browser-check.js";
import { t } from "./i18n.js";

const num = (/** @type {string} */ cls = "") => ({ class: cls ? `sc-board__num ${cls}` : "sc-board__num" });
const col = (/** @type {string} */ text, /** @type {Attributes} */ attrs = {}) => h("th", { scope: "col", ...attrs }, text);
// A wide table scrolls in its own region on a narrow screen (the same markup as the CLI's page).
const wide = (/** @type {string} */ label, /** @type {HTMLElement} */ table) => h("div", { class: "sc-board__wide", role: "region", "aria-label": label, tabindex: "0" }, table);
const tag = (/** @type {string} */ text) => (text ? h("span", { class: "sc-board__tag" }, text) : null);

/** A sentence of the report's words with its %(name)s filled in. @param {string} text @param {{ [name: string]: string | number | undefined }} values */
const fill = (text, values) => text.replace(/%\((\w+)\)s/g, (_, name) => String(values[name]));

/** @param {BoardReport} r @param {string} suffix */
function summary(r, suffix) {
  const head = r.headline;
  const w = r.words;
  return h("section", { class: "sc-board__summary", "aria-labelledby": `sc-board-summary${suffix}` },
    h("h2", { id: `sc-board-summary${suffix}` }, w.summary),
    h("div", { class: "sc-board__headline" },
      h("p", {}, h("span", { class: "sc-board__figure" }, head.score), ` ${w.out_of_100} · `, h("strong", {}, head.tier),
        ` · ${head.risk} · ${head.coverage} ${w.of_questions_answered}`),
      head.weakest ? h("p", {}, h("strong", {}, head.weakest)) : null,
      h("p", {}, head.status),
      r.since ? h("p", {}, r.since.summary, r.since.overall ? ` ${fill(w.overall_score, { change: r.since.overall })}` : "",
        r.since.source ? [" ", h("span", { class: "sc-board__muted" }, r.since.source)] : null) : null,
      r.since?.warning ? h("p", { class: "sc-board__warning" }, h("strong", {}, r.since.warning)) : null,
      h("p", {}, h("strong", {}, w.evidence), ` ${r.evidence}`, r.not_evidenced ? ` ${r.not_evidenced}` : ""),
      h("p", { class: "sc-board__signoff" }, r.sign_off),
      r.sign_off_digest ? h("p", { class: "sc-board__digest", "data-sc": "sign-off-digest" }, r.sign_off_digest) : null,
      r.sign_off_changed ? h("p", { class: "sc-board__warning", "data-sc": "sign-off-changed" }, h("strong", {}, r.sign_off_changed)) : null),
    wide(w.scores_by_theme,
      h("table", { class: "sc-board__themes" },
        h("caption", {}, w.scores_by_theme),
        h("thead", {}, h("tr", {}, col(w.theme), col(w.score, num()), col(w.tier), col(w.residual_risk),
          col(w.answered, num()), col(w.evidenced_score), col(w.since_last_year, num()), col(w.when_planned))),
        h("tbody", {}, r.themes.map((t) => {
          const bar = t.state === "scored"
            ? h("span", { class: "sc-board__bar", "aria-hidden": "true" }, h("span", { style: `width: ${t.bar}%` })) : null;
          return h("tr", { "data-theme": t.id }, h("th", { scope: "row" }, t.title),
            h("td", num(), t.score, bar), h("td", {}, t.tier, t.provisional ? [" ", tag(w.provisional)] : null,
              t.tier_note ? [" ", tag(t.tier_note)] : null, t.note ? [" ", tag(t.note)] : null),
            h("td", {}, t.risk), h("td", num(), t.coverage), h("td", {}, t.evidence), h("td", num(), t.change), h("td", {}, t.planned));
        })))),
    h("p", { class: "sc-board__muted" }, r.table_note),
    h("h3", {}, w.duties_and_controls),
    r.gates.length || r.essentials.length || r.not_answered
      ? [r.gates.length || r.essentials.length
        ? h("ul", {}, r.gates.map((g) => h("li", {}, `${g.question}, ${g.law}: `, h("strong", {}, g.status))),
          r.essentials.map((e) => h("li", {}, `${e.question}, ${w.essential_control}: ${e.control}: `, h("strong", {}, e.status))))
        : null,
      r.not_answered ? h("p", {}, r.not_answered) : null]
      : h("p", {}, w.none_not_met),
    r.contradictions ? h("p", {}, h("strong", {}, `${w.contradictions}:`), ` ${r.contradictions}`) : null,
    r.duties_by_date.length ? [h("h3", {}, w.duties_by_date), h("ul", {}, r.duties_by_date.map((d) => h("li", {}, d)))] : null,
    h("h3", {}, w.top_actions, r.actions.length
      ? [" ", h("span", { class: "sc-board__muted" }, fill(w.actions_owned, { owned: r.actions_owned, total: r.actions_total }))] : null),
    r.actions.length ? [
      wide(w.top_actions,
        h("table", { class: "sc-board__actions" },
          h("thead", {}, h("tr", {}, col("#", num()), col(w.action), col(w.owner), col(w.due), col(w.status))),
          h("tbody", {}, r.actions.map((a, i) => [
            i === 0 || a.part !== r.actions[i - 1].part
              ? h("tr", { class: "sc-board__part" }, h("th", { scope: "colgroup", colspan: "5" }, a.part)) : null,
            h("tr", {},
              h("td", num(), a.priority),
              h("td", {}, `${a.question} ${a.text} `, tag(a.detail)),
              h("td", {}, a.owner), h("td", {}, a.due), h("td", {}, a.status))])))),
    ] : h("p", {}, w.no_actions),
    r.review ? h("p", {}, r.review) : null,
    r.peer_review ? h("p", { "data-sc": "board-peer-review" }, r.peer_review) : null);
}

// Outcome indicators in the annex: a row per count, the indicator's cell spanning its counts (as board_body.html.j2).
/** @param {BoardReport} r */
function indicatorsAnnex(r) {
  if (!r.annex_indicators.length) return null;
  const w = r.words;
  return [h("h3", {}, w.indicators),
    h("p", { "data-sc": "board-indicators" }, r.indicators_line),
    wide(w.indicators_table,
      h("table", { class: "sc-board__answers", "data-sc": "board-indicator-table" },
        h("thead", {}, h("tr", {}, col(w.indicator_and_period), col(w.count), col(w.this_year), col(w.since_last_year))),
        h("tbody", {}, r.annex_indicators.flatMap((i) => i.counts.map((c, n) => h("tr", { "data-indicator": i.id },
          n === 0 ? h("td", { rowspan: String(i.counts.length) }, `${i.id} ${i.title}`, h("br"), h("span", { class: "sc-board__muted" }, i.period),
            i.note ? h("p", {}, i.note) : null, i.problems ? h("p", {}, h("strong", {}, fill(w.set_aside, { problems: i.problems }))) : null) : null,
          h("td", {}, c.label), h("td", {}, c.text), h("td", {}, c.trend)))))))];
}

/** @param {BoardReport["annex"][number]["questions"][number]["evidence"]} e @param {BoardWords} w */
function evidence(e, w) {
  if (!e) return null;
  return h("p", {}, w.evidence_label, e.reference || "", e.reference && e.link ? "; " : "",
    e.link ? h("a", { href: e.link }, e.link) : "", e.date ? ` (${fill(w.dated, { date: e.date_long })})` : "", `. ${e.strength}`);
}

/** @param {BoardReport} r @param {string} suffix */
function annex(r, suffix) {
  const w = r.words;
  return h("section", { class: "sc-board__annex", "aria-labelledby": `sc-board-annex${suffix}` },
    h("h2", { id: `sc-board-annex${suffix}` }, w.annex),
    r.annex_contradictions.length
      ? [h("h3", {}, w.contradictions), h("ul", {}, r.annex_contradictions.map((c) => h("li", {}, c)))] : null,
    h("h3", {}, w.terms),
    h("dl", { class: "sc-board__glossary" }, r.glossary.map((entry) => [h("dt", {}, entry.term), h("dd", {}, entry.meaning)])),
    r.annex_challenges.length
      ? [h("h3", {}, w.challenges), h("ul", { "data-sc": "board-challenges" }, r.annex_challenges.map((c) =>
        h("li", { "data-question": c.question, "data-decision": c.decision }, c.message)))] : null,
    r.annex.map((theme) => [
      h("h3", {}, theme.title),
      wide(theme.title,
        h("table", { class: "sc-board__answers", "data-theme": theme.id },
          h("colgroup", {}, ["q", "a", "n", "b"].map((c) => h("col", { class: `sc-board__col-${c}` }))),
          h("thead", {}, h("tr", {}, col(w.question), col(w.answer), col(w.note_evidence_action), col(w.answered_by))),
          h("tbody", {}, theme.questions.map((q) => h("tr", { "data-question": q.id },
            h("td", {}, `${q.id} ${q.text}`),
            h("td", {}, q.answer, tag(q.change), tag(q.review)),
            h("td", {}, q.note ? h("p", {}, q.note) : null, evidence(q.evidence, w), q.action ? h("p", {}, fill(w.action_label, { action: q.action })) : null),
            h("td", {}, q.by)))))),
    ]),
    indicatorsAnnex(r),
    r.retired.length ? [h("h3", {}, w.retired), h("ul", {}, r.retired.map((line) => h("li", {}, line)))] : null);
}

/** @param {BoardReport} r @param {string} [suffix] what makes the ids of this report's headings unique on the page */
export function renderBoard(r, suffix = "") {
  return [
    h("header", { class: "sc-board__head" },
      h("p", { class: "sc-board__kicker" }, r.title), h("h1", {}, r.council), h("p", {}, `${r.subtitle}. ${r.assessed}.`)),
    summary(r, suffix),
    annex(r, suffix),
  ];
}

/**
 * The report in the page's language or, with others asked for, in each (the page's first), each part marked with
 * its language. A failed reply's problems instead.
 * @param {ReadonlyArray<readonly [string, EngineReply<"board_report">]>} replies
 */
function renderReports(replies) {
  const failed = replies.find(([, reply]) => !reply.ok);
  if (failed && !failed[1].ok) return h("p", { class: "sc-error" }, failed[1].problems.join("; "));
  const reports = replies.flatMap(([lang, reply]) => (reply.ok ? [/** @type {const} */ ([lang, reply.report])] : []));
  if (reports.length === 1) return renderBoard(reports[0][1]);
  return reports.map(([lang, report]) => h("div", { class: "sc-board__language", lang }, renderBoard(report, `-${lang}`)));
}

/** @param {ParentNode} root */
export function mountBoard(root) {
  const body = find(root, '[data-sc="board"]');
  root.querySelector('[data-sc="print-board"]')?.addEventListener("click", () => window.print());
  // "Also in English" (on a Welsh page), "Also in Cymraeg" (on an English one): the report in that language too
  const also = findAll(root, '[data-sc="board-also"]', HTMLInputElement);
  for (const box of also) box.addEventListener("change", () => show(latestScores()));
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
    const assessment = getAssessment();
    const langs = [document.documentElement.lang, ...also.filter((box) => box.checked).map((box) => box.value)];
    const replies = await Promise.all(langs.map(async (lang) => /** @type {const} */ ([lang, await call("board_report", assessment, lang)])));
    if (mine !== sequence) return;
    replace(body, renderReports(replies));
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
