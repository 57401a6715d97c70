/** `explain` and `compare`: what office types are and do. */
import type { OfficeType } from "../../model/data-schemas.js";
import { resolveOfficeType } from "../../engine/lookup/resolve-names.js";
import { out, outJson } from "../output.js";
import { paragraphTable, widths } from "../renderers/table.js";
import { knowledge, lookup, style, width, type GlobalOptions } from "./command-context.js";

function card(t: OfficeType, bold: (s: string) => string): string {
  const lines = [bold(`${t.name} (${t.id})`), `  ${t.represents}`];
  if (t.head) lines.push(`  Headed by: ${t.head}`);
  if (t.where) lines.push(`  Where: ${t.where}`);
  lines.push("", bold("  Does"));
  for (const d of t.does) lines.push(`    + ${d}`);
  lines.push("", bold("  Does not"));
  for (const d of t.doesNot) lines.push(`    - ${d}`);
  if (t.staff?.length) lines.push("", `  Staff: ${t.staff.join("; ")}`);
  if (t.hubs?.length) lines.push(`  Hubs: ${t.hubs.join(", ")}`);
  if (t.legalBasis) lines.push(`  Legal basis: ${t.legalBasis}`);
  if (t.example) lines.push(`  Example: ${t.example}`);
  lines.push(`  Source: ${t.source.title} — ${t.source.url} (as of ${t.asOf})`);
  return lines.join("\n") + "\n";
}

export async function runExplain(type: string, flags: GlobalOptions): Promise<number> {
  const k = await knowledge(flags);
  const t = lookup(() => resolveOfficeType(k, type));
  if (flags.json) outJson({ schemaVersion: 1, officeType: t });
  else out(card(t, (await style(flags)).bold));
  return 0;
}

export async function runCompare(a: string | undefined, b: string | undefined, flags: GlobalOptions): Promise<number> {
  const k = await knowledge(flags);
  const x = lookup(() => resolveOfficeType(k, a ?? "embassy"));
  const y = lookup(() => resolveOfficeType(k, b ?? "permanent-mission"));
  if (flags.json) {
    outJson({ schemaVersion: 1, compare: [x, y] });
    return 0;
  }
  const list = (items: string[] | undefined): string => (items ?? []).map((i) => `• ${i}`).join("\n");
  out(
    paragraphTable(
      ["", x.name, y.name],
      [
        ["Represents", x.represents, y.represents],
        ["Headed by", x.head ?? "-", y.head ?? "-"],
        ["Where", x.where ?? "-", y.where ?? "-"],
        ["Does", list(x.does), list(y.does)],
        ["Does not", list(x.doesNot), list(y.doesNot)],
        ["Legal basis", x.legalBasis ?? "-", y.legalBasis ?? "-"],
      ],
      widths(width(), [2, 5, 5]),
    ),
  );
  return 0;
}
