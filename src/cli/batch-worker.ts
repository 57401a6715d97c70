/**
 * A worker thread of a long `classify --stdin` (commands/batch-pool.ts): loads the knowledge as
 * the process does, then answers each chunk of lines it is sent with the batch loop's own line
 * answerer, and sends back the answers as bytes, in order, with the counts.
 */
import { parentPort, workerData } from "node:worker_threads";
import { loadKnowledge } from "../store/knowledge-store.js";
import { answerChunk, lineAnswerer, type PoolItem } from "./commands/batch.js";
import type { WorkerSetup } from "./commands/batch-pool.js";

async function serve(): Promise<void> {
  const setup = workerData as WorkerSetup;
  const port = parentPort!;
  const k = await loadKnowledge(setup.overlay);
  const answerer = lineAnswerer(k, setup.defaults, { explain: setup.explain });
  port.on("message", ({ id, items }: { id: number; items: PoolItem[] }) => {
    try {
      const { bytes, stats } = answerChunk(answerer, items);
      port.postMessage({ id, bytes, stats }, [bytes.buffer as ArrayBuffer]);
    } catch (e) {
      port.postMessage({ id, error: e instanceof Error ? e.message : String(e) });
    }
  });
}

void serve();
