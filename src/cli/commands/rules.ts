/** `rules`: the rule base as a table or JSON, or the decision graph as a Mermaid or Graphviz diagram. */
import { NEED_CATEGORIES, OFFICE_KINDS } from "../../model/vocabularies.js";
import type { Knowledge } from "../../engine/knowledge/knowledge-type.js";
import { UsageError } from "../cli-errors.js";
import { out, outJson } from "../output.js";
import { decisionGraph, describeCondition, dot, mermaid, type DecisionGraph } from "../renderers/rules-diagram.js";
import { table } from "../renderers/table.js";
import { knowledge, width, type GlobalOptions } from "./command-context.js";

export const RULE_FORMATS = ["table", "json", "mermaid", "dot"] as const;

export interface RulesFlags extends GlobalOptions {
  format?: string;
}

export function graphOf(k: Knowledge): DecisionGraph {
  return decisionGraph(k.rules, NEED_CATEGORIES, OFFICE_KINDS, (id) => k.needById.get(id)?.need.category);
}

export async function run(flags: RulesFlags): Promise<number> {
  const format = flags.format ?? (flags.json ? "json" : "table");
  if (!(RULE_FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(
      `Unknown format ${JSON.stringify(format)}: use one of ${RULE_FORMATS.join(", ")}.`,
      "unknown-format",
    );
  }
  if (flags.json && format !== "json") {
    throw new UsageError(
      `--json and --format ${format} ask for different outputs: pass one of them.`,
      "conflicting-options",
    );
  }
  const k = await knowledge(flags);
  switch (format) {
    case "json":
      outJson({ schemaVersion: 1, asOf: k.data.rules.asOf, rules: k.rules });
      return 0;
    case "mermaid":
      out(mermaid(graphOf(k)));
      return 0;
    case "dot":
      out(dot(graphOf(k)));
      return 0;
  }
  // Ids are never wrapped (cli-table3 would cut them): their columns fit them, conditions take the rest.
  const rows = k.rules.map((r, i) => [
    String(i + 1),
    r.id,
    r.when.map(describeCondition).join("\n"),
    [r.outcome.office, `of: ${r.outcome.of}`, `place: ${r.outcome.place}`].join("\n"),
  ]);
  const fit = (col: number): number => Math.max(...rows.flatMap((r) => r[col]!.split("\n").map((l) => l.length))) + 2;
  const fixed = [fit(0), fit(1), fit(3)];
  const longestWord = Math.max(...rows.flatMap((r) => r[2]!.split(/\s+/).map((w) => w.length))) + 2;
  const rest = Math.max(22, longestWord, width() - 5 - fixed.reduce((a, b) => a + b, 0));
  out(
    await table(["#", "Rule", "Conditions (all must hold)", "Office"], rows, [fixed[0]!, fixed[1]!, rest, fixed[2]!]),
  );
  out(
    `${k.rules.length} rules, tried in order: the first whose conditions all hold decides. Data as of ${k.data.rules.asOf}.\n` +
      "As a diagram: mission-guide rules --format mermaid (or --format dot | dot -Tsvg > rules.svg)",
  );
  return 0;
}
