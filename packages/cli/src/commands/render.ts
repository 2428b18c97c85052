import { Command } from "commander";
import { renderReport } from "@pmm/core";
import { compileWorkspace, writeOutput, type CompileOptions } from "./compile.js";
import { workspaceOptions, type CommandContext } from "./shared.js";

/**
 * `pmm render [PATH...] -o report.html`: the blueprint as one self-contained
 * HTML page. It renders even when errors remain (the page lists them).
 */
export function renderCommand(ctx: CommandContext): Command {
  const cmd = new Command("render")
    .description("write a self-contained HTML report of the workspace (constellation, OKRs, views, calendar, targets, diagnostics)")
    .argument("[paths...]", "files or folders of the workspace", [])
    .option("-o, --output <file>", "write the page to this file instead of stdout")
    .option("--readings <file>", "warehouse readings to show: CSV as `mf query --csv` writes it, or the same rows as JSON (docs/readings.md)");
  workspaceOptions(cmd);
  cmd.action((paths: string[], opts: CompileOptions) => {
    const blueprint = compileWorkspace(ctx, paths, opts, false)!;
    writeOutput(ctx.io, opts.output, renderReport(blueprint));
    ctx.exit(0);
  });
  return cmd;
}
