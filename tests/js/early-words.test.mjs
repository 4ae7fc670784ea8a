// The early script's words (site/early/store.js translate, translatePlural) are looked up exactly as the modules'
// (site/assets/js/i18n.js): every message of the Welsh share of the catalogue, a plural at every count, placeholders
// filled and a literal %% kept, and with no catalogue (an English page) the English.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { early } from "./helpers.mjs";
import { translate, translatePlural } from "../../site/assets/js/i18n.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const welsh = JSON.parse(execFileSync("python3", ["-c",
  "import json; from pathlib import Path; from scorecard.sitegen.i18n_site import script_messages; " +
  "print(json.dumps(script_messages('cy', Path('site/assets/js'), Path('site/early'))))"], { cwd: root, encoding: "utf-8" }));

test("every message, singular or plural, comes out the same from the early script as from the modules", () => {
  const values = { count: 3, version: 2, why: "x", name: "n", problem: "p" };
  for (const catalogue of [welsh, null]) {
    for (const [message, translation] of Object.entries(welsh.messages)) {
      if (Array.isArray(translation)) {
        for (const count of [0, 1, 2, 3, 4, 6, 11, 1.5]) {
          assert.equal(early.translatePlural(catalogue, message, `${message} (plural)`, count, values),
            translatePlural(catalogue, message, `${message} (plural)`, count, values), message);
        }
      } else {
        assert.equal(early.translate(catalogue, message, values), translate(catalogue, message, values), message);
      }
    }
  }
  assert.equal(early.translate(null, "100%% of %(x)s", { x: "y" }), "100% of y");
});

test("the early script's own messages are in the Welsh share, and the shape check words them", () => {
  const hidden = "%(count)s question(s) in this theme do not apply to your council (its nation, or a function it does not run) and are hidden.";
  assert.ok(Array.isArray(welsh.messages[hidden]));
  assert.match(early.translatePlural(welsh, hidden, hidden, 4), /^Nid yw 4 cwestiwn /);
  assert.ok(welsh.messages["its notes are not text"]);
  assert.ok(welsh.messages["Your answers could not be saved in this browser (storage is full or turned off). Export the assessment to keep a copy."]);
  assert.equal(early.shapeProblem({ format: "other" }), "it is not a scorecard assessment"); // no page: English
});
