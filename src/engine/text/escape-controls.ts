/**
 * Makes untrusted text safe to echo to a terminal: C0 and C1 control characters, DEL, the Unicode
 * bidirectional controls and the line and paragraph separators are shown as escapes instead of
 * being interpreted, so an echoed value can neither restyle the terminal nor break the line.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;

export function escapeText(text: string): string {
  return text.replace(UNSAFE, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
  });
}

// Characters JSON.stringify leaves as they are that a terminal would still obey (C0 controls it
// escapes itself). They can occur only inside strings, where \uXXXX means the same character.
const UNSAFE_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;

/** Serialised JSON made safe to print: the same document, with terminal controls as \u escapes. */
export function escapeJson(json: string): string {
  return json.replace(UNSAFE_IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
