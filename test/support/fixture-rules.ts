/**
 * A small rule base for unit tests of the rule evaluator: made up for the tests, so that editing
 * data/rules.json never breaks them. Each rule exercises one operator.
 */
import type { Rule } from "../../src/model/data-schemas.js";
import type { Facts } from "../../src/engine/decide/rule-evaluator.js";

const base = {
  summary: "Go to {title}.",
  reasons: [] as string[],
  notThis: [],
  caveats: [] as string[],
  source: { title: "test fixture", url: "https://example.org/fixture" },
  asOf: "2026-01-01",
};

export const FIXTURE_RULES: Rule[] = [
  {
    ...base,
    id: "apostille",
    description: "an apostille where the convention applies",
    when: [
      { fact: "need.id", op: "eq", value: "apostille" },
      { fact: "apostilleApplies", op: "isTrue" },
    ],
    outcome: { office: "domestic_authority", of: "citizen", place: "citizen" },
  },
  {
    ...base,
    id: "multilateral",
    description: "a multilateral matter, the organization known",
    when: [
      { fact: "need.category", op: "in", value: ["multilateral"] },
      { fact: "org", op: "known" },
    ],
    outcome: { office: "permanent_mission", of: "citizen", place: "org-seat" },
  },
  {
    ...base,
    id: "at-home",
    description: "a consular need at home",
    when: [
      { fact: "need.category", op: "eq", value: "consular" },
      { fact: "atHome", op: "isTrue" },
    ],
    outcome: { office: "domestic_authority", of: "citizen", place: "citizen" },
  },
  {
    ...base,
    id: "abroad",
    description: "a consular need abroad, or where unknown",
    when: [
      { fact: "need.category", op: "eq", value: "consular" },
      { fact: "atHome", op: "isFalse" },
      { fact: "citizen", op: "ne", value: "XX" },
    ],
    outcome: { office: "embassy_or_consulate", of: "citizen", place: "in" },
  },
  {
    ...base,
    id: "nothing-known",
    description: "no place given",
    when: [
      { fact: "in", op: "unknown" },
      { fact: "need.category", op: "notIn", value: ["multilateral", "consular"] },
    ],
    outcome: { office: "none", of: "none", place: "none" },
  },
];

/** Facts with nothing known, to be overridden per test. */
export function facts(known: Partial<Facts> = {}): Facts {
  return {
    apostilleApplies: null,
    "need.id": null,
    "need.category": null,
    citizen: null,
    in: null,
    to: null,
    org: null,
    atHome: null,
    inDestination: null,
    unhcrRegistersAsylum: null,
    ownDestination: null,
    ...known,
  };
}
