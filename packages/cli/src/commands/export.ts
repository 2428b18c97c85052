import { Command } from "commander";
import { compileDbtSource, exportDbt, type Diagnostic } from "@pmm/core";
import { plural } from "../reporters/types.js";
import { checkedWorkspace, writeOutput, type CompileOptions } from "./compile.js";
import { manifestOption, workspaceOptions, type CommandContext } from "./shared.js";

interface ExportOptions extends CompileOptions {
  semanticModels?: boolean;
}

/**
 * `pmm export dbt [PATH...] [-o FILE]`: dbt semantic-layer (MetricFlow) YAML
 * — metrics, saved queries, and with `--semantic-models` stub semantic models
 * for the measures the dbt manifest lacks. Metrics left out and names changed
 * go to stderr, one line each with the reason. Refuses (exit 1) while errors
 * remain, unless `--force` (which still prints them), and when no metric can
 * be exported.
 */
export function exportCommand(ctx: CommandContext): Command {
  const dbt = new Command("dbt")
    .description("write dbt semantic-layer (MetricFlow) YAML: metrics with a `measure` or `formula`, and saved queries for dashboard views and reports")
    .argument("[paths...]", "files or folders of the workspace", [])
    .option("-o, --output <file>", "write the YAML to this file instead of stdout")
    .option("--force", "export even when errors remain (they are still printed)")
    .option("--semantic-models", "also write stub semantic models for the measures the dbt manifest lacks (every measure when there is no manifest)");
  workspaceOptions(dbt);
  manifestOption(dbt);
  dbt.action((paths: string[], opts: ExportOptions) => {
    const { io } = ctx;
    // The stubs of `--semantic-models` are the answer to the measures the manifest lacks: those findings do not refuse.
    const stubbed = (d: Diagnostic): boolean => opts.semanticModels === true && d.rule === "dbt-drift" && d.messageId === "missingMeasure";
    const prepared = checkedWorkspace(ctx, paths, opts, true, stubbed);
    if (prepared === null) {
      ctx.exit(1);
      return;
    }
    const out = exportDbt(compileDbtSource(prepared.result.program, prepared.result.diagnostics), { semanticModels: opts.semanticModels === true, manifest: prepared.manifest });
    for (const s of out.skipped) io.stderr(`pmm: not exported: \`${s.metric}\`: ${s.reason}\n`);
    for (const n of out.notes) io.stderr(`pmm: note: \`${n.subject}\`: ${n.note}\n`);
    if (out.exported.length === 0) {
      // MetricFlow refuses a project with no metrics (`mf validate-configs`: "No metrics present"): write nothing.
      const total = prepared.result.program.metrics.size;
      const which =
        total === 0
          ? "the workspace has no metric"
          : `none of the workspace's ${plural(total, "metric")} has a \`measure\` (the dbt measure that computes it) or a \`formula\` over exported metrics`;
      io.stderr(`pmm: nothing to export to dbt: ${which}; add a metric with a \`measure\` (docs/dbt.md)\n`);
      ctx.exit(1);
      return;
    }
    writeOutput(io, opts.output, out.yaml);
    ctx.exit(0);
  });
  return new Command("export").description("export the workspace's metrics to another tool (dbt)").addCommand(dbt);
}
