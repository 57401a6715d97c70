/**
 * The package as a user gets it: `npm pack` holds what a user needs and nothing else, and the
 * tarball installs globally and runs. Packs the current build (--ignore-scripts: rebuilding here
 * would delete dist/ under the other tests); `npm test` builds first.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const HAS_NPM = spawnSync("npm", ["--version"], { encoding: "utf8" }).status === 0;
// Without npm the packaging test is reported as skipped.

/**
 * What may ship: the entry point, the build (anything tsup and the build scripts write to dist/, but
 * source maps), the data, schemas, man page, and the top-level docs.
 */
const ALLOWED =
  /^(?:bin\/(?:[^/]+\.c?js|package\.json)|dist\/(?!.*\.map$).+|data\/(?:generated\/)?[^/]+\.json|data\/generated\/need-model\.bin|schema\/[^/]+\.json|man\/[^/]+\.1|package\.json|README\.md|LICENSE|CHANGELOG\.md)$/;
const REQUIRED = [
  "package.json",
  "README.md",
  "LICENSE",
  "CHANGELOG.md",
  "bin/mission-guide.js",
  "data/generated/need-model.bin",
  "dist/cli.cjs",
  "dist/index.js",
  "dist/index.d.ts",
  "data/rules.json",
  "data/generated/countries.json",
  "man/mission-guide.1",
];
const NETWORK = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH/;

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe.skipIf(!HAS_NPM)("npm package", () => {
  it("packs only what a user needs, installs globally and runs", (ctx) => {
    const tmp = mkdtempSync(join(tmpdir(), "mg-pack-"));
    dirs.push(tmp);
    const pack = spawnSync("npm", ["pack", "--json", "--ignore-scripts", "--pack-destination", tmp], {
      cwd: ROOT,
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(pack.status, pack.stderr).toBe(0);
    const [info] = JSON.parse(pack.stdout) as { filename: string; files: { path: string }[] }[];
    const files = info!.files.map((f) => f.path);
    for (const f of REQUIRED) expect(files, f).toContain(f);
    expect(files.filter((f) => !ALLOWED.test(f))).toEqual([]);

    const prefix = join(tmp, "global");
    const install = spawnSync(
      "npm",
      ["install", "-g", "--prefix", prefix, "--no-audit", "--no-fund", "--prefer-offline", join(tmp, info!.filename)],
      { encoding: "utf8", timeout: 120_000 },
    );
    if (install.status !== 0 && NETWORK.test(install.stderr)) {
      ctx.skip("the registry is not reachable: the install was skipped");
    }
    expect(install.status, install.stderr).toBe(0);

    const bin = join(prefix, "bin", "mission-guide");
    const r = spawnSync(bin, ["hubs", "--city", "Vienna"], {
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1" },
      timeout: 20_000,
    });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("IAEA");
    expect(existsSync(join(prefix, "share", "man", "man1", "mission-guide.1"))).toBe(true);
  }, 180_000);
});
