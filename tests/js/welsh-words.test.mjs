// The words the site's JavaScript writes on a Welsh page: each module's t()/tn() looked up in the share of the Welsh
// catalogue the build puts in the page (scorecard/sitegen/i18n_site.py script_messages), here given to the modules
// as the page would give it, before they load. (tests/js/english-words.test.mjs: the same calls on an English page.)
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));
const share = execFileSync("python3", ["-c",
  "import json; from pathlib import Path; from scorecard.sitegen.i18n_site import script_messages; " +
  "print(json.dumps(script_messages('cy', Path('site/assets/js'))))"], { cwd: root, encoding: "utf-8" });
globalThis.document = { getElementById: (id) => (id === "sc-messages" ? { textContent: share } : null) };
const { answeredOf, dutiesCount, riskName } = await import("../../site/assets/js/views.js");
const { longDate } = await import("../../site/assets/js/format.js");

const theme = (statuses) => ({ gates: statuses.map((status, i) => ({ question: `Q${i}`, status })), essentials: [] });

test("a theme's legal duties, counted in Welsh: the noun in the singular after the number", () => {
  assert.equal(dutiesCount(theme(["not_met", "not_evidenced"])), "1 dyletswydd gyfreithiol heb ei bodloni, 1 dyletswydd gyfreithiol i'w hateb");
  assert.equal(dutiesCount(theme(["not_met", "contradicted", "not_met"])), "3 dyletswydd gyfreithiol heb ei bodloni");
});

test("answers given of those asked, a risk not rated and a date, in Welsh", () => {
  assert.equal(answeredOf({ answered: 4, not_applicable: 1, asked: 8, coverage: 0.625 }), "5 o 8 (62%)");
  assert.equal(riskName(/** @type {any} */ ({ labels: { risks: {} } }), null), "Risg heb ei graddio");
  assert.equal(longDate("2026-12-01"), "1 Rhagfyr 2026");
});
