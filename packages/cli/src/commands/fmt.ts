import { Command } from "commander";
import { UsageError } from "../io.js";
import type { CommandContext } from "./shared.js";

// NOT IMPLEMENTED YET: placeholder so the command list is complete.
/** `pmm fmt`. */
export function fmtCommand(_ctx: CommandContext): Command {
  return new Command("fmt")
    .description("(not implemented yet)")
    .allowUnknownOption()
    .allowExcessArguments()
    .action(() => {
      throw new UsageError("`pmm fmt` is not implemented yet");
    });
}
