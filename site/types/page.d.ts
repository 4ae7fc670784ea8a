// What the site's modules find in a page beside their own code: the self-hosted libraries they load, Material's
// page events, and the shapes the DOM helpers (js/dom.js) take. Written by hand.

/** What js/dom.js h() and replace() take as children: nodes, text, and nothing (null, undefined, false), nested. */
type Child = Node | string | number | boolean | null | undefined | readonly Child[];
/** Attributes for h(): a value is set as text; true sets an empty attribute; null, undefined and false leave it out. */
type Attributes = { [name: string]: string | number | boolean | null | undefined };

/** Chart.js (self-hosted, assets/vendor/chart.umd.min.js): the little the results page uses. */
interface ChartInstance {
  destroy(): void;
}
type ChartConstructor = new (canvas: HTMLCanvasElement, config: object) => ChartInstance;

/** GOV.UK's accessible-autocomplete (self-hosted, assets/vendor/): the council picker. */
interface AccessibleAutocomplete {
  enhanceSelectElement(options: { selectElement: HTMLSelectElement; [option: string]: unknown }): void;
}

interface Window {
  Chart?: ChartConstructor;
  accessibleAutocomplete?: AccessibleAutocomplete;
  /** Material for MkDocs: each page its instant navigation shows. */
  document$?: { subscribe(next: () => void): unknown };
}
