// The adversarial shapes of the scaling suite (scaling.test.ts), one row each.
// A row builds an input of size n outside the measurement (`setup`) and does
// the work that must stay linear (`run`). To add a shape, add a row: the
// harness (harness.ts) times it and measures its memory at n and 10n in child
// processes (child.mjs) and the test asserts both grow at most 12×.
//
// Rows run the built packages (dist/), as the README's test command builds
// first. Keep `run` at 10n under ~10 s on a loaded 2-core machine.
//
//   name   unique, used on the command line of the child
//   n      the small size (the large one is 10n)
//   setup  (n, tmp) => state; tmp is an empty folder for files the row needs
//   run    (state) => void | Promise<void>

import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Catalog, checkWorkspace, compileBlueprint, compileDbtSource, exportDbt, formatRange, renderReport } from "../../packages/core/dist/index.js";
import { main, nodeIo } from "../../packages/cli/dist/main.js";
import { generate } from "../bench/generate.mjs";

const TODAY = "2026-11-23";

/** Runs the CLI in this process with stdout and stderr counted, not printed. */
async function cli(argv, cwd) {
  let bytes = 0;
  const io = { ...nodeIo(), cwd, stdoutIsTTY: false, stdout: (t) => void (bytes += t.length), stderr: (t) => void (bytes += t.length) };
  const code = await main(argv, io);
  if (code > 1 || bytes === 0) throw new Error(`pmm ${argv.join(" ")} exited ${code} after ${bytes} bytes of output`);
}

/** One file of n declarations of one id. */
function duplicates(n) {
  return [{ path: "dup.pmm", contents: "team dup { role: pmm }\n".repeat(n) }];
}

/** n teams and n metrics whose owners are misspelt: n did-you-mean searches among n ids. */
function unknownNames(n) {
  const lines = [];
  for (let i = 0; i < n; i++) lines.push(`team team_${String(i).padStart(6, "0")} { role: pmm }`);
  for (let i = 0; i < n; i++) lines.push(`metric m_${i} { type: input  owner: taem_${String(i).padStart(6, "0")}  levers: ["x"] }`);
  return [{ path: "unknown.pmm", contents: `${lines.join("\n")}\n` }];
}

/** A chain of n input metrics, each the only input of the one before, under one output. */
function chain(n) {
  const lines = [
    `blueprint b { maturity: 3  sales_cycle: 45d  north_star: m0  source_of_truth: dwh }`,
    `team pmm { role: pmm }`,
    `source dwh { kind: warehouse  refresh: hourly }`,
  ];
  lines.push(`metric m0 { type: output  dimension: retention  traces: revenue  owner: pmm  source: dwh  definition: "d"  inputs: [m1] }`);
  for (let i = 1; i < n; i++) lines.push(`metric m${i} { type: input  owner: pmm  source: dwh  definition: "d"  levers: ["x"]${i + 1 < n ? `  inputs: [m${i + 1}]` : ""} }`);
  return [{ path: "chain.pmm", contents: `${lines.join("\n")}\n` }];
}

function writeFiles(tmp, files) {
  for (const f of files) {
    mkdirSync(join(tmp, f.path, ".."), { recursive: true });
    writeFileSync(join(tmp, f.path), f.contents);
  }
  return tmp;
}

// One std catalog for every check (a fresh workspace would parse its own: a constant that is no part of the growth).
const CATALOG = new Catalog();
const check = (files) => checkWorkspace(files, { today: TODAY }, { catalog: CATALOG });
const compiled = (files) => {
  const { program, diagnostics } = check(files);
  return compileBlueprint(program, diagnostics, {});
};

/** @type {ReadonlyArray<{ name: string; n: number; setup: (n: number, tmp: string) => unknown; run: (state: any) => unknown }>} */
export const SHAPES = [
  { name: "duplicate ids: check", n: 1000, setup: duplicates, run: check },
  { name: "unknown names (did-you-mean): check", n: 1000, setup: unknownNames, run: check },
  {
    name: "many declarations: range formatting",
    n: 2000,
    setup: (n) => {
      const text = Array.from({ length: n }, (_, i) => `team t${i} {role:pmm}\n`).join("");
      const at = text.indexOf(`team t${n >> 1} `);
      return { text, at };
    },
    run: ({ text, at }) => {
      const r = formatRange(text, at, at + 3);
      if (!("edits" in r) || r.edits.length !== 1) throw new Error("range formatting gave no edit");
    },
  },
  {
    name: "one huge line: check",
    n: 5000,
    setup: (n) => [{ path: "line.pmm", contents: `${Array.from({ length: n }, (_, i) => `team t${i} { role: pmm }`).join("  ")}\n` }],
    run: check,
  },
  {
    name: "one huge line: check --format pretty",
    n: 5000,
    setup: (n, tmp) => writeFiles(tmp, [{ path: "line.pmm", contents: `${Array.from({ length: n }, (_, i) => `team t${i} { role: pmm }`).join("  ")}\n` }]),
    run: (dir) => cli(["check", "line.pmm", "--format", "pretty", "--today", TODAY], dir),
  },
  {
    name: "many findings: check --format pretty",
    n: 800,
    setup: (n, tmp) => writeFiles(tmp, [{ path: "many.pmm", contents: Array.from({ length: n }, (_, i) => `team t${i} { role: pmm }\n`).join("") }]),
    run: (dir) => cli(["check", "many.pmm", "--format", "pretty", "--today", TODAY], dir),
  },
  { name: "long inputs chain: check", n: 500, setup: chain, run: check },
  { name: "long inputs chain: compile", n: 500, setup: chain, run: compiled },
  {
    name: "long inputs chain: export dbt",
    n: 500,
    setup: (n) => {
      const { program, diagnostics } = check(chain(n));
      return compileDbtSource(program, diagnostics);
    },
    run: (source) => exportDbt(source),
  },
  { name: "10k metrics: render", n: 1000, setup: (n) => compiled(generate({ metrics: n, seed: 1 }).files.map((f) => ({ path: f.path, contents: f.text }))), run: renderReport },
];
