import { resolve } from "node:path";
import { Command } from "commander";
import { BlueprintValidator, diffBlueprints, type Blueprint } from "@pmm/core";
import { UsageError } from "../io.js";
import { visibleLines } from "../visible.js";
import type { CommandContext } from "./shared.js";

/**
 * The largest blueprint `pmm diff` reads: 256 MiB. A blueprint is bigger than
 * its sources (about 19 MB for the bench's 10,000 metrics), so the 16 MiB of a
 * `.pmm` file would be too few; JSON.parse of 256 MiB still fits Node's heap.
 */
export const MAX_BLUEPRINT_BYTES = 256 * 1024 * 1024;

/** Reads a compiled blueprint; a file that cannot be read, is not JSON or is not a blueprint is a usage error (one line). */
async function readBlueprint(ctx: CommandContext, path: string, validator: BlueprintValidator): Promise<Blueprint> {
  const bytes = ctx.io.readFile(resolve(ctx.io.cwd, path), MAX_BLUEPRINT_BYTES);
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder().decode(bytes));
  } catch (err) {
    throw new UsageError(`${path}: not valid JSON: ${String((err as Error).message).split("\n")[0]}`);
  }
  const checked = await validator.validate(value);
  if (!checked.ok) throw new UsageError(`${path}: not a pmm blueprint (${checked.errors[0]}); compile it with \`pmm compile\``);
  return value as Blueprint;
}

/** `pmm diff OLD.json NEW.json`: markdown summary of what changed, for a pull-request comment; exit 0. */
export function diffCommand(ctx: CommandContext): Command {
  return new Command("diff")
    .description("summarise what changed between two compiled blueprints (markdown, for a PR comment)")
    .argument("<old>", "the blueprint before the change (pmm compile output)")
    .argument("<new>", "the blueprint after the change")
    .action(async (oldPath: string, newPath: string) => {
      // One validator for both files: the schema is compiled once.
      const validator = new BlueprintValidator();
      const before = await readBlueprint(ctx, oldPath, validator);
      const after = await readBlueprint(ctx, newPath, validator);
      ctx.io.stdout(visibleLines(diffBlueprints(before, after)));
      ctx.exit(0);
    });
}
