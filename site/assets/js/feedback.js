// What an action did, told where it was done, in the GOV.UK Design System's patterns: a success notification beside
// the action's button; for a form that cannot be saved, an error summary ("There is a problem", each error a link
// to its field, focused so it is read out) and each field's own message, with the field marked invalid.
// A message's slot sits in its form's section; the section (the nearest [data-form], else the slot) holds the fields.
import { h, replace } from "./dom.js";
import { t } from "./i18n.js";

let counter = 0;

/** An error to show: the field it is about (null: the form as a whole), its message, and any lines below it.
 * @typedef {{ field: HTMLElement | null, message: string, more?: string[] }} FieldError */

// A success notification in `slot` (GOV.UK notification banner, success). `focus` moves the focus to it, for an
// action whose button has gone (a merge done, say); otherwise it is read out as a status and the focus stays.
/** @param {HTMLElement} slot @param {string} title @param {Child[]} [body] @param {{ focus?: boolean }} [options] */
export function showDone(slot, title, body = [], { focus = false } = {}) {
  clearErrors(slot);
  const banner = h("div", { class: "sc-banner sc-banner--success", role: "status", tabindex: "-1", "data-sc": "done" },
    h("p", { class: "sc-banner__title" }, title), body.length ? h("div", { class: "sc-banner__body" }, body) : null);
  replace(slot, banner);
  if (focus) banner.focus();
  return banner;
}

// A problem that belongs to no field (a file that cannot be read): an error summary in `slot`, focused.
/** @param {HTMLElement} slot @param {string} title @param {string[]} [problems] @param {HTMLElement | null} [field] */
export function showProblem(slot, title, problems = [], field = null) {
  return showErrors(slot, [{ field, message: title, more: problems }]);
}

// The summary goes at the top of `slot`; each field gets its message above it, aria-invalid and aria-describedby.
// Returns the summary (focused).
/** @param {HTMLElement} slot @param {FieldError[]} errors */
export function showErrors(slot, errors) {
  clearErrors(slot);
  const items = errors.map(({ field, message, more = [] }) => {
    if (field) markField(field, message);
    return h("li", {}, field ? h("a", { href: `#${field.id}`, "data-field": field.id }, message) : message,
      more.length ? h("ul", {}, more.map((line) => h("li", {}, line))) : null);
  });
  const summary = h("div", { class: "sc-error-summary", role: "alert", tabindex: "-1", "data-sc": "error-summary" },
    h("h2", { class: "sc-error-summary__title" }, t("There is a problem")), h("ul", { class: "sc-error-summary__list" }, items));
  summary.addEventListener("click", (event) => {
    const link = event.target instanceof Element ? event.target.closest("a[data-field]") : null;
    const field = link instanceof HTMLElement ? document.getElementById(link.dataset.field || "") : null;
    if (!field) return;
    event.preventDefault(); // GOV.UK: the link puts the focus in the field, its label in view
    field.focus();
    const control = field instanceof HTMLInputElement || field instanceof HTMLSelectElement || field instanceof HTMLTextAreaElement;
    const label = control ? field.labels?.[0] : null;
    (label || field).scrollIntoView({ block: "start" });
  });
  replace(slot, summary);
  summary.focus();
  return summary;
}

// A field's own error message (GOV.UK error message): above the field, read with it, the field marked invalid.
/** @param {HTMLElement} field @param {string} message */
export function markField(field, message) {
  unmarkField(field);
  const id = field.id ? `${field.id}-error` : `sc-error-${(counter += 1)}`;
  const note = h("p", { class: "sc-error-message", id, "data-sc": "field-error" },
    h("span", { class: "sc-visually-hidden" }, t("Error:"), " "), message);
  field.before(note);
  field.setAttribute("aria-invalid", "true");
  field.setAttribute("aria-describedby", [field.getAttribute("aria-describedby"), id].filter(Boolean).join(" "));
  field.classList.add("sc-invalid");
}

/** @param {Element} field */
export function unmarkField(field) {
  const note = field.previousElementSibling;
  if (!(note instanceof HTMLElement) || note.dataset.sc !== "field-error") return;
  field.removeAttribute("aria-invalid");
  field.classList.remove("sc-invalid");
  const rest = (field.getAttribute("aria-describedby") || "").split(" ").filter((id) => id && id !== note.id);
  if (rest.length) field.setAttribute("aria-describedby", rest.join(" "));
  else field.removeAttribute("aria-describedby");
  note.remove();
}

// Take away a form's error messages: the summary in `slot`, and each field's message in its section.
/** @param {HTMLElement} slot */
export function clearErrors(slot) {
  for (const note of [...(slot.closest("[data-form]") || slot).querySelectorAll('[data-sc="field-error"]')]) {
    if (note.nextElementSibling) unmarkField(note.nextElementSibling);
    else note.remove();
  }
  replace(slot);
}
