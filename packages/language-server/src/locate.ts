// What sits at an offset of a file: a reference, a declaration's id, a
// property name, a catalog name after `from`, or a rule id in a suppression.
import {
  fileSuppressions,
  KIND_SPECS,
  type Declaration,
  type KeyResult,
  type KindSpec,
  type Program,
  type Property,
  type PropertySpec,
  type Reference,
  type SourceFile,
  type Span,
  type View,
} from "@pmm/core";

/** What a position points at. */
export type Target =
  | { readonly t: "reference"; readonly ref: Reference; readonly span: Span }
  | { readonly t: "declaration"; readonly decl: Declaration; readonly span: Span }
  | { readonly t: "property"; readonly prop: Property; readonly spec: PropertySpec | undefined; readonly kind: KindSpec["kind"]; readonly span: Span }
  | { readonly t: "view"; readonly view: View; readonly decl: Declaration; readonly span: Span }
  | { readonly t: "rule"; readonly id: string; readonly span: Span };

const refsByFile = new WeakMap<Program, Map<string, Reference[]>>();

/** The references written in one file (indexed once per program). */
export function referencesIn(program: Program, path: string): readonly Reference[] {
  let index = refsByFile.get(program);
  if (!index) {
    index = new Map();
    for (const r of program.references) {
      const list = index.get(r.file.path);
      if (list) list.push(r);
      else index.set(r.file.path, [r]);
    }
    refsByFile.set(program, index);
  }
  return index.get(path) ?? [];
}

/** True when the offset touches the span (a cursor right after a name counts). */
export function touches(span: Span, offset: number): boolean {
  return span.start <= offset && offset <= span.end;
}

/** The top-level declaration whose text holds the offset. */
export function declarationAt(file: SourceFile, offset: number): Declaration | undefined {
  const decls = file.ast.declarations;
  let lo = 0;
  let hi = decls.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const d = decls[mid]!;
    if (offset < d.span.start) hi = mid - 1;
    else if (offset > d.span.end) lo = mid + 1;
    else return d;
  }
  return undefined;
}

/** The spec of a property in a container (a declaration, a key result or a view). */
export function propertySpec(kind: KindSpec["kind"], name: string): PropertySpec | undefined {
  return KIND_SPECS.get(kind)?.properties.get(name);
}

function propertyAt(props: readonly Property[], kind: KindSpec["kind"], offset: number): Target | null {
  for (const p of props) {
    if (touches(p.name.span, offset)) return { t: "property", prop: p, spec: propertySpec(kind, p.name.name), kind, span: p.name.span };
  }
  return null;
}

function memberAt(decl: Declaration, offset: number): Target | null {
  const own = propertyAt(decl.properties, decl.kind, offset);
  if (own) return own;
  for (const kr of decl.keyResults as readonly KeyResult[]) {
    if (!touches(kr.span, offset)) continue;
    const p = propertyAt(kr.properties, "kr", offset);
    if (p) return p;
  }
  for (const v of decl.views) {
    if (touches(v.id.span, offset)) return { t: "view", view: v, decl, span: v.id.span };
    if (!touches(v.span, offset)) continue;
    const p = propertyAt(v.properties, "view", offset);
    if (p) return p;
  }
  return null;
}

/** The rule id under the offset in a `# pmm-ignore` comment. */
function ruleAt(file: SourceFile, offset: number): Target | null {
  const comment = file.ast.comments.find((c) => touches(c.span, offset));
  if (!comment || !/^#\s*pmm-ignore\b/.test(comment.text)) return null;
  for (const s of fileSuppressions(file)) {
    if (s.span.start !== comment.span.start) continue;
    for (const r of s.rules) if (touches(r.span, offset)) return { t: "rule", id: r.id, span: r.span };
  }
  return null;
}

/** What is at an offset of a file, or null. */
export function locate(program: Program, file: SourceFile, offset: number): Target | null {
  const rule = ruleAt(file, offset);
  if (rule) return rule;
  for (const r of referencesIn(program, file.path)) if (touches(r.span, offset)) return { t: "reference", ref: r, span: r.span };
  const decl = declarationAt(file, offset);
  if (!decl) return null;
  if (decl.id && touches(decl.id.span, offset)) return { t: "declaration", decl, span: decl.id.span };
  return memberAt(decl, offset);
}

/** The declaration a target names (a resolved reference, or a declaration's id). */
export function declarationOf(target: Target | null): Declaration | null {
  if (!target) return null;
  if (target.t === "declaration") return target.decl;
  if (target.t === "reference" && !target.ref.catalog) return target.ref.target;
  return null;
}
