// Team schemas' `pattern`s run on RE2 (re2js): matching takes time linear in the text, so a
// pattern such as ^(a+)+$ cannot hang the CLI or the server the way a backtracking RegExp would.
import { RE2JS } from 're2js';
import type { RegExpEngine } from 'ajv/dist/types';

/** A pattern RE2 cannot run (backreferences, lookaround); the message says which and why. */
export class UnsupportedPattern extends Error {}

/** The engine ajv builds `pattern` and `patternProperties` checks with (its `code.regExp` option). */
export const linearRegExp: RegExpEngine = Object.assign(
  (pattern: string): { test: (text: string) => boolean; toString: () => string } => {
    let compiled: RE2JS;
    try {
      compiled = RE2JS.compile(RE2JS.translateRegExp(pattern));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new UnsupportedPattern(
        `the pattern ${JSON.stringify(pattern)} cannot be checked in linear time (${reason}); team schemas' patterns run on RE2, which has no backreferences or lookaround: rewrite it without them`,
      );
    }
    // ajv keeps one compiled pattern per toString(): it must tell the patterns apart.
    return { test: (text: string) => compiled.test(text), toString: () => `/${pattern}/re2` };
  },
  { code: 'linearRegExp' },
);
