import { Command } from "commander";
import { UsageError } from "../io.js";
import type { CommandContext } from "./shared.js";

// NOT IMPLEMENTED YET: placeholder so the command list is complete.
/** `pmm compile`. */
export function compileCommand(_ctx: CommandContext): Command {
  return new Command("compile")
    .description("(not implemented yet)")
    .allowUnknownOption()
    .allowExcessArguments()
    .action(() => {
      throw new UsageError("`pmm compile` is not implemented yet");
    });
}
