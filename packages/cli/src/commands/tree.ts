import { Command } from "commander";
import { metricTree } from "@pmm/core";
import { UsageError } from "../io.js";
import { visible } from "../visible.js";
import { prepare, workspaceOptions, type CommandContext, type WorkspaceOptions } from "./shared.js";

interface TreeOptions extends WorkspaceOptions {
  depth?: string;
}

/**
 * `pmm tree [PATH...]`: the metric constellation in the terminal — each
 * output with its dimension and its inputs indented beneath it, KPIs and
 * tradeoff guards marked; `--depth N` stops N levels below the outputs.
 * Findings do not stop it (`pmm check` reports them); exit 0.
 */
export function treeCommand(ctx: CommandContext): Command {
  const cmd = new Command("tree")
    .description("print the metric constellation: outputs, their input trees, KPIs and guards")
    .argument("[paths...]", "files or folders of the workspace", [])
    .option("--depth <n>", "show at most this many levels of inputs below each output");
  workspaceOptions(cmd);
  cmd.action((paths: string[], opts: TreeOptions) => {
    let depth: number | undefined;
    if (opts.depth !== undefined) {
      if (!/^\d+$/.test(opts.depth.trim())) throw new UsageError(`--depth ${opts.depth}: expected a whole number of 0 or more`);
      depth = Number(opts.depth);
    }
    const prepared = prepare(ctx.io, paths, opts);
    const lines = metricTree(prepared.result.program, depth === undefined ? {} : { depth });
    ctx.io.stdout(lines.length ? `${lines.map(visible).join("\n")}\n` : "no metrics in the workspace\n");
    ctx.exit(0);
  });
  return cmd;
}
