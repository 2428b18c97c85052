// Completion: property names per kind, enum values and references of the
// right kind for the property at the cursor, `std.` catalog entries after
// `from`, rule ids in `# pmm-ignore`, and a snippet for each declaration kind.
import {
  DECLARATION_KINDS,
  KIND_SPECS,
  lex,
  RULES,
  type Declaration,
  type DeclKind,
  type KindSpec,
  type Program,
  type Property,
  type PropertySpec,
  type SourceFile,
  type ValueType,
} from "@pmm/core";
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type CompletionParams } from "vscode-languageserver/node";
import { requirementText, valueText } from "../describe.js";
import { toOffset } from "../positions.js";
import type { Session } from "../session.js";

/** The block the cursor is in. */
interface Container {
  readonly kind: KindSpec["kind"];
  readonly decl: Declaration;
  readonly properties: readonly Property[];
}

const IDENT_CHAR = /[A-Za-z0-9_]/;
const CURRENCIES = ["USD", "EUR", "GBP"];

/** The completion item kind of a reference to a declaration kind. */
export function completionKindOf(kind: DeclKind): CompletionItemKind {
  switch (kind) {
    case "metric":
      return CompletionItemKind.Variable;
    case "team":
      return CompletionItemKind.Class;
    case "source":
      return CompletionItemKind.Module;
    case "okr":
      return CompletionItemKind.Event;
    case "forum":
      return CompletionItemKind.Interface;
    case "attribution":
      return CompletionItemKind.Function;
    default:
      return CompletionItemKind.Reference;
  }
}

function insideString(text: string, offset: number): boolean {
  for (const t of lex(text).tokens) {
    if (t.startOffset >= offset) break;
    if (t.literal?.type === "string" && offset <= t.endOffset) return true;
  }
  return false;
}

/** The block holding the offset: a declaration's, or a `view`'s or `kr`'s inside it. */
function containerAt(file: SourceFile, offset: number): Container | null {
  let decl: Declaration | undefined;
  for (const d of file.ast.declarations) {
    if (d.span.start >= offset) break;
    decl = d;
  }
  if (!decl?.block || decl.block.start >= offset) return null;
  if (!decl.unclosed && offset >= decl.block.end) return null;
  const text = file.text;
  for (const v of decl.views) {
    const brace = text.indexOf("{", v.id.span.end);
    if (brace >= 0 && brace < offset && offset < v.span.end && text[v.span.end - 1] === "}") return { kind: "view", decl, properties: v.properties };
  }
  for (const kr of decl.keyResults) {
    const brace = text.indexOf("{", kr.metric.span.end);
    if (brace >= 0 && brace < kr.span.end && brace < offset && offset < kr.span.end && text[kr.span.end - 1] === "}") return { kind: "kr", decl, properties: kr.properties };
  }
  return { kind: decl.kind, decl, properties: decl.properties };
}

/** The identifier ending just before `end` (skipping blanks), with where it starts. */
function wordBefore(text: string, end: number): { word: string; start: number } {
  let i = end - 1;
  while (i >= 0 && (text[i] === " " || text[i] === "\t" || text[i] === "\r" || text[i] === "\n")) i--;
  const stop = i + 1;
  while (i >= 0 && IDENT_CHAR.test(text[i]!)) i--;
  return { word: text.slice(i + 1, stop), start: i + 1 };
}

/** The last non-blank character before `end`, with its offset (-1 when none). */
function charBefore(text: string, end: number): { ch: string; at: number } {
  let i = end - 1;
  while (i >= 0 && /\s/.test(text[i]!)) i--;
  return { ch: i >= 0 ? text[i]! : "", at: i };
}

/** The property whose value the cursor is in: found from the `:` before a value or the `[` of a list. */
function propertyOfValue(text: string, colon: number): string | null {
  const { word, start } = wordBefore(text, colon);
  if (!word) return null;
  if (wordBefore(text, start).word === "kr") return null; // `kr METRIC:` is followed by numbers
  return word;
}

/** The unmatched `[` before `from` in the same block, or -1. */
function openBracket(text: string, from: number): number {
  let depth = 0;
  for (let i = from; i >= 0; i--) {
    const c = text[i];
    if (c === "]") depth++;
    else if (c === "[") {
      if (depth === 0) return i;
      depth--;
    } else if (c === "{" || c === "}") return -1;
  }
  return -1;
}

function idsOfKind(program: Program, kind: DeclKind, except: Declaration | null): CompletionItem[] {
  const seen = new Set<string>();
  const out: CompletionItem[] = [];
  for (const d of program.ofKind(kind)) {
    if (!d.id || d === except || seen.has(d.id.name)) continue;
    seen.add(d.id.name);
    out.push({ label: d.id.name, kind: completionKindOf(kind), detail: d.title ? `${kind} · ${d.title.value}` : kind });
  }
  return out.sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
}

function valuesOf(program: Program, t: ValueType, self: Declaration): CompletionItem[] {
  switch (t.t) {
    case "enum":
      return t.values.map((v, i) => ({ label: v, kind: CompletionItemKind.EnumMember, sortText: String(i).padStart(3, "0") }));
    case "ref":
      return idsOfKind(program, t.kind, self);
    case "formula":
      return idsOfKind(program, "metric", self);
    case "bool":
      return ["true", "false"].map((v) => ({ label: v, kind: CompletionItemKind.Keyword }));
    case "currency":
      return CURRENCIES.map((v) => ({ label: v, kind: CompletionItemKind.EnumMember }));
    default:
      return [];
  }
}

function propertyItem(spec: PropertySpec): CompletionItem {
  const req = requirementText(spec);
  return {
    label: spec.name,
    kind: CompletionItemKind.Property,
    detail: req ? `${req} · ${valueText(spec)}` : valueText(spec),
    documentation: spec.doc,
    insertText: `${spec.name}: `,
    sortText: `${spec.required === "always" || spec.required === "output" ? "0" : "1"}_${spec.name}`,
  };
}

function propertyNames(c: Container): CompletionItem[] {
  const spec = KIND_SPECS.get(c.kind);
  if (!spec) return [];
  const present = new Set(c.properties.map((p) => p.name.name));
  const metricType = c.kind === "metric" ? c.properties.find((p) => p.name.name === "type") : undefined;
  const typeWord = metricType?.value?.type === "phrase" && metricType.value.expr.type === "name" ? metricType.value.expr.name : undefined;
  const out: CompletionItem[] = [];
  for (const s of spec.properties.values()) {
    if (present.has(s.name)) continue;
    if (s.variant && typeWord && s.variant !== typeWord) continue;
    out.push(propertyItem(s));
  }
  if (c.kind === "okr") {
    for (const [i, form] of KR_FORMS.entries()) {
      out.push({
        label: form.label,
        kind: CompletionItemKind.Snippet,
        detail: form.detail,
        documentation: KIND_SPECS.get("kr")!.doc,
        insertText: form.snippet,
        insertTextFormat: InsertTextFormat.Snippet,
        sortText: `2_kr${i}`,
      });
    }
  }
  if (c.kind === "dashboard") {
    out.push({
      label: "view",
      kind: CompletionItemKind.Snippet,
      detail: "stakeholder view",
      documentation: KIND_SPECS.get("view")!.doc,
      insertText: 'view ${1:id} "${2:Title}" {\n\taudience: [${3}]\n\tmetrics: [${4}]\n}',
      insertTextFormat: InsertTextFormat.Snippet,
      sortText: "2_view",
    });
  }
  return out;
}

/** The five forms of a key result (grammar/LANGUAGE.md, section 4), as snippets. */
const KR_FORMS: readonly { readonly label: string; readonly detail: string; readonly snippet: string; readonly value: string }[] = [
  { label: "kr", detail: "key result: from a start to a value", snippet: "kr ${1:metric}: ${2:from} -> ${3:to} by ${4:period}", value: "${1:from} -> ${2:to}" },
  {
    label: "kr ->",
    detail: "key result: a value to reach, no stated start (the metric's baseline is the start)",
    snippet: "kr ${1:metric}: -> ${2:to} by ${3:period}",
    value: "-> ${1:to}",
  },
  { label: "kr +/-", detail: "key result: a change from the baseline (-35% relative, +30 absolute)", snippet: "kr ${1:metric}: ${2:-35%} by ${3:period}", value: "${1:-35%}" },
  { label: "kr at most", detail: "key result: a ceiling to hold", snippet: "kr ${1:metric}: at most ${2:value} by ${3:period}", value: "at most ${1:value}" },
  { label: "kr at least", detail: "key result: a floor to hold", snippet: "kr ${1:metric}: at least ${2:value} by ${3:period}", value: "at least ${1:value}" },
  { label: "kr done", detail: "key result: a milestone, done or not by the deadline", snippet: 'kr ${1:milestone} "${2:What is done}": done by ${3:period}', value: "done" },
];

/** After `kr METRIC:`: the value of each key-result form. */
function krValueItems(): CompletionItem[] {
  return KR_FORMS.map((form, i) => ({
    label: form.value.replace(/\$\{\d+:([^}]*)\}/g, "$1"),
    kind: CompletionItemKind.Snippet,
    detail: form.detail,
    insertText: form.value,
    insertTextFormat: InsertTextFormat.Snippet,
    sortText: `0_${i}`,
  }));
}

/** A snippet placeholder for a required property's value. */
function placeholder(spec: PropertySpec, n: number, today: string): string {
  const t = spec.type;
  if (spec.shape === "list") return `[\${${n}}]`;
  switch (t.t) {
    case "enum":
      return `\${${n}|${t.values.join(",")}|}`;
    case "ref":
      return `\${${n}:${t.kind}}`;
    case "int":
      return `\${${n}:${t.min}}`;
    case "duration":
      return `\${${n}:30d}`;
    case "rate":
      return `\${${n}:100/day}`;
    case "money":
      return `\${${n}:$0}`;
    case "date":
      return `\${${n}:${today}}`;
    case "period":
      return `\${${n}:${today.slice(0, 4)}-Q${Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1}}`;
    case "string":
      return `"\${${n}}"`;
    default:
      return `\${${n}}`;
  }
}

/** The snippet that declares a kind with its ★ properties. */
export function declarationSnippet(kind: DeclKind | "tradeoff", today: string): string {
  if (kind === "tradeoff") return 'tradeoff ${1:primary} vs ${2:guard} {\n\twhy: "${3}"\n}';
  const required = [...KIND_SPECS.get(kind)!.properties.values()].filter((s) => s.required === "always");
  const body = required.map((s, i) => `\t${s.name}: ${placeholder(s, i + 3, today)}`).join("\n");
  return `${kind} \${1:id} "\${2:Title}" {\n${body}${body ? "\n" : ""}}`;
}

function snippets(today: string): CompletionItem[] {
  return [...DECLARATION_KINDS, "tradeoff" as const].map((kind) => ({
    label: kind,
    kind: CompletionItemKind.Snippet,
    detail: KIND_SPECS.get(kind)?.doc ?? kind,
    insertText: declarationSnippet(kind, today),
    insertTextFormat: InsertTextFormat.Snippet,
  }));
}

function catalogItems(program: Program, qualified: boolean): CompletionItem[] {
  const out: CompletionItem[] = [];
  for (const [id, entry] of program.catalog) {
    const def = entry.properties.find((p) => p.name.name === "definition");
    const doc = def?.value?.type === "phrase" && def.value.expr.type === "string" ? def.value.expr.value : undefined;
    out.push({
      label: qualified ? `std.${id}` : id,
      kind: CompletionItemKind.Reference,
      ...(entry.title ? { detail: entry.title.value } : {}),
      ...(doc ? { documentation: doc } : {}),
    });
  }
  return out.sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
}

function ruleItems(): CompletionItem[] {
  return RULES.map((r) => ({ label: r.id, kind: CompletionItemKind.Value, detail: r.meta.description }));
}

function topLevel(program: Program, before: string, today: string): CompletionItem[] {
  if (/^\s*tradeoff\s+[A-Za-z0-9_]*$/.test(before) || /^\s*tradeoff\s+[A-Za-z0-9_]+\s+vs\s+[A-Za-z0-9_]*$/.test(before)) return idsOfKind(program, "metric", null);
  if (/^\s*metric\b.*\bfrom\s+[A-Za-z0-9_]*$/.test(before)) return catalogItems(program, true);
  if (/^\s*[A-Za-z_]*$/.test(before)) return snippets(today);
  return [];
}

function inBlock(program: Program, text: string, c: Container, wordStart: number): CompletionItem[] {
  const { ch, at } = charBefore(text, wordStart);
  if (ch === ":") {
    // `kr METRIC "Title"?:` — the forms of a key result
    if (c.kind === "okr" && /(?:^|\s)kr\s+[A-Za-z_][A-Za-z0-9_]*(?:\s+"[^"\n]*")?\s*$/.test(text.slice(text.lastIndexOf("\n", at) + 1, at))) return krValueItems();
    const name = propertyOfValue(text, at);
    const spec = name ? KIND_SPECS.get(c.kind)?.properties.get(name) : undefined;
    return spec ? valuesOf(program, spec.type, c.decl) : [];
  }
  if (ch === "[" || ch === ",") {
    const open = openBracket(text, at);
    if (open < 0) return [];
    const colon = charBefore(text, open);
    if (colon.ch !== ":") return [];
    const name = propertyOfValue(text, colon.at);
    const spec = name ? KIND_SPECS.get(c.kind)?.properties.get(name) : undefined;
    return spec ? valuesOf(program, spec.type, c.decl) : [];
  }
  if (ch === "+" || ch === "-" || ch === "*" || ch === "/" || ch === "(") {
    // inside a formula: metric names
    const lineStart = text.lastIndexOf("\n", at) + 1;
    const m = /(?:^|[\s{])formula\s*:/.exec(text.slice(lineStart, at));
    return m ? idsOfKind(program, "metric", c.decl) : [];
  }
  if (ch === ">") return [];
  if (IDENT_CHAR.test(ch)) {
    const prev = wordBefore(text, at + 1).word;
    if (prev === "from") return idsOfKind(program, "source", null);
    if (prev === "kr") return idsOfKind(program, "metric", null);
    if (prev === "view" || prev === "by" || prev === "over" || prev === "on" || prev === "for") return [];
  }
  return propertyNames(c);
}

/** Answers `textDocument/completion`. */
export function completion(session: Session, params: CompletionParams): CompletionItem[] {
  const file = session.file(params?.textDocument?.uri);
  if (!file) return [];
  const offset = toOffset(file, params.position);
  if (offset === null) return [];
  const program = session.program(file);
  const text = file.text;
  const comment = file.ast.comments.find((c) => c.span.start < offset && offset <= c.span.end);
  if (comment) {
    const upto = text.slice(comment.span.start, offset);
    return /^#\s*pmm-ignore\s+(?:[A-Za-z0-9_-]+\s*,\s*)*[A-Za-z0-9_-]*$/.test(upto) ? ruleItems() : [];
  }
  if (insideString(text, offset)) return [];
  const line = file.lines.position(offset).line;
  const before = text.slice(file.lines.lineStart(line), offset);
  const word = /[A-Za-z0-9_]*$/.exec(before)![0];
  if (/\bfrom\s+std\.[A-Za-z0-9_]*$/.test(before)) return catalogItems(program, false);
  const c = containerAt(file, offset);
  if (!c) return topLevel(program, before, session.today(file));
  return inBlock(program, text, c, offset - word.length);
}
