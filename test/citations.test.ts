// Docs and code cite only documents that are in the repository: every `NAME.md`
// written in docs/, grammar/, packages/*/src or the README names a file that
// exists (relative to the citing file, to the repository root, or as the tail
// of a path in the repository).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./fixtures/cli/run-cli.js";

/** Every file under a folder (repository-relative, `/` separators), without node_modules, dist and dot folders. */
function filesUnder(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    if (name === "node_modules" || name === "dist" || name.startsWith(".")) return [];
    const rel = dir ? `${dir}/${name}` : name;
    return statSync(join(ROOT, rel)).isDirectory() ? filesUnder(rel) : [rel];
  });
}

const ALL = filesUnder("");
const CITING = ALL.filter((p) => /^(docs|grammar)\//.test(p) || /^packages\/[^/]+\/src\//.test(p) || p === "README.md").filter((p) => /\.(md|ts|mjs|json)$/.test(p));

/** The `.md` names a text cites (placeholders such as `<id>.md` and URLs left out). */
function citations(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/(?<![\w./<>{}-])([\w.][\w./-]*\w\.md)\b/g)) {
    const before = text.slice(Math.max(0, m.index - 200), m.index);
    if (/https?:\/\/\S*$/.test(before)) continue;
    out.push(m[1]!);
  }
  return out;
}

function exists(citing: string, cited: string): boolean {
  const local = relative(ROOT, join(ROOT, dirname(citing), cited))
    .split("\\")
    .join("/");
  const clean = cited.replace(/^\.\//, "");
  return ALL.includes(local) || ALL.includes(clean) || ALL.some((p) => p.endsWith(`/${clean}`));
}

describe("citations", () => {
  it("scans the docs, the grammar, the sources and the README", () => {
    expect(CITING).toContain("README.md");
    expect(CITING).toContain("grammar/LANGUAGE.md");
    expect(CITING.some((p) => p.startsWith("packages/core/src/"))).toBe(true);
  });

  it("finds a missing document (the check itself works)", () => {
    expect(citations("see rules.md, Attribution, and grammar/LANGUAGE.md").filter((c) => !exists("docs/x.md", c))).toEqual(["rules.md"]);
  });

  it("every cited document is in the repository", () => {
    const missing: string[] = [];
    for (const file of CITING) {
      const text = readFileSync(join(ROOT, file), "utf8");
      for (const c of citations(text)) if (!exists(file, c)) missing.push(`${file}: ${c}`);
    }
    expect(missing).toEqual([]);
  });
});
