// The words the site's JavaScript writes (site/assets/js/i18n.js): looked up in the page's catalogue, placeholders
// filled in as Python fills them, the English kept where the catalogue has no translation.
import assert from "node:assert/strict";
import { test } from "node:test";
import { t, translate, translatePlural } from "../../site/assets/js/i18n.js";

const welsh = { lang: "cy", draft: [], messages: { "Saved %(name)s.": "Wedi cadw %(name)s.", "Export a copy": "Allforio copi" } };

test("a message is the catalogue's translation, its placeholders filled in", () => {
  assert.equal(translate(welsh, "Export a copy"), "Allforio copi");
  assert.equal(translate(welsh, "Saved %(name)s.", { name: "caerdydd.json" }), "Wedi cadw caerdydd.json.");
});

test("without a translation, or on a page in the default language, the English is written", () => {
  assert.equal(translate(welsh, "Print this page"), "Print this page");
  assert.equal(translate(null, "Saved %(name)s.", { name: "a.json" }), "Saved a.json.");
  assert.equal(translate({ ...welsh, messages: { "Export a copy": "" } }, "Export a copy"), "Export a copy");
});

test("%% is a percent sign; a placeholder with no value stays as written; a value is never read as a placeholder", () => {
  assert.equal(translate(null, "%(share)s%% answered", { share: 50 }), "50% answered");
  assert.equal(translate(null, "Saved %(name)s by %(who)s.", { name: "a.json" }), "Saved a.json by %(who)s.");
  assert.equal(translate(null, "Saved %(name)s.", { name: "%(name)s %%" }), "Saved %(name)s %%.");
});

test("outside a page (Node), t() writes the English", () => {
  assert.equal(t("Saved %(name)s.", { name: "a.json" }), "Saved a.json.");
});

test("a plural message: the form for the number's CLDR category, in the catalogue's order; English one or other", () => {
  const forms = ["dim %(count)s", "un %(count)s", "dau %(count)s", "tri %(count)s", "chwech %(count)s", "arall %(count)s"];
  const cy = { lang: "cy", draft: [], plural_tags: ["zero", "one", "two", "few", "many", "other"], messages: { "%(count)s question": forms } };
  const got = [0, 1, 2, 3, 4, 6, 7].map((n) => translatePlural(cy, "%(count)s question", "%(count)s questions", n));
  assert.deepEqual(got, ["dim 0", "un 1", "dau 2", "tri 3", "arall 4", "chwech 6", "arall 7"]);
  assert.equal(translatePlural(null, "%(count)s question", "%(count)s questions", 1), "1 question");
  assert.equal(translatePlural(null, "%(count)s question", "%(count)s questions", 0), "0 questions");
  assert.equal(translatePlural(cy, "%(count)s file", "%(count)s files", 2), "2 files");
});
