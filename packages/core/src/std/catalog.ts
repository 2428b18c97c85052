import type { Declaration } from "../ast/nodes.js";
import { parseSource, type SourceFile } from "../syntax/source.js";
import { STD_TEXT } from "./std-text.js";

/** Path under which diagnostics and definitions of the catalog appear. */
export const STD_PATH = "std.pmm";

let cached: SourceFile | undefined;

/** The parsed `std` catalog (parsed once). */
export function catalogFile(): SourceFile {
  cached ??= parseSource(STD_PATH, STD_TEXT, true);
  return cached;
}

let byId: ReadonlyMap<string, Declaration> | undefined;

/** Catalog metric entries by id (built once). */
export function catalogById(): ReadonlyMap<string, Declaration> {
  if (!byId) {
    const map = new Map<string, Declaration>();
    for (const d of catalogFile().ast.declarations) if (d.kind === "metric" && d.id) map.set(d.id.name, d);
    byId = map;
  }
  return byId;
}

/** Catalog entries by id, in file order. */
export function catalogEntries(): Declaration[] {
  return catalogFile().ast.declarations.filter((d) => d.kind === "metric" && d.id !== null);
}
