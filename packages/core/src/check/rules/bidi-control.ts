import { defineRule } from "../rule.js";

/** The bidirectional controls of Unicode (UAX #9) and their names. */
const NAMES: ReadonlyMap<number, string> = new Map([
  [0x061c, "arabic letter mark"],
  [0x200e, "left-to-right mark"],
  [0x200f, "right-to-left mark"],
  [0x202a, "left-to-right embedding"],
  [0x202b, "right-to-left embedding"],
  [0x202c, "pop directional formatting"],
  [0x202d, "left-to-right override"],
  [0x202e, "right-to-left override"],
  [0x2066, "left-to-right isolate"],
  [0x2067, "right-to-left isolate"],
  [0x2068, "first strong isolate"],
  [0x2069, "pop directional isolate"],
]);

const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * `bidi-control`: a bidirectional control character anywhere in a `.pmm`
 * file (strings and comments included). It reorders how the text is shown,
 * so a file can read differently in an editor or a review than pmm reads it
 * ("Trojan Source", CVE-2021-42574).
 */
export default defineRule({
  id: "bidi-control",
  meta: {
    severity: "error",
    seed: "hostile input (Trojan Source, CVE-2021-42574)",
    description: "a bidirectional control character in a .pmm file, which can make the text display differently from what pmm reads",
    fixable: true,
    messages: {
      found: "bidirectional control character `U+{{code}}` ({{name}}) in the file; it can make the text display differently from what pmm reads — remove it",
    },
  },
  check(ctx) {
    for (const file of ctx.program.files) {
      if (file.builtin) continue;
      const decls = file.ast.declarations;
      let d = 0;
      for (const m of file.text.matchAll(BIDI)) {
        const at = m.index;
        while (d < decls.length && decls[d]!.span.end <= at) d++;
        const decl = d < decls.length && decls[d]!.span.start <= at ? decls[d]! : null;
        const c = file.text.charCodeAt(at);
        const span = { start: at, end: at + 1 };
        ctx.report({
          decl,
          file,
          span,
          messageId: "found",
          data: { code: c.toString(16).toUpperCase().padStart(4, "0"), name: NAMES.get(c)! },
          fixes: [{ title: "Remove the bidirectional control character", edits: [{ file: file.path, span, newText: "" }] }],
        });
      }
    }
  },
});
