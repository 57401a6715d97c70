/** The decision graph and its Mermaid and Graphviz renderings. */
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { NEED_CATEGORIES, OFFICE_KINDS, type Condition, type Rule } from "../../src/model/data-schemas.js";
import {
  decisionGraph,
  describeCondition,
  dot,
  dotString,
  mermaid,
  mermaidText,
} from "../../src/cli/renderers/rules-diagram.js";
import { K } from "../support/knowledge.js";

const categoryOf = (id: string): string | undefined => K.needById.get(id)?.need.category;
const GRAPH = decisionGraph(K.rules, NEED_CATEGORIES, OFFICE_KINDS, categoryOf);
const HAS_DOT = spawnSync("dot", ["-V"]).status === 0;

/** A rule with a condition value full of characters that break diagram syntax. */
const NASTY: Rule = {
  ...K.rules[0]!,
  id: "nasty-rule",
  when: [{ fact: "need.id", op: "in", value: ['say "hi"', "a<b>c", "#1; end", "back\\slash", "x -->y"] }],
};

describe("describeCondition", () => {
  it.each<[Condition, string]>([
    [{ fact: "need.category", op: "eq", value: "consular" }, "need.category = consular"],
    [{ fact: "need.id", op: "ne", value: "asylum" }, "need.id ≠ asylum"],
    [{ fact: "need.category", op: "in", value: ["visa", "legalisation"] }, "need.category in (visa, legalisation)"],
    [{ fact: "to", op: "notIn", value: ["CH"] }, "to not in (CH)"],
    [{ fact: "citizen", op: "known" }, "citizen is known"],
    [{ fact: "org", op: "unknown" }, "org is unknown"],
    [{ fact: "atHome", op: "isTrue" }, "atHome is true"],
    [{ fact: "inDestination", op: "isFalse" }, "inDestination is false"],
  ])("%j → %s", (c, text) => {
    expect(describeCondition(c)).toBe(text);
  });
});

describe("decisionGraph", () => {
  it("has every category, rule and office kind, rules in order", () => {
    expect(GRAPH.categories).toEqual([...NEED_CATEGORIES]);
    expect(GRAPH.offices).toEqual([...OFFICE_KINDS]);
    expect(GRAPH.rules.map((r) => r.id)).toEqual(K.rules.map((r) => r.id));
    expect(GRAPH.rules.map((r) => r.order)).toEqual(K.rules.map((_r, i) => i + 1));
  });

  it("links each rule from the categories whose needs can reach it", () => {
    for (const r of GRAPH.rules) expect(r.from.length, r.id).toBeGreaterThan(0);
    const byId = new Map(GRAPH.rules.map((r) => [r.id, r]));
    expect(byId.get("consular-abroad")?.from).toEqual(["consular"]);
    expect(byId.get("visa-from-abroad")?.from).toEqual(["visa", "legalisation"]);
    // A rule on a need id is reached from that need's category.
    expect(byId.get("apostille-issuing-state")?.from).toEqual([categoryOf("apostille")]);
  });

  it("reaches every office kind", () => {
    expect(new Set(GRAPH.rules.map((r) => r.office))).toEqual(new Set(OFFICE_KINDS));
  });

  it("narrows categories by ne, notIn and unknown", () => {
    const base = K.rules[0]!;
    const from = (when: Condition[]): string[] =>
      decisionGraph([{ ...base, when }], NEED_CATEGORIES, OFFICE_KINDS, categoryOf).rules[0]!.from;
    expect(from([{ fact: "need.category", op: "ne", value: "none" }])).not.toContain("none");
    expect(from([{ fact: "need.category", op: "notIn", value: ["visa", "none"] }])).toHaveLength(
      NEED_CATEGORIES.length - 2,
    );
    expect(from([{ fact: "need.category", op: "unknown" }])).toEqual([]);
    expect(from([{ fact: "atHome", op: "isTrue" }])).toEqual([...NEED_CATEGORIES]);
  });
});

describe("mermaid", () => {
  const text = mermaid(GRAPH);

  it("is a flowchart with a node per category, rule and office, and quoted labels", () => {
    expect(text.startsWith("flowchart LR\n")).toBe(true);
    for (const r of K.rules) expect(text).toContain(`["${GRAPH.rules.find((g) => g.id === r.id)!.order}. ${r.id}`);
    const nodes = text.split("\n").filter((l) => /^\s+[CRO]_\w+[[(]/.test(l));
    expect(nodes).toHaveLength(NEED_CATEGORIES.length + K.rules.length + OFFICE_KINDS.length);
    for (const n of nodes) expect(n).toMatch(/^\s+[CRO]_\w+(\(\[|\[\[|\[)"[^"]*"(\]\)|\]\]|\])$/);
  });

  it("has one edge into each rule per category and one out to its office", () => {
    const edges = text.split("\n").filter((l) => l.includes(" --> "));
    const expected = GRAPH.rules.reduce((n, r) => n + r.from.length + 1, 0);
    expect(edges).toHaveLength(expected);
    for (const e of edges) expect(e).toMatch(/^ {2}[CR]_\w+ --> [RO]_\w+$/);
  });

  it("escapes characters that would end or break a label", () => {
    expect(mermaidText('a "b" <c> #d')).toBe("a #quot;b#quot; #lt;c#gt; #35;d");
    const nasty = mermaid(decisionGraph([NASTY], NEED_CATEGORIES, OFFICE_KINDS, () => undefined));
    const line = nasty.split("\n").find((l) => l.includes("nasty-rule"))!;
    expect(line.replace(/<br\/>/g, " ")).toMatch(/^\s+R_nasty_rule\["[^"<>]*"\]$/);
    expect(line).toContain("say #quot;hi#quot;");
    expect(line).not.toContain("-->");
  });
});

describe("dot", () => {
  const text = dot(GRAPH);

  it("is a digraph with clusters, nodes and edges", () => {
    expect(text.startsWith("digraph rules {\n")).toBe(true);
    expect(text.trimEnd().endsWith("}")).toBe(true);
    expect(text.split("{").length).toBe(text.split("}").length);
    for (const c of ["categories", "rules", "offices"]) expect(text).toContain(`subgraph cluster_${c} {`);
    const edges = text.split("\n").filter((l) => l.includes(" -> "));
    expect(edges).toHaveLength(GRAPH.rules.reduce((n, r) => n + r.from.length + 1, 0));
    expect(text).toContain('"category:consular" -> "rule:consular-abroad";');
    expect(text).toContain('"rule:consular-abroad" -> "office:embassy_or_consulate";');
  });

  it("escapes quotes and backslashes", () => {
    expect(dotString('say "hi" \\ now')).toBe('"say \\"hi\\" \\\\ now"');
  });

  it.skipIf(!HAS_DOT)("parses with Graphviz dot, the nasty labels too", () => {
    for (const g of [text, dot(decisionGraph([NASTY], NEED_CATEGORIES, OFFICE_KINDS, () => undefined))]) {
      const r = spawnSync("dot", ["-Tcanon"], { input: g, encoding: "utf8" });
      expect(r.stderr).toBe("");
      expect(r.status).toBe(0);
      expect(r.stdout).toContain("digraph rules");
    }
  });
});
