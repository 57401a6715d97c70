// Runs the verified office cases (test/fixtures/offices-verified.json, each checked on an official
// page) through the built library and prints how many name the right state's office in the right
// city, and any answer that names an office a case says is wrong.
//   node scripts/check-offices.mjs [--verbose]
import { readFileSync } from "node:fs";

const { classify } = await import(new URL("../dist/index.js", import.meta.url));
const { cases } = JSON.parse(readFileSync(new URL("../test/fixtures/offices-verified.json", import.meta.url), "utf8"));
const verbose = process.argv.includes("--verbose");
const norm = (s) => (s ?? "").normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replace(/,.*$/, "").trim();
/** How a person would put each need of the cases. */
const TEXT = {
  "passport-lost": "I lost my passport",
  "passport-renewal": "renew my passport",
  visa: "apply for a visa",
  "birth-registration": "register my baby's birth",
  "voting-abroad": "vote from abroad",
  "consular-emergency": "I was arrested",
  notarial: "notarise a document",
  matricula: "get a matricula consular",
};
let right = 0;
let rightUnused = 0;
let unused = 0;
let wrongNamed = 0;
const misses = [];
for (const c of cases) {
  const a = classify(TEXT[c.need] ?? c.need.replace(/-/g, " "), {
    citizen: c.citizen,
    in: c.in,
    to: c.to ?? undefined,
  });
  const ans = a.answer;
  const want = c.expect.servedBy ?? c.expect;
  // An answer that names no office (none resident, no city) names no state's office either.
  const named = ans && (ans.resident === false && ans.city == null ? null : (ans.operator ?? ans.of));
  const accept = [want, ...(c.alsoAccept ?? [])];
  const ok = ans && accept.some((w) => named === w.operator && norm(ans.city) === norm(w.city));
  // A known-wrong office: one the case's source rules out (of that type, where the case says one).
  const bad = (c.mustNotName ?? []).some(
    (m) =>
      ans &&
      !ok &&
      named === m.operator &&
      norm(ans.city) === norm(m.city) &&
      (!m.officeType || m.officeType === ans.officeType),
  );
  if (ok) right++;
  if (!c.usedToFindData) {
    unused++;
    if (ok) rightUnused++;
  } else
    misses.push(
      `${c.id}: got ${ans ? `${named}/${ans.city} "${ans.title}"` : "no answer"}; want ${want.operator}/${want.city}`,
    );
  if (bad) {
    wrongNamed++;
    if (verbose) console.log(`  known-wrong ${c.id}: ${named}/${ans.city}`);
  }
}
console.log(
  `verified office cases: ${right}/${cases.length} right state's office in the right city (${((100 * right) / cases.length).toFixed(1)} %); known-wrong offices named: ${wrongNamed}`,
);
console.log(
  `  of which not used to find data: ${rightUnused}/${unused} (${((100 * rightUnused) / unused).toFixed(1)} %)`,
);
if (verbose) for (const m of misses) console.log(`  miss ${m}`);
