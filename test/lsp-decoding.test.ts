// The server decodes files on disk with the core's decoder, as the CLI does:
// bytes that are not UTF-8 are `syntax` diagnostics at the same positions, and
// a bidirectional control is a `bidi-control` diagnostic (docs/safety.md).
import { execFileSync } from "node:child_process";
import { rmSync, truncateSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ensureBuilt, LspClient, uri, workspace } from "./fixtures/lsp/client.js";
import { onlyRules } from "./fixtures/cli/run-cli.js";

describe("language server decoding", () => {
  ensureBuilt();
  const dir = workspace({ "pmm.config.yaml": `today: 2026-11-23\n${onlyRules("syntax", "bidi-control")}` });
  writeFileSync(join(dir, "cafe.pmm"), Buffer.from('team  cafe   "Caf\xe9 cr\xe8me" { role: other }\n', "latin1"));
  writeFileSync(join(dir, "rtl.pmm"), 'team sales "Sales \u202eteam" { role: sales }\n');
  const client = new LspClient();
  afterAll(async () => {
    await client.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("publishes invalid UTF-8 and bidi controls in files on disk at the positions the CLI gives", async () => {
    await client.initialize(dir);
    const cafe = await client.diagnostics(uri(join(dir, "cafe.pmm")), 0, (d) => d.length > 0);
    expect(cafe.diagnostics.map((d) => [d.code, d.range, d.message])).toEqual([
      ["syntax", { start: { line: 0, character: 17 }, end: { line: 0, character: 18 } }, "invalid UTF-8 byte `E9` (a character cut short); save the file as UTF-8"],
      ["syntax", { start: { line: 0, character: 21 }, end: { line: 0, character: 22 } }, "invalid UTF-8 byte `E8` (a character cut short); save the file as UTF-8"],
    ]);
    const rtl = await client.diagnostics(uri(join(dir, "rtl.pmm")), 0, (d) => d.length > 0);
    expect(rtl.diagnostics.map((d) => [d.code, d.range])).toEqual([["bidi-control", { start: { line: 0, character: 18 }, end: { line: 0, character: 19 } }]]);
  }, 30_000);
});

describe("language server reading", () => {
  ensureBuilt();

  it("is not hung by a FIFO named pmm.config.yaml, and reports a file over 16 MiB without reading it, as the CLI does", async () => {
    const dir = workspace({ "a.pmm": 'team lonely "Lonely" { role: nope }\n', "huge.pmm": "" });
    truncateSync(join(dir, "huge.pmm"), 20 * 1024 * 1024);
    execFileSync("mkfifo", [join(dir, "pmm.config.yaml")]);
    const client = new LspClient();
    try {
      await client.initialize(dir);
      const a = await client.diagnostics(uri(join(dir, "a.pmm")), 0, (d) => d.length > 0);
      expect(a.diagnostics.some((d) => d.code === "invalid-value")).toBe(true);
      // the CLI's finding (docs/safety.md): one `syntax` diagnostic at 1:1
      const huge = await client.diagnostics(uri(join(dir, "huge.pmm")), 0, (d) => d.length > 0);
      expect(huge.diagnostics.map((d) => [d.code, d.range, d.message])).toEqual([
        ["syntax", { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, "the file is too large (20 MiB; pmm reads at most 16 MiB); split it into smaller files"],
      ]);
    } finally {
      await client.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});
