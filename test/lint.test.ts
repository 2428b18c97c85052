// The TypeScript lint and format check (Biome, biome.json): `biome ci` must pass
// (lint rules and formatting; `npx biome format --write` formats the tree).
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./fixtures/cli/run-cli.js";

describe("biome ci (lint and format)", () => {
  it("finds nothing", () => {
    const r = spawnSync(process.execPath, [join(ROOT, "node_modules/@biomejs/biome/bin/biome"), "ci", "--colors=off"], { cwd: ROOT, encoding: "utf8", timeout: 120_000 });
    expect(`${r.stdout}${r.stderr}`).toMatch(/Checked \d+ files/);
    expect(r.status, `${r.stdout}${r.stderr}`).toBe(0);
  }, 120_000);
});
