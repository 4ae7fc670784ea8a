// The home page's council picker and the functions the council runs. The picker is a plain
// <select> of the register's councils (it works as it is); GOV.UK's accessible autocomplete,
// self-hosted, turns it into a search-as-you-type field. Choosing changes the <select>, and
// site/early/form.js saves what was chosen: this module only shows what is saved.
import { find, findAll, h, replace } from "./dom.js";
import { t } from "./i18n.js";
import { markField, unmarkField } from "./feedback.js";
import { getAssessment, subscribe } from "./store.js";

const ASSETS = new URL("../", import.meta.url);
/**
 * A council in the register (assets/councils.json, written by scorecard/sitegen/councils.py).
 * @typedef {{ code: string, gss: string, name: string, nation: string, type: string, population: number | null, area: number | null, region: string, county: string, alt?: string[], via?: string }} RegisterCouncil
 * @typedef {{ types: { [type: string]: string }, nationOfType: { [type: string]: string }, regions: { [region: string]: string } }} TypeLabels
 */
/** @type {Promise<{ source: unknown, councils: RegisterCouncil[] }> | null} */
let register = null;

// The register's councils (the picker's list; the Compare page finds similar councils by their population and area).
export function loadRegister() {
  register = register || fetch(new URL("councils.json", ASSETS)).then((r) => (r.ok ? r.json() : Promise.reject(new Error(`HTTP ${r.status}`))));
  return register;
}

/** @returns {Promise<AccessibleAutocomplete>} */
function loadAutocomplete() {
  if (window.accessibleAutocomplete) return Promise.resolve(window.accessibleAutocomplete);
  if (!document.querySelector('link[data-sc="autocomplete-css"]')) {
    document.head.append(h("link", { rel: "stylesheet", href: new URL("vendor/accessible-autocomplete.min.css", ASSETS).href, "data-sc": "autocomplete-css" }));
  }
  return new Promise((resolve, reject) => {
    const script = h("script", { src: new URL("vendor/accessible-autocomplete.min.js", ASSETS).href });
    script.onload = () => (window.accessibleAutocomplete ? resolve(window.accessibleAutocomplete) : reject(new Error("autocomplete missing")));
    script.onerror = () => reject(new Error("autocomplete missing"));
    document.head.append(script);
  });
}

// Words without case or accents ("Môn" is found as "mon" too), "&" read as "and".
const words = (/** @type {string} */ text) => text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/&/g, " and ")
  .split(/[^\p{L}\p{N}]+/u).filter(Boolean);

// Abbreviations, and Welsh words, that stand for words of councils' names: "Tunbridge Wells BC", "Cardiff CC",
// "Cyngor Gwynedd" (cyngor: council; sir: county; dinas: city; bwrdeistref sirol: county borough).
/** @type {{ [word: string]: string[][] }} */
const SAME_AS = {
  bc: [["borough", "council"]],
  dc: [["district", "council"]],
  cc: [["city", "council"], ["county", "council"]],
  mbc: [["metropolitan", "borough", "council"]],
  cbc: [["county", "borough", "council"]],
  rbc: [["royal", "borough"]],
  lb: [["london", "borough"]],
  cyngor: [["council"]],
  sir: [["county"]],
  dinas: [["city"]],
  bwrdeistref: [["borough"]],
  sirol: [["county"]],
};

// The name (official, or another the register knows) that has a word starting with each word typed, or with what
// each stands for: "tun wel" finds Tunbridge Wells, "Caerdydd" the City of Cardiff Council.
/** @param {RegisterCouncil} council @param {string[]} typed */
function matchingName(council, typed) {
  for (const name of [council.name, ...(council.alt || [])]) {
    const own = words(name);
    const has = (/** @type {string} */ word) => own.some((w) => w.startsWith(word));
    if (typed.every((t) => has(t) || (SAME_AS[t] || []).some((meaning) => meaning.every(has)))) return name;
  }
  return null;
}

/** @param {RegisterCouncil[]} councils @param {string} query @returns {RegisterCouncil[]} */
function search(councils, query) {
  const typed = words(query);
  if (!typed.length) return [];
  /** @type {RegisterCouncil[]} */
  const hits = [];
  for (const council of councils) {
    const name = matchingName(council, typed);
    if (name) hits.push(name === council.name ? council : { ...council, via: name });
  }
  return hits.sort((a, b) => Number(Boolean(a.via)) - Number(Boolean(b.via)) || a.name.length - b.name.length || a.name.localeCompare(b.name)).slice(0, 20);
}

/** @type {{ [c: string]: string }} */
const ENTITIES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
/** @param {unknown} text */
function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/** @param {RegisterCouncil} council @param {TypeLabels} labels */
function describe(council, labels) {
  const where = council.county ? t("%(county)s area", { county: council.county }) : labels.nationOfType[council.type];
  return `${labels.types[council.type] || council.type}, ${where}`;
}

/** @param {HTMLSelectElement} select @param {TypeLabels} labels */
async function enhance(select, labels) {
  const [data, autocomplete] = await Promise.all([loadRegister(), loadAutocomplete()]);
  if (!select.isConnected || select.dataset.enhanced) return;
  select.dataset.enhanced = "true";
  const byCode = new Map(data.councils.map((c) => [c.code, c]));
  autocomplete.enhanceSelectElement({
    selectElement: select,
    defaultValue: byCode.get(select.value)?.name || "",
    minLength: 2,
    autoselect: true,
    showNoOptionsFound: true,
    displayMenu: "overlay",
    dropdownArrow: () => "",
    source: (/** @type {string} */ query, /** @type {(found: RegisterCouncil[]) => void} */ populate) => populate(search(data.councils, query)),
    templates: {
      inputValue: (/** @type {RegisterCouncil | string | undefined} */ council) => (council && typeof council === "object" ? council.name : council || ""),
      suggestion: (/** @type {RegisterCouncil | string | undefined} */ council) => {
        if (!council || typeof council !== "object") return escapeHtml(council || "");
        const known = council.via ? t("also known as %(name)s;", { name: council.via }) + " " : "";
        return `${escapeHtml(council.name)} <span class="sc-suggestion-meta">(${escapeHtml(known)}${escapeHtml(describe(council, labels))})</span>`;
      },
    },
    tNoResults: () => t("No council found. Check the spelling, or use “My council is not listed”."),
    onConfirm: (/** @type {RegisterCouncil | string | undefined} */ council) => {
      if (!council || typeof council !== "object" || council.code === select.value) return;
      select.value = council.code;
      select.dispatchEvent(new Event("change", { bubbles: true })); // site/early/form.js saves it
    },
  });
}

/** @param {ParentNode} root @returns {TypeLabels} */
function labelsFrom(root) {
  /** @type {{ [type: string]: string }} */
  const types = {};
  /** @type {{ [type: string]: string }} */
  const nations = {};
  for (const option of findAll(root, '[data-sc="council-type"] option[value]', HTMLOptionElement)) {
    if (!option.value) continue;
    types[option.value] = option.textContent || "";
    nations[option.value] = option.parentElement instanceof HTMLOptGroupElement ? option.parentElement.label : "";
  }
  // the register's regions in the page's language, as the engine words them (the home page's select carries them)
  const select = root.querySelector('[data-sc="council-type"][data-regions]');
  const regions = select instanceof HTMLElement ? JSON.parse(select.dataset.regions || "{}") : {};
  return { types, nationOfType: nations, regions };
}

/** @param {HTMLElement} box @param {StoredAssessment["council"]} council @param {TypeLabels} labels */
function showPicked(box, council, labels) {
  if (!council.code) return replace(box);
  const details = [
    t("%(type)s in %(nation)s", { type: labels.types[council.type] || council.type, nation: labels.nationOfType[council.type] || "" }),
    council.region ? t("region %(region)s", { region: labels.regions[council.region] || council.region }) : null,
    council.ons_code ? t("GSS code %(code)s", { code: council.ons_code }) : null,
    t("register code %(code)s", { code: council.code }),
  ].filter(Boolean);
  replace(box, h("p", { class: "sc-picked__text", "data-sc": "council-picked-text" },
    h("strong", {}, council.name), `: ${details.join("; ")}.`));
  loadRegister().then((data) => {
    const record = data.councils.find((c) => c.code === council.code);
    const text = /** @type {HTMLElement | null} */ (box.querySelector('[data-sc="council-picked-text"]'));
    if (record && record.county && text && !text.dataset.county) {
      text.dataset.county = "true";
      text.append(" ", t("In the %(county)s area.", { county: record.county }));
    }
  }).catch(() => {});
}

/** @param {HTMLElement | null} fieldset @param {StoredAssessment["council"]} council @param {TypeLabels} labels */
function showFunctions(fieldset, council, labels) {
  if (!fieldset) return;
  fieldset.hidden = !council.type;
  if (!council.type) return;
  /** @type {string[]} */
  const defaults = JSON.parse(fieldset.dataset.typeFunctions || "{}")[council.type] || [];
  const runs = council.functions || defaults;
  /** @type {{ [id: string]: string }} */
  const names = {};
  for (const box of findAll(fieldset, '[data-sc="council-function"]', HTMLInputElement)) {
    box.checked = runs.includes(box.value);
    names[box.value] = box.labels?.[0]?.firstChild?.textContent || box.value;
  }
  const added = runs.filter((f) => !defaults.includes(f)).map((f) => names[f]);
  const removed = defaults.filter((f) => !runs.includes(f)).map((f) => names[f]);
  const typeName = labels.types[council.type] || t("council"); // as named: "Northern Ireland" keeps its capitals
  const changes = [added.length ? t("also runs %(functions)s", { functions: added.join(", ") }) : null,
    removed.length ? t("does not run %(functions)s", { functions: removed.join(", ") }) : null].filter(Boolean);
  find(fieldset, '[data-sc="council-functions-changed"]').textContent = changes.length
    ? t("Changed from the usual functions of your council type (%(type)s): your council %(changes)s. Your results will say so.",
      { type: typeName, changes: changes.join("; ") })
    : t("These are the usual functions of your council type (%(type)s).", { type: typeName });
}

// The home page: the picker (when the build listed the register), the manual fields, the functions.
/** @param {ParentNode} root */
export function mountCouncilPicker(root) {
  const picker = /** @type {HTMLElement | null} */ (root.querySelector('[data-sc="council-picker"]'));
  const functions = /** @type {HTMLElement | null} */ (root.querySelector('[data-sc="council-functions"]'));
  if (!picker && !functions) return () => {};
  const labels = labelsFrom(root);
  const parts = picker && {
    picker,
    select: find(picker, '[data-sc="council-pick"]', HTMLSelectElement),
    byHand: find(root, '[data-sc="council-manual-details"]', HTMLDetailsElement), // "My council is not listed"
    picked: find(picker, '[data-sc="council-picked"]'),
  };
  const show = () => {
    const council = getAssessment().council;
    if (parts) {
      const { select } = parts;
      if (select.value !== (council.code || "")) {
        select.value = council.code || "";
        const input = parts.picker.querySelector(".autocomplete__input");
        if (input instanceof HTMLInputElement) input.value = select.selectedOptions[0] && council.code ? select.selectedOptions[0].textContent || "" : "";
      }
      if (council.code) parts.byHand.open = false; // a council picked from the register closes the fields to give one by hand
      showPicked(parts.picked, council, labels);
    }
    showFunctions(functions, council, labels);
  };
  show();
  // An ONS code in the wrong form is not saved (site/early/form.js): say so beside it once the officer leaves the field.
  const ons = root.querySelector('[data-sc="council-ons"]');
  if (ons instanceof HTMLInputElement) {
    const check = (/** @type {Event} */ event) => {
      if (!ons.validity.patternMismatch) unmarkField(ons);
      else if (event.type === "change") markField(ons, t("Enter an ONS code in the right form: a letter (E, W, S or N) and 8 digits, like E07000234"));
    };
    ons.addEventListener("input", check);
    ons.addEventListener("change", check);
  }
  const given = getAssessment().council;
  if (parts && !given.code && (given.name || given.type)) parts.byHand.open = true; // a council given by hand: its fields
  if (parts) enhance(parts.select, labels).catch(() => { /* the plain <select> still works */ });
  return subscribe(show);
}

// Each theme page's council bar: a council picked from the register is named; its type is changed on the home page.
/** @param {ParentNode} root */
export function mountCouncilBar(root) {
  const bar = root.querySelector('[data-sc="council-bar"]');
  if (!bar) return () => {};
  const chooser = find(bar, '[data-sc="council-bar-type"]');
  const named = find(bar, '[data-sc="council-bar-name"]');
  const show = () => {
    const council = getAssessment().council;
    chooser.hidden = Boolean(council.code);
    named.hidden = !council.code;
    if (council.code) {
      const type = bar.querySelector(`option[value="${CSS.escape(council.type)}"]`);
      replace(named, h("strong", {}, council.name), ` (${type ? type.textContent : council.type}). `,
        h("a", { href: "../index.html#about-your-council" }, t("Change your council")));
    }
  };
  show();
  return subscribe(show);
}
