import { closest } from "../../util/suggest.js";
import { defineRule } from "../rule.js";

/** `unknown-reference`: a name resolves to nothing; suggests the closest id. */
export default defineRule({
  id: "unknown-reference",
  meta: {
    severity: "error",
    seed: "name resolution (language.md section 4)",
    description: "a name resolves to no declaration",
    fixable: true,
    messages: {
      unknown: "unknown {{kind}} `{{name}}`; declare it or fix the name",
      unknownSuggest: "unknown {{kind}} `{{name}}`; did you mean `{{suggestion}}`?",
      unknownCatalog: "the `std` catalog has no entry `{{name}}`; run `pmm explain std` to list them",
      unknownCatalogSuggest: "the `std` catalog has no entry `{{name}}`; did you mean `std.{{suggestion}}`?",
    },
  },
  check(ctx) {
    const p = ctx.program;
    const idsByKind = new Map<string, string[]>();
    for (const [id, decls] of p.byId) {
      for (const d of decls) {
        const list = idsByKind.get(d.kind);
        if (list) list.push(id);
        else idsByKind.set(d.kind, [id]);
      }
    }
    for (const r of p.references) {
      if (r.target) continue;
      const candidates = r.catalog ? p.catalog.keys() : (idsByKind.get(r.expected) ?? []);
      const suggestion = closest(r.name, candidates);
      const messageId = r.catalog ? (suggestion ? "unknownCatalogSuggest" : "unknownCatalog") : suggestion ? "unknownSuggest" : "unknown";
      const data: Record<string, string> = { kind: r.expected, name: r.name };
      if (suggestion) data["suggestion"] = suggestion;
      ctx.report({
        decl: r.in,
        file: r.file,
        span: r.span,
        messageId,
        data,
        fixes: suggestion ? [{ title: `Change to \`${suggestion}\``, edits: [{ file: r.file.path, span: r.span, newText: suggestion }] }] : [],
      });
    }
  },
});
