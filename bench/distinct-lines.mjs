// Distinct input lines for the batch benchmark: every phrasing in data/phrasings/, each in several
// wordings (a greeting before, a closing after), no two lines equal, so that no line is answered
// from the batch's answer cache. Deterministic: the same data gives the same lines.
// Usage: node bench/distinct-lines.mjs [count] > file   (default 24000)
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));

const BEFORE = ["", "Hi, ", "Hello. ", "Quick question: ", "Please help: ", "Urgent: ", "Hey — "];
const AFTER = ["", " Thanks.", " Thank you!", " Any advice?", " Cheers", " (asking for my family)", " Help"];

/** `count` distinct lines (fewer only if the phrasings run out of wordings). */
export function distinctLines(count = 24_000) {
  const dir = `${root}data/phrasings`;
  const texts = [];
  for (const file of readdirSync(dir).sort()) {
    if (!file.endsWith(".json")) continue;
    for (const p of JSON.parse(readFileSync(`${dir}/${file}`, "utf8")).phrasings) {
      const text = p.text.replace(/\s+/g, " ").trim();
      if (text !== "") texts.push(text);
    }
  }
  const seen = new Set();
  const lines = [];
  // Round by round: every phrasing as written, then each with its next wording, and so on.
  for (let round = 0; lines.length < count && round < BEFORE.length * AFTER.length; round++) {
    for (let i = 0; i < texts.length && lines.length < count; i++) {
      // A different pairing per phrasing, so each round mixes greetings and closings.
      const b = BEFORE[(round + i) % BEFORE.length];
      const a = AFTER[(round + Math.floor(round / BEFORE.length) + i * 3) % AFTER.length];
      const line = b + texts[i] + a;
      if (seen.has(line)) continue;
      seen.add(line);
      lines.push(line);
    }
  }
  return lines;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const lines = distinctLines(Number(process.argv[2]) || undefined);
  process.stdout.write(lines.join("\n") + "\n");
}
