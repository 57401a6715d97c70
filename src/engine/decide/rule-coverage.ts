/**
 * The whole-program check of a rule base: every need reaches a rule, whatever the facts. For each
 * need (its id and category fixed), every combination of the other facts the rules read is tried —
 * each boolean fact true, false or unknown; each other fact unknown, each value a rule names, or a
 * value no rule names — and a combination no rule answers is reported. A command relies on this
 * (classify has no answer without a rule), so `data --check` and every overlay run it, and so does
 * the decision-table test for the bundled rules.
 *
 * The search assigns facts one at a time and stops going down a branch as soon as some rule holds
 * whatever the facts not yet assigned: catch-all rules make it quick.
 */
import type { Condition, Rule } from "../../model/data-schemas.js";
import { FACTS } from "../../model/vocabularies.js";
import { test, type Facts } from "./rule-evaluator.js";

type FactName = keyof Facts;
type Value = string | boolean | null;

const BOOLEAN_FACTS: ReadonlySet<FactName> = new Set<FactName>([
  "apostilleApplies",
  "atHome",
  "inDestination",
  "unhcrRegistersAsylum",
  "ownDestination",
]);
/** A value no rule names: stands for every other value of a fact. */
const OTHER = "\u0000other";
/** Beyond this many steps a rule base is too tangled to check; it is reported, not accepted. */
const MAX_STEPS = 200_000;

export interface Uncovered {
  need: string;
  /** The facts of one combination no rule answers (only the facts the rules read). */
  facts: Partial<Record<FactName, Value>>;
}

export interface CoverageResult {
  uncovered: Uncovered[];
  /** Set when the search gave up (MAX_STEPS). */
  tooComplex: boolean;
}

function domain(fact: FactName, conditions: Condition[]): Value[] {
  const asBoolean = conditions.some((c) => c.fact === fact && (c.op === "isTrue" || c.op === "isFalse"));
  if (BOOLEAN_FACTS.has(fact) || asBoolean) return [true, false, null];
  const values = new Set<string>();
  for (const c of conditions) {
    if (c.fact !== fact || c.value === undefined) continue;
    for (const v of Array.isArray(c.value) ? c.value : [c.value]) values.add(v);
  }
  return [null, ...values, OTHER];
}

/** Whether a rule holds for every value of the facts not yet assigned; false if it cannot hold. */
function decided(rule: Rule, facts: Facts, assigned: ReadonlySet<FactName>): "holds" | "fails" | "open" {
  let open = false;
  for (const c of rule.when) {
    if (!assigned.has(c.fact)) {
      open = true;
      continue;
    }
    if (!test(c, facts)) return "fails";
  }
  return open ? "open" : "holds";
}

/** Checks that every need reaches a rule; lists one uncovered combination per need at most. */
export function ruleCoverage(
  rules: readonly Rule[],
  needs: readonly { id: string; category: string }[],
): CoverageResult {
  const conditions = rules.flatMap((r) => r.when);
  const read = [...new Set(conditions.map((c) => c.fact))].filter(
    (f): f is FactName => f !== "need.id" && f !== "need.category",
  );
  const domains = new Map(read.map((f) => [f, domain(f, conditions)]));
  let steps = 0;
  let tooComplex = false;
  const uncovered: Uncovered[] = [];

  for (const need of needs) {
    // Every fact unknown but the need's own (any fact added later starts unknown too).
    const facts = {
      ...(Object.fromEntries(FACTS.map((f) => [f, null])) as unknown as Facts),
      "need.id": need.id,
      "need.category": need.category,
    };
    const assigned = new Set<FactName>(["need.id", "need.category"]);
    // Rules that can still hold for this need.
    const live = rules.filter((r) => decided(r, facts, assigned) !== "fails");
    const search = (i: number, candidates: readonly Rule[]): Partial<Record<FactName, Value>> | null => {
      if (++steps > MAX_STEPS) {
        tooComplex = true;
        return null;
      }
      const left: Rule[] = [];
      for (const r of candidates) {
        const d = decided(r, facts, assigned);
        if (d === "holds") return null; // answered whatever comes next
        if (d === "open") left.push(r);
      }
      if (i === read.length || left.length === 0) {
        return Object.fromEntries(read.slice(0, i).map((f) => [f, facts[f] === OTHER ? "(any other)" : facts[f]]));
      }
      const fact = read[i]!;
      assigned.add(fact);
      for (const v of domains.get(fact)!) {
        (facts as unknown as Record<string, Value>)[fact] = v;
        const found = search(i + 1, left);
        if (found || tooComplex) {
          assigned.delete(fact);
          return found;
        }
      }
      assigned.delete(fact);
      (facts as unknown as Record<string, Value>)[fact] = null;
      return null;
    };
    const witness = search(0, live);
    if (tooComplex) break;
    if (witness) uncovered.push({ need: need.id, facts: witness });
  }
  return { uncovered, tooComplex };
}

/** One uncovered combination in words: "passport-lost when atHome is false". */
export function describeUncovered(u: Uncovered): string {
  const parts = Object.entries(u.facts).map(([f, v]) => `${f} is ${v === null ? "unknown" : String(v)}`);
  return `need "${u.need}" reaches no rule${parts.length ? ` when ${parts.join(", ")}` : ""}`;
}
