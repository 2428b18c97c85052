import { describe, expect, it } from "vitest";
import { checkWorkspace } from "../../index.js";
import { MAX_RELATED } from "./duplicate-id.js";

// An id declared n times used to list the n − 1 others at every finding: n²
// related locations (5,000 declarations ran `check` out of memory).
describe("duplicate-id related locations", () => {
  const n = 50;
  const contents = Array.from({ length: n }, () => "team dup { role: pmm }\n").join("");
  const { diagnostics } = checkWorkspace([{ path: "a.pmm", contents }], { today: "2026-11-23" });
  const mine = diagnostics.filter((d) => d.rule === "duplicate-id");
  const line = "team dup { role: pmm }\n".length;
  const at = (i: number) => ({ file: "a.pmm", span: { start: i * line + 5, end: i * line + 8 }, message: "`dup` is also declared here (team)" });

  it("reports every declaration with the total count", () => {
    expect(mine).toHaveLength(n);
    expect(new Set(mine.map((d) => d.message))).toEqual(new Set([`\`dup\` is declared ${n} times; ids are shared by every kind across the workspace — rename one`]));
  });

  it(`lists at most ${MAX_RELATED} others, the first in workspace order`, () => {
    expect(MAX_RELATED).toBe(5);
    const bySpan = new Map(mine.map((d) => [d.span!.start, d]));
    expect(bySpan.get(5)!.related).toEqual([1, 2, 3, 4, 5].map(at));
    expect(bySpan.get(2 * line + 5)!.related).toEqual([0, 1, 3, 4, 5].map(at));
    expect(bySpan.get(40 * line + 5)!.related).toEqual([0, 1, 2, 3, 4].map(at));
    for (const d of mine) expect(d.related).toHaveLength(MAX_RELATED);
  });

  it("lists every other when there are few", () => {
    const r = checkWorkspace([{ path: "a.pmm", contents: "team dup { role: pmm }\nteam dup { role: pmm }\n" }], { today: "2026-11-23" });
    const d = r.diagnostics.filter((x) => x.rule === "duplicate-id");
    expect(d.map((x) => x.related)).toEqual([[at(1)], [at(0)]]);
  });
});
