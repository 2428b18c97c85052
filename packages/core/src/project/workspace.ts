import { checkProgram, type CheckOptions } from "../check/run.js";
import type { Diagnostic } from "../diagnostics.js";
import { Parser } from "../syntax/parse.js";
import { Catalog } from "../std/catalog.js";
import { Program } from "../workspace/program.js";
import { parseSource, type FileContents, type SourceFile } from "../syntax/source.js";
import { fileFacts, type FileFacts } from "../workspace/validate.js";

/** One file handed to the core. */
export interface WorkspaceFile {
  readonly path: string;
  readonly contents: FileContents;
  /**
   * Why the file could not be read (deleted after it was found, too large,
   * no permission), in the caller's words; the file is then one `syntax`
   * finding at its start instead of text (docs/safety.md).
   */
  readonly problem?: string;
}

/** Options for a whole check. */
export interface WorkspaceCheckOptions extends CheckOptions {
  /** Today's date (ISO); time-dependent rules use it. */
  readonly today: string;
}

/** The result of checking a workspace. */
export interface CheckResult {
  readonly program: Program;
  readonly diagnostics: Diagnostic[];
}

/** How a workspace is built. */
export interface WorkspaceOptions {
  /** The parser for this workspace's files (default: a new one; a caller making many workspaces may share one). */
  readonly parser?: Parser;
  /** The std catalog (default: one parsed by this workspace's parser on first use; a caller making many workspaces may share one). */
  readonly catalog?: Catalog;
}

/** A parsed file and what it says on its own. */
interface Cached {
  readonly source: SourceFile;
  readonly facts: FileFacts;
}

/**
 * A workspace kept in memory. Besides the std catalog (parsed once, on the
 * first `set`), the only cache is per file: `set` parses a file
 * and computes its facts (validate.ts) once, while its AST is still in the
 * CPU's cache; `check` builds the program from every file's cached facts and
 * runs every rule. An edit re-parses that file only. The CLI uses a workspace
 * once; the language server keeps one per workspace folder.
 */
export class Workspace {
  private readonly files_ = new Map<string, Cached>();
  private readonly parser: Parser;
  private readonly catalog: Catalog;
  /** The program of the current files, until a file changes. */
  private cachedProgram: Program | undefined;

  constructor(options: WorkspaceOptions = {}) {
    this.parser = options.parser ?? new Parser();
    this.catalog = options.catalog ?? new Catalog(this.parser);
  }

  /** Adds or replaces a file (re-parsing it); `problem`: why it could not be read (see WorkspaceFile). */
  set(path: string, contents: FileContents, problem?: string): SourceFile {
    const source = parseSource(path, contents, false, problem, this.parser);
    this.files_.set(path, { source, facts: fileFacts(source, this.catalog.byId) });
    this.cachedProgram = undefined;
    return source;
  }

  /** Removes a file; true when it was there. */
  delete(path: string): boolean {
    const had = this.files_.delete(path);
    if (had) this.cachedProgram = undefined;
    return had;
  }

  /** A parsed file by path. */
  get(path: string): SourceFile | undefined {
    return this.files_.get(path)?.source;
  }

  /** Every file, sorted by path (deterministic). */
  files(): SourceFile[] {
    return [...this.files_.values()].map((c) => c.source).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  /** The resolved program for a date (rebuilt after any change, from the files' cached facts). */
  program(today: string): Program {
    if (!this.cachedProgram || this.cachedProgram.today !== today) {
      const facts = new Map<SourceFile, FileFacts>();
      for (const c of this.files_.values()) facts.set(c.source, c.facts);
      this.cachedProgram = new Program(this.files(), today, facts, this.catalog);
    }
    return this.cachedProgram;
  }

  /** Resolves and runs every rule. */
  check(options: WorkspaceCheckOptions): CheckResult {
    const program = this.program(options.today);
    return { program, diagnostics: checkProgram(program, options) };
  }
}

/** Parses, resolves and checks a set of files in one call (`shared`: a parser and catalog kept across calls). */
export function checkWorkspace(files: readonly WorkspaceFile[], options: WorkspaceCheckOptions, shared: WorkspaceOptions = {}): CheckResult {
  const ws = new Workspace(shared);
  for (const f of files) ws.set(f.path, f.contents, f.problem);
  return ws.check(options);
}
