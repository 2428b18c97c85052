import { resolve } from "node:path";
import { Command, Option } from "commander";
import type { Diagnostic } from "@pmm/core";
import { applyBaseline, baselineText, parseBaseline, toEntry } from "../baseline.js";
import { REPORTERS } from "../reporters/index.js";
import { countBySeverity, plural } from "../reporters/types.js";
import { UsageError } from "../io.js";
import { applySafeFixes, unifiedDiff } from "../fix.js";
import { visible } from "../visible.js";
import { manifestOption, prepare, workspaceOptions, type CommandContext, type WorkspaceOptions } from "./shared.js";

interface CheckOptions extends WorkspaceOptions {
  format: string;
  maxWarnings?: string;
  quiet?: boolean;
  baseline?: string;
  updateBaseline?: boolean;
  group: boolean;
  statistics?: boolean;
  fix?: boolean;
  fixDryRun?: boolean;
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
    .option("--update-baseline", "write the current findings to the --baseline file and exit 0")
    .option("--no-group", "pretty: print every finding on its own instead of grouping findings of the same rule and message")
    .option("--statistics", "pretty: print only the summary table (rule, severity, count, what to do)")
    .option("--fix", "apply the fixes that need no decision, write the files, then report what remains")
    .option("--fix-dry-run", "print the fixes --fix would apply as a unified diff; write nothing");
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
    if (opts.fix && opts.fixDryRun) throw new UsageError("--fix and --fix-dry-run: choose one");
    let prepared = prepare(io, paths, opts);
    if (opts.fixDryRun) {
      const outcome = applySafeFixes(prepared.loaded.files, prepared.recheck);
      for (const f of outcome.changed) io.stdout(unifiedDiff(f.path, f.before, f.after, visible));
      io.stderr(`pmm: --fix would apply ${plural(outcome.applied.length, "fix", "fixes")} in ${plural(outcome.changed.length, "file")}; nothing written\n`);
      ctx.exit(outcome.changed.length > 0 ? 1 : 0);
      return;
    }
    let failed = false;
    if (opts.fix) {
      const outcome = applySafeFixes(prepared.loaded.files, prepared.recheck);
      const say = opts.format === "pretty" ? io.stdout : io.stderr;
      const loaded = new Map(prepared.loaded.files.map((f) => [f.path, f]));
      const unwritten = new Set<string>();
      for (const f of outcome.changed) {
        const file = loaded.get(f.path)!;
        // only files read with a fingerprint have a text to fix; the write checks the file is unchanged since
        const written = io.replace(file.abs, Buffer.from(`${f.bom ? "\uFEFF" : ""}${f.after}`, "utf8"), file.fingerprint!);
        if (!written.ok) {
          io.stderr(`pmm: ${visible(f.path)}: not fixed: ${written.message}\n`);
          unwritten.add(f.path);
        }
      }
      const done = outcome.applied.filter((a) => a.files.every((p) => !unwritten.has(p)));
      for (const a of done) say(`fixed ${visible(a.file)}:${a.line}:${a.column} ${a.rule}: ${visible(a.title)}\n`);
      say(`pmm: applied ${plural(done.length, "fix", "fixes")} in ${plural(outcome.changed.length - unwritten.size, "file")}${done.length ? "; what remains:" : ""}\n\n`);
      failed = unwritten.size > 0;
      // what remains: the fixed texts, or what is on disk when a file was left as it was
      if (failed) prepared = prepare(io, paths, opts);
      else prepared = { ...prepared, result: outcome.result, files: new Map(outcome.result.program.files.map((f) => [f.path, f])) };
    }
    const all = prepared.result.diagnostics;
    if (baselinePath !== null && opts.updateBaseline) {
      io.writeFile(baselinePath, baselineText(all.map((d) => toEntry(d, io.cwd, baselinePath))));
      io.stderr(`pmm: wrote ${plural(all.length, "finding")} to ${visible(opts.baseline!)}\n`);
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
    io.stdout(reporter({ diagnostics: shown, files: prepared.files, paths: checked, color, baselined: held, group: opts.group, statistics: opts.statistics === true }));
    const counts = countBySeverity(counted);
    const overBudget = counts.warning > maxWarnings;
    if (overBudget) io.stderr(`pmm: too many warnings: ${counts.warning} (--max-warnings ${maxWarnings})\n`);
    ctx.exit(failed ? 2 : counts.error > 0 || overBudget ? 1 : 0);
  });
  return cmd;
}
