/**
 * The answer card: the office in one bold line, where, why, what it is not, caveats, the rule and
 * the data date. Meaning never rests on colour alone: every section has a word or a sign.
 */
import { own } from "../../model/own.js";
import type { Answer } from "../../engine/answer/classify-need.js";
import { escapeText } from "../../engine/text/escape-controls.js";
import type { Style } from "./style.js";

/** Office kinds in plain words (the card, and the choices `ask` offers when unsure). */
export const OFFICE_LABEL: Record<string, string> = {
  embassy_or_consulate: "embassy or consulate",
  embassy: "embassy",
  permanent_mission: "permanent mission",
  domestic_authority: "domestic authority",
  international_organization: "the organization itself",
  none: "no diplomatic office",
};

/**
 * Words to lines of at most `width` characters (the first line's own indent is the caller's);
 * a word longer than a line is cut, so no line is ever wider than the terminal.
 */
function wrap(text: string, width: number, indent: string): string {
  const words = text.split(/\s+/).flatMap((w) => {
    const parts: string[] = [];
    for (let i = 0; i < w.length; i += Math.max(1, width)) parts.push(w.slice(i, i + Math.max(1, width)));
    return parts.length > 0 ? parts : [w];
  });
  const lines: string[] = [];
  let line = "";
  for (const w of words) {
    if (line && line.length + 1 + w.length > width) {
      lines.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(line);
  return lines.map((l, i) => (i === 0 ? l : indent + l)).join("\n");
}

/** The place the answer stands on, as understood ("Where: Paris (Texas), United States"). */
function basedOn(a: Answer): string | null {
  return a.input.in?.name ? `Where: ${a.input.in.name}` : null;
}

/** The value an answer assumed for a role it was not told. */
function guessedValue(a: Answer, role: NonNullable<Answer["guessed"]>[number]): string {
  const v =
    role === "citizen"
      ? a.input.citizen
      : role === "in"
        ? (a.input.in?.country ?? a.answer?.in)
        : role === "to"
          ? a.input.to
          : a.input.org;
  return escapeText(v ?? "?");
}

export interface CardOptions {
  explain?: boolean;
  width?: number;
}

export function renderCard(a: Answer, s: Style, opts: CardOptions = {}): string {
  const width = Math.max(40, Math.min(opts.width ?? 88, 100)) - 4;
  const lines: string[] = [];
  if (!a.answer || !a.need) {
    const shown = a.input.text.length > 80 ? `${a.input.text.slice(0, 77)}...` : a.input.text;
    lines.push(s.bold(wrap(`Not recognised: ${escapeText(shown)}`, width + 2, "")));
    if (a.alternatives.length > 0) {
      lines.push("Closest needs:");
      for (const alt of a.alternatives) lines.push(`  - ${alt.need}`);
      lines.push(s.dim(`Say one by its id: mission-guide classify ${a.alternatives[0]!.need}`));
    }
    lines.push(s.dim(wrap("Try other words, or list what is known with: mission-guide needs", width + 2, "")));
    return lines.join("\n") + "\n";
  }
  const ans = a.answer;
  lines.push(s.bold(s.green(wrap(`→ ${ans.title}`, width + 2, "  "))));
  const kind = ans.officeType ? ans.officeType.replace(/-/g, " ") : own(OFFICE_LABEL, ans.office);
  const where = [ans.city, kind].filter(Boolean).join(" · ");
  lines.push(`  ${wrap(escapeText(where), width, "  ")}`);
  const c = ans.contact;
  if (c?.address) lines.push(`  ${wrap(`Address: ${escapeText(c.address)}`, width, "  ")}`);
  if (c?.phone) lines.push(`  Phone: ${escapeText(c.phone)}`);
  if (c?.email) lines.push(`  Email: ${escapeText(c.email)}`);
  if (c?.website) lines.push(`  ${wrap(`Web: ${escapeText(c.website)}`, width, "  ")}`);
  lines.push(`  ${wrap(ans.summary, width, "  ")}`);
  const based = basedOn(a);
  if (based) lines.push(`  ${wrap(escapeText(based), width, "  ")}`);
  if (a.citizenships && a.citizenships.length > 1) {
    lines.push("", s.bold("For each of your citizenships"));
    for (const c of a.citizenships) {
      const what = c.title ? `${c.title}${c.city && !c.title.includes(c.city) ? `, ${c.city}` : ""}` : "no answer";
      lines.push(`  • ${wrap(escapeText(`${c.citizen} passport: ${what}`), width, "    ")}`);
    }
  }
  if (a.reasons.length > 0) {
    lines.push("", s.bold("Why"));
    for (const r of a.reasons) lines.push(`  • ${wrap(r, width, "    ")}`);
  }
  if (a.notThis.length > 0) {
    lines.push("", s.bold("Not this"));
    for (const n of a.notThis) {
      lines.push(`  ✗ ${s.red(wrap(n.title, width - 2, "    "))}`);
      lines.push(`    ${wrap(n.why, width - 2, "    ")}`);
    }
  }
  if (a.caveats.length > 0) {
    lines.push("", s.bold("Good to know"));
    for (const c of a.caveats) lines.push(`  ! ${wrap(c, width, "    ")}`);
  }
  if (a.missing.length > 0) {
    lines.push(
      "",
      wrap(`${s.yellow("Would sharpen the answer:")} ${a.missing.map((m) => `--${m}`).join(", ")}`, width + 2, ""),
    );
  }
  if (a.guessed && a.guessed.length > 0) {
    // Roles the words did not state: said as assumed, with the flag that settles each.
    const flags = a.guessed.map((g) => `--${g} ${guessedValue(a, g)}`);
    lines.push(
      "",
      wrap(`${s.yellow("Assumed, not said:")} ${flags.join(", ")}; give the flag if that is wrong.`, width + 2, ""),
    );
  }
  lines.push("");
  lines.push(
    s.dim(wrap(`Need: ${a.need.label} (${a.need.id}, confidence ${a.need.confidence.toFixed(2)})`, width + 2, "  ")),
  );
  if (a.unsure?.includes("need") && a.alternatives.length > 0) {
    // An unsure need says so and offers the other candidates, each as an input that works (a role
    // only guessed is said once, on the "Assumed, not said" line above).
    lines.push("", s.yellow(`Not sure that you mean ${a.need.id}. Did you mean:`));
    for (const alt of a.alternatives)
      lines.push(`  ? ${alt.need}${alt.office ? ` (${OFFICE_LABEL[alt.office]})` : ""}`);
    lines.push(
      s.dim(
        wrap(
          `Say it by its id: mission-guide classify ${a.alternatives[0]!.need} (with the same flags)`,
          width + 2,
          "  ",
        ),
      ),
    );
  }
  const asOf =
    a.sources
      .map((x) => x.asOf)
      .sort()
      .at(-1) ?? "";
  lines.push(s.dim(wrap(`Rule: ${a.rule} · data as of ${asOf}`, width + 2, "  ")));
  if (opts.explain) {
    lines.push("", s.bold("Rule trace"));
    for (const t of a.trace) {
      lines.push(`  ${t.passed ? "✓" : "✗"} ${t.rule}`);
      for (const c of t.conditions) {
        const v = c.value === undefined ? "" : ` ${Array.isArray(c.value) ? `[${c.value.join(", ")}]` : c.value}`;
        lines.push(`      ${c.passed ? "✓" : "✗"} ${c.fact} ${c.op}${v} (is ${String(c.actual)})`);
      }
    }
    lines.push("", s.bold("Sources"));
    for (const src of a.sources) lines.push(`  - ${src.title} (as of ${src.asOf})`, `    ${src.url}`);
  }
  return lines.join("\n") + "\n";
}
