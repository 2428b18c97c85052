import { suggestionFix } from "../../diagnostics.js";
import { Suggester } from "../../util/suggest.js";
import { defineRule } from "../rule.js";

/** `unknown-reference`: a name resolves to nothing; suggests the closest id. */
export default defineRule({
  id: "unknown-reference",
  meta: {
    severity: "error",
    seed: "name resolution (grammar/LANGUAGE.md section 7)",
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
    // Ids by kind, built only once a reference is unresolved; one index per kind (and one for the catalog).
    let idsByKind: Map<string, string[]> | undefined;
    const indexes = new Map<string, Suggester>();
    const suggesterOf = (kind: string | null): Suggester => {
      const key = kind === null ? "catalog" : `kind:${kind}`;
      let index = indexes.get(key);
      if (index) return index;
      if (kind === null) index = new Suggester(p.catalog.keys());
      else {
        if (!idsByKind) {
          idsByKind = new Map();
          for (const [id, decls] of p.byId) {
            for (const d of decls) {
              const list = idsByKind.get(d.kind);
              if (list) list.push(id);
              else idsByKind.set(d.kind, [id]);
            }
          }
        }
        index = new Suggester(idsByKind.get(kind) ?? []);
      }
      indexes.set(key, index);
      return index;
    };
    // One search per misspelling: a name that does not resolve is usually written many times.
    const suggestions = new Map<string, string | undefined>();
    for (const r of p.references) {
      if (r.target) continue;
      const key = `${r.catalog ? "std" : r.expected}:${r.name}`;
      let suggestion = suggestions.get(key);
      if (!suggestions.has(key)) {
        suggestion = suggesterOf(r.catalog ? null : r.expected).closest(r.name);
        suggestions.set(key, suggestion);
      }
      const messageId = r.catalog ? (suggestion ? "unknownCatalogSuggest" : "unknownCatalog") : suggestion ? "unknownSuggest" : "unknown";
      const data: Record<string, string> = { kind: r.expected, name: r.name };
      if (suggestion) data["suggestion"] = suggestion;
      ctx.report({
        decl: r.in,
        file: r.file,
        span: r.span,
        messageId,
        data,
        fixes: suggestion ? [suggestionFix(r.file.path, r.span, suggestion)] : [],
      });
    }
  },
});
