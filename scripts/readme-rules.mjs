// Pastes the decision graph (`mission-guide rules --format mermaid`, from the built CLI) into
// README.md between its rules-diagram markers. Run it after changing data/rules.json and building;
// test/e2e/readme.test.ts fails while the README's diagram is out of date.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";

const root = new URL("../", import.meta.url);
const readmeUrl = new URL("README.md", root);
const START = /<!-- rules-diagram:start[^>]*-->\n/;
const END = "<!-- rules-diagram:end -->";

const diagram = execFileSync(
  process.execPath,
  [new URL("bin/mission-guide.js", root).pathname, "rules", "--format", "mermaid"],
  {
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
  },
);
const readme = readFileSync(readmeUrl, "utf8");
const start = START.exec(readme);
const end = readme.indexOf(END);
if (!start || end < start.index) throw new Error("README.md has no rules-diagram markers");
const from = start.index + start[0].length;
writeFileSync(
  readmeUrl,
  readme.slice(0, from) + "\n```mermaid\n" + diagram.trimEnd() + "\n```\n\n" + readme.slice(end),
);
