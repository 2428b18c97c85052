import { Command } from "commander";
import { BLUEPRINT_SCHEMA } from "@pmm/core";
import type { CommandContext } from "./shared.js";

/** `pmm schema`: prints the blueprint's JSON Schema (draft 2020-12). */
export function schemaCommand(ctx: CommandContext): Command {
  return new Command("schema")
    .description("print the JSON Schema of the compiled blueprint")
    .option("-o, --output <file>", "write the schema to this file instead of stdout")
    .action((opts: { output?: string }) => {
      const text = `${JSON.stringify(BLUEPRINT_SCHEMA, null, 2)}\n`;
      if (opts.output === undefined) ctx.io.stdout(text);
      else ctx.io.writeFile(opts.output.startsWith("/") ? opts.output : `${ctx.io.cwd}/${opts.output}`, text);
      ctx.exit(0);
    });
}
