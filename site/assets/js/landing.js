// Where a link lands and where the focus is scrolled to: at the top of what the officer can see, below the header
// and the theme page's sticky score line, never under them (WCAG 2.2 2.4.11).
//
// The browser's own scroll to a link's target is not enough here. Material's instant navigation swaps a page in with
// history.pushState, so `:target` (and its scroll margin) does not apply; and after a page arrives, the questions
// above the target are laid out as they come near (content-visibility) and shown or hidden by the engine's first
// result, which moves the target away; and Material can restore the offset of the page just left (it records the
// offset in the history entry a moment after each scroll, which can be the new page's entry). So the target (or,
// for a link without one, the page's top) is put back until the page has settled, or until the officer moves on.
import { findAll } from "./dom.js";
import { latestScores, onScores } from "./scores.js";

const SETTLE_MS = 2000;
const FIRST_MS = 300; // Material's restore of an old offset comes within a frame or two of the page's arrival
const AFTER_SCORE_MS = 1000; // the questions the engine hides or shows are laid out a moment after its result
const MAX_MS = 30000;
const GAP = 8; // px between the sticky parts and what was scrolled to
const CANCEL = ["wheel", "touchstart", "keydown", "mousedown", "focusin"]; // the officer (or the page) moves on

// The height at the top of the viewport that sticky parts cover: Material's header, and the score line while sticky.
function coveredHeight() {
  let bottom = document.querySelector(".md-header")?.getBoundingClientRect().bottom || 0;
  for (const line of findAll(document, ".sc-live-line")) {
    const style = getComputedStyle(line);
    if (style.position === "sticky") bottom = Math.max(bottom, parseFloat(style.top) + line.offsetHeight);
  }
  return Math.max(0, bottom);
}

/** @type {{ element: Element, top: number } | null} what was last scrolled to the top (by a landing, or for a
 * focused control), and where it then was on the screen */
let placed = null;

// The browser scrolls a focused control (and a target it finds itself) clear of the covered height. When the sticky
// parts grow (the score line gains a line as results come in, after a landing has settled), what was scrolled just
// below them is kept just below them, unless it has moved since (the officer scrolled on).
function pad() {
  document.documentElement.style.scrollPaddingTop = `${coveredHeight() + GAP}px`;
  if (!placed) return;
  const { element, top } = placed;
  if (element.isConnected && Math.abs(element.getBoundingClientRect().top - top) <= 1) scrollToTop(element);
  else placed = null;
}

/** @param {Element} element */
function scrollToTop(element) {
  const by = element.getBoundingClientRect().top - (coveredHeight() + GAP);
  if (Math.abs(by) > 1) window.scrollBy({ top: by, behavior: "instant" });
  placed = { element, top: element.getBoundingClientRect().top };
}

/** @type {number | null} how far down the page was when a link on it was followed (Material may scroll the next page there) */
let leftAt = null;
// Whether the page is where Material's restore puts it: the offset of the page left, or as far as this page goes.
function restoring() {
  if (leftAt === null) return false;
  const bottom = document.documentElement.scrollHeight - innerHeight;
  return Math.abs(scrollY - leftAt) <= 1 || (leftAt > scrollY && Math.abs(scrollY - bottom) <= 1);
}

// Keep an element at the top while the page settles around it: whenever the layout above it moves it (questions laid
// out, or shown and hidden by the engine's first result for the page, which a full load can wait seconds for), it
// is put back, until a moment after that result (SETTLE_MS at least, MAX_MS at most). Until FIRST_MS a scroll is
// undone (the browser's own to a target; Material's restore of an old offset just after the page arrives), though
// for a page's top only the restore is; any other scroll by anyone else (the officer, find in page, a script) ends
// the hold, as scrolling, typing, clicking or moving the focus do.
/** @param {() => Element | "top" | null} aim the element to keep at the top, the page's own top, or null (nothing to
 * place in this frame: the target is not laid out) @param {boolean} settle whether to wait for the engine's result */
function hold(aim, settle) {
  const started = performance.now();
  let until = started + (settle ? SETTLE_MS : FIRST_MS);
  let stopScores = () => {};
  if (settle) {
    stopScores = onScores((scores) => {
      if (scores.reason !== "loading") until = Math.max(until, performance.now() + AFTER_SCORE_MS);
    });
  }
  const waiting = () => settle && latestScores().reason === "loading" && performance.now() - started < MAX_MS;
  let done = false;
  const stop = () => {
    done = true;
    stopScores();
    for (const type of CANCEL) removeEventListener(type, stop, true);
  };
  for (const type of CANCEL) addEventListener(type, stop, { capture: true, passive: true });
  /** @type {{ y: number, at: number } | null} where the page was left scrolled, and where the element then was */
  let left = null;
  const step = () => {
    if (done) return;
    const aimed = aim();
    const element = aimed instanceof Element ? aimed : null;
    if (aimed) {
      const at = element ? element.getBoundingClientRect().top + scrollY : 0; // its place in the page
      const early = performance.now() - started < FIRST_MS;
      // Scrolled by another (the page moved, the element did not move in it): the hold ends, but in the first
      // moments, while the browser scrolls to a target and Material may restore the offset of the page just left,
      // which are undone. For a page's top that is the restore alone: any other early scroll is someone's own.
      const scrolled = left && Math.abs(scrollY - left.y) > 1 && Math.abs(at - left.at) <= 1;
      if (scrolled && !(early && (element || restoring()))) return stop();
      if (element) scrollToTop(element);
      else if (scrollY) window.scrollTo({ top: 0, behavior: "instant" });
      left = { y: scrollY, at: element ? element.getBoundingClientRect().top + scrollY : 0 };
    }
    if (performance.now() < until || waiting()) requestAnimationFrame(step);
    else stop();
  };
  step();
  return stop;
}

// The element named by the address's #fragment at the top; a page reached by a link without one, at its own top
// (Material keeps the offset of the page left in the new page's history entry, and scrolls there). A page reached
// by Back or Forward, or loaded afresh, is left where the browser puts it.
/** @param {"load" | "link" | "history" | "hash"} arrived */
function land(arrived) {
  const id = decodeURIComponent(location.hash.slice(1));
  const target = id ? document.getElementById(id) : null;
  if (target) return hold(() => (target.isConnected && target.getClientRects().length ? target : null), true);
  if (id || arrived !== "link") return () => {};
  return hold(() => "top", false);
}

// A focused control under the sticky parts (the browser leaves one alone that is already on screen, even behind
// them, as Shift+Tab brings them in from the top) is scrolled clear of them, with its question's heading when both
// fit on the screen. Done at once, so nothing reads or draws the page with the control covered, and again after
// the browser's own scroll to it (nothing moves when it is clear already).
/** @param {FocusEvent} event */
function clearFocus(event) {
  const element = event.target;
  // Not while the pointer is down: scrolling between the press and the release would move the control from under
  // it, and the click would be lost (a clicked control is on the screen already).
  if (!(element instanceof Element) || pressing) return;
  const clear = () => {
    const covered = coveredHeight();
    const room = innerHeight - covered - GAP;
    const r = element.getBoundingClientRect();
    const legend = element.closest(".sc-question")?.querySelector("legend");
    const top = legend && legend !== element && !legend.contains(element) ? legend.getBoundingClientRect().top : r.top;
    if (top < covered && r.bottom - top <= room) window.scrollBy({ top: top - covered - GAP, behavior: "instant" });
    else if (r.top < covered && r.height <= room) scrollToTop(element);
  };
  clear();
  requestAnimationFrame(clear);
}

let pressing = false;
let watching = false;
/** @type {"load" | "link" | "history"} how the page being mounted was reached */
let navigated = "load";
// On each page (app.js): the padding for the page's sticky parts, then the landing.
/** @param {ParentNode} page */
export function mountLanding(page) {
  pad();
  const resized = new ResizeObserver(pad);
  for (const line of findAll(page, ".sc-live-line")) resized.observe(line);
  if (!watching) {
    watching = true;
    document.addEventListener("focusin", clearFocus);
    document.addEventListener("pointerdown", () => { pressing = true; }, true);
    for (const type of ["pointerup", "pointercancel"]) document.addEventListener(type, () => { pressing = false; }, true);
    window.addEventListener("resize", pad);
    window.addEventListener("popstate", () => { navigated = "history"; });
    document.addEventListener("click", (event) => {
      if (event.target instanceof Element && event.target.closest("a[href]")) leftAt = scrollY;
    }, true);
  }
  let stopLanding = land(navigated);
  navigated = "link"; // until Back or Forward says otherwise: the next page is reached by instant navigation
  const again = () => {
    stopLanding();
    stopLanding = land("hash");
    navigated = "link"; // Back to a target on the same page fires popstate, then this
  };
  window.addEventListener("hashchange", again);
  return () => {
    resized.disconnect();
    stopLanding();
    window.removeEventListener("hashchange", again);
  };
}
