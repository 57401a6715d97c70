import { defineConfig } from "vitest/config";

/**
 * Unit tests: the engine on small fixture knowledge and the pure renderers, in seconds
 * (`npm run test:unit`). The phrasing corpora measured on the bundled data, and everything else —
 * the real data, prompts, the built binary end to end — are projects of their own. `npm test` runs all.
 */
const UNIT = [
  "test/engine/**/*.test.ts",
  "test/architecture/**/*.test.ts",
  "test/render/completion.test.ts",
  "test/render/diagram.test.ts",
  "test/render/table.test.ts",
];
// Engine tests that measure the bundled corpora rather than test logic.
const CORPORA = ["test/engine/corpus.test.ts", "test/engine/holdout.test.ts"];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    pool: "forks",
    projects: [
      { extends: true, test: { name: "unit", include: UNIT, exclude: CORPORA } },
      { extends: true, test: { name: "corpora", include: CORPORA } },
      { extends: true, test: { name: "integration", include: ["test/**/*.test.ts"], exclude: UNIT } },
    ],
  },
});
