// Shared by the Node tests of the early store (tests/js/*.test.mjs; run by `node --test tests/js/`,
// which tests/test_js_unit.py runs in the fast stage): the store itself, loaded as the page loads it
// (the same file, no build step), a storage that stands in for localStorage, and seeded random data
// for the property tests.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
/** @type {EarlyRules & { createStore(env: StoreEnvironment): Store }} */
export const early = require("../../site/early/store.js");

// localStorage's interface over a Map; `full` makes every write fail, as a full or locked-down storage does.
export class MemoryStorage {
  constructor() {
    this.items = new Map();
    this.full = false;
  }
  get length() {
    return this.items.size;
  }
  key(i) {
    return [...this.items.keys()][i] ?? null;
  }
  getItem(key) {
    return this.items.has(key) ? this.items.get(key) : null;
  }
  setItem(key, value) {
    if (this.full) throw new Error("QuotaExceededError");
    this.items.set(key, String(value));
  }
  removeItem(key) {
    this.items.delete(key);
  }
}

// A clock the test moves: every tab of a test shares it, as tabs of one browser share the time.
export function clock(start = Date.parse("2026-05-01T09:00:00Z")) {
  let time = start;
  return { now: () => time, tick: (ms = 1000) => (time += ms) };
}

// A tab: a store over the shared storage (its otherTabSaved(KEY) is the storage event a browser would send it).
export function tab(storage, time, pageVersion = "2026.1") {
  return early.createStore({ storage: () => storage, pageVersion: () => pageVersion, now: time.now });
}

// --- seeded random data ---------------------------------------------------------------------------

export function random(seed) {
  let a = seed >>> 0;
  const next = () => {
    // mulberry32
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n) => Math.floor(next() * n),
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p,
  };
}

const QUESTIONS = ["SPC-01", "SPC-02", "PRO-03", "HOU-04", "LIC-05"];
// Every kind of key the merge knows, with a random value for it (undefined: a clear).
export const KEYS = [
  ...QUESTIONS,
  ...QUESTIONS.map((q) => `notes.${q}`),
  ...QUESTIONS.map((q) => `evidence.${q}`),
  ...QUESTIONS.map((q) => `action_plan.${q}`),
  ...QUESTIONS.map((q) => `review.${q}`),
  ...QUESTIONS.map((q) => `review_marks.${q}`),
  "assignments.procurement",
  "targets.procurement",
  "council.name",
  "council.type",
  "council.region",
  "council.functions",
  "sign_off",
];

export function valueFor(key, rng) {
  const n = rng.int(1000);
  if (rng.chance(0.25)) return undefined;
  if (key.startsWith("notes.")) return `note ${n}`;
  if (key.startsWith("evidence.")) return rng.chance(0.5) ? { link: `https://example.org/${n}` } : { reference: `Report ${n}`, date: "2026-04-01" };
  if (key.startsWith("action_plan.")) return { status: rng.pick(["in_progress", "done", "not_started"]), owner: `Owner ${n}` };
  if (key.startsWith("review.")) return true;
  if (key.startsWith("review_marks.")) return { mark: "challenge", comment: `Why ${n}`, reviewer: "R. Peer", organisation: "Peers", date: "2026-04-02", decision: rng.pick(["open", "accepted"]) };
  if (key.startsWith("assignments.")) return `Colleague ${n}`;
  if (key.startsWith("targets.")) return rng.pick(["early", "substantial", "mature"]);
  if (key === "council.functions") return rng.chance(0.5) ? ["housing"] : ["housing", "licensing"];
  if (key.startsWith("council.")) return `${key.slice(8)} ${n}`;
  if (key === "sign_off") return { name: `Lead ${n}`, role: "Lead", date: "2026-05-01" };
  return rng.pick(["yes", "no", "partly", "n/a", ["a", "b"]]);
}

// Unique, increasing provenance times: each change in a test has its own.
export function stamps(start = Date.parse("2026-05-01T09:00:00Z")) {
  let time = start;
  return () => new Date((time += 1000)).toISOString();
}

// `record` with `count` random changes, each stamped as the store stamps them (put, then its time).
export function edit(record, rng, stamp, count) {
  const copy = structuredClone(record);
  for (let i = 0; i < count; i += 1) {
    const key = rng.pick(KEYS);
    early.put(copy, key, valueFor(key, rng));
    copy.provenance[key] = { at: stamp() };
  }
  return copy;
}

// Two copies of one assessment after each went its own way (two tabs), with no two changes at the same time.
export function twoCopies(seed) {
  const rng = random(seed);
  const stamp = stamps();
  const base = edit(early.blankAssessment("2026.1", stamp()), rng, stamp, rng.int(6));
  const first = edit(base, rng, stamp, rng.int(6));
  const second = edit(base, rng, stamp, rng.int(6));
  return rng.chance(0.5) ? [first, second, rng, stamp] : [second, first, rng, stamp];
}

// The same assessment whatever the order of its keys.
export function canonical(value) {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === "object") return Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical(value[k])]));
  return value;
}

// Each entry, by key, as the merge sees it (review lists compared as sets).
export function entries(record) {
  const out = {};
  for (const key of [...early.keysOf(record)].sort()) out[key] = [canonical(early.get(record, key)), record.provenance[key]?.at];
  return out;
}

export const SEEDS = Array.from({ length: 300 }, (_, i) => i + 1);
