import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { safeWrite } from "./safe-write.js";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function folder(): string {
  const d = mkdtempSync(join(tmpdir(), "pmm-safe-write-"));
  dirs.push(d);
  return d;
}

describe("safeWrite", () => {
  it("replaces an unchanged file, keeps its mode and leaves no temp file", () => {
    const d = folder();
    const p = join(d, "a.pmm");
    writeFileSync(p, "old\n");
    chmodSync(p, 0o640);
    expect(safeWrite(p, "new\n", readFileSync(p))).toEqual({ written: true });
    expect(readFileSync(p, "utf8")).toBe("new\n");
    expect(statSync(p).mode & 0o777).toBe(0o640);
    expect(readdirSync(d)).toEqual(["a.pmm"]);
  });

  it("leaves a file whose bytes changed since they were read", () => {
    const d = folder();
    const p = join(d, "a.pmm");
    writeFileSync(p, "old\n");
    const read = readFileSync(p);
    writeFileSync(p, "edited meanwhile\n");
    expect(safeWrite(p, "new\n", read)).toEqual({ written: false, reason: "changed since it was read; left as it is" });
    expect(readFileSync(p, "utf8")).toBe("edited meanwhile\n");
    expect(readdirSync(d)).toEqual(["a.pmm"]);
  });

  it("writes through a symbolic link (the link stays a link)", () => {
    const d = folder();
    const target = join(d, "real.pmm");
    const link = join(d, "link.pmm");
    writeFileSync(target, "old\n");
    symlinkSync(target, link);
    expect(safeWrite(link, "new\n", readFileSync(target))).toEqual({ written: true });
    expect(readFileSync(target, "utf8")).toBe("new\n");
    expect(readdirSync(d).sort()).toEqual(["link.pmm", "real.pmm"]);
  });

  it("says why when the file cannot be read", () => {
    const d = folder();
    expect(safeWrite(join(d, "missing.pmm"), "x", new Uint8Array())).toEqual({ written: false, reason: "cannot read: ENOENT" });
  });
});
