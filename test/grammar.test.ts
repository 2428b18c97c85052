// The TextMate grammar (grammar/pmm.tmLanguage.json) against the annotated
// fixtures in grammar/tests/*.pmm, run through vscode-tmgrammar-test as a
// process, the way a contributor runs it by hand. A second case feeds the tool a
// fixture with a wrong expectation, so a tool that passes everything is caught.
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const TOOL = join(ROOT, "node_modules/vscode-tmgrammar-test/dist/unit.js");
const GRAMMAR = join(ROOT, "grammar/pmm.tmLanguage.json");

/** Runs vscode-tmgrammar-test on a glob; a timeout guards against the tool's slow assertion regex. */
function runTool(pattern: string): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [TOOL, "--compact", "-g", GRAMMAR, pattern], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 60_000,
    env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" },
  });
}

const scratch = mkdtempSync(join(tmpdir(), "pmm-grammar-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("pmm TextMate grammar", () => {
  it("is valid JSON with scopeName source.pmm", () => {
    const grammar: unknown = JSON.parse(readFileSync(GRAMMAR, "utf8"));
    expect(grammar).toMatchObject({ scopeName: "source.pmm" });
  });

  it("passes every annotated fixture in grammar/tests", () => {
    const result = runTool("grammar/tests/*.pmm");
    expect(result.error).toBeUndefined();
    expect(result.stdout + result.stderr).not.toMatch(/failed/);
    expect(result.status, result.stdout + result.stderr).toBe(0);
  });

  it("fails on a fixture with a wrong expectation", () => {
    const file = join(scratch, "wrong.pmm");
    writeFileSync(
      file,
      [
        '# SYNTAX TEST "source.pmm" "a deliberately wrong expectation"',
        "metric win_rate {",
        "# <------ keyword.declaration.metric.pmm",
        "  target: 650/month",
        "#         ^^^^^^^^^ constant.numeric.date.pmm",
        "}",
        "",
      ].join("\n"),
    );
    const result = runTool(file.replaceAll("\\", "/"));
    expect(result.error).toBeUndefined();
    expect(result.status).not.toBe(0);
    expect(result.stdout + result.stderr).toContain("constant.numeric.date.pmm");
  });
});
