/**
 * The build-time index cache is used only for the data it was built from: a data edit that keeps a
 * file's size (a one-letter fix, "Genf" → "Genx") must be seen, by the CLI and by the library.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../", import.meta.url));
let dir = "";

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "mission-guide-cache-"));
  for (const d of ["bin", "dist", "data", "package.json"]) cpSync(join(root, d), join(dir, d), { recursive: true });
  symlinkSync(join(root, "node_modules"), join(dir, "node_modules"));
  const file = join(dir, "data", "cities.json");
  const before = readFileSync(file, "utf8");
  const after = before.replace('"Genf"', '"Genx"');
  expect(after).not.toBe(before);
  expect(Buffer.byteLength(after)).toBe(Buffer.byteLength(before));
  writeFileSync(file, after);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { bin: Record<string, string> };
const hubs = (city: string) =>
  spawnSync(process.execPath, [join(dir, pkg.bin["mission-guide"]!), "hubs", "--city", city, "--json"], {
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
  });

describe("a same-size data edit", () => {
  it("is seen by the CLI", () => {
    const r = hubs("Genx");
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as { hubs: { id: string }[] }).hubs[0]!.id).toBe("geneva");
    expect(hubs("Genf").status).not.toBe(0);
  });

  it("is seen by the library", () => {
    const r = spawnSync(
      process.execPath,
      [
        "--input-type=module",
        "-e",
        `const m = await import(${JSON.stringify(join(dir, "dist", "index.js"))});` +
          `process.stdout.write(JSON.stringify(m.findHubs({ city: "Genx" }).map((h) => h.id)));`,
      ],
      { encoding: "utf8" },
    );
    expect(r.stderr).toBe("");
    expect(JSON.parse(r.stdout)).toEqual(["geneva"]);
  });
});
