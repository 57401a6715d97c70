/**
 * Rule evaluation: ordered, declarative rules over a closed set of facts and operators. The first
 * rule whose conditions all hold decides; the trace records every condition tried.
 */
import type { Condition, Rule } from "../../model/data-schemas.js";
import type { RuleTrace } from "../../model/output-schemas.js";

export interface Facts {
  /** Whether the Apostille Convention applies between the document's state and the destination. */
  apostilleApplies: boolean | null;
  "need.id": string | null;
  "need.category": string | null;
  citizen: string | null;
  in: string | null;
  to: string | null;
  org: string | null;
  atHome: boolean | null;
  inDestination: boolean | null;
  /** Whether UNHCR, not the state, registers asylum seekers where the person is. */
  unhcrRegistersAsylum: boolean | null;
  /** Whether the destination is a state whose nationality the person holds (any of several). */
  ownDestination: boolean | null;
}

export type { ConditionTrace, RuleTrace } from "../../model/output-schemas.js";

/** Tests one condition against the facts. Unknown operators cannot occur: the schema closes them. */
export function test(cond: Condition, facts: Facts): boolean {
  const actual = facts[cond.fact];
  const v = cond.value;
  switch (cond.op) {
    case "eq":
      return actual === v;
    case "ne":
      return actual !== v;
    case "in":
      return Array.isArray(v) && typeof actual === "string" && v.includes(actual);
    case "notIn":
      return !(Array.isArray(v) && typeof actual === "string" && v.includes(actual));
    case "known":
      return actual !== null;
    case "unknown":
      return actual === null;
    case "isTrue":
      return actual === true;
    case "isFalse":
      return actual === false;
  }
}

/** Evaluates the rules in order; returns the first that holds (or null) and the trace up to it. */
export function evaluate(rules: readonly Rule[], facts: Facts): { rule: Rule | null; trace: RuleTrace[] } {
  const trace: RuleTrace[] = [];
  for (const rule of rules) {
    const conditions = rule.when.map((c) => ({
      fact: c.fact,
      op: c.op,
      ...(c.value === undefined ? {} : { value: c.value }),
      actual: facts[c.fact],
      passed: test(c, facts),
    }));
    const passed = conditions.every((c) => c.passed);
    trace.push({ rule: rule.id, passed, conditions });
    if (passed) return { rule, trace };
  }
  return { rule: null, trace };
}
