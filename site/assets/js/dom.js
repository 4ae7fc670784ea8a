// Building DOM nodes from data. Text is always set as text, never parsed as HTML, so
// nothing in an imported file or a question can run as script.
export function h(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") node.className = value;
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function replace(container, ...children) {
  container.replaceChildren(...children.flat(Infinity).filter((c) => c !== null && c !== undefined && c !== false));
}

// Save text as a file on the officer's device (nothing is sent anywhere).
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
export function scrollRegion(label, table) {
  return h("div", { class: "sc-table-scroll", role: "region", "aria-label": label, tabindex: "0" }, table);
}

// Each cell carries its column's heading, so a narrow screen can lay a row out as a card.
// The roles are set too: a table laid out as blocks keeps its meaning for screen readers.
export function labelCells(table) {
  table.setAttribute("role", "table");
  const headings = [...table.querySelectorAll("thead th")].map((th) => th.textContent);
  for (const th of table.querySelectorAll("thead th")) th.setAttribute("role", "columnheader");
  for (const group of table.querySelectorAll("thead, tbody")) group.setAttribute("role", "rowgroup");
  for (const row of table.querySelectorAll("tr")) row.setAttribute("role", "row");
  for (const row of table.querySelectorAll("tbody tr")) {
    [...row.children].forEach((cell, i) => {
      cell.setAttribute("data-label", headings[i] || "");
      cell.setAttribute("role", cell.tagName === "TH" ? "rowheader" : "cell");
    });
  }
  return table;
}
