// The same calls as tests/js/welsh-words.test.mjs on a page in English (no catalogue): the English as it was written.
import assert from "node:assert/strict";
import { test } from "node:test";
import { answeredOf, dutiesCount, riskName } from "../../site/assets/js/views.js";
import { longDate } from "../../site/assets/js/format.js";

const theme = (statuses) => ({ gates: statuses.map((status, i) => ({ question: `Q${i}`, status })), essentials: [] });

test("an English page's words are the English, a plural by its number", () => {
  assert.equal(dutiesCount(theme(["not_met", "not_evidenced"])), "1 legal duty not met, 1 legal duty to answer");
  assert.equal(dutiesCount(theme(["not_met", "contradicted", "not_evidenced", "not_evidenced"])), "2 legal duties not met, 2 legal duties to answer");
  assert.equal(answeredOf({ answered: 4, not_applicable: 1, asked: 8, coverage: 0.625 }), "5 of 8 (62%)");
  assert.equal(riskName(/** @type {any} */ ({ labels: { risks: {} } }), null), "Risk not rated");
  assert.equal(longDate("2026-12-01"), "1 December 2026");
});
