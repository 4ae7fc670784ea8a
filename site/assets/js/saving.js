// Answers live in this browser's storage only, which browsers (and council desktops that reset at log-out) can
// clear: every page says when the assessment was last exported as a file, and offers to export it when it never
// was or has changed since (a GOV.UK notification banner). The browser is asked once to keep the site's storage
// (navigator.storage.persist), and the page says whether it agreed.
import { download, h, replace } from "./dom.js";
import { longDate } from "./format.js";
import { t } from "./i18n.js";
import { getAssessment, lastExported, markExported } from "./store.js";
import { fileStem } from "./yearly.js";

// Save the assessment as a JSON file on the officer's device (or `file`, the engine's copy of it without names and
// times), and remember when: returns the file's name.
/** @param {AnyAssessment} [file] */
export function exportAssessment(file) {
  const assessment = getAssessment();
  const name = `${fileStem(assessment)}.json`;
  download(name, "application/json", JSON.stringify(file || assessment, null, 2) + "\n");
  markExported(name);
  return name;
}

/** @type {boolean | null} whether the browser keeps the storage (null: not known yet, or it cannot say) */
let persisted = null;
let asked = false;
function askToKeep() {
  if (asked || !navigator.storage?.persist) return;
  asked = true;
  navigator.storage.persisted()
    .then((already) => already || navigator.storage.persist())
    .then((kept) => {
      persisted = kept;
      showSaving();
    })
    .catch(() => {});
}

const hasContent = (/** @type {StoredAssessment} */ a) => Boolean(Object.keys(a.answers).length || Object.keys(a.notes).length);
// 2026-12-07T10:32:05Z -> "7 December 2026 at 10:32" (UTC, as the times are kept)
const when = (/** @type {string} */ at) => t("%(date)s at %(time)s UTC", { date: longDate(at.slice(0, 10)) || "", time: at.slice(11, 16) });

// The banner at the top of each page (above its heading; app.js shows it on each page and each change), redrawn
// only when what it says changes.
export function showSaving() {
  const article = document.querySelector("article");
  if (!article) return;
  const found = article.querySelector(":scope > .sc-saving");
  const box = found instanceof HTMLElement ? found : h("div", { class: "sc-saving", "data-sc": "saving" });
  if (!found) {
    const notices = article.querySelector(":scope > .sc-notices");
    if (notices) notices.after(box);
    else article.prepend(box);
  }
  const assessment = getAssessment();
  const exported = lastExported();
  const signature = JSON.stringify([hasContent(assessment), exported, persisted]);
  if (box.dataset.signature === signature) return;
  box.dataset.signature = signature;
  if (!hasContent(assessment)) return replace(box);
  askToKeep();
  const kept = persisted ? t("This browser has agreed to keep them until you clear its data.") : t("Browsers can clear them (some council computers do at every log-out).");
  const button = h("button", { type: "button", class: "md-button", "data-sc": "export-copy" }, t("Export a copy"));
  button.addEventListener("click", () => {
    const name = exportAssessment();
    showSaving();
    const done = h("p", { class: "sc-banner__body", role: "status", "data-sc": "export-copy-done" }, t("Saved %(name)s to your device: find it in your browser's downloads.", { name }));
    box.append(done);
  });
  const important = !exported || exported.changed;
  replace(box, h("div", { class: important ? "sc-banner sc-banner--important" : "sc-saving__quiet", role: "region", "aria-label": t("Your copy of the assessment") },
    h("p", { class: important ? "sc-banner__title" : "" },
      !exported ? t("Not exported yet: your answers are saved in this browser only.")
        : exported.changed ? t("Last exported %(when)s: answers have changed since.", { when: when(exported.at) })
          : t("Last exported %(when)s, no change since.", { when: when(exported.at) })),
    important ? h("p", {}, kept, " ", t("Export a copy and keep it where your council backs files up."), " ", button) : null));
}
