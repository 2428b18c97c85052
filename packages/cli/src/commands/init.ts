import { join, resolve } from "node:path";
import { Command } from "commander";
import { isIsoDate, lex, scaffold } from "@pmm/core";
import { UsageError } from "../io.js";
import { visible } from "../visible.js";
import { displayPath } from "../workspace-loader.js";
import type { CommandContext } from "./shared.js";

interface InitOptions {
  maturity: string;
  cycle: string;
  today?: string;
}

/** Reads `--maturity`: a whole number 1–5. */
function maturityOf(raw: string): number {
  if (!/^[1-5]$/.test(raw.trim())) throw new UsageError(`--maturity ${raw}: expected a whole number from 1 to 5`);
  return Number(raw.trim());
}

/** Reads `--cycle`: one duration literal of the language (`45d`, `6w`, `3mo`), more than zero days. */
function cycleOf(raw: string): { days: number; text: string } {
  const text = raw.trim();
  const lexed = lex(text);
  const t = lexed.tokens[0];
  const lit = t?.literal;
  if (lexed.errors.length || lexed.comments.length || lexed.tokens.length !== 1 || lit?.type !== "duration" || !(lit.days > 0)) {
    throw new UsageError(`--cycle ${raw}: expected a duration such as 45d, 6w or 3mo`);
  }
  return { days: lit.days, text };
}

/**
 * `pmm init [DIR]`: writes a starter workspace sized to `--maturity` (1–5,
 * default 2) with the attribution cell for `--cycle` (default 45d). Dates
 * (baselines, key-result readings, the review) are set relative to today
 * (`--today`). Never overwrites: if any file exists, nothing is written.
 */
export function initCommand(ctx: CommandContext): Command {
  return new Command("init")
    .description("scaffold a starter workspace sized to your data maturity")
    .argument("[dir]", "folder to write the workspace into (created if missing)", ".")
    .option("--maturity <1..5>", "data maturity: 1 spreadsheets … 5 warehouse and experiments", "2")
    .option("--cycle <duration>", "median sales cycle, e.g. 45d (picks the attribution models)", "45d")
    .option("--today <date>", "the date to set baselines and readings against (YYYY-MM-DD; default: today)")
    .action((dir: string, opts: InitOptions) => {
      const { io } = ctx;
      const maturity = maturityOf(opts.maturity);
      const cycle = cycleOf(opts.cycle);
      if (opts.today !== undefined && !isIsoDate(opts.today)) throw new UsageError(`--today ${opts.today}: expected a date as YYYY-MM-DD`);
      const today = opts.today ?? io.today();
      const root = resolve(io.cwd, dir);
      const kind = io.stat(root, true);
      if (kind !== null && kind !== "dir") throw new UsageError(`${dir}: not a folder`);
      const files = scaffold({ maturity, cycleDays: cycle.days, cycle: cycle.text, today });
      for (const f of files) {
        const path = join(root, f.path);
        if (io.stat(path) !== null) throw new UsageError(`${displayPath(io, path)} already exists; pmm init writes only into a folder without these files (nothing was written)`);
      }
      io.mkdir(root);
      for (const f of files) {
        const path = join(root, f.path);
        io.writeFile(path, f.text);
        io.stdout(`created ${visible(displayPath(io, path))}\n`);
      }
      const where = displayPath(io, root);
      io.stdout(`\nA maturity-${maturity} workspace with a ${cycle.text} sales cycle. Next: replace the example numbers with yours and run \`pmm check${where === "." ? "" : ` ${visible(where)}`}\`.\n`);
      ctx.exit(0);
    });
}
