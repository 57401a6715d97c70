/**
 * The caller's `id` on a batch line, as the JSON text to echo. Read from the line's own text, not
 * from JSON.parse's value: a number beyond 2^53 keeps every digit (12345678901234567890 stays
 * exact), and the id of a line that is not valid JSON, or too long to take, can still be read as
 * far as the line goes. The scanner is iterative and fed in pieces, so no nesting or length can
 * exhaust the stack or the memory.
 */

/** Longest id text echoed; a longer one is not read. */
const MAX_ID_TEXT = 1024;
/** Deepest id echoed (a reader such as jq stops at 256 levels; V8's JSON.stringify far sooner than 4,500). */
export const MAX_ID_DEPTH = 32;

/** Scans the top level of a JSON object for its "id" member (the last one wins, as JSON.parse's). */
export class IdScanner {
  private started = false;
  private broken = false;
  private done = false;
  private depth = 0;
  private inString = false;
  private escaped = false;
  /** At depth 1: whether the next string is a key. */
  private expectKey = true;
  /** The raw text of the key being read (depth 1), or null. */
  private key: string | null = null;
  private lastKey = "";
  private capturing = false;
  private capture = "";
  private overflow = false;
  /** The raw text of the id's value, once one has been read whole. */
  private found: string | null = null;

  feed(text: string): void {
    for (let i = 0; i < text.length && !this.broken && !this.done; i++) this.step(text[i]!);
  }

  private step(c: string): void {
    if (!this.started) {
      if (c === " " || c === "\t" || c === "\r" || c === "\n" || c === "\ufeff") return;
      if (c !== "{") {
        this.broken = true;
        return;
      }
      this.started = true;
      this.depth = 1;
      return;
    }
    if (this.capturing) {
      if (this.capture.length < MAX_ID_TEXT) this.capture += c;
      else this.overflow = true;
    }
    if (this.inString) {
      if (this.key !== null && this.key.length < 64) this.key += c;
      if (this.escaped) this.escaped = false;
      else if (c === "\\") this.escaped = true;
      else if (c === '"') {
        this.inString = false;
        if (this.key !== null) {
          this.lastKey = this.key;
          this.key = null;
        }
      }
      return;
    }
    switch (c) {
      case '"':
        this.inString = true;
        if (this.depth === 1 && this.expectKey) this.key = '"';
        return;
      case ":":
        if (this.depth === 1) {
          this.expectKey = false;
          if (decodesToId(this.lastKey)) {
            this.capturing = true;
            this.capture = "";
            this.overflow = false;
          }
        }
        return;
      case "{":
      case "[":
        this.depth++;
        return;
      case "}":
      case "]":
        if (this.depth === 1) this.endCapture();
        this.depth--;
        if (this.depth === 0) this.done = true;
        return;
      case ",":
        if (this.depth === 1) {
          this.endCapture();
          this.expectKey = true;
        }
        return;
      default:
        return;
    }
  }

  private endCapture(): void {
    if (!this.capturing) return;
    this.capturing = false;
    // The character that ended the value was captured too.
    this.found = this.overflow ? null : this.capture.slice(0, -1).trim();
  }

  /** The id as JSON text to echo, or null when none could be read. */
  result(): string | null {
    return this.found === null ? null : idText(this.found);
  }
}

function decodesToId(rawKey: string): boolean {
  if (rawKey === '"id"') return true;
  if (!rawKey.includes("\\")) return false;
  try {
    return JSON.parse(rawKey) === "id";
  } catch {
    return false;
  }
}

const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/** How deeply a JSON text nests (outside strings). */
function depthOf(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  let escaped = false;
  for (const c of text) {
    if (inString) {
      if (escaped) escaped = false;
      else if (c === "\\") escaped = true;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === "{" || c === "[") max = Math.max(max, ++depth);
    else if (c === "}" || c === "]") depth--;
  }
  return max;
}

/**
 * A raw id value as the text to echo: numbers exactly as written, strings, true, false and null as
 * they are, small objects and arrays re-serialised (on one line); null when it is not valid JSON or
 * nests deeper than MAX_ID_DEPTH.
 */
export function idText(raw: string): string | null {
  if (NUMBER.test(raw)) return raw;
  if (raw.length > MAX_ID_TEXT || depthOf(raw) > MAX_ID_DEPTH) return null;
  try {
    return JSON.stringify(JSON.parse(raw)) ?? null;
  } catch {
    return null;
  }
}

/** The id of a whole line, or null. */
export function rawIdOf(line: string): string | null {
  const s = new IdScanner();
  s.feed(line);
  return s.result();
}
