/**
 * Rule evaluation: ordered, declarative rules over a closed set of facts and operators. The first
 * rule whose conditions all hold decides; the trace records every condition tried.
 */
import type { Condition, Rule } from "../../model/data-schemas.js";
import type { RuleTrace } from "../../model/output-schemas.js";
import type { FactName, YES_NO_FACTS } from "../../model/vocabularies.js";

/** What a rule is evaluated against: every fact of FACTS, a yes/no or a code, or null when unknown. */
export type Facts = {
  [F in FactName]: (F extends (typeof YES_NO_FACTS)[number] ? boolean : string) | null;
};

export type { RuleTrace } from "../../model/output-schemas.js";

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
