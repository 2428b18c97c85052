import { Command } from "commander";
import { UsageError } from "../io.js";
import type { CommandContext } from "./shared.js";

// NOT IMPLEMENTED YET: placeholder so the command list is complete.
/** `pmm export`. */
export function exportCommand(_ctx: CommandContext): Command {
  return new Command("export")
    .description("(not implemented yet)")
    .allowUnknownOption()
    .allowExcessArguments()
    .action(() => {
      throw new UsageError("`pmm export` is not implemented yet");
    });
}
