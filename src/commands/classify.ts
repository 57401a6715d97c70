/** `classify`: one need in words → the answer card or JSON. */
import { classify, requireText } from "../engine/classify.js";
import { EXIT } from "../errors.js";
import { err, out, outJson } from "../output.js";
import { escapeText } from "../render/escape.js";
import { renderCard } from "../render/card.js";
import { knowledge, lookup, style, width, type GlobalOptions } from "./common.js";

export interface ClassifyFlags extends GlobalOptions {
  citizen?: string;
  in?: string;
  to?: string;
  org?: string;
  explain?: boolean;
  stdin?: boolean;
}

export function run(words: string[], flags: ClassifyFlags): number {
  const text = words.join(" ");
  const k = knowledge(flags);
  lookup(() => requireText(text));
  const answer = lookup(() =>
    classify(k, text, { citizen: flags.citizen, in: flags.in, to: flags.to, org: flags.org }),
  );
  if (flags.json) {
    const { trace, ...rest } = answer;
    outJson(flags.explain ? answer : rest);
    void trace;
  } else {
    out(renderCard(answer, style(flags), { explain: flags.explain === true, width: width() }));
  }
  if (!answer.answer) {
    const alts = answer.alternatives.map((a) => a.need).join(", ");
    err(
      `mission-guide: no need recognised in "${escapeText(text.slice(0, 80))}"${alts ? `; closest: ${alts}` : ""}. See: mission-guide needs`,
    );
    return EXIT.notFound;
  }
  return EXIT.ok;
}
