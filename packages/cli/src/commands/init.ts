import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { Command } from "commander";
import { CI_PROVIDERS, ciWorkflow, isIsoDate, lex, scaffold, type CiProvider } from "@pmm/core";
import { UsageError, type Io } from "../io.js";
import { visible } from "../visible.js";
import { displayPath } from "../workspace-loader.js";
import type { CommandContext } from "./shared.js";

interface InitOptions {
  maturity: string;
  cycle: string;
  today?: string;
  ci?: string;
}

/** How the final message names each provider. */
const PROVIDER_NAMES: Readonly<Record<CiProvider, string>> = { github: "GitHub Actions" };

/** Reads `--ci`: a provider `pmm init` writes a workflow for. */
function providerOf(raw: string): CiProvider {
  const found = CI_PROVIDERS.find((p) => p === raw.trim());
  if (found === undefined) throw new UsageError(`--ci ${raw}: expected ${CI_PROVIDERS.join(" or ")}`);
  return found;
}

/** The repository a folder is in: the nearest folder upwards with a `.git` entry, else the current folder. */
function repositoryRoot(io: Io, from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (io.stat(join(dir, ".git")) !== null) return dir;
    if (dirname(dir) === dir) return from;
  }
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
 * (`--today`). `--ci github` also writes `.github/workflows/pmm.yml` at the
 * repository root (the nearest folder upwards with `.git`, else the current
 * folder) that checks DIR; when DIR already holds `.pmm` files, only the
 * workflow is written. Never overwrites: if any file exists, nothing is written.
 */
export function initCommand(ctx: CommandContext): Command {
  return new Command("init")
    .description("scaffold a starter workspace sized to your data maturity")
    .argument("[dir]", "folder to write the workspace into (created if missing)", ".")
    .option("--maturity <1..5>", "data maturity: 1 spreadsheets … 5 warehouse and experiments", "2")
    .option("--cycle <duration>", "median sales cycle, e.g. 45d (picks the attribution models)", "45d")
    .option("--today <date>", "the date to set baselines and readings against (YYYY-MM-DD; default: today)")
    .option("--ci <provider>", `also write a CI workflow that checks the workspace (${CI_PROVIDERS.join(", ")}), at the repository root`)
    .action((dir: string, opts: InitOptions) => {
      const { io } = ctx;
      const maturity = maturityOf(opts.maturity);
      const cycle = cycleOf(opts.cycle);
      const provider = opts.ci === undefined ? undefined : providerOf(opts.ci);
      if (opts.today !== undefined && !isIsoDate(opts.today)) throw new UsageError(`--today ${opts.today}: expected a date as YYYY-MM-DD`);
      const today = opts.today ?? io.today();
      const root = resolve(io.cwd, dir);
      const kind = io.stat(root, true);
      if (kind !== null && kind !== "dir") throw new UsageError(`${dir}: not a folder`);
      // With --ci, a folder that already holds a workspace gets only the workflow.
      const existing = provider !== undefined && kind === "dir" && io.readDir(root).some((name) => name.endsWith(".pmm"));
      const files = existing ? [] : scaffold({ maturity, cycleDays: cycle.days, cycle: cycle.text, today }).map((f) => ({ path: join(root, f.path), text: f.text }));
      if (provider !== undefined) {
        const repo = repositoryRoot(io, io.cwd);
        const rel = relative(repo, root);
        if (rel.startsWith("..") || isAbsolute(rel))
          throw new UsageError(
            `${dir}: outside the repository ${displayPath(io, repo)}; run \`pmm init --ci\` inside the repository that holds the workspace (nothing was written)`,
          );
        const workflow = ciWorkflow({ provider, workspace: rel === "" ? "." : rel.split(sep).join("/") });
        files.push({ path: join(repo, workflow.path), text: workflow.text });
      }
      for (const f of files) {
        if (io.stat(f.path) !== null)
          throw new UsageError(`${displayPath(io, f.path)} already exists; pmm init writes only into a folder without these files (nothing was written)`);
      }
      if (!existing) io.mkdir(root);
      for (const f of files) {
        io.mkdir(dirname(f.path));
        io.writeFile(f.path, f.text);
        io.stdout(`created ${visible(displayPath(io, f.path))}\n`);
      }
      const where = displayPath(io, root);
      const next = existing
        ? "Next: commit it with package.json and package-lock.json (`npm install --save-dev @pmm/cli` adds pmm to them)"
        : `Next: replace the example numbers with yours and run \`pmm check${where === "." ? "" : ` ${visible(where)}`}\``;
      const what = existing
        ? `A ${PROVIDER_NAMES[provider!]} workflow that checks \`${where}\` on every pull request.`
        : `A maturity-${maturity} workspace with a ${cycle.text} sales cycle.`;
      io.stdout(`\n${what} ${next}.\n`);
      ctx.exit(0);
    });
}
