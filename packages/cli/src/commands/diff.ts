import { Command } from "commander";
import { UsageError } from "../io.js";
import type { CommandContext } from "./shared.js";

// NOT IMPLEMENTED YET: placeholder so the command list is complete.
/** `pmm diff`. */
export function diffCommand(_ctx: CommandContext): Command {
  return new Command("diff")
    .description("(not implemented yet)")
    .allowUnknownOption()
    .allowExcessArguments()
    .action(() => {
      throw new UsageError("`pmm diff` is not implemented yet");
    });
}
