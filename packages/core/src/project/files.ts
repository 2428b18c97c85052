// Which files make a project: where its config is, what a `.pmm` file is, and
// which files under a folder the config's `include`/`exclude` keep. The core
// does no I/O: the CLI and the language server each give a `ProjectFs` over
// the real file system, and both select files here, so they always agree.
import picomatch from "picomatch";
import type { ProjectConfig } from "./config.js";

/** What the file selection needs from a file system (paths are the shell's own). */
export interface ProjectFs {
  /** What is at a path, without following a symbolic link (`other` for a link or anything else); null when nothing is. */
  kind(path: string): "file" | "dir" | "other" | null;
  /** The names in a folder (empty when it cannot be read). */
  list(dir: string): readonly string[];
  /** A path in a folder. */
  join(dir: string, name: string): string;
  /** The folder a path is in (the path itself at the root). */
  dirname(path: string): string;
  /** `to` relative to the folder `from`, with `/` separators. */
  relative(from: string, to: string): string;
}

/** The config file's name. */
export const CONFIG_NAME = "pmm.config.yaml";

/**
 * True for a `.pmm` file name: it ends in `.pmm`, lowercase, exactly (as the
 * language and the editor's file association say; `a.PMM` is not one).
 */
export function isPmmPath(path: string): boolean {
  return path.endsWith(".pmm");
}

/**
 * The nearest `pmm.config.yaml` in a folder or any folder above it, or null.
 * Anything of that name counts (a link too, which the shell follows when it
 * reads it); a shell refuses one that is not a file.
 */
export function findConfig(fs: ProjectFs, startDir: string): string | null {
  let dir = startDir;
  for (;;) {
    const candidate = fs.join(dir, CONFIG_NAME);
    if (fs.kind(candidate) !== null) return candidate;
    const parent = fs.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

/**
 * A predicate over paths relative to the config's folder (`/` separators):
 * true when `include` (when given) does not match or `exclude` matches. Globs
 * are picomatch's: `*`, `**`, `?`, `[abc]`, `{a,b}` braces, dot files matched.
 */
export function leftOut(config: ProjectConfig): (rel: string) => boolean {
  const options = { dot: true, windows: false };
  const inc = config.include.length ? picomatch([...config.include], options) : null;
  const exc = config.exclude.length ? picomatch([...config.exclude], options) : null;
  return (rel) => (inc !== null && !inc(rel)) || (exc !== null && exc(rel));
}

/** True when a folder or file name is never walked into: `node_modules` and names starting with a dot. */
function skipped(name: string): boolean {
  return name === "node_modules" || name.startsWith(".");
}

/**
 * Every `.pmm` file under a folder, sorted by path: at any depth (the walk
 * keeps its own stack, so depth costs no recursion), symbolic links not
 * followed (nothing outside the folder is read, and a link cycle cannot
 * loop), `node_modules` and dot folders skipped.
 */
export function pmmFilesUnder(fs: ProjectFs, root: string): string[] {
  const out: string[] = [];
  const stack = [root];
  while (stack.length > 0) {
    const dir = stack.pop()!;
    for (const name of fs.list(dir)) {
      if (skipped(name)) continue;
      const full = fs.join(dir, name);
      const kind = fs.kind(full);
      if (kind === "dir") stack.push(full);
      else if (kind === "file" && isPmmPath(name)) out.push(full);
    }
  }
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The `.pmm` files of a folder that the config keeps, its globs relative to `base` (the config's folder). */
export function projectFiles(fs: ProjectFs, root: string, base: string, config: ProjectConfig): string[] {
  const out = leftOut(config);
  return pmmFilesUnder(fs, root).filter((p) => !out(fs.relative(base, p)));
}
