// The early store's file rules and its store over a storage (site/early/store.js), under Node: the shape
// check, bank version order, keys, and tabs sharing one storage as a browser's do.
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { test } from "node:test";
import { KEYS, MemoryStorage, SEEDS, canonical, clock, early, random, tab, valueFor } from "./helpers.mjs";

const { shapeProblem, newerVersion, blankAssessment, get, put, keysOf, KEY, UNDO_KEY, ASIDE } = early;
const EXAMPLES = new URL("../../examples/region/", import.meta.url);
const blank = () => blankAssessment("2026.1", "2026-05-01T09:00:00.000Z");

// --- the shape check ---------------------------------------------------------------------------

test("every file the engine wrote (the example region) and a blank assessment have the shape the store merges", () => {
  const files = readdirSync(EXAMPLES).filter((name) => name.endsWith(".json"));
  assert.ok(files.length >= 10);
  for (const name of files) assert.equal(shapeProblem(JSON.parse(readFileSync(new URL(name, EXAMPLES), "utf8"))), "", name);
  assert.equal(shapeProblem(blank()), "");
});

test("a file of another shape is refused, and the officer is told which part", () => {
  const cases = [
    [[], "it is not an assessment (a JSON object)"],
    [null, "it is not an assessment (a JSON object)"],
    [{ ...blank(), format: "other" }, "it is not a scorecard assessment"],
    [{ ...blank(), format_version: 2 }, "it is in format version 2, which this version of the site cannot read"],
    [{ ...blank(), answers: { "SPC-01": 3 } }, "its answers are not in the form the scorecard writes"],
    [{ ...blank(), answers: [] }, "its answers are not in the form the scorecard writes"],
    [{ ...blank(), notes: { "SPC-01": ["x"] } }, "its notes are not text"],
    [{ ...blank(), council: { name: 3 } }, "its council details are not text"],
    [{ ...blank(), retired_answers: { "OLD-01": {} } }, "its set-aside answers are not in the form the scorecard writes"],
    [{ ...blank(), provenance: { "SPC-01": { at: 1 } } }, "its record of changes is not in the form the scorecard writes"],
    [{ ...blank(), evidence: [] }, "its evidence, action plan, assignments, targets, outcome indicators or peer review marks are not in the form the scorecard writes"],
    [{ ...blank(), targets: "mature" }, "its evidence, action plan, assignments, targets, outcome indicators or peer review marks are not in the form the scorecard writes"],
    [{ ...blank(), indicators: "IND-01" }, "its evidence, action plan, assignments, targets, outcome indicators or peer review marks are not in the form the scorecard writes"],
    [{ ...blank(), review: "SPC-01" }, "its list of answers to review is not in the form the scorecard writes"],
    [{ ...blank(), sign_off: "me" }, "its sign-off is not in the form the scorecard writes"],
    [{ ...blank(), bank_version: undefined }, "its date or question bank version is missing"],
  ];
  for (const [data, problem] of cases) assert.equal(shapeProblem(data), problem, JSON.stringify(data));
});

// --- bank versions -------------------------------------------------------------------------------

test("bank versions are compared number by number: 2026.10 is newer than 2026.9", () => {
  assert.equal(newerVersion("2026.10", "2026.9"), true);
  assert.equal(newerVersion("2026.9", "2026.10"), false);
  assert.equal(newerVersion("2026.9.1", "2026.9"), true);
  assert.equal(newerVersion("2027.1", "2026.12"), true);
  assert.equal(newerVersion("2026.9", "2026.9"), false);
  assert.equal(newerVersion("2026.9", "2026.9.0"), false);
  assert.equal(newerVersion("2026.1", ""), true);
});

test("bank version order is a strict order: never both ways, transitive, and as the numbers sort", () => {
  const rng = random(7);
  const versions = Array.from({ length: 60 }, () => Array.from({ length: 1 + rng.int(3) }, () => rng.int(13)).join("."));
  const numbers = (v) => v.split(".").map(Number);
  const byNumbers = (a, b) => {
    const [x, y] = [numbers(a), numbers(b)];
    for (let i = 0; i < Math.max(x.length, y.length); i += 1) if ((x[i] || 0) !== (y[i] || 0)) return (x[i] || 0) - (y[i] || 0);
    return 0;
  };
  for (const a of versions) {
    assert.equal(newerVersion(a, a), false);
    for (const b of versions) {
      assert.equal(newerVersion(a, b), byNumbers(a, b) > 0, `${a} vs ${b}`);
      assert.ok(!(newerVersion(a, b) && newerVersion(b, a)));
      for (const c of versions.slice(0, 15)) if (newerVersion(a, b) && newerVersion(b, c)) assert.ok(newerVersion(a, c));
    }
  }
});

// --- keys ----------------------------------------------------------------------------------------

test("put then get gives the value back for every kind of key; putting undefined takes it out", () => {
  for (const seed of SEEDS) {
    const rng = random(seed);
    const record = blank();
    const key = rng.pick(KEYS);
    let value;
    while (value === undefined) value = valueFor(key, rng);
    put(record, key, value);
    assert.deepEqual(canonical(get(record, key)), canonical(value), key);
    assert.ok(keysOf(record).has(key), key);
    put(record, key, undefined);
    assert.equal(get(record, key), undefined, key);
    assert.ok(!keysOf(record).has(key), `${key}: no entry and no time left`);
    assert.equal(shapeProblem(record), "", key);
  }
});

test("the council's name and type stay in the file when cleared; other details and empty sections go", () => {
  const record = blank();
  for (const key of ["council.name", "council.type", "council.region", "evidence.SPC-01", "review.SPC-01", "sign_off"]) {
    put(record, key, key === "evidence.SPC-01" ? { link: "https://example.org" } : key === "sign_off" ? { name: "A", role: "B", date: "2026-05-01" } : key.startsWith("review") ? true : "x");
    put(record, key, undefined);
  }
  assert.deepEqual(record.council, { name: "", type: "" });
  for (const section of ["evidence", "review", "sign_off"]) assert.ok(!(section in record), section);
});

test("a cleared entry's time is one of its keys (a tombstone), so a merge sees the clear", () => {
  const record = blank();
  record.provenance["notes.SPC-01"] = { at: "2026-05-01T10:00:00.000Z" };
  assert.ok(keysOf(record).has("notes.SPC-01"));
  assert.ok(!keysOf(record).has("assessment"), "the start is not an entry");
});

// --- the store: tabs sharing one storage -----------------------------------------------------------

function twoTabs() {
  const storage = new MemoryStorage();
  const time = clock();
  const one = tab(storage, time);
  const two = tab(storage, time);
  // The storage event: another tab hears of each write (a browser does not tell the tab that wrote).
  const hear = (store) => store.otherTabSaved(KEY);
  return { storage, time, one, two, hear };
}

test("a change in one tab reaches the other, and neither tab's changes are lost", () => {
  const { time, one, two, hear } = twoTabs();
  one.change("SPC-01", "yes");
  time.tick();
  two.getAssessment(); // the second tab opens
  time.tick();
  two.change("notes.SPC-01", "from two");
  time.tick();
  one.change("SPC-02", "no"); // one's copy lacks the note until it reads the storage: it merges first
  hear(two);
  for (const store of [one, two]) {
    assert.deepEqual(store.getAssessment().answers, { "SPC-01": "yes", "SPC-02": "no" });
    assert.deepEqual(store.getAssessment().notes, { "SPC-01": "from two" });
  }
});

test("'Start again' in one tab is not undone by the other tab's older copy", () => {
  const { storage, time, one, two, hear } = twoTabs();
  one.change("SPC-01", "yes");
  time.tick();
  two.getAssessment();
  time.tick();
  one.clearAssessment();
  time.tick();
  two.change("notes.SPC-02", "typed after the fresh start"); // two has not heard of it yet
  hear(one);
  const saved = JSON.parse(storage.getItem(KEY));
  assert.deepEqual(saved.answers, {}, "the answer from before the start did not come back");
  assert.deepEqual(saved.notes, { "SPC-02": "typed after the fresh start" });
  assert.deepEqual(one.getAssessment().answers, {});
});

test("saved data that cannot be read is kept aside, never written over", () => {
  const { storage, one } = twoTabs();
  storage.setItem(KEY, "{ cut short");
  one.change("SPC-01", "yes");
  const kept = one.keptAside();
  assert.equal(kept.length, 1);
  assert.equal(kept[0].text, "{ cut short");
  assert.match(kept[0].problem, /not valid JSON/);
  assert.ok(kept[0].key.startsWith(ASIDE));
  assert.deepEqual(JSON.parse(storage.getItem(KEY)).answers, { "SPC-01": "yes" });
});

test("with no room to keep unreadable data aside, nothing is written over it, and the officer is told", () => {
  const { storage, one } = twoTabs();
  storage.setItem(KEY, "[]");
  storage.full = true;
  one.change("SPC-01", "yes");
  assert.equal(storage.getItem(KEY), "[]");
  assert.match(one.lastSaveError(), /could not be read/);
  assert.deepEqual(one.keptAside().map((k) => k.text), ["[]"]);
  one.discardKeptAside(""); // the officer lets it go
  storage.full = false;
  one.change("SPC-02", "no");
  assert.deepEqual(JSON.parse(storage.getItem(KEY)).answers, { "SPC-01": "yes", "SPC-02": "no" });
});

test("an import keeps the assessment it replaced for undo, and undo brings it back", () => {
  const { storage, time, one } = twoTabs();
  one.change("SPC-01", "yes");
  time.tick();
  const imported = { ...blank(), answers: { "SPC-01": "no" } };
  assert.equal(one.importAssessment(imported), true);
  assert.deepEqual(one.getAssessment().answers, { "SPC-01": "no" });
  assert.ok(one.canUndoImport());
  time.tick();
  assert.equal(one.undoImport(), true);
  assert.deepEqual(one.getAssessment().answers, { "SPC-01": "yes" });
  assert.equal(storage.getItem(UNDO_KEY), null);
});

test("what the engine changed (a peer review decided) is adopted entry by entry, with the engine's record of who", () => {
  const { storage, time, one } = twoTabs();
  one.setMyName("Ann Lead");
  one.change("SPC-01", "yes");
  one.change("SPC-02", "no");
  time.tick();
  const engine = structuredClone(one.getAssessment());
  engine.answers["SPC-02"] = "yes";
  engine.provenance["SPC-02"] = { at: "2026-05-01T09:00:30.000Z", by: "R. Peer, Peers (peer review)" };
  engine.review_marks = { "SPC-02": { mark: "challenge", reviewer: "R. Peer", organisation: "Peers", date: "2026-05-01", decision: "accepted" } };
  engine.provenance["review_marks.SPC-02"] = { at: "2026-05-01T09:00:30.000Z", by: "Ann Lead" };
  const before = one.getAssessment().provenance["SPC-01"];
  assert.equal(one.adoptChanges(engine), true);
  const now = JSON.parse(storage.getItem(KEY));
  assert.equal(now.answers["SPC-02"], "yes");
  assert.deepEqual(now.provenance["SPC-02"], { at: "2026-05-01T09:00:30.000Z", by: "R. Peer, Peers (peer review)" });
  assert.equal(now.review_marks["SPC-02"].decision, "accepted");
  assert.deepEqual(now.provenance["SPC-01"], before); // what the engine did not change keeps its own record
});

test("a reviewer's draft is kept under its own key, never in the assessment saved here", () => {
  const { storage, one } = twoTabs();
  one.change("SPC-01", "yes");
  const saved = storage.getItem(KEY);
  assert.equal(one.saveReviewDraft({ file: "lead.json", review: { marks: { "SPC-01": { mark: "agree" } } } }), true);
  assert.equal(storage.getItem(KEY), saved);
  assert.deepEqual(one.reviewDraft(), { file: "lead.json", review: { marks: { "SPC-01": { mark: "agree" } } } });
  assert.equal(one.saveReviewDraft(null), true);
  assert.equal(one.reviewDraft(), null);
});

test("where the browser keeps no data (reading throws), work goes on in the tab: no save error, import and undo work", () => {
  const time = clock();
  const blocked = () => {
    throw new DOMException("The operation is insecure.", "SecurityError");
  };
  const one = early.createStore({ storage: blocked, pageVersion: () => "2026.1", now: time.now });
  assert.equal(one.storageAvailable(), false);
  one.changeAll([["council.name", "Example Council"], ["SPC-01", "yes"]]);
  one.change("notes.SPC-01", "Named in the constitution.");
  assert.deepEqual(one.getAssessment().answers, { "SPC-01": "yes" });
  assert.equal(one.getAssessment().notes["SPC-01"], "Named in the constitution.");
  assert.equal(one.lastSaveError(), ""); // said once at the top of the page (js/browser-check.js), not per change
  time.tick();
  assert.equal(one.importAssessment({ ...blank(), answers: { "SPC-01": "no" } }), true);
  assert.deepEqual(one.getAssessment().answers, { "SPC-01": "no" });
  assert.ok(one.canUndoImport());
  assert.equal(one.undoImport(), true);
  assert.deepEqual(one.getAssessment().answers, { "SPC-01": "yes" });
  assert.equal(one.canUndoImport(), false);
});

test("a storage that is there but full is not 'no storage': the officer is told each write failed", () => {
  const { storage, one } = twoTabs();
  storage.full = true;
  one.change("SPC-01", "yes");
  assert.equal(one.storageAvailable(), true);
  assert.match(one.lastSaveError(), /could not be saved/);
});

test("each change is stamped with its time and the officer's name, never earlier than the last", () => {
  const { time, one } = twoTabs();
  one.setMyName("  Priya  ");
  one.change("SPC-01", "yes");
  time.tick(-60_000); // the clock steps back
  one.change("SPC-02", "no");
  const { provenance } = one.getAssessment();
  assert.equal(provenance["SPC-01"].by, "Priya");
  assert.ok(provenance["SPC-02"].at > provenance["SPC-01"].at);
});

test("subscribers hear of this tab's changes and of other tabs'", () => {
  const { time, one, two, hear } = twoTabs();
  const heard = [];
  two.getAssessment(); // the second tab is open
  two.subscribe((assessment, source) => heard.push([source, assessment.answers["SPC-01"]]));
  one.change("SPC-01", "yes");
  hear(two);
  time.tick();
  two.change("SPC-01", "no");
  assert.deepEqual(heard, [["other-tab", "yes"], ["this-tab", "no"]]);
});

// --- issue 26 (reliability review 2) ---------------------------------------------------------------

test("F4: an officer's own change wins over a copy elsewhere that claims a later time", () => {
  const { storage, time, one, two, hear } = twoTabs();
  const ahead = new Date(time.now() + 20 * 3600_000).toISOString(); // a colleague's clock 20 hours fast
  one.importAssessment({ ...blank(), answers: { "SPC-01": "no" }, provenance: { "SPC-01": { at: ahead, by: "Colleague" } } });
  time.tick();
  two.getAssessment(); // the second tab opens on the imported copy
  time.tick();
  one.change("SPC-01", "yes"); // the officer's click in the first tab
  hear(two);
  time.tick();
  two.change("notes.SPC-02", "typed in the second tab"); // the second tab saves: its merge must keep the click
  hear(one);
  for (const store of [one, two]) assert.equal(store.getAssessment().answers["SPC-01"], "yes");
  assert.equal(JSON.parse(storage.getItem(KEY)).answers["SPC-01"], "yes");
});

test("F4: times are compared as instants, whatever offset a file wrote them with", () => {
  const { merge } = early;
  const a = blank();
  const b = structuredClone(a);
  a.answers["SPC-01"] = "from a";
  a.provenance["SPC-01"] = { at: "2026-05-01T12:00:00+05:00" }; // 07:00 UTC
  b.answers["SPC-01"] = "from b";
  b.provenance["SPC-01"] = { at: "2026-05-01T08:00:00.000Z" }; // an hour later
  for (const [mine, stored] of [[a, b], [b, a]]) assert.equal(merge(structuredClone(mine), structuredClone(stored)).record.answers["SPC-01"], "from b");
});

test("F14: 'Start again' clears the name and the copies kept aside on this device, and says what it cleared", () => {
  const { storage, one } = twoTabs();
  one.setMyName("Alice Aardvark (Kent)");
  storage.setItem(`${ASIDE}2026-05-01T09:00:00.000Z`, JSON.stringify({ problem: "cut short", text: "{" }));
  one.change("SPC-01", "yes");
  const cleared = one.clearAssessment();
  assert.deepEqual(cleared, { answers: 1, notes: 0, name: true, keptAside: 1 });
  assert.equal(one.myName(), "");
  assert.deepEqual(one.keptAside(), []);
  one.change("SPC-02", "no");
  assert.equal(one.getAssessment().provenance["SPC-02"].by, undefined, "the next officer's answers name no one");
});

test("F15: an import that could not be saved is reported as not done, and nothing changes", () => {
  const { storage, time, one } = twoTabs();
  one.change("SPC-01", "yes");
  time.tick();
  const before = storage.getItem(KEY);
  const setItem = storage.setItem.bind(storage);
  storage.setItem = (key, value) => {
    if (key === KEY) throw new Error("QuotaExceededError"); // room for the undo copy, none for the import
    setItem(key, value);
  };
  assert.equal(one.importAssessment({ ...blank(), answers: { "SPC-01": "no" } }), false);
  assert.equal(storage.getItem(KEY), before);
  assert.deepEqual(one.getAssessment().answers, { "SPC-01": "yes" }, "this tab shows what is saved");
  assert.equal(one.canUndoImport(), false, "no undo offered for an import that did not happen");
});

test("F28: an owner typed in one tab and a due date set in another a moment later are both kept", () => {
  const { storage, time, one, two, hear } = twoTabs();
  one.changePlanField("SPC-01", "status", "in_progress", "in_progress");
  hear(two);
  time.tick(5);
  one.changePlanField("SPC-01", "owner", "Head of Legal", "in_progress");
  time.tick(5); // the second tab has not heard of the owner yet: its page still shows none
  two.changePlanField("SPC-01", "due", "2027-03-31", "in_progress");
  hear(one);
  const plan = JSON.parse(storage.getItem(KEY)).action_plan["SPC-01"];
  assert.deepEqual(plan, { status: "in_progress", owner: "Head of Legal", due: "2027-03-31" });
  for (const store of [one, two]) assert.deepEqual(store.getAssessment().action_plan["SPC-01"], plan);
});

test("F28: 'Not planned' waits for its reason, then both are saved", () => {
  const { one } = twoTabs();
  one.changePlanField("SPC-01", "status", "not_planned", "not_planned");
  assert.equal(one.getAssessment().action_plan?.["SPC-01"], undefined, "no reason yet: not saved as not planned");
  one.changePlanField("SPC-01", "reason", "The county does it.", "not_planned");
  assert.deepEqual(one.getAssessment().action_plan["SPC-01"], { status: "not_planned", reason: "The county does it." });
});

test("an export is remembered for this assessment, with whether it changed after, and other tabs hear of it", () => {
  const storage = new MemoryStorage();
  const time = clock();
  const a = tab(storage, time);
  const b = tab(storage, time);
  a.change("SPC-01", "yes");
  assert.equal(a.lastExported(), null); // never exported
  time.tick();
  const heard = [];
  b.subscribe((_, source) => heard.push(source));
  a.markExported("scorecard-x-2026-05-01.json");
  b.otherTabSaved(early.EXPORTED_KEY);
  assert.deepEqual(heard, ["other-tab"]);
  assert.deepEqual(a.lastExported(), { at: "2026-05-01T09:00:01.000Z", file: "scorecard-x-2026-05-01.json", changed: false });
  assert.equal(b.lastExported().changed, false);
  time.tick();
  b.change("SPC-02", "no");
  a.otherTabSaved(KEY);
  assert.equal(a.lastExported().changed, true); // changed since, in either tab
  a.clearAssessment(); // another assessment: not exported yet
  assert.equal(a.lastExported(), null);
});
