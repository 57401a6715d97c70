// Writes man/mission-guide.1, rendered by the built CLI from its own command definitions (the
// hidden `mission-guide man` command), so the page always lists what the program accepts.
// Run by `npm run build` after tsup. The page's date is the release date of this version in
// CHANGELOG.md, so that building twice gives the same file.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";

const root = new URL("../", import.meta.url);
const pkg = JSON.parse(readFileSync(new URL("package.json", root), "utf8"));

let date = "";
try {
  const changelog = readFileSync(new URL("CHANGELOG.md", root), "utf8");
  const escaped = pkg.version.replace(/[.]/g, "\\.");
  date = new RegExp(`^## \\[${escaped}\\] - (\\d{4}-\\d{2}-\\d{2})`, "m").exec(changelog)?.[1] ?? "";
} catch {
  // No changelog: the page has no date.
}

const page = execFileSync(process.execPath, [new URL("bin/mission-guide.js", root).pathname, "man", "--date", date], {
  encoding: "utf8",
  env: { ...process.env, NO_COLOR: "1" },
});
if (!page.startsWith('.\\"') || !page.includes(".TH ")) throw new Error("build-man: the CLI did not print a man page");

const dir = new URL("man/", root);
mkdirSync(dir, { recursive: true });
const target = new URL("mission-guide.1", dir);
const tmp = new URL("mission-guide.1.tmp", dir);
writeFileSync(tmp, page);
renameSync(tmp, target);
