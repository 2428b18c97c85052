import { checkProgram, type CheckOptions } from "../check/run.js";
import type { Diagnostic } from "../diagnostics.js";
import { Program } from "./program.js";
import { parseSource, type FileContents, type SourceFile } from "./source.js";

/** One file handed to the core. */
export interface WorkspaceFile {
  readonly path: string;
  readonly contents: FileContents;
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

/**
 * A workspace kept in memory: files are parsed once and re-parsed only when
 * they change; the program and diagnostics are rebuilt on demand. The CLI uses
 * it once; the language server keeps one for the session.
 */
export class Workspace {
  private readonly sources = new Map<string, SourceFile>();
  private cachedProgram: Program | undefined;
  private cachedToday: string | undefined;

  /** Adds or replaces a file (re-parsing it). */
  set(path: string, contents: FileContents): SourceFile {
    const source = parseSource(path, contents);
    this.sources.set(path, source);
    this.cachedProgram = undefined;
    return source;
  }

  /** Removes a file; true when it was there. */
  delete(path: string): boolean {
    const had = this.sources.delete(path);
    if (had) this.cachedProgram = undefined;
    return had;
  }

  /** A parsed file by path. */
  get(path: string): SourceFile | undefined {
    return this.sources.get(path);
  }

  /** Every file, sorted by path (deterministic). */
  files(): SourceFile[] {
    return [...this.sources.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  /** The resolved program for a date. */
  program(today: string): Program {
    if (!this.cachedProgram || this.cachedToday !== today) {
      this.cachedProgram = new Program(this.files(), today);
      this.cachedToday = today;
    }
    return this.cachedProgram;
  }

  /** Resolves and runs every rule. */
  check(options: WorkspaceCheckOptions): CheckResult {
    const program = this.program(options.today);
    return { program, diagnostics: checkProgram(program, options) };
  }
}

/** Parses, resolves and checks a set of files in one call. */
export function checkWorkspace(files: readonly WorkspaceFile[], options: WorkspaceCheckOptions): CheckResult {
  const ws = new Workspace();
  for (const f of files) ws.set(f.path, f.contents);
  return ws.check(options);
}
