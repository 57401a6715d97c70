/** The real bundled knowledge, loaded once per test file. */
import { getKnowledge } from "../../src/store/knowledge-store.js";
import type { Knowledge } from "../../src/engine/knowledge/knowledge-type.js";

export const K: Knowledge = getKnowledge();
