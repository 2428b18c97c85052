#!/usr/bin/env node
// One measurement of one shape of the scaling suite, in a fresh process:
//
//   node --expose-gc test/scaling/child.mjs SHAPE N time RUNS
//     warms up with one run, then prints {"ms":[…]} (the wall time of each of RUNS runs)
//   node --expose-gc test/scaling/child.mjs SHAPE N memory
//     one run; prints {"rssKiB": …}: how much the peak resident set grew during it
//     (the input is built and garbage collected first, so only the run counts)

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SHAPES } from "./shapes.mjs";

const [name, nText, mode, runsText] = process.argv.slice(2);
const shape = SHAPES.find((s) => s.name === name);
if (!shape) throw new Error(`no shape ${name}`);
const n = Number(nText);
const tmp = mkdtempSync(join(tmpdir(), "pmm-scaling-"));
try {
  const state = await shape.setup(n, tmp);
  globalThis.gc?.();
  if (mode === "memory") {
    const before = process.resourceUsage().maxRSS;
    await shape.run(state);
    process.stdout.write(`${JSON.stringify({ rssKiB: process.resourceUsage().maxRSS - before })}\n`);
  } else {
    await shape.run(state);
    const ms = [];
    for (let i = 0; i < Number(runsText); i++) {
      globalThis.gc?.();
      const t = performance.now();
      await shape.run(state);
      ms.push(performance.now() - t);
    }
    process.stdout.write(`${JSON.stringify({ ms })}\n`);
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
