import { Command } from "commander";
import { UsageError } from "../io.js";
import type { CommandContext } from "./shared.js";

// NOT IMPLEMENTED YET: placeholder so the command list is complete.
/** `pmm explain`. */
export function explainCommand(_ctx: CommandContext): Command {
  return new Command("explain")
    .description("(not implemented yet)")
    .allowUnknownOption()
    .allowExcessArguments()
    .action(() => {
      throw new UsageError("`pmm explain` is not implemented yet");
    });
}
