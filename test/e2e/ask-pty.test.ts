/**
 * `ask` end to end: the built binary in a real pseudo-terminal (tmux), driven as a person would
 * type, and without a terminal, where it must refuse at once.
 */
import { spawnSync } from "node:child_process";
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BIN } from "../support/run.js";

const HAS_TMUX = spawnSync("sh", ["-c", "command -v tmux"], { encoding: "utf8" }).status === 0;
// Without tmux on PATH (apt-get install -y tmux) the terminal tests are reported as skipped.

/** A tmux server of our own, so the tests never touch a person's sessions. */
const SOCKET = `mission-guide-test-${process.pid}`;
const sessions: string[] = [];
let socketPath: string | undefined;
const tmp = mkdtempSync(join(tmpdir(), "mission-guide-ask-"));

function tmux(...args: string[]): string {
  const r = spawnSync("tmux", ["-L", SOCKET, "-f", "/dev/null", ...args], {
    encoding: "utf8",
    env: {
      ...process.env,
      TERM: process.env.TERM && process.env.TERM !== "dumb" ? process.env.TERM : "xterm-256color",
    },
  });
  if (r.status !== 0) throw new Error(`tmux ${args[0]} failed: ${r.stderr}`);
  return r.stdout;
}

function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

interface Terminal {
  /** Types text as keys, one by one. */
  type(text: string): void;
  /** Presses a key: Enter, C-c, Down, ... */
  press(key: string): void;
  /** The whole screen, wrapped lines joined. */
  screen(): string;
  /** Waits until the screen matches, and returns it. */
  waitFor(pattern: RegExp, ms?: number): Promise<string>;
  /** Waits for the program to end and returns its exit status. */
  exitStatus(ms?: number): Promise<number>;
}

/**
 * Starts `mission-guide <args>` in a fresh 120×60 terminal. `redirect` is appended to the command
 * line; `after` runs once it has ended (its exit status is printed first); `before` is put in
 * front of it, in a shell of its own (`echo $$ > pid; exec` to learn the process id).
 */
function terminal(args: string[], redirect = "", after = "", before = ""): Terminal {
  const name = `mg-ask-${process.pid}-${sessions.length + 1}`;
  const bin = `${shellQuote(process.execPath)} ${shellQuote(BIN)} ${args.map(shellQuote).join(" ")}`;
  const run = before ? `sh -c ${shellQuote(`${before} ${bin}${redirect}`)}` : `${bin}${redirect}`;
  const command = `export NO_COLOR=1; ${run}; echo "[exit $?]"${after ? `; ${after}` : ""}; sleep 600`;
  tmux("new-session", "-d", "-s", name, "-x", "120", "-y", "60", "sh", "-c", command);
  sessions.push(name);
  socketPath ??= tmux("display-message", "-p", "-t", name, "#{socket_path}").trim();
  const screen = (): string => tmux("capture-pane", "-p", "-J", "-S", "-500", "-t", name);
  const waitFor = async (pattern: RegExp, ms = 10_000): Promise<string> => {
    const end = Date.now() + ms;
    for (;;) {
      const s = screen();
      if (pattern.test(s)) return s;
      if (Date.now() > end) throw new Error(`timed out waiting for ${String(pattern)}; the screen was:\n${s}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  return {
    type: (text) => void tmux("send-keys", "-t", name, "-l", text),
    press: (key) => void tmux("send-keys", "-t", name, key),
    screen,
    waitFor,
    exitStatus: async (ms) => Number(/\[exit (\d+)\]/.exec(await waitFor(/\[exit \d+\]/, ms))![1]),
  };
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Types an answer, waits for the list for that text to offer `choice` first, and takes it. */
async function answer(t: Terminal, typed: string, choice: RegExp): Promise<void> {
  t.type(typed);
  await t.waitFor(new RegExp(`${escapeRe(typed)}\n❯ ${choice.source}`));
  t.press("Enter");
}

afterAll(() => {
  if (!HAS_TMUX) return;
  for (const s of sessions) {
    try {
      tmux("kill-session", "-t", s);
    } catch {
      // already gone
    }
  }
  try {
    tmux("kill-server");
  } catch {
    // no sessions left: the server has ended by itself
  }
  if (socketPath) rmSync(socketPath, { force: true });
  rmSync(tmp, { recursive: true, force: true });
});

describe.skipIf(!HAS_TMUX)("ask, in a real terminal", () => {
  it("lost passport, Canadian, in Switzerland → the Embassy of Canada in Bern, exit 0", async () => {
    const t = terminal(["ask"]);
    await t.waitFor(/\? What do you need\?/);
    await answer(t, "I lost my passport", /Replace a lost or stolen passport/);
    await t.waitFor(/\? Which passport do you hold\?/);
    await answer(t, "Canada", /Canada/);
    await t.waitFor(/\? Where are you now\?/);
    await answer(t, "Switzerland", /Switzerland/);
    const screen = await t.waitFor(/\? Anything else\?/);
    expect(screen).toMatch(/→ Embassy of Canada in Switzerland\n\s+Bern · embassy/);
    expect(screen).toContain("Not this");
    t.press("Enter");
    expect(await t.exitStatus()).toBe(0);
  });

  it("a WTO trade dispute, as Canada → the Permanent Mission of Canada in Geneva, exit 0", async () => {
    const t = terminal(["ask"]);
    await t.waitFor(/\? What do you need\?/);
    await answer(t, "raise a trade dispute at the WTO", /Raise or defend a WTO dispute/);
    await t.waitFor(/\? Which country do you act for\?/);
    await answer(t, "Canada", /Canada/);
    const screen = await t.waitFor(/\? Anything else\?/);
    expect(screen).toMatch(
      /→ Permanent Mission of Canada to the World Trade Organization\n\s+Geneva · permanent mission/,
    );
    // Only the question the answer depends on: not where the person is.
    expect(screen).not.toContain("Where are you now?");
    t.press("Enter");
    expect(await t.exitStatus()).toBe(0);
  });

  it("offers what the words said as defaults, and asks again on yes", async () => {
    const t = terminal(["ask"]);
    await t.waitFor(/\? What do you need\?/);
    await answer(t, "I'm a Canadian in Genf and lost my passport", /Replace a lost or stolen passport/);
    await t.waitFor(/❯ Canada \(from your words\)/);
    t.press("Enter");
    await t.waitFor(/❯ Geneva, Switzerland \(from your words\)/);
    t.press("Enter");
    await t.waitFor(/\? Anything else\?/);
    t.type("y");
    t.press("Enter");
    await t.waitFor(/✔ Anything else\? Yes\n\? What do you need\?/);
    t.press("C-c");
    expect(await t.exitStatus()).toBe(130);
  });

  it("words read unsure: one question picks the need, then the roles the words stated carry over", async () => {
    // "a passport" alone: new, renewal or lost? In Paris, as a Canadian, the other answers keep both.
    const t = terminal(["ask", "I'm Canadian in Paris and I need a passport"]);
    const asked = await t.waitFor(/\? Not sure what you mean\. Which is it\?[^]*None of these/);
    expect(asked).toMatch(/Replace a lost or stolen passport/);
    expect(asked).toMatch(/Apply for a passport/);
    t.type("lost");
    await t.waitFor(/lost\n❯ Replace a lost or stolen passport/);
    t.press("Enter");
    // The words said the passport and the place: offered as such, not asked blind.
    await t.waitFor(/❯ Canada \(from your words\)/);
    t.press("Enter");
    await t.waitFor(/❯ Paris, France \(from your words\)/);
    t.press("Enter");
    const screen = await t.waitFor(/\? Anything else\?/);
    expect(screen).toMatch(/→ Embassy of Canada in France/);
    expect(screen).toMatch(/passport-lost/);
    // The person chose: the card no longer asks "did you mean".
    expect(screen).not.toContain("Not sure that you mean");
    t.press("Enter");
    expect(await t.exitStatus()).toBe(0);
  });

  it('"None of these" asks for the need again, in other words', async () => {
    const t = terminal(["ask", "I need a passport"]);
    await t.waitFor(/\? Not sure what you mean\. Which is it\?/);
    t.type("none");
    await t.waitFor(/none\n❯ None of these/);
    t.press("Enter");
    await t.waitFor(/\? What do you need\? Say it in other words\./);
    t.press("C-c");
    expect(await t.exitStatus()).toBe(130);
  });

  it("a role the answer only assumed is asked, the assumption offered as a guess", async () => {
    const t = terminal(["ask", "renew my passport, I live in Boston"]);
    await t.waitFor(/\? Which passport do you hold\?\n❯ United States \(a guess\)/);
    t.press("C-c");
    expect(await t.exitStatus()).toBe(130);
  });

  it("need unsure and a role guessed: the need asked first, then the role; the answer is then sure", async () => {
    const file = join(tmp, "unsure.json");
    const t = terminal(["ask", "--json", "I need a passport, I live in Boston"], ` > ${shellQuote(file)}`);
    await t.waitFor(/\? Not sure what you mean\. Which is it\?[^]*None of these/);
    t.type("renew");
    await t.waitFor(/renew\n❯ Renew/);
    t.press("Enter");
    await t.waitFor(/\? Which passport do you hold\?\n❯ United States \(a guess\)/);
    t.press("Enter");
    // The place the words stated is offered as such, not as a guess.
    await t.waitFor(/\? Where are you now\?\n❯ Boston, United States \(from your words\)/);
    t.press("Enter");
    await t.waitFor(/\? Anything else\?/);
    t.press("Enter");
    expect(await t.exitStatus()).toBe(0);
    const doc = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
    expect(doc).toMatchObject({ need: { id: "passport-renewal" }, input: { citizen: "US" } });
    expect(doc).not.toHaveProperty("uncertain");
    expect(doc).not.toHaveProperty("unsure");
    expect(doc).not.toHaveProperty("guessed");
  });

  it("skips the questions given as flags", async () => {
    const t = terminal(["ask", "--citizen", "Canadian", "--in", "Genève"]);
    await t.waitFor(/\? What do you need\?/);
    await answer(t, "passport lost", /Replace a lost or stolen passport/);
    const screen = await t.waitFor(/\? Anything else\?/);
    expect(screen).not.toContain("Which passport");
    expect(screen).toContain("→ Embassy of Canada in Switzerland");
    t.press("Enter");
    expect(await t.exitStatus()).toBe(0);
  });

  it("Ctrl-C at the first question: Cancelled., exit 130, no stack trace, terminal restored", async () => {
    const t = terminal(["ask"], "", `stty -a | tr ' ' '\\n' | grep -x -e icanon -e echo`);
    await t.waitFor(/\? What do you need\?/);
    t.type("lost my");
    t.press("C-c");
    const status = await t.exitStatus();
    const screen = await t.waitFor(/^echo$/m);
    expect(status).toBe(130);
    expect(screen).toContain("mission-guide: Cancelled.");
    expect(screen).not.toMatch(/ExitPromptError|\n\s+at |Error:/);
    // The terminal is back in cooked mode with echo.
    expect(screen).toMatch(/^icanon$/m);
    expect(screen).toMatch(/^echo$/m);
  });

  it("a SIGINT from outside (kill -INT) while asking: Cancelled., exit 130, terminal restored", async () => {
    const pidFile = join(tmp, "ask.pid");
    const t = terminal(
      ["ask"],
      "",
      `stty -a | tr ' ' '\\n' | grep -x -e icanon -e echo`,
      `echo $$ > ${shellQuote(pidFile)}; exec`,
    );
    await t.waitFor(/\? What do you need\?/);
    process.kill(Number(readFileSync(pidFile, "utf8")), "SIGINT");
    expect(await t.exitStatus()).toBe(130);
    const screen = await t.waitFor(/^echo$/m);
    expect(screen).toContain("mission-guide: Cancelled.");
    expect(screen).toMatch(/^icanon$/m);
  });

  it("--json: questions on the terminal, the answer object alone on stdout", async () => {
    const file = join(tmp, "answer.json");
    const t = terminal(["ask", "--json", "--citizen", "CA"], ` > ${shellQuote(file)}`);
    await t.waitFor(/\? What do you need\?/);
    await answer(t, "raise a trade dispute at the WTO", /Raise or defend a WTO dispute/);
    const screen = await t.waitFor(/\? Anything else\?/);
    expect(screen).toContain("Permanent Mission of Canada to the World Trade Organization");
    t.press("Enter");
    expect(await t.exitStatus()).toBe(0);
    expect(existsSync(file)).toBe(true);
    const text = readFileSync(file, "utf8");
    expect(text).not.toContain("\u001b[");
    const doc = JSON.parse(text) as { schemaVersion: number; answer: { office: string; of: string; city: string } };
    expect(doc.schemaVersion).toBe(1);
    expect(doc.answer).toMatchObject({ office: "permanent_mission", of: "CA", city: "Geneva" });
    expect(doc).not.toHaveProperty("trace");
  });

  it("Escape goes back to the previous question, its answer kept; '← Back' too", async () => {
    const t = terminal(["ask"]);
    await t.waitFor(/\? What do you need\?/);
    await answer(t, "I lost my passport", /Replace a lost or stolen passport/);
    await t.waitFor(/\? Which passport do you hold\?/);
    await answer(t, "Japan", /Japan/);
    await t.waitFor(/\? Where are you now\?/);
    t.press("Escape");
    // Back at the passport question, the answer given offered first.
    await t.waitFor(/❯ Japan \(your answer\)/);
    t.type("Canada");
    await t.waitFor(/Canada\n❯ Canada/);
    t.press("Enter");
    await t.waitFor(/\? Where are you now\?/);
    await answer(t, "Switzerland", /Switzerland/);
    const screen = await t.waitFor(/\? Anything else\?/);
    expect(screen).toContain("→ Embassy of Canada in Switzerland");
    t.press("Enter");
    expect(await t.exitStatus()).toBe(0);
  });

  it("a place nobody knows can be answered 'I don't know': the answer says what depends on it", async () => {
    const t = terminal(["ask", "--citizen", "CA"]);
    await t.waitFor(/\? What do you need\?/);
    await answer(t, "I lost my passport", /Replace a lost or stolen passport/);
    await t.waitFor(/\? Where are you now\?/);
    t.type("Atlantiss");
    await t.waitFor(/Nothing known by that name[^]*❯ I don't know/);
    t.press("Enter");
    const screen = await t.waitFor(/\? Anything else\?/);
    expect(screen).toMatch(/You did not know this yet: where you are decides/);
    t.press("Enter");
    expect(await t.exitStatus()).toBe(0);
  });

  it("--json over two needs: two JSON lines, and no role carried from one need to the other", async () => {
    const file = join(tmp, "two.ndjson");
    const t = terminal(["ask", "--json"], ` > ${shellQuote(file)}`);
    await t.waitFor(/\? What do you need\?/);
    await answer(t, "raise a trade dispute at the WTO", /Raise or defend a WTO dispute/);
    await t.waitFor(/\? Which country do you act for\?/);
    await answer(t, "Japan", /Japan/);
    await t.waitFor(/\? Anything else\?/);
    t.type("y");
    t.press("Enter");
    await t.waitFor(/✔ Anything else\? Yes\n\? What do you need\?/);
    await answer(t, "I lost my passport", /Replace a lost or stolen passport/);
    const asked = await t.waitFor(/\? Which passport do you hold\?/);
    // Acting for Japan at the WTO says nothing of the person's passport.
    expect(asked.slice(asked.lastIndexOf("Which passport"))).not.toMatch(/Japan \(as before\)/);
    await answer(t, "Canada", /Canada/);
    await t.waitFor(/\? Where are you now\?/);
    await answer(t, "Switzerland", /Switzerland/);
    await t.waitFor(/\? Anything else\?/);
    t.press("Enter");
    expect(await t.exitStatus()).toBe(0);
    const lines = readFileSync(file, "utf8").trim().split("\n");
    expect(lines).toHaveLength(2);
    const docs = lines.map((l) => JSON.parse(l) as { need: { id: string }; answer: { of: string } });
    expect(docs.map((d) => d.need.id)).toEqual(["wto-dispute", "passport-lost"]);
    expect(docs.map((d) => d.answer.of)).toEqual(["JP", "CA"]);
  });

  it.each([
    ["SIGTERM", 143],
    ["SIGHUP", 129],
  ] as const)("%s while asking: exit %i, terminal restored (cooked, with echo)", async (signal, status) => {
    const pidFile = join(tmp, `ask-${signal}.pid`);
    const t = terminal(
      ["ask"],
      "",
      `stty -a | tr ' ' '\\n' | grep -x -e icanon -e echo`,
      `echo $$ > ${shellQuote(pidFile)}; exec`,
    );
    await t.waitFor(/\? What do you need\?/);
    t.type("lost my");
    await t.waitFor(/lost my/);
    process.kill(Number(readFileSync(pidFile, "utf8")), signal);
    expect(await t.exitStatus()).toBe(status);
    const screen = await t.waitFor(/^echo$/m);
    expect(screen).toMatch(/^icanon$/m);
    expect(screen).not.toMatch(/\n\s+at |Error:/);
  });

  it("--no-input refuses even in a terminal", async () => {
    const t = terminal(["ask", "--no-input"]);
    expect(await t.exitStatus()).toBe(2);
    expect(t.screen()).toMatch(/mission-guide: .*mission-guide classify .*--citizen/);
  });
});

describe("ask without a terminal", () => {
  it("`ask < /dev/null` exits 2 within a second, with one line naming classify and its flags", () => {
    const devNull = openSync("/dev/null", "r");
    const started = Date.now();
    try {
      const r = spawnSync(process.execPath, [BIN, "ask"], {
        stdio: [devNull, "pipe", "pipe"],
        encoding: "utf8",
        env: { ...process.env, NO_COLOR: "1" },
        timeout: 10_000,
      });
      const elapsed = Date.now() - started;
      expect(r.status).toBe(2);
      expect(elapsed).toBeLessThan(1000);
      expect(r.stdout).toBe("");
      const lines = r.stderr.trim().split("\n");
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^mission-guide: ask needs a terminal/);
      expect(lines[0]).toMatch(/mission-guide classify ".+" --citizen <country> --in <place>/);
    } finally {
      closeSync(devNull);
    }
  });

  it("answers a script in JSON, on stdout, when --json is given", () => {
    const r = spawnSync(process.execPath, [BIN, "ask", "--json"], { input: "", encoding: "utf8", timeout: 10_000 });
    expect(r.status).toBe(2);
    const doc = JSON.parse(r.stdout) as { error: { code: string } };
    expect(doc.error.code).toBe("no-terminal");
  });
});
