import { posix, relative, resolve, sep, dirname } from "node:path";
import { findConfig as findProjectConfig, pmmFilesUnder, type ProjectFs, type WorkspaceFile } from "@pmm/core";
import { projectFs, unreadable } from "@pmm/node";
import type { Fingerprint, Io } from "./io.js";
import { UsageError } from "./io.js";

/** A file of the workspace as read: its bytes and fingerprint, or (`problem`) why it could not be read. */
export interface LoadedFile extends WorkspaceFile {
  /** Absolute path. */
  readonly abs: string;
  /** What the file was when read (null when it could not be read). */
  readonly fingerprint: Fingerprint | null;
}

/** The files of a workspace and where it is rooted. */
export interface LoadedWorkspace {
  /** Files with cwd-relative `/` paths (what reporters print), sorted. */
  readonly files: LoadedFile[];
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
function projectFsOf(io: Io): ProjectFs {
  return projectFs({
    kind(path) {
      const k = io.stat(path);
      return k === "symlink" ? "other" : k;
    },
    list: (dir) => io.readDir(dir),
  });
}

/** Finds `pmm.config.yaml` walking up from a path. */
export function findConfig(io: Io, start: string): string | null {
  // The core finds anything named pmm.config.yaml (a link included, followed when read); anything there that is not a file is refused by loadConfig (exit 2).
  return findProjectConfig(projectFsOf(io), io.stat(start, true) === "dir" ? start : dirname(start));
}

/**
 * Collects every `.pmm` file under the given paths, as the core selects them
 * (`pmmFilesUnder`: links met while walking not followed, so nothing outside
 * the paths is read); files given directly count too, and the paths
 * themselves may be links. `exclude` filters workspace-relative paths. A file
 * that cannot be read is kept with its `problem` — except one named in
 * `paths`, which is a UsageError unless `keepUnreadable` (fmt reports every
 * file and goes on).
 */
export function loadWorkspace(
  io: Io,
  paths: readonly string[],
  exclude: (relPath: string) => boolean = () => false,
  configOverride?: string,
  keepUnreadable = false,
): LoadedWorkspace {
  const given = paths.length ? paths : ["."];
  const abs = given.map((p) => resolve(io.cwd, p));
  for (let i = 0; i < abs.length; i++) {
    const kind = io.stat(abs[i]!, true);
    if (kind === null) throw new UsageError(`${given[i]}: no such file or directory`);
    if (kind === "other") throw new UsageError(`${given[i]}: not a regular file or folder (a device, FIFO or socket); give pmm .pmm files or folders`);
  }
  const configPath = configOverride ? resolve(io.cwd, configOverride) : findConfig(io, abs[0]!);
  const root = configPath ? dirname(configPath) : io.stat(abs[0]!, true) === "dir" ? abs[0]! : dirname(abs[0]!);
  const seen = new Set<string>();
  const files: LoadedFile[] = [];
  const add = (file: string, given: boolean): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const rel = relative(root, file).split(sep).join(posix.sep);
    if (exclude(rel)) return;
    const r = io.read(file);
    const path = displayPath(io, file);
    if (r.ok) files.push({ path, abs: file, contents: r.bytes, fingerprint: r.fingerprint });
    // A file named on the command line that cannot be read stops the run; one
    // found in a folder is a finding on it (core: WorkspaceFile.problem) and the run goes on.
    else if (given && !keepUnreadable) throw new UsageError(`${path}: ${r.message}`);
    else files.push({ path, abs: file, contents: "", fingerprint: null, problem: unreadable(r) });
  };
  const fs = projectFsOf(io);
  const walk = (dir: string): void => {
    for (const file of pmmFilesUnder(fs, dir)) add(file, false);
  };
  // Paths given on the command line are followed even when they are links.
  for (const p of abs) {
    const kind = io.stat(p, true);
    if (kind === "dir") walk(p);
    else if (kind === "file") add(p, true);
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, root, configPath };
}
