// The language switch: Material's language menu, whose links (from mkdocs-static-i18n) go to the
// same page in each language. The choice is remembered in this browser (its own key, apart from
// the answers, which it never touches), and a later visit to a page in another language goes to
// the remembered one. A switch is a full page load, not instant navigation, so the new page's
// <html lang> and its words are the new language's from the start.
const KEY = "scorecard-language";

function remembered() {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null; // storage blocked: the switch still works, it is just not remembered
  }
}

/** @param {string} lang */
function remember(lang) {
  try {
    localStorage.setItem(KEY, lang);
  } catch {
    // as above
  }
}

/**
 * The language menu's link the click was on, if any.
 * @param {EventTarget | null} target
 * @returns {HTMLAnchorElement | null}
 */
function languageLink(target) {
  const link = target instanceof Element ? target.closest("a[hreflang]") : null;
  if (!(link instanceof HTMLAnchorElement)) return null;
  return link.closest(".md-select") ? link : null;
}

export function startLanguageSwitch() {
  const wanted = remembered();
  const here = document.documentElement.lang;
  if (wanted && wanted !== here) {
    const link = document.querySelector(`.md-select a[hreflang="${CSS.escape(wanted)}"]`);
    if (link instanceof HTMLAnchorElement) {
      location.replace(link.href);
      return;
    }
  }
  // Captured before Material's instant navigation (which listens on the body) sees the click.
  document.addEventListener("click", (event) => {
    const link = languageLink(event.target);
    if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    remember(link.hreflang);
    event.preventDefault();
    event.stopPropagation();
    location.assign(link.href);
  }, true);
}
