/**
 * Worker threads for a long `classify --stdin`: each loads the knowledge and answers chunks of
 * lines with the same code as the batch loop (batch-worker.ts); the loop writes their answers in
 * the order the chunks went out. Only a batch that has gone on for a while asks for them
 * (batch.ts, PARALLEL_AFTER): starting a thread costs about as much as a one-shot command.
 */
import { availableParallelism, loadavg } from "node:os";
import { Worker } from "node:worker_threads";
import type { ClassifyOptions } from "../../engine/answer/classify-need.js";
import type { BatchPool, PoolItem, PoolResult } from "./batch.js";

/** What a worker needs to answer as this process would. */
export interface WorkerSetup {
  overlay: string | undefined;
  defaults: ClassifyOptions;
  explain: boolean;
}

/** Chunks each worker may hold at once (one answering, one waiting). */
const PER_WORKER = 2;

/**
 * How many workers to start. The batch's own thread answers too (whenever the workers' hands are
 * full), so `n` threads answering are this one and n − 1 workers: MISSION_GUIDE_BATCH_THREADS when
 * set (0 or 1: no worker), else one thread per core when at least one core is idle. Each worker
 * loads and warms up an engine of its own (the first thousand lines cost several times the later
 * ones), so on a single core, or a machine already busy (load average at or above the cores less
 * one, this process included), they cost more than they bring.
 */
export function workerCount(): number {
  const set = process.env.MISSION_GUIDE_BATCH_THREADS;
  if (set !== undefined && /^\d+$/.test(set)) return Math.max(0, Math.min(Number(set), 16) - 1);
  const cores = availableParallelism();
  return cores > 1 && loadavg()[0]! < cores - 1 ? cores - 1 : 0;
}

/** Starts `count` workers running `script` (the built dist/batch-worker.cjs). */
export function startPool(script: string, count: number, setup: WorkerSetup): BatchPool {
  let failure: Error | null = null;
  let next = 0;
  const waiting = new Map<number, { resolve: (r: PoolResult) => void; reject: (e: Error) => void }>();
  const load: number[] = [];
  const owner = new Map<number, number>();
  const fail = (e: Error): void => {
    failure ??= e;
    for (const w of waiting.values()) w.reject(failure);
    waiting.clear();
  };
  const workers = Array.from({ length: count }, () => {
    load.push(0);
    const w = new Worker(script, { workerData: setup });
    // Chunks sent before a worker has loaded its knowledge wait in its port.
    w.on("message", (m: ({ id: number } & PoolResult) | { id: number; error: string }) => {
      const p = waiting.get(m.id);
      waiting.delete(m.id);
      load[owner.get(m.id)!]!--;
      owner.delete(m.id);
      if ("error" in m) p?.reject(new Error(m.error));
      else p?.resolve(m);
    });
    w.on("error", (e) => fail(e));
    w.on("exit", (code) => {
      if (code !== 0) fail(new Error(`a batch worker stopped (exit ${code})`));
    });
    return w;
  });
  return {
    capacity: count * PER_WORKER,
    run(items: PoolItem[]): Promise<PoolResult> | null {
      if (failure) return Promise.reject(failure);
      // The least busy worker; ties to the first. None when all are full: the caller answers.
      let best = 0;
      for (let i = 1; i < workers.length; i++) if (load[i]! < load[best]!) best = i;
      if (load[best]! >= PER_WORKER) return null;
      const id = next++;
      load[best]!++;
      owner.set(id, best);
      return new Promise<PoolResult>((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        workers[best]!.postMessage({ id, items });
      });
    },
    async close(): Promise<void> {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
