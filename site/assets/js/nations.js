// Law grouped by nation (the legal duties on "Legal duties as at" and "How scoring works": the build's
// legal-duties-by-nation.html.j2): once the engine has read the council's nation, only that nation's section
// shows, so every legal statement an officer reads is their own nation's law; "Show every nation" shows them all,
// grouped. Without a council (or the engine), every nation shows, each under its own heading.
import { find, findAll, h, replace } from "./dom.js";
import { t } from "./i18n.js";
import { onScores } from "./scores.js";

/** @param {ParentNode} page */
export function mountByNation(page) {
  const groups = findAll(page, '[data-sc="by-nation"]');
  if (!groups.length) return () => {};
  let showAll = false;
  /** @type {{ id: string, name: string } | null} */
  let own = null;
  const show = () => {
    for (const group of groups) {
      for (const section of findAll(group, "[data-nation]")) section.hidden = Boolean(own) && !showAll && section.dataset.nation !== own?.id;
      const status = find(group, '[data-sc="by-nation-status"]');
      if (!own) continue;
      const toggle = h("button", { type: "button", class: "md-button", "data-sc": "by-nation-toggle" },
        showAll ? t("Show %(nation)s only", { nation: own.name }) : t("Show every nation"));
      toggle.addEventListener("click", () => {
        showAll = !showAll;
        show();
        /** @type {HTMLElement | null} */ (group.querySelector('[data-sc="by-nation-toggle"]'))?.focus();
      });
      replace(status, showAll
        ? t("Every nation's duties, grouped by nation. Your council is in %(nation)s.", { nation: own.name })
        : t("The duties of %(nation)s, your council's nation.", { nation: own.name }), " ", toggle);
    }
  };
  return onScores((scores) => {
    const nation = scores.result?.council.nation || "";
    const next = nation ? { id: nation, name: scores.result?.labels.nations[nation] || nation } : null;
    if (next?.id === own?.id) return;
    own = next;
    show();
  });
}
