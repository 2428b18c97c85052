// examples/real-world holds public KPI and OKR lists translated into .pmm
// (each folder's README names its source, REVIEW.md judges every finding).
// They are not clean on purpose; this pins each workspace's findings exactly
// (rule, file, start and end, declaration, message). UPDATE=1 rewrites the
// expectations; a reviewer reads the diff against the folder's REVIEW.md.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt, pmm, ROOT } from "./fixtures/cli/run-cli.js";

const CORPUS = join(ROOT, "examples/real-world");
const NAMES = readdirSync(CORPUS, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();

interface Pos {
  line: number;
  column: number;
}
interface Diag {
  file: string;
  rule: string;
  severity: string;
  message: string;
  declaration: string | null;
  start: Pos;
  end: Pos;
}

beforeAll(ensureBuilt);

describe("examples/real-world", () => {
  it("has at least three workspaces, each with a README and a REVIEW", () => {
    expect(NAMES.length).toBeGreaterThanOrEqual(3);
    for (const name of NAMES) {
      const files = readdirSync(join(CORPUS, name));
      expect(files, name).toContain("README.md");
      expect(files, name).toContain("REVIEW.md");
    }
  });

  for (const name of NAMES) {
    it(`${name}: reports exactly the pinned findings`, () => {
      const r = pmm(["check", `examples/real-world/${name}`, "--format", "json"], { cwd: ROOT });
      expect(r.stderr).toBe("");
      const out = JSON.parse(r.stdout) as { diagnostics: Diag[] };
      const lines = out.diagnostics.map(
        (d) => `${d.file}:${d.start.line}:${d.start.column}-${d.end.line}:${d.end.column} ${d.severity} ${d.rule} [${d.declaration ?? "-"}] ${d.message}`,
      );
      const expected = join(ROOT, "test/fixtures/real-world", `${name}.txt`);
      if (process.env["UPDATE"] === "1") writeFileSync(expected, `${lines.join("\n")}\n`);
      expect(lines).toEqual(
        readFileSync(expected, "utf8")
          .split("\n")
          .filter((l) => l !== ""),
      );
    });
  }
});
