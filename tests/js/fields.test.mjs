// What each field of the form saves (site/early/store.js: evidenceEntry, planEntry, functionsToSave): the
// listeners in site/early/form.js read the page and save what these return.
import assert from "node:assert/strict";
import { test } from "node:test";
import { early } from "./helpers.mjs";

const { evidenceEntry, planEntry, functionsToSave } = early;

test("evidence: a web address is a link, anything else a document reference; the date only with one", () => {
  assert.deepEqual(evidenceEntry(" https://example.org/report.pdf ", ""), { link: "https://example.org/report.pdf" });
  assert.deepEqual(evidenceEntry("HTTP://EXAMPLE.ORG", "2026-04-01"), { link: "HTTP://EXAMPLE.ORG", date: "2026-04-01" });
  assert.deepEqual(evidenceEntry("Cabinet report 14", "2026-04-01"), { reference: "Cabinet report 14", date: "2026-04-01" });
  assert.deepEqual(evidenceEntry("https://example.org/a b", ""), { reference: "https://example.org/a b" });
  assert.deepEqual(evidenceEntry("ftp://example.org", ""), { reference: "ftp://example.org" });
  assert.equal(evidenceEntry("   ", "2026-04-01"), undefined);
});

test("evidence: its strength, a test's result and a reviewer as given, trimmed; a strength alone is an entry", () => {
  assert.deepEqual(evidenceEntry("", "", { strength: "asserted" }), { strength: "asserted" });
  assert.deepEqual(evidenceEntry("", "2026-04-01", { strength: "tested", result: " 9 of 10 referred ", reviewer: " " }),
    { date: "2026-04-01", strength: "tested", result: "9 of 10 referred" });
  assert.deepEqual(evidenceEntry("Audit 4", "2026-04-01", { strength: "independently_verified", reviewer: "A. Peer, Kent CC" }),
    { reference: "Audit 4", date: "2026-04-01", strength: "independently_verified", reviewer: "A. Peer, Kent CC" });
  assert.equal(evidenceEntry(" ", "2026-04-01", { strength: "", result: "found" }), undefined);
});

test("an action plan: what is filled in, trimmed; nothing saved for an untouched action", () => {
  assert.equal(planEntry({ status: "not_started", owner: " ", due: "", note: "", reason: "" }, undefined), undefined);
  assert.deepEqual(planEntry({ status: "in_progress", owner: " Head of Procurement ", due: "2027-03-31" }, undefined), {
    status: "in_progress",
    owner: "Head of Procurement",
    due: "2027-03-31",
  });
  assert.deepEqual(planEntry({ status: "", note: "started" }, undefined), { status: "not_started", note: "started" });
});

test("'not planned' needs a reason: until one is given the status stays as saved", () => {
  assert.deepEqual(planEntry({ status: "not_planned", reason: "Shared service" }, "in_progress"), { status: "not_planned", reason: "Shared service" });
  assert.deepEqual(planEntry({ status: "not_planned", owner: "A" }, "in_progress"), { status: "in_progress", owner: "A" });
  assert.deepEqual(planEntry({ status: "not_planned", owner: "A" }, "not_planned"), { status: "not_started", owner: "A" });
  assert.equal(planEntry({ status: "not_planned", reason: "  " }, undefined), undefined);
});

test("a council's functions are saved only where they differ from its type's defaults", () => {
  assert.equal(functionsToSave(["licensing", "housing"], ["housing", "licensing"]), undefined);
  assert.deepEqual(functionsToSave(["housing"], ["housing", "licensing"]), ["housing"]);
  assert.deepEqual(functionsToSave(["housing", "social_care"], ["housing", "licensing"]), ["housing", "social_care"]);
  assert.deepEqual(functionsToSave([], ["housing"]), []);
});
