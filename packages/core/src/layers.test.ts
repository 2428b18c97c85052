// The core's folders import each other without cycles (issue 12: compile no longer reaches into check, and the
// workspace ↔ check, std ↔ workspace and compile ↔ model cycles are gone). `index.ts` (the public API, which
// imports everything) and `diagnostics.ts` (a leaf) sit at the root and are not folders.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, normalize, relative, sep } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = new URL(".", import.meta.url).pathname;

/** Every non-test .ts file under the core's src, relative, with `/`. */
function sources(dir = SRC): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return e.name.endsWith(".ts") && !e.name.endsWith(".test.ts") ? [relative(SRC, path).split(sep).join("/")] : [];
  });
}

/** The folder of a source file, or null for a root file. */
function folderOf(file: string): string | null {
  const slash = file.indexOf("/");
  return slash < 0 ? null : file.slice(0, slash);
}

/** Folder → the folders it imports from (relative imports only). */
function folderGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of sources()) {
    const from = folderOf(file);
    if (from === null) continue;
    const text = readFileSync(join(SRC, file), "utf8");
    for (const m of text.matchAll(/(?:from|import)\s*"(\.[^"]+)"/g)) {
      const target = normalize(join(dirname(file), m[1]!))
        .split(sep)
        .join("/");
      const to = folderOf(target);
      if (to === null || to === from) continue;
      if (!graph.has(from)) graph.set(from, new Set());
      graph.get(from)!.add(to);
    }
  }
  return graph;
}

/** The cycles of a graph, each as the path that closes it (depth-first). */
function cycles(graph: Map<string, Set<string>>): string[] {
  const out: string[] = [];
  const state = new Map<string, "open" | "done">();
  const path: string[] = [];
  const visit = (n: string): void => {
    state.set(n, "open");
    path.push(n);
    for (const m of [...(graph.get(n) ?? [])].sort()) {
      if (state.get(m) === "open") out.push([...path.slice(path.indexOf(m)), m].join(" → "));
      else if (!state.has(m)) visit(m);
    }
    path.pop();
    state.set(n, "done");
  };
  for (const n of [...graph.keys()].sort()) if (!state.has(n)) visit(n);
  return out;
}

describe("core folder layering", () => {
  it("has no import cycle between folders", () => {
    expect(cycles(folderGraph())).toEqual([]);
  });

  it("compile does not import check, and model imports neither", () => {
    const g = folderGraph();
    expect([...(g.get("compile") ?? [])]).not.toContain("check");
    expect([...(g.get("model") ?? [])].filter((f) => f === "check" || f === "compile")).toEqual([]);
  });

  it("finds a cycle when there is one (the check itself)", () => {
    const g = new Map([
      ["a", new Set(["b"])],
      ["b", new Set(["c"])],
      ["c", new Set(["a"])],
    ]);
    expect(cycles(g)).toEqual(["a → b → c → a"]);
  });
});
