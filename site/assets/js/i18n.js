// The words this site's JavaScript writes, in the page's language. They are marked t("...") in site/assets/js/ and
// extracted with the templates' strings into the same gettext catalogue (babel.cfg; scorecard/i18n/README.md); the
// build puts the page's language's share of it in the page (<script type="application/json" id="sc-messages">,
// site/overrides/main.html), so a page in English carries none and looks nothing up.
// Placeholders are Python's, as in the catalogue: t("Saved %(name)s.", { name }); a literal % is written %%.

/**
 * @typedef {{ lang: string, plural_tags: string[], messages: { [message: string]: string | string[] }, draft: string[] }} Catalogue
 * plural_tags: the CLDR's plural categories in the order of a plural message's forms (scorecard/i18n plural_tags).
 */

/** @param {string} text @param {{ [name: string]: string | number }} values */
function fill(text, values) {
  return text.replace(/%\((\w+)\)s|%%/g, (all, /** @type {string | undefined} */ name) =>
    name === undefined ? "%" : Object.hasOwn(values, name) ? String(values[name]) : all);
}

/**
 * `message` in the catalogue's language (the message itself where the catalogue has no translation), its
 * placeholders filled in from `values`.
 * @param {Catalogue | null} catalogue
 * @param {string} message
 * @param {{ [name: string]: string | number }} [values]
 * @returns {string}
 */
export function translate(catalogue, message, values = {}) {
  const found = catalogue ? catalogue.messages[message] : undefined;
  return fill(typeof found === "string" && found ? found : message, values);
}

/**
 * The form of a plural message for `count` in the catalogue's language (the CLDR's category of `count`, from
 * Intl.PluralRules), or the English singular or plural; %(count)s and `values` filled in.
 * @param {Catalogue | null} catalogue
 * @param {string} singular
 * @param {string} plural
 * @param {number} count
 * @param {{ [name: string]: string | number }} [values]
 * @returns {string}
 */
export function translatePlural(catalogue, singular, plural, count, values = {}) {
  const found = catalogue ? catalogue.messages[singular] : undefined;
  const form = Array.isArray(found) && catalogue
    ? found[catalogue.plural_tags.indexOf(new Intl.PluralRules(catalogue.lang).select(count))] : undefined;
  return fill(form || (count === 1 ? singular : plural), { count, ...values });
}

/** @type {Catalogue | null | undefined} the page's catalogue, read once (null: the page is in the default language) */
let page;

/** @returns {Catalogue | null} */
function pageCatalogue() {
  if (page === undefined) {
    const node = typeof document === "undefined" ? null : document.getElementById("sc-messages"); // Node: no page
    page = node && node.textContent ? /** @type {Catalogue} */ (JSON.parse(node.textContent)) : null;
  }
  return page;
}

/**
 * `message` in the page's language.
 * @param {string} message
 * @param {{ [name: string]: string | number }} [values]
 */
export function t(message, values) {
  return translate(pageCatalogue(), message, values);
}

/**
 * A plural message in the page's language: tn("%(count)s question", "%(count)s questions", n).
 * @param {string} singular
 * @param {string} plural
 * @param {number} count
 * @param {{ [name: string]: string | number }} [values]
 */
export function tn(singular, plural, count, values) {
  return translatePlural(pageCatalogue(), singular, plural, count, values);
}
