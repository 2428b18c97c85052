import { resolve } from "node:path";
import { Command, Option } from "commander";
import type { Diagnostic } from "@pmm/core";
import { applyBaseline, baselineText, parseBaseline, toEntry } from "../baseline.js";
import { REPORTERS } from "../reporters/index.js";
import { countBySeverity, plural } from "../reporters/types.js";
import { UsageError } from "../io.js";
import { manifestOption, prepare, workspaceOptions, type CommandContext, type WorkspaceOptions } from "./shared.js";

interface CheckOptions extends WorkspaceOptions {
  format: string;
  maxWarnings?: string;
  quiet?: boolean;
  baseline?: string;
  updateBaseline?: boolean;
}

/** Reads `--max-warnings`: a whole number ≥ 0, or no limit. */
function warningBudget(raw: string | undefined): number {
  if (raw === undefined) return Infinity;
  if (!/^\d+$/.test(raw.trim())) throw new UsageError(`--max-warnings ${raw}: expected a whole number of 0 or more`);
  return Number(raw);
}

/**
 * `pmm check [PATH...]`: check a workspace against every rule.
 *
 * `--quiet` shows errors only (warnings, info and hints are hidden) but
 * hidden warnings still count against `--max-warnings`. A baseline hides the
 * findings it holds from the output and from the exit code.
 */
export function checkCommand(ctx: CommandContext): Command {
  const cmd = new Command("check")
    .description("check a workspace against the language and the quality gates")
    .argument("[paths...]", "files or folders of the workspace", [])
    .addOption(new Option("-f, --format <format>", "output format").choices([...REPORTERS.keys()]).default("pretty"))
    .option("--max-warnings <n>", "fail when there are more than this many warnings (default: no limit)")
    .option("--quiet", "show errors only (hidden warnings still count against --max-warnings)")
    .option("--baseline <file>", "fail only on findings that are not in this baseline file")
    .option("--update-baseline", "write the current findings to the --baseline file and exit 0");
  workspaceOptions(cmd);
  manifestOption(cmd);
  cmd.action((paths: string[], opts: CheckOptions) => {
    const { io } = ctx;
    const maxWarnings = warningBudget(opts.maxWarnings);
    if (opts.updateBaseline && opts.baseline === undefined) throw new UsageError("--update-baseline needs --baseline FILE (the file to write)");
    const baselinePath = opts.baseline === undefined ? null : resolve(io.cwd, opts.baseline);
    // A missing baseline is a usage error, found before the workspace is read.
    if (baselinePath !== null && !opts.updateBaseline && io.stat(baselinePath, true) !== "file") {
      throw new UsageError(`${opts.baseline}: no such baseline file; create it with --update-baseline`);
    }
    const prepared = prepare(io, paths, opts);
    const all = prepared.result.diagnostics;
    if (baselinePath !== null && opts.updateBaseline) {
      io.writeFile(baselinePath, baselineText(all.map((d) => toEntry(d, io.cwd, baselinePath))));
      io.stderr(`pmm: wrote ${plural(all.length, "finding")} to ${opts.baseline}\n`);
      ctx.exit(0);
      return;
    }
    let counted: readonly Diagnostic[] = all;
    let held = 0;
    if (baselinePath !== null) {
      const entries = parseBaseline(new TextDecoder().decode(io.readFile(baselinePath)), opts.baseline!);
      const applied = applyBaseline(all, entries, io.cwd, baselinePath);
      counted = applied.fresh;
      held = applied.held;
    }
    const shown = opts.quiet ? counted.filter((d) => d.severity === "error") : counted;
    const reporter = REPORTERS.get(opts.format)!;
    const color = io.stdoutIsTTY && !io.env["NO_COLOR"] && opts.format === "pretty";
    const checked = prepared.loaded.files.map((f) => f.path);
    io.stdout(reporter({ diagnostics: shown, files: prepared.files, paths: checked, color, baselined: held }));
    const counts = countBySeverity(counted);
    const overBudget = counts.warning > maxWarnings;
    if (overBudget) io.stderr(`pmm: too many warnings: ${counts.warning} (--max-warnings ${maxWarnings})\n`);
    ctx.exit(counts.error > 0 || overBudget ? 1 : 0);
  });
  return cmd;
}
