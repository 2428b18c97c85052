// `render` at the bench's 10,000-metric workspace (test/bench/generate.mjs) against a full check in the same
// run: a ratio, not a time. Before the tree layout, dagre made render ~60× a check (350 s against 5.8 s).
import { describe, expect, it } from "vitest";
import { checkWorkspace, compileBlueprint, renderReport } from "../packages/core/src/index.js";
import { generate } from "./bench/generate.mjs";

describe("render at 10,000 metrics", () => {
  it("costs at most 5× a full check of the same workspace", () => {
    const { files } = generate({ metrics: 10_000, seed: 1 });
    const ws = files.map((f) => ({ path: f.path, contents: f.text }));
    const today = "2026-11-23";
    // Warm up (JIT) on a small workspace so the first measured check is not also the compile of the code.
    const small = generate({ metrics: 600, seed: 2 }).files.map((f) => ({ path: f.path, contents: f.text }));
    renderReport(compileBlueprint(checkWorkspace(small, { today }).program, [], { today }));
    let t = performance.now();
    checkWorkspace(ws, { today });
    const check = performance.now() - t;
    t = performance.now();
    const { program, diagnostics } = checkWorkspace(ws, { today });
    const html = renderReport(compileBlueprint(program, diagnostics, { today }));
    const render = performance.now() - t;
    console.log(`render-scale: check ${Math.round(check)} ms, render (check + compile + render) ${Math.round(render)} ms, ratio ${(render / check).toFixed(2)}`);
    expect(html).toContain('data-hidden="');
    expect(render / check).toBeLessThanOrEqual(5);
  }, 300_000);
});
