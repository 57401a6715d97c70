/** The real bundled knowledge, loaded once per test file. */
import { getKnowledge } from "../../src/data/knowledge.js";
import type { Knowledge } from "../../src/engine/knowledge.js";

export const K: Knowledge = getKnowledge();
