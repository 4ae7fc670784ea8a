// The merge by provenance (site/early/store.js, merge): the only way one tab's copy of the assessment
// meets another's, so the "nothing lost" promise rests on it. Properties over 300 seeded pairs of
// copies that went their own ways from one assessment (tests/js/helpers.mjs, twoCopies), and
// hand-worked cases beside them.
import assert from "node:assert/strict";
import { test } from "node:test";
import { SEEDS, canonical, early, edit, entries, stamps, twoCopies } from "./helpers.mjs";

const { merge, put, get, blankAssessment, STARTED } = early;
const content = (record) => ({ entries: entries(record), date: record.assessment_date, retired: canonical(record.retired_answers || {}) });

test("the merge is commutative: either tab's copy first, the same assessment", () => {
  for (const seed of SEEDS) {
    const [a, b] = twoCopies(seed);
    assert.deepEqual(content(merge(a, b).record), content(merge(b, a).record), `seed ${seed}`);
  }
});

test("the merge is idempotent: a copy merged with itself, or merged twice, is unchanged", () => {
  for (const seed of SEEDS) {
    const [a, b] = twoCopies(seed);
    const same = merge(structuredClone(a), a);
    assert.deepEqual(canonical(same.record), canonical(a), `seed ${seed}`);
    assert.equal(same.newer, false, `seed ${seed}: nothing new`);
    const once = merge(a, b).record;
    assert.deepEqual(content(merge(once, b).record), content(once), `seed ${seed}`);
    assert.deepEqual(content(merge(a, once).record), content(once), `seed ${seed}`);
  }
});

test("the merge is associative: three tabs, merged in any grouping, agree", () => {
  for (const seed of SEEDS) {
    const [a, b, rng, stamp] = twoCopies(seed);
    const c = edit(a, rng, stamp, 1 + rng.int(4));
    const left = merge(merge(a, b).record, c).record;
    const right = merge(a, merge(b, c).record).record;
    assert.deepEqual(content(left), content(right), `seed ${seed}`);
  }
});

test("for every key, the copy that changed it last wins, a clear (tombstone) as much as a value", () => {
  for (const seed of SEEDS) {
    const [a, b] = twoCopies(seed);
    const merged = merge(a, b).record;
    for (const key of new Set([...early.keysOf(a), ...early.keysOf(b)])) {
      const [atA, atB] = [a.provenance[key]?.at || "", b.provenance[key]?.at || ""];
      const winner = atA > atB ? a : b;
      assert.deepEqual(canonical(get(merged, key)), canonical(get(winner, key)), `seed ${seed}, ${key}`);
    }
  }
});

test("the merge says whether it holds anything the stored copy does not", () => {
  for (const seed of SEEDS) {
    const [mine, stored] = twoCopies(seed);
    const { record, newer } = merge(mine, stored);
    if (!newer) assert.deepEqual(entries(record), entries(stored), `seed ${seed}`);
    else assert.notDeepEqual(entries(record), entries(stored), `seed ${seed}`);
  }
});

test("an answer cleared after it was set stays cleared, whatever older copy it meets", () => {
  const stamp = stamps();
  const older = blankAssessment("2026.1", stamp());
  put(older, "SPC-01", "yes");
  older.provenance["SPC-01"] = { at: stamp() };
  const cleared = structuredClone(older);
  put(cleared, "SPC-01", undefined);
  cleared.provenance["SPC-01"] = { at: stamp() };
  for (const [mine, stored] of [[older, cleared], [cleared, older]]) {
    const { record } = merge(structuredClone(mine), structuredClone(stored));
    assert.equal(record.answers["SPC-01"], undefined);
    assert.equal(record.provenance["SPC-01"].at, cleared.provenance["SPC-01"].at, "the clear's time is kept");
  }
});

test("'Start again' in one tab is not undone by another tab's older copy; what it changed since still counts", () => {
  for (const seed of SEEDS) {
    const [before, , rng, stamp] = twoCopies(seed);
    const fresh = blankAssessment("2026.1", stamp()); // started after every change in `before`
    const later = edit(before, rng, stamp, 1 + rng.int(3)); // the other tab goes on editing its old copy
    for (const [mine, stored] of [[later, fresh], [fresh, later]]) {
      const merged = merge(structuredClone(mine), structuredClone(stored)).record;
      assert.equal(merged.provenance[STARTED].at, fresh.provenance[STARTED].at, `seed ${seed}`);
      for (const key of early.keysOf(later)) {
        const changedSince = (later.provenance[key]?.at || "") > fresh.provenance[STARTED].at;
        const expected = changedSince ? get(later, key) : get(fresh, key);
        assert.deepEqual(canonical(get(merged, key)), canonical(expected), `seed ${seed}, ${key}`);
      }
    }
  }
});

test("set-aside answers kept by either copy of the same assessment are kept", () => {
  const stamp = stamps();
  const a = blankAssessment("2026.1", stamp());
  const b = structuredClone(a);
  a.retired_answers = { "OLD-01": "yes" };
  b.retired_answers = { "OLD-02": ["x"] };
  assert.deepEqual(merge(a, b).record.retired_answers, { "OLD-01": "yes", "OLD-02": ["x"] });
  assert.equal(merge(a, b).newer, true);
  assert.equal(merge(b, structuredClone(b)).newer, false);
});

test("the later assessment date is kept", () => {
  const stamp = stamps();
  const a = blankAssessment("2026.1", stamp());
  const b = { ...structuredClone(a), assessment_date: "2026-06-30" };
  assert.equal(merge(a, b).record.assessment_date, "2026-06-30");
  assert.equal(merge(b, a).record.assessment_date, "2026-06-30");
});

test("with no copy of its own, a tab takes the stored one", () => {
  const stored = blankAssessment("2026.1", "2026-05-01T09:00:00.000Z");
  assert.deepEqual(merge(null, stored), { record: stored, newer: false });
});
