import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { projectFs } from "./project-fs.js";

const dir = mkdtempSync(join(tmpdir(), "pmm-project-fs-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("projectFs over node:fs", () => {
  it("tells files, folders and everything else apart without following links", () => {
    writeFileSync(join(dir, "a.pmm"), "");
    mkdirSync(join(dir, "sub"));
    symlinkSync(join(dir, "a.pmm"), join(dir, "link.pmm"));
    execFileSync("mkfifo", [join(dir, "fifo.pmm")]);
    const fs = projectFs();
    expect(["a.pmm", "sub", "link.pmm", "fifo.pmm", "none"].map((n) => fs.kind(join(dir, n)))).toEqual(["file", "dir", "other", "other", null]);
    expect([...fs.list(dir)].sort()).toEqual(["a.pmm", "fifo.pmm", "link.pmm", "sub"]);
    expect(fs.list(join(dir, "none"))).toEqual([]);
    expect(fs.relative(dir, join(dir, "sub", "b.pmm"))).toBe("sub/b.pmm");
  });

  it("runs over the primitives it is given; a folder that cannot be listed is empty", () => {
    const fs = projectFs({
      kind: (path) => (path === "/w/a.pmm" ? "file" : path === "/w" ? "dir" : null),
      list: (d) => {
        if (d !== "/w") throw new Error("EACCES");
        return ["a.pmm"];
      },
    });
    expect([fs.kind("/w"), fs.kind("/w/a.pmm"), fs.kind("/x")]).toEqual(["dir", "file", null]);
    expect([fs.list("/w"), fs.list("/x")]).toEqual([["a.pmm"], []]);
  });
});
