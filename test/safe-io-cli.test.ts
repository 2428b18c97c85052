// How the CLI reads and writes the user's files (docs/safety.md), end to end:
// the built CLI as a real process, killed, starved of disk, raced by an edit,
// fed devices, FIFOs, huge files and bytes that are not UTF-8, and given a
// stdout that fails. Faults a test cannot cause on demand (a full disk, a file
// deleted between finding and reading it) come from test/fixtures/cli/fault.cjs.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { chmodSync, existsSync, lstatSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { format } from "../packages/core/src/index.js";
import { isOneLine, onlyRules, PMM, pmm, ROOT, useWorkspaces } from "./fixtures/cli/run-cli.js";

const ws = useWorkspaces();
const TODAY = ["--today", "2026-11-23"];
const FAULT = join(ROOT, "test/fixtures/cli/fault.cjs");

const MESSY = 'team   pmm "PMM"{role:pmm}\n';
const CLEAN = 'team pmm "PMM" { role: pmm }\n';

/** Runs the CLI with a fault injected (fault.cjs). */
function pmmWithFault(fault: string, args: readonly string[], cwd: string): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ["--require", FAULT, PMM, ...args], { cwd, env: { ...process.env, PMM_FAULT: fault, NO_COLOR: "1" }, encoding: "utf8", timeout: 30_000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** A ~10 MB file that fmt changes (its first line) and formats quickly (the rest is comments). */
function bigMessyFile(): string {
  const line = `# ${"x".repeat(97)}\n`;
  return `team   pmm "PMM"{role:pmm}\n${line.repeat(100_000)}`;
}

/** Files in a folder other than the given ones (temp files left behind). */
function others(dir: string, names: readonly string[]): string[] {
  return readdirSync(dir).filter((n) => !names.includes(n));
}

/** Spins for `ms` milliseconds (the test's clock must not wait on the event loop here). */
function spin(ms: number): void {
  const end = process.hrtime.bigint() + BigInt(Math.round(ms * 1e6));
  while (process.hrtime.bigint() < end);
}

describe("fmt writes atomically", () => {
  it("leaves the original or the formatted text, never less, when killed (SIGKILL) mid-write of a 10 MB file", async () => {
    const original = bigMessyFile();
    const formatted = format(original);
    if ("errors" in formatted) throw new Error("the fixture must format");
    const outcomes: string[] = [];
    // Kills at these delays after the write begins (a temp file appears, or the file itself changes).
    for (const delay of [0, 1, 2, 5, 10, 20, 40, 120, 250]) {
      const dir = ws({ "a.pmm": original });
      const file = join(dir, "a.pmm");
      const before = statSync(file);
      const child = spawn(process.execPath, [PMM, "fmt", "a.pmm"], { cwd: dir, stdio: "ignore" });
      const exited = new Promise<void>((res) => child.on("exit", () => res()));
      const deadline = Date.now() + 60_000;
      let started = false;
      while (Date.now() < deadline && child.exitCode === null) {
        const st = statSync(file, { throwIfNoEntry: false });
        if (others(dir, ["a.pmm"]).length > 0 || !st || st.size !== before.size || st.mtimeMs !== before.mtimeMs) {
          started = true;
          break;
        }
      }
      spin(delay);
      child.kill("SIGKILL");
      await exited;
      const now = readFileSync(file, "utf8");
      const outcome = now === original ? "original" : now === formatted.text ? "formatted" : `broken (${now.length} of ${original.length} characters)`;
      outcomes.push(`${delay} ms${started ? "" : " (before the write)"}: ${outcome}`);
    }
    expect(outcomes.filter((o) => o.includes("broken"))).toEqual([]);
    // The kills did land during the write: at least one run was cut off before the rename.
    expect(outcomes.some((o) => o.endsWith("original"))).toBe(true);
  }, 240_000);

  it("keeps the original untouched on a full disk, removes its temp file, says so in one line and exits 2", () => {
    const dir = ws({ "a.pmm": MESSY, "b.pmm": MESSY });
    const r = pmmWithFault("enospc", ["fmt"], dir);
    expect(r).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "pmm: a.pmm: not formatted: cannot write: no space left on the device (ENOSPC); the file is unchanged\n" +
        "pmm: b.pmm: not formatted: cannot write: no space left on the device (ENOSPC); the file is unchanged\n",
    });
    expect(readFileSync(join(dir, "a.pmm"), "utf8")).toBe(MESSY);
    expect(readFileSync(join(dir, "b.pmm"), "utf8")).toBe(MESSY);
    expect(others(dir, ["a.pmm", "b.pmm"])).toEqual([]);
  });

  it("keeps the file's mode, and writes through a symbolic link without replacing the link", () => {
    const dir = ws({ "a.pmm": MESSY, "real/b.pmm": MESSY });
    chmodSync(join(dir, "a.pmm"), 0o640);
    symlinkSync("real/b.pmm", join(dir, "b.pmm"));
    const r = pmm(["fmt", "a.pmm", "b.pmm"], { cwd: dir });
    expect(r).toEqual({ code: 0, stdout: "a.pmm\nb.pmm\n", stderr: "" });
    expect(statSync(join(dir, "a.pmm")).mode & 0o7777).toBe(0o640);
    expect(readFileSync(join(dir, "a.pmm"), "utf8")).toBe(CLEAN);
    expect(lstatSync(join(dir, "b.pmm")).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, "b.pmm"))).toBe("real/b.pmm");
    expect(readFileSync(join(dir, "real/b.pmm"), "utf8")).toBe(CLEAN);
    expect(others(dir, ["a.pmm", "b.pmm", "real"])).toEqual([]);
  });
});

describe("bytes that are not UTF-8", () => {
  // The reproducer: Latin-1 `é` and `è` in a file that also needs a layout change.
  const LATIN1 = Buffer.from('team  cafe   "Caf\xe9 cr\xe8me" { role: other }\n', "latin1");

  it("are never rewritten by fmt, which says where and why", () => {
    const dir = ws({ "cafe.pmm": LATIN1, "ok.pmm": MESSY });
    for (const args of [["fmt"], ["fmt", "--check"]]) {
      const r = pmm(args, { cwd: dir });
      expect(r.stderr).toBe(
        "cafe.pmm:1:18 invalid UTF-8 byte `E9` (a character cut short); save the file as UTF-8\n" +
          "cafe.pmm:1:22 invalid UTF-8 byte `E8` (a character cut short); save the file as UTF-8\n",
      );
      expect(r.code).toBe(1);
      expect(readFileSync(join(dir, "cafe.pmm")).equals(LATIN1)).toBe(true);
    }
    expect(readFileSync(join(dir, "ok.pmm"), "utf8")).toBe(CLEAN);
  });

  it("are `syntax` findings in check at the line and column of the first bad byte", () => {
    const dir = ws({ "pmm.config.yaml": onlyRules("syntax"), "cafe.pmm": LATIN1 });
    const r = pmm(["check", "--format", "json", ...TODAY], { cwd: dir });
    expect(r.code).toBe(1);
    const found = (JSON.parse(r.stdout) as { diagnostics: Array<Record<string, unknown>> }).diagnostics;
    expect(found).toEqual([
      {
        file: "cafe.pmm",
        rule: "syntax",
        severity: "error",
        message: "invalid UTF-8 byte `E9` (a character cut short); save the file as UTF-8",
        declaration: "cafe",
        start: { line: 1, column: 18, offset: 17 },
        end: { line: 1, column: 19, offset: 18 },
      },
      {
        file: "cafe.pmm",
        rule: "syntax",
        severity: "error",
        message: "invalid UTF-8 byte `E8` (a character cut short); save the file as UTF-8",
        declaration: "cafe",
        start: { line: 1, column: 22, offset: 21 },
        end: { line: 1, column: 23, offset: 22 },
      },
    ]);
  });
});

describe("fmt and files that change or cannot be written", () => {
  it("skips a file edited after fmt read it, says so, keeps the edit and exits 2", async () => {
    // a.pmm is small and written first; big.pmm takes about a second to format,
    // and every file is read before anything is written: an edit to big.pmm
    // made once a.pmm has been rewritten lands between fmt's read and its write.
    const dir = ws({ "a.pmm": MESSY, "big.pmm": bigMessyFile() });
    const child = spawn(process.execPath, [PMM, "fmt"], { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number>((res) => child.on("exit", (code) => res(code ?? -1)));
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline && readFileSync(join(dir, "a.pmm"), "utf8") !== CLEAN) await new Promise((res) => setTimeout(res, 2));
    const edited = `${bigMessyFile()}team   sales "Sales"{role:sales}\n`;
    writeFileSync(join(dir, "big.pmm"), edited);
    const code = await exited;
    expect({ code, stdout, stderr }).toEqual({ code: 2, stdout: "a.pmm\n", stderr: "pmm: big.pmm: not formatted: it changed since pmm read it; run pmm again\n" });
    expect(readFileSync(join(dir, "big.pmm"), "utf8")).toBe(edited);
  }, 120_000);

  it("reports a read-only file and goes on with the files after it, then exits 2", () => {
    const dir = ws({ "a.pmm": MESSY, "b.pmm": MESSY, "c.pmm": MESSY });
    chmodSync(join(dir, "b.pmm"), 0o444);
    const r = pmm(["fmt"], { cwd: dir });
    expect(r).toEqual({ code: 2, stdout: "a.pmm\nc.pmm\n", stderr: "pmm: b.pmm: not formatted: the file is read-only; make it writable to let pmm change it\n" });
    expect(readFileSync(join(dir, "b.pmm"), "utf8")).toBe(MESSY);
    expect(readFileSync(join(dir, "c.pmm"), "utf8")).toBe(CLEAN);
  });
});

describe("every command reads only regular files of a bounded size", () => {
  it("fmt refuses a 50 MB file without reading it and formats the rest; check reports it as a finding", () => {
    const dir = ws({ "a.pmm": MESSY, "huge.pmm": "" });
    truncateSync(join(dir, "huge.pmm"), 50 * 1000 * 1000);
    // found in the folder, or named: the same line, and the other file is formatted
    for (const args of [["fmt"], ["fmt", "huge.pmm", "a.pmm"]]) {
      writeFileSync(join(dir, "a.pmm"), MESSY);
      const r = pmm(args, { cwd: dir });
      expect(r).toEqual({
        code: 2,
        stdout: "a.pmm\n",
        stderr: "pmm: huge.pmm: not formatted: the file is too large (48 MiB; pmm reads at most 16 MiB); split it into smaller files\n",
      });
      expect(readFileSync(join(dir, "a.pmm"), "utf8")).toBe(CLEAN);
    }
    writeFileSync(join(dir, "pmm.config.yaml"), onlyRules("syntax"));
    const c = pmm(["check", "--format", "json", ...TODAY], { cwd: dir });
    expect(c.code).toBe(1);
    expect(JSON.parse(c.stdout).diagnostics).toEqual([
      {
        file: "huge.pmm",
        rule: "syntax",
        severity: "error",
        message: "the file is too large (48 MiB; pmm reads at most 16 MiB); split it into smaller files",
        declaration: null,
        start: { line: 1, column: 1, offset: 0 },
        end: { line: 1, column: 1, offset: 0 },
      },
    ]);
  });

  it("refuses devices and FIFOs at once with one line and exit 2 (diff, check, --config, --baseline)", () => {
    const dir = ws({ "a.pmm": CLEAN });
    execFileSync("mkfifo", [join(dir, "fifo.json")]);
    const cases: Array<[string[], string]> = [
      [["diff", "/dev/zero", "x.json"], "pmm: /dev/zero: not a regular file (a device, FIFO or socket); pmm reads only regular files\n"],
      [["diff", "fifo.json", "x.json"], "pmm: fifo.json: not a regular file (a device, FIFO or socket); pmm reads only regular files\n"],
      [["check", "/dev/zero"], "pmm: /dev/zero: not a regular file or folder (a device, FIFO or socket); give pmm .pmm files or folders\n"],
      [["check", "--config", "/dev/zero", "a.pmm"], "pmm: /dev/zero: the config must be a file\n"],
      [["check", "--baseline", "fifo.json", "a.pmm"], "pmm: fifo.json: no such baseline file; create it with --update-baseline\n"],
    ];
    for (const [args, stderr] of cases) {
      const r = pmm(args[0] === "check" ? [...args, ...TODAY] : args, { cwd: dir });
      expect({ args, ...r }).toEqual({ args, code: 2, stdout: "", stderr });
    }
  });

  it("diff reads blueprints bigger than a .pmm file may be, up to 256 MiB", () => {
    const dir = ws({ "big.json": JSON.stringify({ a: "x".repeat(17 * 1024 * 1024) }), "huge.json": "" });
    truncateSync(join(dir, "huge.json"), 300 * 1024 * 1024);
    expect(pmm(["diff", "big.json", "big.json"], { cwd: dir })).toEqual({
      code: 2,
      stdout: "",
      stderr: "pmm: big.json: not a pmm blueprint (/: must have required property '$schema'); compile it with `pmm compile`\n",
    });
    expect(pmm(["diff", "huge.json", "big.json"], { cwd: dir })).toEqual({
      code: 2,
      stdout: "",
      stderr: "pmm: huge.json: the file is too large (300 MiB; pmm reads at most 256 MiB); split it into smaller files\n",
    });
  });

  it("a file deleted between discovery and reading is a finding on that file; the others are still checked", () => {
    const dir = ws({ "pmm.config.yaml": onlyRules("syntax", "unknown-reference"), "a.pmm": 'metric m "M" { type: input  owner: nobody }\n', "b.pmm": CLEAN });
    const r = pmmWithFault("unlink:b.pmm", ["check", "--format", "json", ...TODAY], dir);
    expect(existsSync(join(dir, "b.pmm"))).toBe(false);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("");
    expect(JSON.parse(r.stdout).diagnostics.map((d: { file: string; rule: string; message: string }) => [d.file, d.rule, d.message])).toEqual([
      ["a.pmm", "unknown-reference", "unknown team `nobody`; declare it or fix the name"],
      ["b.pmm", "syntax", "the file was deleted or moved after pmm found it; run pmm again"],
    ]);
  });
});

describe("write errors on stdout and stderr", () => {
  it("a full stdout (/dev/full) or one not open for writing is one line on stderr and exit 2, never a stack trace", () => {
    const r = spawnSync("sh", ["-c", `"${process.execPath}" "${PMM}" check examples/acme --today 2026-11-23 > /dev/full`], { cwd: ROOT, encoding: "utf8" });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe("pmm: cannot write to stdout: no space left on the device (ENOSPC)\n");
    expect(isOneLine(r.stderr)).toBe(true);
    // stdout and stderr both full: nothing can be said, the exit code still tells
    const both = spawnSync("sh", ["-c", `"${process.execPath}" "${PMM}" check examples/acme --today 2026-11-23 > /dev/full 2>&1`], { cwd: ROOT, encoding: "utf8" });
    expect(both.status).toBe(2);
    // a stdout open for reading only: EBADF
    const ro = spawnSync("sh", ["-c", `"${process.execPath}" "${PMM}" check examples/acme --today 2026-11-23 1</dev/null`], { cwd: ROOT, encoding: "utf8" });
    expect({ code: ro.status, stderr: ro.stderr }).toEqual({ code: 2, stderr: "pmm: cannot write to stdout: the descriptor is not open for writing (EBADF)\n" });
  });

  it("a reader that closed the pipe is one line on stderr and exit 2", async () => {
    const child = spawn(process.execPath, [PMM, "check", "examples/anti-patterns", "--today", "2026-11-23"], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.destroy();
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number>((res) => child.on("close", (c) => res(c ?? -1)));
    expect({ code, stderr }).toEqual({ code: 2, stderr: "pmm: cannot write to stdout: the reader closed the pipe (EPIPE)\n" });
  });
});
