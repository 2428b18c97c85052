import { resolve } from "node:path";
import { Command } from "commander";
import { blueprintText, compileBlueprint, parseWorkspaceReadings, type Blueprint, type Diagnostic, type Program, type Readings } from "@pmm/core";
import { REPORTERS } from "../reporters/index.js";
import { plural } from "../reporters/types.js";
import { UsageError, type Io } from "../io.js";
import { prepare, workspaceOptions, type CommandContext, type Prepared, type WorkspaceOptions } from "./shared.js";

/** Options of the commands that compile a workspace first. */
export interface CompileOptions extends WorkspaceOptions {
  output?: string;
  force?: boolean;
  readings?: string;
}

/** Readings problems printed at most (the count line says the total). */
const MAX_PROBLEMS_SHOWN = 100;

/** The largest readings file read: 64 MiB (a year of daily readings of 1,000 metrics is about 5 MB). */
const MAX_READINGS_BYTES = 64 * 1024 * 1024;

/**
 * Reads `--readings FILE` (CSV, or JSON when the name ends in `.json`):
 * only a regular file, at most 64 MiB, valid UTF-8. Every problem prints as
 * `FILE:LINE:COL: message` on stderr; any problem is exit 2 with nothing written.
 */
export function loadReadings(io: Io, path: string, program: Program): Readings {
  // The same guards as every other input (packages/node/src/safe-write.ts): a regular file only, size-capped, read once.
  const bytes = io.readFile(resolve(io.cwd, path), MAX_READINGS_BYTES);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new UsageError(`${path}: the readings are not valid UTF-8; export them as UTF-8`);
  }
  const readings = parseWorkspaceReadings(program, text, /\.json$/i.test(path) ? "json" : "csv");
  if (readings.problems.length > 0) {
    // The first 100 problems, one line each; a file with thousands of bad cells says how many more there are.
    for (const p of readings.problems.slice(0, MAX_PROBLEMS_SHOWN)) io.stderr(`${path}${p.line !== null ? `:${p.line}:${p.column ?? 1}` : ""}: ${p.message}\n`);
    if (readings.problems.length > MAX_PROBLEMS_SHOWN) io.stderr(`${path}: … and ${readings.problems.length - MAX_PROBLEMS_SHOWN} more\n`);
    throw new UsageError(`${path}: ${plural(readings.problems.length, "problem")} in the readings; fix them and run again`);
  }
  return readings;
}

/**
 * Loads and checks the workspace under `paths`. With `refuse`, a workspace
 * with errors prints them (pretty, to stderr) with a one-line summary and
 * gives null; with `--force` it prints them too, then goes on. Errors the
 * command itself answers (`expected`) do not count.
 */
export function checkedWorkspace(
  ctx: CommandContext,
  paths: readonly string[],
  opts: CompileOptions,
  refuse: boolean,
  expected: (d: Diagnostic) => boolean = () => false,
): Prepared | null {
  const { io } = ctx;
  const prepared = prepare(io, paths, opts);
  const errors = prepared.result.diagnostics.filter((d) => d.severity === "error" && !expected(d));
  if (refuse && errors.length > 0) {
    io.stderr(REPORTERS.get("pretty")!({ diagnostics: errors, files: prepared.files, paths: prepared.loaded.files.map((f) => f.path), color: false }));
    if (!opts.force) {
      io.stderr(`pmm: ${plural(errors.length, "error")} in the workspace; fix them, or pass --force to write the output anyway\n`);
      return null;
    }
    io.stderr(`pmm: ${plural(errors.length, "error")} in the workspace; writing the output anyway (--force)\n`);
  }
  return prepared;
}

/**
 * Loads, checks and compiles the workspace under `paths` (see
 * `checkedWorkspace` for `refuse` and `--force`).
 */
export function compileWorkspace(ctx: CommandContext, paths: readonly string[], opts: CompileOptions, refuse: boolean): Blueprint | null {
  const prepared = checkedWorkspace(ctx, paths, opts, refuse);
  if (prepared === null) return null;
  const { program, diagnostics } = prepared.result;
  // The date goes into the output only when the user gave one, so runs on different days stay byte-identical.
  const given = opts.today ?? prepared.config.today ?? undefined;
  const readings = opts.readings === undefined ? undefined : loadReadings(ctx.io, opts.readings, program);
  return compileBlueprint(program, diagnostics, { ...(given === undefined ? {} : { today: prepared.today }), ...(readings ? { readings } : {}) });
}

/** Writes text to `-o FILE` (relative to the current directory) or stdout. */
export function writeOutput(io: Io, output: string | undefined, text: string): void {
  if (output === undefined || output === "-") io.stdout(text);
  else io.writeFile(resolve(io.cwd, output), text);
}

/**
 * `pmm compile [PATH...]`: the blueprint JSON on stdout or in `-o FILE`.
 * Refuses (exit 1) while errors remain, unless `--force`.
 */
export function compileCommand(ctx: CommandContext): Command {
  const cmd = new Command("compile")
    .description("compile a workspace to the JSON blueprint (refuses while errors remain, unless --force)")
    .argument("[paths...]", "files or folders of the workspace", [])
    .option("-o, --output <file>", "write the blueprint to this file instead of stdout")
    .option("--force", "write the blueprint even when errors remain")
    .option("--readings <file>", "warehouse readings to include: CSV as `mf query --csv` writes it, or the same rows as JSON (docs/readings.md)");
  workspaceOptions(cmd);
  cmd.action((paths: string[], opts: CompileOptions) => {
    const blueprint = compileWorkspace(ctx, paths, opts, true);
    if (blueprint === null) {
      ctx.exit(1);
      return;
    }
    writeOutput(ctx.io, opts.output, blueprintText(blueprint));
    ctx.exit(0);
  });
  return cmd;
}
