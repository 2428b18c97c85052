import { Command } from "commander";
import { exportDbt } from "@pmm/core";
import { compileWorkspace, writeOutput, type CompileOptions } from "./compile.js";
import { workspaceOptions, type CommandContext } from "./shared.js";

/**
 * `pmm export dbt [PATH...] [-o FILE]`: dbt semantic-layer (MetricFlow)
 * metric YAML. Metrics that cannot be exported go to stderr, one line each
 * with the reason. Refuses (exit 1) while errors remain, unless `--force`.
 */
export function exportCommand(ctx: CommandContext): Command {
  const dbt = new Command("dbt")
    .description("write dbt semantic-layer (MetricFlow) metrics YAML for the metrics with a `measure` or `formula`")
    .argument("[paths...]", "files or folders of the workspace", [])
    .option("-o, --output <file>", "write the YAML to this file instead of stdout")
    .option("--force", "export even when errors remain");
  workspaceOptions(dbt);
  dbt.action((paths: string[], opts: CompileOptions) => {
    const blueprint = compileWorkspace(ctx, paths, opts, true);
    if (blueprint === null) {
      ctx.exit(1);
      return;
    }
    const out = exportDbt(blueprint);
    for (const s of out.skipped) ctx.io.stderr(`pmm: not exported: \`${s.metric}\`: ${s.reason}\n`);
    writeOutput(ctx.io, opts.output, out.yaml);
    ctx.exit(0);
  });
  return new Command("export").description("export the workspace's metrics to another tool (dbt)").addCommand(dbt);
}
