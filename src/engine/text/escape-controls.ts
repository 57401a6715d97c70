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

const STYLE_OR_UNSAFE =
  // eslint-disable-next-line no-control-regex
  /\u001b\[[0-9;]{0,12}m|[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex
const UNSAFE_BUT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;

/**
 * The one function every text shown on a terminal goes through (src/cli/output.ts applies it to
 * all human output and every message): ESC and so CSI and OSC sequences (OSC 8 links, titles),
 * other C0 and C1 controls, DEL and the bidirectional controls are shown as escapes; line breaks
 * stay. With `keepStyle`, colour and weight sequences (SGR: ESC [ digits m) are kept, as the
 * program's own styling is made of them and they can do no more than colour text.
 */
export function terminalText(text: string, keepStyle = false): string {
  return text.replace(keepStyle ? STYLE_OR_UNSAFE : UNSAFE_BUT_NEWLINE, (c) => (c.length > 1 ? c : escapeText(c)));
}
