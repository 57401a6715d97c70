/**
 * A worker thread of a long `classify --stdin` (commands/batch-pool.ts): loads the knowledge as
 * the process does, then answers each chunk of lines it is sent with the batch loop's own line
 * answerer, and sends back the answers as bytes, in order, with the counts.
 */
import { parentPort, workerData } from "node:worker_threads";
import { loadKnowledge } from "../store/knowledge-store.js";
import { lineAnswerer, type BatchStats, type PoolItem } from "./commands/batch.js";
import type { WorkerSetup } from "./commands/batch-pool.js";

async function serve(): Promise<void> {
  const setup = workerData as WorkerSetup;
  const port = parentPort!;
  const k = await loadKnowledge(setup.overlay);
  const answerer = lineAnswerer(k, setup.defaults, { explain: setup.explain });
  port.on("message", ({ id, items }: { id: number; items: PoolItem[] }) => {
    try {
      const stats: BatchStats = { lines: 0, answered: 0, unrecognised: 0, malformed: 0, failed: 0 };
      const parts: (string | Buffer)[] = [];
      let bytes = 0;
      const emit = (text: string, body?: Buffer): void => {
        parts.push(text);
        bytes += Buffer.byteLength(text);
        if (body) {
          parts.push(body);
          bytes += body.length;
        }
      };
      for (const item of items) {
        if ("done" in item) emit(item.done);
        else answerer.answer(item.n, item.line, emit, stats);
      }
      const out = Buffer.allocUnsafeSlow(bytes);
      let pos = 0;
      for (const p of parts) pos += typeof p === "string" ? out.write(p, pos, "utf8") : p.copy(out, pos);
      const { lines: _lines, ...counts } = stats;
      void _lines;
      const view = new Uint8Array(out.buffer, out.byteOffset, pos);
      port.postMessage({ id, bytes: view, stats: counts }, [out.buffer]);
    } catch (e) {
      port.postMessage({ id, error: e instanceof Error ? e.message : String(e) });
    }
  });
}

void serve();
