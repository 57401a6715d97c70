/**
 * A ratchet on the combined reading (rules + need model): leave-one-corpus-out on two corpora (one
 * written for the tests, one in a language the rules do not read), each tested by a model trained on
 * all the other phrasings, through `classify` itself. Fails when the office-kind figure drops more
 * than half a point below the committed one (test/engine/need-model-loco.json); when it rises, raise
 * the committed figure. The full report is `npm run eval`.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const committed = JSON.parse(readFileSync(new URL("./need-model-loco.json", import.meta.url), "utf8")) as {
  folds: string[];
  combinedOffice: Record<string, number>;
};

describe("need model, leave-one-corpus-out ratchet", () => {
  it("keeps the combined office-kind figure on its corpora", { timeout: 240_000 }, () => {
    const out = join(mkdtempSync(join(tmpdir(), "need-model-loco-")), "loco.json");
    execFileSync(process.execPath, ["scripts/eval.mjs", "--folds", committed.folds.join(","), "--json", out], {
      stdio: ["ignore", "ignore", "inherit"],
    });
    const got = JSON.parse(readFileSync(out, "utf8")) as { corpora: Record<string, { combinedOffice: number }> };
    for (const [corpus, figure] of Object.entries(committed.combinedOffice)) {
      const now = got.corpora[corpus]!.combinedOffice;
      if (now > figure + 0.5) console.log(`${corpus}: combined office ${now} % > committed ${figure} %: raise it`);
      expect(now, `${corpus}: combined office-kind figure`).toBeGreaterThanOrEqual(figure - 0.5);
    }
  });
});
