import js from "@eslint/js";
import tseslint from "typescript-eslint";

/** A string literal that is one lower-case word of any script ("the", "nach", "в", "的"). */
const LOWER_WORD = String.raw`Literal[value=/^[\p{Ll}\p{Lo}]+$/u]`;

export default tseslint.config(
  { ignores: ["dist/", "node_modules/", "coverage/", ".bench/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts"],
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-console": "error",
    },
  },
  {
    // Words of a human language belong in data/ (data/lexicon.json, `grammar` and `cues`), per
    // language, so that adding a language touches data only: no list of three or more lower-case
    // words in the engine. Lists of identifiers the code itself defines (index names, roles,
    // facts) are typed `as const` or `satisfies`, and are not words; say so where one is needed.
    files: ["src/engine/**/*.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: `ArrayExpression:not(TSAsExpression > ArrayExpression, TSSatisfiesExpression > ArrayExpression):has(> ${LOWER_WORD} ~ ${LOWER_WORD} ~ ${LOWER_WORD})`,
          message: "A list of words belongs in data/lexicon.json (grammar), per language, not in the engine.",
        },
      ],
    },
  },
  {
    files: ["test/**/*.ts", "bench/**/*", "scripts/**/*"],
    rules: { "no-console": "off" },
  },
  {
    // bin/ is CommonJS (bin/package.json): the two-line shim require()s the built CLI.
    files: ["**/*.cjs", "bin/*.js"],
    languageOptions: {
      sourceType: "commonjs",
      globals: {
        process: "readonly",
        require: "readonly",
        module: "writable",
        __dirname: "readonly",
        Buffer: "readonly",
      },
    },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["**/*.js", "**/*.mjs"],
    languageOptions: { globals: { process: "readonly", console: "readonly", URL: "readonly" } },
  },
);
