// The built-in `std` catalog (std.pmm), parsed once per `Catalog` a caller holds (a Workspace holds one).
import type { Declaration } from "../ast/nodes.js";
import { Parser } from "../syntax/parse.js";
import { parseSource, type SourceFile } from "../syntax/source.js";
import { STD_TEXT } from "./std-text.js";

/** Path under which diagnostics and definitions of the catalog appear. */
export const STD_PATH = "std.pmm";

/**
 * The `std` catalog: std.pmm parsed on first use (with the given parser, so a
 * workspace does not build a second grammar, else a new one) and its metric
 * entries by id.
 * Its declarations are the `entry` of every metric that starts `from std.NAME`
 * in the programs built with it.
 */
export class Catalog {
  private file_: SourceFile | undefined;
  private byId_: ReadonlyMap<string, Declaration> | undefined;

  constructor(private readonly parser?: Parser) {}

  /** The catalog's file (parsed on first use). */
  get file(): SourceFile {
    this.file_ ??= parseSource(STD_PATH, STD_TEXT, true, undefined, this.parser ?? new Parser());
    return this.file_;
  }

  /** Metric entries by id. */
  get byId(): ReadonlyMap<string, Declaration> {
    if (!this.byId_) {
      const map = new Map<string, Declaration>();
      for (const d of this.entries) map.set(d.id!.name, d);
      this.byId_ = map;
    }
    return this.byId_;
  }

  /** Metric entries, in file order. */
  get entries(): Declaration[] {
    return this.file.ast.declarations.filter((d) => d.kind === "metric" && d.id !== null);
  }
}
