import { Catalog, checkWorkspace, isIsoDate, MAX_MANIFEST_BYTES, Parser, type CheckResult, type DbtManifest, type SourceFile, type WorkspaceFile } from "@pmm/core";
import { dbtManifestOf } from "@pmm/node";
import { Option, type Command } from "commander";
import { EMPTY_CONFIG, fileFilter, parseConfig, withRuleFlags, type Config } from "../config.js";
import { UsageError, type Io } from "../io.js";
import { dirname, resolve } from "node:path";
import { displayPath, findConfig, loadWorkspace, type LoadedWorkspace } from "../workspace-loader.js";

/** What every command gets. */
export interface CommandContext {
  readonly io: Io;
  /** Sets the process exit code. */
  exit(code: number): void;
}

/** Options shared by the commands that load a workspace. */
export interface WorkspaceOptions {
  today?: string;
  config?: string;
  rule?: string[];
  /** `--dbt-manifest FILE` (commands that take it). */
  dbtManifest?: string;
}

/** Adds `--dbt-manifest FILE` to a command. */
export function manifestOption(cmd: Command): Command {
  return cmd.option(
    "--dbt-manifest <file>",
    "compare with the dbt project's semantic manifest (`target/semantic_manifest.json`, written by `dbt parse`); default: the config's `dbt_manifest`",
  );
}

/**
 * Reads a dbt semantic manifest through the CLI's one reader of user files
 * (`io.read`: a regular file only — devices, FIFOs and folders are refused
 * unread — of at most MAX_MANIFEST_BYTES), then as UTF-8 in dbt's format.
 * Any problem is one line with the path (exit 2).
 */
export function readManifest(io: Io, path: string, shownAs: string): DbtManifest {
  const parsed = dbtManifestOf(io.read(path, MAX_MANIFEST_BYTES));
  if (parsed.error !== undefined) throw new UsageError(`${shownAs}: ${parsed.error}`);
  return parsed.manifest;
}

/** Adds `--today`, `--config` and `--rule` to a command. */
export function workspaceOptions(cmd: Command): Command {
  return cmd
    .option("--today <date>", "the date to check against (YYYY-MM-DD; default: today)")
    .option("--config <file>", "use this config file instead of the nearest pmm.config.yaml")
    .addOption(new Option("--rule <id=severity>", "set a rule's severity (repeatable)").argParser((v: string, prev: string[] | undefined) => [...(prev ?? []), v]));
}

/** A loaded and checked workspace. */
export interface Prepared {
  readonly loaded: LoadedWorkspace;
  readonly config: Config;
  readonly today: string;
  readonly result: CheckResult;
  readonly files: ReadonlyMap<string, SourceFile>;
  /** Checks other texts of the workspace's files with the same config and date (`--fix` passes). */
  recheck(files: readonly WorkspaceFile[]): CheckResult;
  /** The dbt semantic manifest compared with, if any. */
  readonly manifest: DbtManifest | null;
}

/** Checks `--today` (or the config's `today`) and returns the date to check against. */
export function resolveToday(io: Io, flag: string | undefined, config: Config): string {
  if (flag !== undefined) {
    if (!isIsoDate(flag)) throw new UsageError(`--today ${flag}: expected a date as YYYY-MM-DD`);
    return flag;
  }
  return config.today ?? io.today();
}

/** Finds (or takes from `--config`) and reads the config for the first path; the empty config when there is none. */
export function loadConfig(io: Io, paths: readonly string[], override: string | undefined): { config: Config; path: string | null } {
  const given = paths.length ? paths : ["."];
  const first = resolve(io.cwd, given[0]!);
  if (io.stat(first, true) === null) throw new UsageError(`${given[0]}: no such file or directory`);
  const path = override !== undefined ? resolve(io.cwd, override) : findConfig(io, first);
  if (path === null) return { config: EMPTY_CONFIG, path };
  const kind = io.stat(path, true);
  if (kind === null) throw new UsageError(`${override ?? displayPath(io, path)}: no such config file`);
  if (kind !== "file") throw new UsageError(`${override ?? displayPath(io, path)}: the config must be a file`);
  const text = new TextDecoder().decode(io.readFile(path));
  return { config: parseConfig(text, displayPath(io, path)), path };
}

/** Loads the config and the files under `paths`, and checks them. */
export function prepare(io: Io, paths: readonly string[], opts: WorkspaceOptions): Prepared {
  // The config comes first: it can leave files out.
  const found = loadConfig(io, paths, opts.config);
  const config = withRuleFlags(found.config, opts.rule ?? []);
  const today = resolveToday(io, opts.today, config);
  // `--dbt-manifest` is relative to the current folder; the config's `dbt_manifest` to the config's folder.
  const manifest =
    opts.dbtManifest !== undefined
      ? readManifest(io, resolve(io.cwd, opts.dbtManifest), opts.dbtManifest)
      : config.dbtManifest !== null && found.path !== null
        ? readManifest(io, resolve(dirname(found.path), config.dbtManifest), displayPath(io, resolve(dirname(found.path), config.dbtManifest)))
        : null;
  const loaded = loadWorkspace(io, paths, fileFilter(config), found.path ?? undefined);
  // One parser and std catalog for the first check and every recheck of `--fix`.
  const parser = new Parser();
  const shared = { parser, catalog: new Catalog(parser) };
  const recheck = (files: readonly WorkspaceFile[]): CheckResult =>
    checkWorkspace(files, { today, rules: config.rules, vanityTerms: config.vanityTerms, dbtManifest: manifest }, shared);
  const result = recheck(loaded.files);
  const files = new Map(result.program.files.map((f) => [f.path, f]));
  return { loaded, config, today, result, files, manifest, recheck };
}
