import { posix, relative, resolve, sep, dirname, join } from "node:path";
import { findConfig as findProjectConfig, pmmFilesUnder, type ProjectFs, type WorkspaceFile } from "@pmm/core";
import type { Io } from "./io.js";
import { UsageError } from "./io.js";

/** The files of a workspace and where it is rooted. */
export interface LoadedWorkspace {
  /** Files with cwd-relative `/` paths (what reporters print), sorted. */
  readonly files: WorkspaceFile[];
  /** Absolute path of the workspace root. */
  readonly root: string;
  /** Absolute path of the config file, if one was found. */
  readonly configPath: string | null;
}

/** A cwd-relative path with `/` separators. */
export function displayPath(io: Io, abs: string): string {
  const rel = relative(io.cwd, abs);
  return (rel === "" ? "." : rel).split(sep).join(posix.sep);
}

/** The core's file-system port over the CLI's Io (project/files.ts selects the files). */
export function projectFs(io: Io): ProjectFs {
  return {
    kind(path) {
      const k = io.stat(path);
      return k === "symlink" ? "other" : k;
    },
    list(dir) {
      try {
        return io.readDir(dir);
      } catch {
        return [];
      }
    },
    join,
    dirname,
    relative: (from, to) => relative(from, to).split(sep).join(posix.sep),
  };
}

/** Finds `pmm.config.yaml` walking up from a path. */
export function findConfig(io: Io, start: string): string | null {
  return findProjectConfig(projectFs(io), io.stat(start, true) === "dir" ? start : dirname(start));
}

/**
 * Collects every `.pmm` file under the given paths, as the core selects them
 * (`pmmFilesUnder`: links met while walking not followed, so nothing outside
 * the paths is read); files given directly count too, and the paths
 * themselves may be links. `exclude` filters workspace-relative paths.
 */
export function loadWorkspace(io: Io, paths: readonly string[], exclude: (relPath: string) => boolean = () => false, configOverride?: string): LoadedWorkspace {
  const given = paths.length ? paths : ["."];
  const abs = given.map((p) => resolve(io.cwd, p));
  for (let i = 0; i < abs.length; i++) {
    if (io.stat(abs[i]!, true) === null) throw new UsageError(`${given[i]}: no such file or directory`);
  }
  const configPath = configOverride ? resolve(io.cwd, configOverride) : findConfig(io, abs[0]!);
  const root = configPath ? dirname(configPath) : io.stat(abs[0]!, true) === "dir" ? abs[0]! : dirname(abs[0]!);
  const seen = new Set<string>();
  const files: WorkspaceFile[] = [];
  const add = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const rel = relative(root, file).split(sep).join(posix.sep);
    if (exclude(rel)) return;
    files.push({ path: displayPath(io, file), contents: io.readFile(file) });
  };
  const fs = projectFs(io);
  const walk = (dir: string): void => {
    for (const file of pmmFilesUnder(fs, dir)) add(file);
  };
  // Paths given on the command line are followed even when they are links.
  for (const p of abs) {
    const kind = io.stat(p, true);
    if (kind === "dir") walk(p);
    else if (kind === "file") add(p);
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, root, configPath };
}
