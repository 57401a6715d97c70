/** `needs`: the catalogue of needs the engine recognises, with the office each goes to. */
import { NEED_CATEGORIES } from "../../model/vocabularies.js";
import { closest } from "../../engine/text/word-matcher.js";
import { listNeeds } from "../../engine/lookup/reference-lists.js";
import { UsageError } from "../cli-errors.js";
import { out, outJson } from "../output.js";
import { table, widths } from "../renderers/table.js";
import { knowledge, width, type GlobalOptions } from "./command-context.js";

export interface NeedsFlags extends GlobalOptions {
  category?: string;
}

export async function run(flags: NeedsFlags): Promise<number> {
  const k = await knowledge(flags);
  const category = flags.category?.trim().toLowerCase();
  if (category && !(NEED_CATEGORIES as readonly string[]).includes(category)) {
    const suggestions = closest(
      category,
      NEED_CATEGORIES.map((c) => [c, c] as [string, string]),
    );
    throw new UsageError(
      `Unknown category ${JSON.stringify(flags.category)}: use one of ${NEED_CATEGORIES.join(", ")}.`,
      "unknown-category",
      suggestions,
    );
  }
  const needs = listNeeds(k, category);
  if (flags.json) {
    outJson({ schemaVersion: 1, needs });
    return 0;
  }
  out(
    await table(
      ["Need", "What", "Category", "Office"],
      needs.map((n) => [
        n.id,
        n.label,
        n.category,
        n.officeAtHome ? `${n.office} (abroad); ${n.officeAtHome} (at home)` : n.office,
      ]),
      widths(width(), [28, 19, 14, 22]),
    ),
  );
  out(`${needs.length} needs. Classify one with: mission-guide classify "lost my passport" --citizen CA --in Geneva`);
  return 0;
}
