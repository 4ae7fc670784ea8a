// How figures and dates are written: exactly as scorecard/engine/wording.py writes them for the
// command line's reports (tests/test_format_js.py runs both on the same values), so a median reads
// 54.65 and a date 1 December 2026 in both. Python rounds a tie (0.125 to two places, 62.5 to a whole number) to the even
// digit, where JavaScript's toFixed and Math.round round it up: hence roundHalfEven.
// A missing figure is "–" here (the reports, for terminals, write "-").
import { t } from "./i18n.js";

const MISSING = "–";

// Python's f"{value:.{digits}f}": correctly rounded, an exact tie to the even digit.
/** @param {number} value @param {number} digits */
function fixed(value, digits) {
  const text = Math.abs(value).toFixed(digits);
  const exact = Math.abs(value).toFixed(100); // every digit of the double (toFixed allows 100)
  const rest = exact.slice(exact.indexOf(".") + 1 + digits);
  let out = text;
  if (/^50*$/.test(rest)) {
    // An exact tie: toFixed rounded it away from zero; Python keeps the even digit.
    const truncated = exact.slice(0, exact.indexOf(".") + 1 + digits).replace(/\.$/, "");
    const last = Number(truncated[truncated.length - 1]);
    if (last % 2 === 0) out = truncated;
  }
  return (value < 0 || Object.is(value, -0) ? "-" : "") + out;
}

/** @param {number} value */
function roundHalfEven(value) {
  const floor = Math.floor(value);
  const diff = value - floor;
  if (diff !== 0.5) return Math.round(value);
  return floor % 2 === 0 ? floor : floor + 1;
}

// A coverage fraction as a whole percentage: 0.625 -> "62%".
/** @param {number | null | undefined} fraction */
export function pct(fraction) {
  return fraction === null || fraction === undefined ? MISSING : `${roundHalfEven(100 * fraction)}%`;
}

// A score to one decimal place: 54.6, 100.0.
/** @param {number | null | undefined} value */
export function score(value) {
  return value === null || value === undefined ? MISSING : fixed(value, 1);
}

// A score or statistic: one decimal place, two when the value has them (a median of 54.65).
/** @param {number | null | undefined} value */
export function num(value) {
  if (value === null || value === undefined) return MISSING;
  const text = fixed(value, 2);
  return text.endsWith("0") ? text.slice(0, -1) : text;
}

// A signed gap to the median: +3.5, -12.0, 0.0.
/** @param {number | null | undefined} value */
export function gap(value) {
  if (value === null || value === undefined) return MISSING;
  const text = num(Math.abs(value));
  return text === "0.0" || text === "0.00" ? "0.0" : (value > 0 ? "+" : "-") + text;
}

// In the page's language (t): 1 Rhagfyr 2026 on a Welsh page, as Babel writes the CLDR's long date at build time.
const MONTHS = [t("January"), t("February"), t("March"), t("April"), t("May"), t("June"), t("July"), t("August"),
  t("September"), t("October"), t("November"), t("December")];

// A date as GOV.UK writes it: 2026-12-01 -> 1 December 2026 (wording.py long_date); any text that is not a
// real YYYY-MM-DD date is returned as it is.
/** Today's date as the engine and the file write dates: YYYY-MM-DD (UTC). */
export function today() {
  return new Date().toISOString().slice(0, 10);
}

/** @param {string | null | undefined} iso */
export function longDate(iso) {
  const m = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(iso || "");
  if (!m) return iso || "";
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  const real = year > 0 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return real ? `${day} ${MONTHS[month - 1]} ${year}` : iso;
}
