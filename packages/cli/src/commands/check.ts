import { Command, Option } from "commander";
import { REPORTERS } from "../reporters/index.js";
import { countBySeverity } from "../reporters/types.js";
import { UsageError } from "../io.js";
import { prepare, workspaceOptions, type CommandContext, type WorkspaceOptions } from "./shared.js";

interface CheckOptions extends WorkspaceOptions {
  format: string;
  maxWarnings?: string;
  quiet?: boolean;
}

/** The docs folder the SARIF help URIs point into. */
export const DOCS_BASE = "https://github.com/pmm-dev/pmm/blob/main/docs/rules/";

/** `pmm check [PATH...]`: check a workspace against every rule. */
export function checkCommand(ctx: CommandContext): Command {
  const cmd = new Command("check")
    .description("check a workspace against the language and the quality gates")
    .argument("[paths...]", "files or folders of the workspace", [])
    .addOption(new Option("-f, --format <format>", "output format").choices([...REPORTERS.keys()].sort()).default("pretty"))
    .option("--max-warnings <n>", "fail when there are more warnings than this")
    .option("--quiet", "report errors only");
  workspaceOptions(cmd);
  cmd.action((paths: string[], opts: CheckOptions) => {
    const { io } = ctx;
    const maxWarnings = opts.maxWarnings === undefined ? Infinity : Number(opts.maxWarnings);
    if (!Number.isInteger(maxWarnings) && maxWarnings !== Infinity) throw new UsageError(`--max-warnings ${opts.maxWarnings}: expected a whole number`);
    const prepared = prepare(io, paths, opts);
    let diagnostics = prepared.result.diagnostics;
    if (opts.quiet) diagnostics = diagnostics.filter((d) => d.severity === "error");
    const reporter = REPORTERS.get(opts.format)!;
    const color = io.stdoutIsTTY && !io.env["NO_COLOR"] && opts.format === "pretty";
    io.stdout(reporter({ diagnostics, files: prepared.files, fileCount: prepared.loaded.files.length, color, docsBase: DOCS_BASE }));
    const counts = countBySeverity(prepared.result.diagnostics);
    ctx.exit(counts.error > 0 || counts.warning > maxWarnings ? 1 : 0);
  });
  return cmd;
}
