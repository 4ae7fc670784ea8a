// Building DOM nodes from data. Text is always set as text, never parsed as HTML, so
// nothing in an imported file or a question can run as script.

/**
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Attributes} [attrs]
 * @param {Child[]} children
 * @returns {HTMLElementTagNameMap[K]}
 */
export function h(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") node.className = String(value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  node.append(...nodesOf(children));
  return node;
}

// Children as nodes and text: arrays flattened, nothing (null, undefined, false) left out.
/** @param {readonly Child[]} children @returns {(Node | string)[]} */
function nodesOf(children) {
  /** @type {(Node | string)[]} */
  const out = [];
  for (const child of children) {
    if (Array.isArray(child)) out.push(...nodesOf(child));
    else if (child !== null && child !== undefined && child !== false) out.push(child instanceof Node ? child : String(child));
  }
  return out;
}

// A translated sentence with links, written whole so that it can be translated whole: each [bracketed] part is the
// text of a link to the next of `hrefs`: linked(t("Choose your council on the [home page] to start again."), "index.html").
/** @param {string} text @param {string[]} hrefs @returns {Child[]} */
export function linked(text, ...hrefs) {
  let next = 0;
  return text.split(/\[([^\]]*)\]/).map((piece, i) => (i % 2 ? h("a", { href: hrefs[next++] }, piece) : piece)).filter((piece) => piece !== "");
}

// A translated sentence with elements in it, written whole so that it can be translated whole: each %(name)s is
// values[name], text or an element: fillIn(t("%(question)s: %(law)s (not met)"), { question: link, law }).
// t() leaves a placeholder it is given no value for as it is, for this to fill.
/** @param {string} text @param {{ [name: string]: Child }} values @returns {Child[]} */
export function fillIn(text, values) {
  return text.split(/%\((\w+)\)s/).map((piece, i) => (i % 2 ? (Object.hasOwn(values, piece) ? values[piece] : `%(${piece})s`) : piece))
    .filter((piece) => piece !== "");
}

/** @param {Element} container @param {Child[]} children */
export function replace(container, ...children) {
  container.replaceChildren(...nodesOf(children));
}

/**
 * The element `selector` finds in `root`, which the page's templates always hold (an error names it if not),
 * checked to be a `kind` (HTMLElement unless said) and typed so.
 * @template {Element} [T=HTMLElement]
 * @param {ParentNode} root
 * @param {string} selector
 * @param {{ new (): T, prototype: T }} [kind]
 * @returns {T}
 */
export function find(root, selector, kind) {
  const found = root.querySelector(selector);
  const wanted = kind || HTMLElement;
  if (!(found instanceof wanted)) throw new Error(`the page has no ${selector}${found ? ` that is a ${wanted.name}` : ""}`);
  return /** @type {T} */ (found);
}

/**
 * Every element `selector` finds in `root` that is a `kind` (HTMLElement unless said).
 * @template {Element} [T=HTMLElement]
 * @param {ParentNode} root
 * @param {string} selector
 * @param {{ new (): T, prototype: T }} [kind]
 * @returns {T[]}
 */
export function findAll(root, selector, kind) {
  const wanted = kind || HTMLElement;
  return /** @type {T[]} */ ([...root.querySelectorAll(selector)].filter((e) => e instanceof wanted));
}

// Save text as a file on the officer's device (nothing is sent anywhere).
/** @param {string} filename @param {string} type @param {string} text */
export function download(filename, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = h("a", { href: url, download: filename });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

// A wide table scrolls inside its own region, not the page (WCAG 1.4.10); the region takes the
// focus so it can be scrolled from the keyboard, and is named after the table's caption.
/** @param {string} label @param {HTMLElement} table */
export function scrollRegion(label, table) {
  return h("div", { class: "sc-table-scroll", role: "region", "aria-label": label, tabindex: "0" }, table);
}

// Each cell carries its column's heading, so a narrow screen can lay a row out as a card.
// The roles are set too: a table laid out as blocks keeps its meaning for screen readers.
/** @param {HTMLElement} table */
export function labelCells(table) {
  table.setAttribute("role", "table");
  const headings = [...table.querySelectorAll("thead th")].map((th) => th.textContent);
  for (const th of table.querySelectorAll("thead th")) th.setAttribute("role", "columnheader");
  for (const group of table.querySelectorAll("thead, tbody")) group.setAttribute("role", "rowgroup");
  for (const row of table.querySelectorAll("tr")) row.setAttribute("role", "row");
  for (const row of table.querySelectorAll("tbody tr")) {
    [...row.children].forEach((cell, i) => {
      cell.setAttribute("data-label", headings[i] ?? "");
      cell.setAttribute("role", cell.tagName === "TH" ? "rowheader" : "cell");
    });
  }
  return table;
}
