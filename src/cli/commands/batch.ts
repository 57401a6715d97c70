/**
 * `classify --stdin`: one need per input line, one NDJSON answer per line, in order.
 *
 * Built for volume: lines are split by hand from large chunks, output is gathered into large
 * writes (honouring back-pressure), memory does not grow with the input, and the answer for an
 * input already seen (same text and flags, whatever its id) is reused as serialised JSON — batches
 * of requests repeat themselves a great deal, and serialising an answer costs more than the rest.
 */
import { classify, type ClassifyOptions } from "../../engine/answer/classify-need.js";
import { EngineError } from "../../engine/engine-error.js";
import type { Knowledge } from "../../engine/knowledge/knowledge-type.js";
import { EXIT } from "../cli-errors.js";
import { stdoutClosed } from "../output.js";
import { escapeJson } from "../../engine/text/escape-controls.js";
import { IdScanner, MAX_ID_DEPTH, rawIdOf } from "./batch-id.js";

/** Longest line taken; longer lines get an error of their own and the batch goes on. */
const MAX_LINE = 64 * 1024;
const CHUNK = 64 * 1024;
/**
 * The answer cache is bounded by bytes (key and answer), not entries: long lines make long
 * answers (the text is echoed), and 5,000 of them would hold gigabytes.
 */
export const CACHE_BYTES = 16 * 1024 * 1024;

const FIELDS = ["text", "citizen", "in", "to", "org", "id"] as const;

export interface BatchStats {
  lines: number;
  answered: number;
  unrecognised: number;
  malformed: number;
  /** Lines that met an internal error (a bug): each got an error line of its own. */
  failed: number;
}

export interface BatchOptions {
  /** Each answer with its rule trace, as `classify --json --explain` gives it. */
  explain?: boolean;
  /**
   * Worker threads for a long batch (batch-pool.ts): called once the batch has gone on for
   * `PARALLEL_AFTER` lines; null answers the rest in this thread as before.
   */
  pool?: () => BatchPool | null;
}

/** Lines answered in this thread before worker threads are asked for: a short batch never pays
 *  for starting them. */
export const PARALLEL_AFTER = 1000;
/** Lines sent to a worker at once. */
const POOL_CHUNK = 256;

/** What a worker is given: lines, each with its number, or an error line already written. */
export type PoolItem = { n: number; line: string } | { done: string };

export interface PoolResult {
  bytes: Uint8Array;
  stats: Omit<BatchStats, "lines">;
}

/** Threads answering chunks of lines (in order of submission, whichever thread answers). */
export interface BatchPool {
  /** How many chunks the workers may hold at once (memory stays bounded). */
  readonly capacity: number;
  /** Sends a chunk to a worker with room for it; null when every worker's hands are full (the
   *  batch loop then answers the chunk itself). */
  run(items: PoolItem[]): Promise<PoolResult> | null;
  close(): Promise<void>;
}

/**
 * Chunks answered in this thread that may wait, answered, behind a worker's chunk still out: this
 * thread answers whenever the workers are full, and writes in order.
 */
const LOCAL_AHEAD = 6;

/** `id` is the caller's id as JSON text to echo ("null" when none or unreadable). */
type Parsed =
  { text: string; opts: ClassifyOptions; id: string } | { error: { code: string; message: string }; id: string };

/** Reads one input line: plain text, or a JSON object with text and optional flags and id. */
export function parseLine(line: string, defaults: ClassifyOptions): Parsed {
  if (line.includes("\u0000"))
    return { error: { code: "binary-input", message: "line contains binary data (NUL bytes)" }, id: "null" };
  const trimmed = line.trim();
  if (!trimmed.startsWith("{")) {
    if (trimmed === "")
      return { error: { code: "empty-input", message: "empty line: no need to classify" }, id: "null" };
    return { text: trimmed, opts: defaults, id: "null" };
  }
  let obj: unknown;
  try {
    // Plain JSON.parse never honours "__proto__" (it makes an own property), and an object with any
    // key but the known fields is refused below, so nothing reaches a prototype.
    obj = JSON.parse(trimmed);
  } catch {
    return {
      error: { code: "bad-json", message: "line starts with { but is not valid JSON" },
      id: rawIdOf(trimmed) ?? "null",
    };
  }
  if (typeof obj !== "object" || obj === null || Array.isArray(obj)) {
    return { error: { code: "bad-json", message: "a JSON line must be an object" }, id: "null" };
  }
  const rec = obj as Record<string, unknown>;
  const given = Object.hasOwn(rec, "id") ? rec.id : null;
  let id: string;
  if (given === null || given === undefined) id = "null";
  else if (typeof given === "string") id = JSON.stringify(given);
  else if (typeof given === "boolean") id = String(given);
  else {
    // Numbers as written (JSON.parse rounds beyond 2^53), objects only when shallow.
    const raw = rawIdOf(trimmed);
    if (raw === null)
      return {
        error: {
          code: "bad-field",
          message: `"id" must be a string, a number, or JSON nested at most ${MAX_ID_DEPTH} deep`,
        },
        id: "null",
      };
    id = raw;
  }
  const unknownKey = Object.keys(rec).find((key) => !(FIELDS as readonly string[]).includes(key));
  if (unknownKey !== undefined) {
    return {
      error: {
        code: "bad-field",
        message: `unknown field "${unknownKey.slice(0, 40)}"; expected ${FIELDS.join(", ")}`,
      },
      id,
    };
  }
  for (const key of FIELDS) {
    if (key !== "id" && rec[key] !== undefined && rec[key] !== null && typeof rec[key] !== "string") {
      return { error: { code: "bad-field", message: `"${key}" must be a string` }, id };
    }
  }
  const text = typeof rec.text === "string" ? rec.text.trim() : "";
  if (text === "") return { error: { code: "empty-input", message: '"text" is missing or empty' }, id };
  const pick = (key: "citizen" | "in" | "to" | "org"): string | undefined =>
    typeof rec[key] === "string" && rec[key] !== "" ? rec[key] : (defaults[key] ?? undefined);
  return { text, opts: { citizen: pick("citizen"), in: pick("in"), to: pick("to"), org: pick("org") }, id };
}

/**
 * Classifies a stream of lines. `write` receives large chunks and returns false when the reader
 * is saturated; `drain` then waits. Returns the counts, from which the exit status follows.
 */
export async function runBatch(
  k: Knowledge,
  input: AsyncIterable<Buffer | string>,
  write: (chunk: Buffer, done: () => void) => boolean,
  drain: () => Promise<void>,
  defaults: ClassifyOptions = {},
  shouldStop: () => boolean = () => false,
  options: BatchOptions = {},
): Promise<BatchStats> {
  const stats: BatchStats = { lines: 0, answered: 0, unrecognised: 0, malformed: 0, failed: 0 };
  // Output buffers are reused once written, so memory stays flat however long the input.
  const free: Buffer[] = [];
  const fresh = (size: number): Buffer =>
    size <= CHUNK ? (free.pop() ?? Buffer.allocUnsafe(CHUNK)) : Buffer.allocUnsafe(size);
  const send = (whole: Buffer, used: number): boolean =>
    write(whole.subarray(0, used), () => {
      if (whole.length === CHUNK && free.length < 8) free.push(whole);
    });
  let buf = fresh(CHUNK);
  let pos = 0;
  const flush = async (): Promise<void> => {
    if (pos === 0) return;
    const ok = send(buf, pos);
    buf = fresh(CHUNK);
    pos = 0;
    if (!ok) await drain();
  };
  const room = (bytes: number): void => {
    if (pos + bytes <= buf.length) return;
    // Full: hand the filled part over (its write is awaited at the next flush point).
    if (pos > 0) {
      pending.push([buf, pos]);
      pos = 0;
    }
    buf = fresh(Math.max(CHUNK, bytes));
  };
  const pending: [Buffer, number][] = [];
  const emit = (text: string, body?: Buffer): void => {
    room(Buffer.byteLength(text) + (body?.length ?? 0));
    pos += buf.write(text, pos, "utf8");
    if (body) pos += body.copy(buf, pos);
  };
  const flushAll = async (): Promise<void> => {
    while (pending.length > 0) {
      const [whole, used] = pending.shift()!;
      if (!send(whole, used)) await drain();
    }
    await flush();
  };

  const answerer = lineAnswerer(k, defaults, options);
  const tooLongLine = (n: number, id: string | null): string =>
    `{"line":${n},"id":${escapeJson(id ?? "null")},"error":{"code":"line-too-long","message":"line is longer than ${MAX_LINE} characters"}}\n`;
  const tooLong = (n: number, id: string | null): void => {
    stats.malformed++;
    if (pooled) chunk.push({ done: tooLongLine(n, id) });
    else emit(tooLongLine(n, id));
  };

  // Worker threads, once the batch is long (see BatchOptions.pool): lines go out in chunks, and
  // the answers are written in the order the chunks went out.
  let pool: BatchPool | null = null;
  let asked = false;
  let pooled = false;
  let chunk: PoolItem[] = [];
  const out: { result: Promise<PoolResult>; value?: PoolResult }[] = [];
  const dispatch = (): void => {
    if (chunk.length === 0) return;
    const sent = pool!.run(chunk);
    let entry: (typeof out)[number];
    if (sent) {
      const e: (typeof out)[number] = { result: sent };
      sent.then(
        (v) => (e.value = v),
        () => undefined,
      );
      entry = e;
    } else {
      // Every worker is busy: this thread, whose engine is warm already, answers the chunk.
      const value = answerChunk(answerer, chunk);
      entry = { result: Promise.resolve(value), value };
    }
    out.push(entry);
    chunk = [];
  };
  /** Writes the answers back, in order: those ready, or all (`all`), or until `room` are out. */
  const collect = async (all: boolean, room = Infinity): Promise<void> => {
    while (out.length > 0 && (all || out[0]!.value || out.length > room)) {
      const r = await out.shift()!.result;
      stats.answered += r.stats.answered;
      stats.unrecognised += r.stats.unrecognised;
      stats.malformed += r.stats.malformed;
      stats.failed += r.stats.failed;
      if (pos > 0) {
        pending.push([buf, pos]);
        buf = fresh(CHUNK);
        pos = 0;
      }
      const bytes = Buffer.from(r.bytes.buffer, r.bytes.byteOffset, r.bytes.byteLength);
      pending.push([bytes, bytes.length]);
      await flushAll();
    }
  };

  const answerLine = (line: string): void => {
    stats.lines++;
    const n = stats.lines;
    if (!asked && n > PARALLEL_AFTER && options.pool) {
      // From here on every line goes to the workers (the first chunks wait while they start).
      asked = true;
      pool = options.pool();
      pooled = pool !== null;
    }
    if (pooled) {
      if (line.length > MAX_LINE) tooLong(n, rawIdOf(line));
      else chunk.push({ n, line });
      if (chunk.length >= POOL_CHUNK) dispatch();
      return;
    }
    answerer.answer(n, line, emit, stats);
  };

  const reportSkipped = (): void => {
    if (!skipped) return;
    tooLong(skipped.line, skipped.scanner.result());
    skipped = null;
  };
  let partial = "";
  let skipping = false;
  /** While a too-long line is skipped: reads its id as the rest goes by, and its line number. */
  let skipped: { scanner: IdScanner; line: number } | null = null;
  const decoder = new TextDecoder("utf-8");
  for await (const piece of input) {
    const text = typeof piece === "string" ? piece : decoder.decode(piece, { stream: true });
    const linesBefore = stats.lines;
    let start = 0;
    for (;;) {
      const nl = text.indexOf("\n", start);
      if (nl === -1) break;
      if (skipping) {
        skipping = false;
        skipped!.scanner.feed(text.slice(start, nl));
        reportSkipped();
      } else {
        const line = partial === "" ? text.slice(start, nl) : partial + text.slice(start, nl);
        answerLine(line.endsWith("\r") ? line.slice(0, -1) : line);
      }
      partial = "";
      start = nl + 1;
      if (pending.length > 0) await flushAll();
      if (out.length > 0 && out[0]!.value) await collect(false);
      const room = pool ? (pool as BatchPool).capacity + LOCAL_AHEAD : Infinity;
      if (out.length >= room) await collect(false, room - 1);
    }
    if (skipping) skipped!.scanner.feed(text.slice(start));
    else {
      partial += text.slice(start);
      if (partial.length > MAX_LINE) {
        // Too long to be a need: drop the rest of it as it arrives, reading only its id, and
        // report it when it ends (its error line keeps its place in the output).
        stats.lines++;
        skipped = { scanner: new IdScanner(), line: stats.lines };
        skipped.scanner.feed(partial);
        partial = "";
        skipping = true;
      }
    }
    // Each piece of input is answered and written before the next is awaited: a live pipe
    // (a chatbot sending a line at a time) gets its answers at once, a large file in 64 KB writes.
    // With workers, a short piece (a live pipe) waits for its answers; long ones keep the workers
    // busy while the next is read.
    if (pooled) {
      dispatch();
      await collect(stats.lines - linesBefore < POOL_CHUNK);
    }
    await flushAll();
    if (shouldStop() || stdoutClosed()) break;
  }
  const tail = partial + decoder.decode();
  if (skipping) reportSkipped();
  else if (tail !== "") answerLine(tail.endsWith("\r") ? tail.slice(0, -1) : tail);
  try {
    if (pooled) {
      dispatch();
      await collect(true);
    }
    await flushAll();
  } finally {
    await (pool as BatchPool | null)?.close();
  }
  return stats;
}

/** Writes text, then optionally bytes, to the output. */
type Emit = (text: string, body?: Buffer) => void;

/** A chunk's answers as one block of bytes, in order, with the counts (a worker's or this thread's). */
export function answerChunk(answerer: LineAnswerer, items: PoolItem[]): PoolResult {
  const stats: BatchStats = { lines: 0, answered: 0, unrecognised: 0, malformed: 0, failed: 0 };
  const parts: (string | Buffer)[] = [];
  let bytes = 0;
  const emit: Emit = (text, body) => {
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
  // Its own memory (not a slice of Node's shared pool), so that a worker can transfer it.
  const out = Buffer.allocUnsafeSlow(bytes);
  let pos = 0;
  for (const p of parts) pos += typeof p === "string" ? out.write(p, pos, "utf8") : p.copy(out, pos);
  const { lines: _lines, ...counts } = stats;
  void _lines;
  return { bytes: new Uint8Array(out.buffer, out.byteOffset, pos), stats: counts };
}

/** Answers one line at a time (see lineAnswerer). */
export interface LineAnswerer {
  answer(n: number, line: string, emit: Emit, stats: BatchStats): void;
}

/**
 * Answers one line at a time, keeping the answers to inputs already seen (see CACHE_BYTES). Used by
 * the batch loop here and by each worker thread (batch-worker.ts).
 */
export function lineAnswerer(k: Knowledge, defaults: ClassifyOptions, options: BatchOptions): LineAnswerer {
  // Answers are kept as UTF-8 bytes and copied into large output buffers: encoding a 2 KB answer
  // for every line would cost more than everything else together.
  const cache = new Map<string, { body: Buffer; recognised: boolean; bytes: number }>();
  let cacheBytes = 0;
  const remember = (key: string, hit: { body: Buffer; recognised: boolean; bytes: number }): void => {
    if (hit.bytes > CACHE_BYTES / 8) return; // one answer alone would crowd out the rest
    // Oldest first (a Map keeps insertion order) until the new answer fits.
    for (const [k, v] of cache) {
      if (cacheBytes + hit.bytes <= CACHE_BYTES) break;
      cache.delete(k);
      cacheBytes -= v.bytes;
    }
    cache.set(key, hit);
    cacheBytes += hit.bytes;
  };
  const answer = (n: number, line: string, emit: Emit, stats: BatchStats): void => {
    if (line.length > MAX_LINE) {
      stats.malformed++;
      emit(
        `{"line":${n},"id":${escapeJson(rawIdOf(line) ?? "null")},"error":{"code":"line-too-long","message":"line is longer than ${MAX_LINE} characters"}}\n`,
      );
      return;
    }
    let id = "null";
    try {
      const parsed = parseLine(line, defaults);
      id = parsed.id;
      const idPart = `"id":${escapeJson(id)}`;
      if ("error" in parsed) {
        stats.malformed++;
        emit(`{"line":${n},${idPart},"error":${escapeJson(JSON.stringify(parsed.error))}}\n`);
        return;
      }
      // Structured, so that no field's text can run into the next one's (a NUL in a JSON string could).
      const key = JSON.stringify([
        parsed.text,
        parsed.opts.citizen ?? null,
        parsed.opts.in ?? null,
        parsed.opts.to ?? null,
        parsed.opts.org ?? null,
      ]);
      let hit = cache.get(key);
      if (!hit) {
        try {
          const full = classify(k, parsed.text, parsed.opts);
          const { trace, ...answer } = full;
          void trace;
          // The serialised answer without its opening brace, ready to follow "line" and "id".
          const body = Buffer.from(`${escapeJson(JSON.stringify(options.explain ? full : answer)).slice(1)}\n`);
          hit = { body, recognised: answer.answer !== null, bytes: body.length + key.length * 2 + 64 };
        } catch (e) {
          if (!(e instanceof EngineError)) throw e;
          stats.malformed++;
          emit(
            `{"line":${n},${idPart},"error":${escapeJson(JSON.stringify({ code: e.code, message: e.message, suggestions: e.suggestions }))}}\n`,
          );
          return;
        }
        remember(key, hit);
      }
      if (hit.recognised) stats.answered++;
      else stats.unrecognised++;
      emit(`{"line":${n},${idPart},`, hit.body);
    } catch (e) {
      // Whatever goes wrong with one line is that line's error: the lines around it are answered.
      stats.failed++;
      const message = `internal error on this line (${e instanceof Error ? e.message : String(e)}); please report it`;
      emit(
        `{"line":${n},"id":${escapeJson(id)},"error":${escapeJson(JSON.stringify({ code: "internal", message: message.slice(0, 300) }))}}\n`,
      );
    }
  };
  return { answer };
}

/**
 * The exit status of a batch (SPEC §4): 0 every line answered, 3 some needs not recognised, 2 some
 * lines malformed, 1 some line met an internal error (each outranking the ones before). Every line
 * has its own answer or error line whatever the status.
 */
export function batchStatus(s: BatchStats): number {
  if ((s.failed ?? 0) > 0) return EXIT.internal;
  if (s.malformed > 0) return EXIT.usage;
  if (s.unrecognised > 0) return EXIT.notFound;
  return EXIT.ok;
}
