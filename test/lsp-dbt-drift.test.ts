// The language server runs `dbt-drift` as `pmm check` does: the config's `dbt_manifest` (relative to the
// config's folder) is read, read again when it changes on disk, and a manifest that cannot be used is an
// error on the config file at its `dbt_manifest` key.
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt, LspClient, ROOT, uri, workspace } from "./fixtures/lsp/client.js";

const FIXTURE = join(ROOT, "packages/core/fixtures/rules/dbt-drift/invalid");
const MANIFEST = readFileSync(join(FIXTURE, "drift.semantic_manifest.json"), "utf8");
const CONFIG = "today: 2026-11-23\nrules:\n  missing-property: off\ndbt_manifest: dbt/target/semantic_manifest.json\n";
/** The misspelt measure of drift.pmm (line 4) and a team: one dbt-drift error when the manifest is read. */
const TEXT = 'team sales "Sales" { role: sales }\nmetric deals_won "Deals won" { type: input  owner: sales  unit: count  measure: "deal_won" }\n';

let dir: string;
let client: LspClient;
let file: string;
let config: string;
const manifestPath = () => join(dir, "dbt/target/semantic_manifest.json");
const drift = (list: Array<{ code?: unknown; message: string; range: { start: { line: number } } }>) =>
  list.filter((d) => d.code === "dbt-drift").map((d) => `${d.range.start.line}: ${d.message}`);

beforeAll(async () => {
  ensureBuilt();
  dir = workspace({ "a.pmm": TEXT, "pmm.config.yaml": CONFIG, "dbt/target/semantic_manifest.json": MANIFEST });
  file = uri(join(dir, "a.pmm"));
  config = uri(join(dir, "pmm.config.yaml"));
  client = new LspClient();
  await client.initialize(dir);
});

afterAll(async () => {
  await client.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("dbt-drift in the language server", () => {
  it("reports the measure the dbt project lacks, from the config's dbt_manifest", async () => {
    const got = await client.diagnostics(file, 0, (d) => drift(d).length > 0);
    // the message `pmm check --dbt-manifest` gives for this file
    expect(drift(got.diagnostics)).toEqual([
      "1: no semantic model in the dbt project defines measure `deal_won`, so dbt refuses the exported `deals_won`; add the measure to a semantic model, or write the name of one dbt has; did you mean `deals_won`?",
    ]);
  });

  it("says on the config file when the manifest cannot be read, then reads it again once it is fixed", async () => {
    let from = client.published.length;
    writeFileSync(manifestPath(), "{ nope");
    await client.notify("workspace/didChangeWatchedFiles", { changes: [{ uri: uri(manifestPath()), type: 2 }] });
    const onConfig = await client.diagnostics(config, from, (d) => d.length > 0);
    expect(onConfig.diagnostics.map((d) => [d.range.start, d.severity, d.message])).toEqual([
      [
        { line: 3, character: 0 },
        1,
        "dbt_manifest `dbt/target/semantic_manifest.json`: not JSON: expected property name or '}' in JSON at position 2; `dbt-drift` is not checked until it can be read",
      ],
    ]);
    expect(drift((await client.diagnostics(file, from, (d) => drift(d).length === 0)).diagnostics)).toEqual([]);
    // fixed: the config's finding goes, the drift finding comes back
    from = client.published.length;
    writeFileSync(manifestPath(), MANIFEST);
    await client.notify("workspace/didChangeWatchedFiles", { changes: [{ uri: uri(manifestPath()), type: 2 }] });
    expect((await client.diagnostics(config, from, (d) => d.length === 0)).diagnostics).toEqual([]);
    expect(drift((await client.diagnostics(file, from, (d) => drift(d).length > 0)).diagnostics)).toHaveLength(1);
  });
});
