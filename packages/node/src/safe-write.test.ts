import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readUserFile, replaceUserFile, writeUserFile } from "./safe-write.js";

const dir = mkdtempSync(join(tmpdir(), "pmm-safe-write-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const bytes = (s: string): Uint8Array => Buffer.from(s);

describe("readUserFile", () => {
  it("returns the bytes with size, time and hash", () => {
    const f = join(dir, "a.pmm");
    writeFileSync(f, "team a {}\n");
    const r = readUserFile(f);
    if (!r.ok) throw new Error(r.message);
    expect(Buffer.from(r.bytes).toString()).toBe("team a {}\n");
    const { size, mtimeNs, hash } = r.fingerprint;
    expect({ size, mtimeNs, hash }).toEqual({ size: 10, mtimeNs: statSync(f, { bigint: true }).mtimeNs, hash: createHash("sha256").update("team a {}\n").digest("hex") });
  });

  it("refuses what is not a regular file, a missing file, and a file over the limit, without reading it", () => {
    const fifo = join(dir, "fifo");
    execFileSync("mkfifo", [fifo]);
    const big = join(dir, "big.pmm");
    writeFileSync(big, "x".repeat(2048));
    expect(readUserFile("/dev/zero")).toEqual({ ok: false, problem: "not-a-file", message: "not a regular file (a device, FIFO or socket); pmm reads only regular files" });
    expect(readUserFile(fifo)).toEqual({ ok: false, problem: "not-a-file", message: "not a regular file (a device, FIFO or socket); pmm reads only regular files" });
    expect(readUserFile(dir)).toEqual({ ok: false, problem: "not-a-file", message: "it is a folder, not a file" });
    expect(readUserFile(join(dir, "nope.pmm"))).toEqual({ ok: false, problem: "missing", message: "no such file" });
    expect(readUserFile(big, 1024)).toEqual({ ok: false, problem: "too-large", message: "the file is too large (2 KiB; pmm reads at most 1 KiB); split it into smaller files" });
  });
});

describe("replaceUserFile", () => {
  it("replaces an unchanged file atomically, keeping its mode, leaving no temp file", () => {
    const sub = mkdtempSync(join(dir, "r-"));
    const f = join(sub, "a.pmm");
    writeFileSync(f, "old\n");
    chmodSync(f, 0o604);
    const r = readUserFile(f);
    if (!r.ok) throw new Error(r.message);
    expect(replaceUserFile(f, bytes("new\n"), r.fingerprint)).toEqual({ ok: true });
    expect(readFileSync(f, "utf8")).toBe("new\n");
    expect(statSync(f).mode & 0o7777).toBe(0o604);
    expect(readdirSync(sub)).toEqual(["a.pmm"]);
  });

  it("refuses a file changed since it was read, even with the same size and time", () => {
    const f = join(dir, "b.pmm");
    writeFileSync(f, "aaaa\n");
    const r = readUserFile(f);
    if (!r.ok) throw new Error(r.message);
    const { mtime, atime } = statSync(f);
    writeFileSync(f, "bbbb\n");
    utimesSync(f, atime, mtime); // same size, same time: only the hash tells
    expect(replaceUserFile(f, bytes("new\n"), r.fingerprint)).toEqual({ ok: false, problem: "changed", message: "it changed since pmm read it; run pmm again" });
    expect(readFileSync(f, "utf8")).toBe("bbbb\n");
    writeFileSync(f, "bbbbbbbb\n");
    expect(replaceUserFile(f, bytes("new\n"), r.fingerprint)).toMatchObject({ ok: false, problem: "changed" });
    rmSync(f);
    expect(replaceUserFile(f, bytes("new\n"), r.fingerprint)).toEqual({ ok: false, problem: "changed", message: "it was deleted or moved since pmm read it; run pmm again" });
  });

  it("refuses a read-only file (even for root)", () => {
    const f = join(dir, "ro.pmm");
    writeFileSync(f, "old\n");
    chmodSync(f, 0o444);
    const r = readUserFile(f);
    if (!r.ok) throw new Error(r.message);
    expect(replaceUserFile(f, bytes("new\n"), r.fingerprint)).toEqual({ ok: false, problem: "read-only", message: "the file is read-only; make it writable to let pmm change it" });
    expect(readFileSync(f, "utf8")).toBe("old\n");
  });
});

describe("writeUserFile", () => {
  it("creates a file, replaces one, and writes into a device directly", () => {
    const f = join(dir, "out.json");
    expect(writeUserFile(f, bytes("1\n"))).toEqual({ ok: true });
    expect(writeUserFile(f, bytes("2\n"))).toEqual({ ok: true });
    expect(readFileSync(f, "utf8")).toBe("2\n");
    expect(writeUserFile("/dev/null", bytes("x"))).toEqual({ ok: true });
    expect(writeUserFile("/dev/full", bytes("x"))).toEqual({ ok: false, problem: "failed", message: "cannot write: no space left on the device (ENOSPC)" });
    expect(writeUserFile(join(dir, "no/such/folder/x.json"), bytes("x"))).toEqual({ ok: false, problem: "failed", message: "cannot write: it does not exist (ENOENT)" });
  });
});
