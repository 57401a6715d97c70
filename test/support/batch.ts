/** Runs the batch loop (`classify --stdin`) in-process over given chunks of input, as a pipe would deliver them. */
import { batchStatus, runBatch, type BatchOptions } from "../../src/cli/commands/batch.js";
import { K } from "./knowledge.js";

export async function batchOver(chunks: readonly (Buffer | string)[], options: BatchOptions = {}) {
  const written: Buffer[] = [];
  const stats = await runBatch(
    K,
    (async function* () {
      yield* chunks;
    })(),
    (b, done) => (written.push(Buffer.from(b)), done(), true),
    async () => undefined,
    {},
    () => false,
    options,
  );
  const text = Buffer.concat(written).toString("utf8");
  return { text, out: text.split("\n").filter(Boolean), stats, status: batchStatus(stats) };
}
