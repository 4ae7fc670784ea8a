// Notices about the saved data itself, at the top of every page: it could not be saved, saved
// data could not be read (kept aside, with a download to recover it), another tab saved it with
// a newer version of the site, or a new version of the site has been installed.
import { download, h, replace } from "./dom.js";
import { t } from "./i18n.js";
import { discardKeptAside, keptAside, lastSaveError, savedByNewerVersion } from "./store.js";

let updateReady = false;

/** @param {KeptAside} entry */
function keptAsideNotice(entry) {
  const name = `scorecard-unreadable-${(entry.at || "saved").replace(/[^0-9A-Za-z]+/g, "-")}.json`;
  const save = h("button", { type: "button", class: "md-button", "data-sc": "download-unreadable" }, t("Download the unreadable data (%(size)s KB)", { size: Math.ceil(entry.text.length / 1000) }));
  save.addEventListener("click", () => download(name, "application/json", entry.text));
  // entry.key is empty when there was no room for a copy: the data is still where it was saved.
  const drop = h("button", { type: "button", class: "md-button sc-danger", "data-sc": "discard-unreadable" },
    entry.key ? t("Delete the kept copy") : t("Let it go and save new answers over it"));
  drop.addEventListener("click", () => {
    if (window.confirm(t("Delete the unreadable saved data from this browser? Download it first if you may need it."))) discardKeptAside(entry.key);
  });
  const problem = entry.problem || t("they are not in the form the scorecard writes");
  return h("div", { class: "admonition warning", "data-sc": "unreadable-notice" },
    h("p", { class: "admonition-title" }, t("Saved answers could not be read")),
    h("p", {}, entry.at
      ? t("Answers saved in this browser (found %(time)s UTC) could not be read: %(problem)s.", { time: entry.at.slice(0, 16).replace("T", " "), problem })
      : t("Answers saved in this browser could not be read: %(problem)s.", { problem }), " ",
    entry.key ? t("They have been kept aside, unchanged, and the scorecard started afresh.")
      : t("They are left as they were, unchanged: there is no room in this browser's storage to keep a copy and save new answers too."), " ",
    t("To recover them, download them and open the file in a text editor (or ask your IT support): once repaired, import it on the results page.")),
    h("p", {}, save, " ", drop));
}

function render() {
  const article = document.querySelector("article");
  if (!article) return;
  let box = /** @type {HTMLElement | null} */ (article.querySelector(":scope > .sc-notices"));
  if (!box) {
    box = h("div", { class: "sc-notices", role: "alert" });
    article.prepend(box);
  }
  const saveError = lastSaveError();
  const kept = keptAside();
  const newer = savedByNewerVersion();
  // An alert is read out whenever it changes: redraw only when there is something new to say.
  const signature = JSON.stringify([saveError, kept.map((k) => k.key + k.text.length), newer, updateReady]);
  if (box.dataset.signature === signature) return;
  box.dataset.signature = signature;
  const reload = () => {
    const button = h("button", { type: "button", class: "md-button md-button--primary", "data-sc": "reload" }, t("Reload now"));
    button.addEventListener("click", () => location.reload());
    return button;
  };
  replace(box,
    saveError ? h("p", { class: "sc-save-error sc-error" }, saveError) : null,
    kept.map(keptAsideNotice),
    newer
      ? h("div", { class: "admonition warning", "data-sc": "newer-version" }, h("p", { class: "admonition-title" }, t("A newer version of the scorecard saved these answers")),
        h("p", {}, t("Another tab or window saved this assessment with a newer version of the questions than this page has. Reload this page so it uses the new version and shows every answer."), " ", reload()))
      : null,
    updateReady
      ? h("div", { class: "admonition info", "data-sc": "update-ready" }, h("p", { class: "admonition-title" }, t("A new version of the scorecard is ready")),
        h("p", {}, t("Your answers are saved. The new version opens when you follow a link, or now:"), " ", reload()))
      : null);
}

export function showNotices() {
  render();
}

export function showUpdateReady() {
  updateReady = true;
  render();
}
