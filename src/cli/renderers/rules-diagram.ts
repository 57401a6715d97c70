/**
 * The rule base as a decision graph — need categories → rules (their conditions) → office kinds —
 * rendered as a Mermaid flowchart or a Graphviz digraph. Pure: data in, text out.
 */
import type { Condition, Rule } from "../../model/data-schemas.js";

interface GraphRule {
  /** Position in the rule base, from 1: rules are tried in this order. */
  order: number;
  id: string;
  conditions: string[];
  office: string;
  /** The need categories whose needs can reach this rule. */
  from: string[];
}

export interface DecisionGraph {
  categories: string[];
  rules: GraphRule[];
  offices: string[];
}

function list(v: Condition["value"]): string[] {
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

/** A condition as a person reads it: "need.category = consular", "atHome is true". */
export function describeCondition(c: Condition): string {
  const v = list(c.value);
  switch (c.op) {
    case "eq":
      return `${c.fact} = ${v.join(", ")}`;
    case "ne":
      return `${c.fact} ≠ ${v.join(", ")}`;
    case "in":
      return `${c.fact} in (${v.join(", ")})`;
    case "notIn":
      return `${c.fact} not in (${v.join(", ")})`;
    case "known":
      return `${c.fact} is known`;
    case "unknown":
      return `${c.fact} is unknown`;
    case "isTrue":
      return `${c.fact} is true`;
    case "isFalse":
      return `${c.fact} is false`;
  }
}

/** The categories whose needs can satisfy a rule's conditions on the need. */
function reachingCategories(
  rule: Rule,
  categories: readonly string[],
  categoryOf: (need: string) => string | undefined,
): string[] {
  let set = new Set(categories);
  const keep = (allowed: string[]): void => {
    set = new Set([...set].filter((c) => allowed.includes(c)));
  };
  for (const c of rule.when) {
    const v = list(c.value);
    if (c.fact === "need.category") {
      if (c.op === "eq" || c.op === "in") keep(v);
      else if (c.op === "ne" || c.op === "notIn") keep(categories.filter((x) => !v.includes(x)));
      else if (c.op === "unknown") keep([]);
    } else if (c.fact === "need.id") {
      if (c.op === "eq" || c.op === "in") keep(v.map(categoryOf).filter((x): x is string => x !== undefined));
      else if (c.op === "unknown") keep([]);
    }
  }
  return categories.filter((c) => set.has(c));
}

/**
 * The decision graph of a rule base. `categoryOf` gives a need id's category (for rules that name
 * a need); every category and office kind is a node, whether or not a rule reaches it.
 */
export function decisionGraph(
  rules: readonly Rule[],
  categories: readonly string[],
  offices: readonly string[],
  categoryOf: (need: string) => string | undefined,
): DecisionGraph {
  return {
    categories: [...categories],
    offices: [...offices],
    rules: rules.map((r, i) => ({
      order: i + 1,
      id: r.id,
      conditions: r.when.map(describeCondition),
      office: r.outcome.office,
      from: reachingCategories(r, categories, categoryOf),
    })),
  };
}

const TITLES = {
  categories: "Need category",
  rules: "Rules, tried in order: the first whose conditions all hold decides",
  offices: "Office",
};

/** Mermaid node ids: letters, digits and underscores only, prefixed so none is a keyword ("end"). */
function mid(prefix: string, id: string): string {
  return `${prefix}_${id.replace(/[^A-Za-z0-9]/g, "_")}`;
}

/** Text for a quoted Mermaid label: quotes, angle brackets and # become entity codes. */
export function mermaidText(s: string): string {
  return s
    .replace(/#/g, "#35;")
    .replace(/"/g, "#quot;")
    .replace(/</g, "#lt;")
    .replace(/>/g, "#gt;")
    .replace(/[\r\n]+/g, " ");
}

/** The decision graph as a Mermaid flowchart, left to right. */
export function mermaid(g: DecisionGraph): string {
  const l = (parts: string[]): string => `"${parts.map(mermaidText).join("<br/>")}"`;
  const lines = ["flowchart LR"];
  lines.push(`  subgraph categories["${mermaidText(TITLES.categories)}"]`);
  for (const c of g.categories) lines.push(`    ${mid("C", c)}([${l([c])}])`);
  lines.push("  end");
  lines.push(`  subgraph rules["${mermaidText(TITLES.rules)}"]`);
  for (const r of g.rules) lines.push(`    ${mid("R", r.id)}[${l([`${r.order}. ${r.id}`, ...r.conditions])}]`);
  lines.push("  end");
  lines.push(`  subgraph offices["${mermaidText(TITLES.offices)}"]`);
  for (const o of g.offices) lines.push(`    ${mid("O", o)}[[${l([o])}]]`);
  lines.push("  end");
  for (const r of g.rules) for (const c of r.from) lines.push(`  ${mid("C", c)} --> ${mid("R", r.id)}`);
  for (const r of g.rules) lines.push(`  ${mid("R", r.id)} --> ${mid("O", r.office)}`);
  return lines.join("\n") + "\n";
}

/** A double-quoted DOT string. */
export function dotString(s: string): string {
  return `"${s
    .replace(/\\/g, "\\\\")
    .replace(/"/g, '\\"')
    .replace(/[\r\n]+/g, " ")}"`;
}

/** The decision graph as a Graphviz digraph, left to right. */
export function dot(g: DecisionGraph): string {
  const label = (parts: string[]): string => parts.map((p) => dotString(p).slice(1, -1)).join("\\n");
  const node = (kind: string, id: string): string => dotString(`${kind}:${id}`);
  const lines = [
    "digraph rules {",
    "  rankdir=LR;",
    '  node [fontname="Helvetica", fontsize=11];',
    '  edge [color="#555555"];',
    "  subgraph cluster_categories {",
    `    label=${dotString(TITLES.categories)};`,
  ];
  for (const c of g.categories)
    lines.push(`    ${node("category", c)} [label=${dotString(c)}, shape=box, style=rounded];`);
  lines.push("  }", "  subgraph cluster_rules {", `    label=${dotString(TITLES.rules)};`);
  for (const r of g.rules) {
    lines.push(`    ${node("rule", r.id)} [label="${label([`${r.order}. ${r.id}`, ...r.conditions])}", shape=box];`);
  }
  lines.push("  }", "  subgraph cluster_offices {", `    label=${dotString(TITLES.offices)};`);
  for (const o of g.offices) lines.push(`    ${node("office", o)} [label=${dotString(o)}, shape=box, style=bold];`);
  lines.push("  }");
  for (const r of g.rules) for (const c of r.from) lines.push(`  ${node("category", c)} -> ${node("rule", r.id)};`);
  for (const r of g.rules) lines.push(`  ${node("rule", r.id)} -> ${node("office", r.office)};`);
  lines.push("}");
  return lines.join("\n") + "\n";
}
