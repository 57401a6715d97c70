/** The rule evaluator on a small made-up rule base (test/support/fixture-rules.ts). */
import { describe, expect, it } from "vitest";
import { evaluate } from "../../src/engine/decide/rule-evaluator.js";
import { FIXTURE_RULES, facts } from "../support/fixture-rules.js";

const decide = (known: Parameters<typeof facts>[0]) => evaluate(FIXTURE_RULES, facts(known));

describe("evaluate", () => {
  it("takes the first rule whose conditions all hold", () => {
    const r = decide({ "need.id": "apostille", "need.category": "legalisation", apostilleApplies: true });
    expect(r.rule?.id).toBe("apostille");
    expect(r.trace).toHaveLength(1);
  });

  it("tries the rules in order and records every condition tried", () => {
    const r = decide({ "need.category": "consular", atHome: false, citizen: "CA", in: "CH" });
    expect(r.rule?.id).toBe("abroad");
    expect(r.trace.map((t) => [t.rule, t.passed])).toEqual([
      ["apostille", false],
      ["multilateral", false],
      ["at-home", false],
      ["abroad", true],
    ]);
    expect(r.trace[2]!.conditions).toEqual([
      { fact: "need.category", op: "eq", value: "consular", actual: "consular", passed: true },
      { fact: "atHome", op: "isTrue", actual: false, passed: false },
    ]);
  });

  it("reads each operator", () => {
    expect(decide({ "need.category": "multilateral", org: "wto" }).rule?.id).toBe("multilateral"); // in, known
    expect(decide({ "need.category": "multilateral" }).rule).toBeNull(); // known fails on null
    expect(decide({ "need.category": "consular", atHome: true }).rule?.id).toBe("at-home"); // eq, isTrue
    expect(decide({ "need.category": "consular", atHome: false, citizen: "XX" }).rule).toBeNull(); // ne
    expect(decide({ "need.category": "visa" }).rule?.id).toBe("nothing-known"); // unknown, notIn
    expect(decide({ "need.category": "visa", in: "CH" }).rule).toBeNull();
  });

  it("treats an unknown yes/no fact as neither yes nor no", () => {
    const r = decide({ "need.category": "consular" });
    expect(r.rule).toBeNull();
    expect(r.trace.find((t) => t.rule === "abroad")!.conditions[1]).toMatchObject({ op: "isFalse", passed: false });
  });

  it("answers nothing, with the whole trace, when no rule holds", () => {
    const r = decide({ "need.category": "consular", atHome: false, citizen: "XX" });
    expect(r.rule).toBeNull();
    expect(r.trace).toHaveLength(FIXTURE_RULES.length);
  });
});
