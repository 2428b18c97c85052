import { checkWorkspace, isIsoDate, type CheckResult, type SourceFile } from "@pmm/core";
import { Option, type Command } from "commander";
import { EMPTY_CONFIG, fileFilter, parseConfig, withRuleFlags, type Config } from "../config.js";
import { UsageError, type Io } from "../io.js";
import { displayPath, loadWorkspace, type LoadedWorkspace } from "../workspace-loader.js";

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
}

/** Loads the config and the files under `paths`, and checks them. */
export function prepare(io: Io, paths: readonly string[], opts: WorkspaceOptions): Prepared {
  // Find the config first (it can exclude files), then load.
  const probe = loadWorkspaceConfig(io, paths, opts.config);
  const config = withRuleFlags(probe.config, opts.rule ?? []);
  const loaded = loadWorkspace(io, paths, fileFilter(config), opts.config);
  const today = opts.today ?? config.today ?? io.today();
  if (!isIsoDate(today)) throw new UsageError(`--today ${today}: expected a date as YYYY-MM-DD`);
  const result = checkWorkspace(loaded.files, { today, rules: config.rules, vanityTerms: config.vanityTerms });
  const files = new Map(result.program.files.map((f) => [f.path, f]));
  return { loaded, config, today, result, files };
}

function loadWorkspaceConfig(io: Io, paths: readonly string[], override: string | undefined): { config: Config } {
  const probe = loadWorkspace(io, paths.length ? [paths[0]!] : ["."], () => true, override);
  if (!probe.configPath) return { config: EMPTY_CONFIG };
  if (io.stat(probe.configPath) !== "file") throw new UsageError(`${displayPath(io, probe.configPath)}: no such config file`);
  const text = new TextDecoder().decode(io.readFile(probe.configPath));
  return { config: parseConfig(text, displayPath(io, probe.configPath)) };
}
