// The server's stdin framing (packages/language-server/src/framing.ts), over a
// real stdio process: after a malformed header the server cannot find the next
// message, so it says why on stderr and exits 1 (the client restarts it) —
// before, it went silent, answered nothing and ignored `exit`.
import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { ensureBuilt, SERVER } from "./fixtures/lsp/client.js";

/** One framed JSON-RPC message. */
function frame(message: object): Buffer {
  const body = Buffer.from(JSON.stringify(message));
  return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`), body]);
}

const INITIALIZE = frame({ jsonrpc: "2.0", id: 1, method: "initialize", params: { processId: null, rootUri: null, capabilities: {} } });
const EXIT = frame({ jsonrpc: "2.0", method: "exit" });

/**
 * Starts the server, writes `chunks` (then `exit` once stdout shows `exitAfter`),
 * and returns how it ended (or that it was still running after `ms`).
 */
async function run(chunks: readonly Buffer[], exitAfter?: string, ms = 10_000): Promise<{ code: number | "running"; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [SERVER, "--stdio"], { stdio: ["pipe", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  let exitSent = false;
  child.stdout.on("data", (d: Buffer) => {
    stdout += d.toString();
    if (exitAfter !== undefined && !exitSent && stdout.includes(exitAfter)) {
      exitSent = true;
      child.stdin.write(EXIT);
    }
  });
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  child.stdin.on("error", () => {}); // the server may be gone before the last chunk
  for (const c of chunks) child.stdin.write(c);
  const code = await new Promise<number | "running">((res) => {
    const t = setTimeout(() => {
      child.kill();
      res("running");
    }, ms);
    child.on("exit", (c) => {
      clearTimeout(t);
      res(c ?? -1);
    });
  });
  return { code, stdout, stderr };
}

const ENDING = "; exiting so the editor restarts the server\n";

describe("language server framing", () => {
  ensureBuilt();

  for (const [name, header, problem] of [
    ["a length that is not a number", "Content-Length: abc\r\n\r\n{}", "`Content-Length: abc` is not a length in bytes; expected a whole number"],
    ["a negative length", "Content-Length: -5\r\n\r\n", "`Content-Length: -5` is not a length in bytes; expected a whole number"],
    ["headers ended by LF alone", "Content-Length: 2\n\n{}", 'a header line ends with LF alone ("Content-Length: 2\\n"); each header line must end with CR LF'],
    ["no Content-Length", "Content-Type: application/json\r\n\r\n{}", 'a header without `Content-Length` ("Content-Type: application/json\\r\\n\\r\\n")'],
  ] as const) {
    it(`${name}: one line on stderr, exit 1, and the valid request after it is not half-answered`, async () => {
      const r = await run([Buffer.from(header), INITIALIZE, EXIT]);
      expect(r).toEqual({ code: 1, stdout: "", stderr: `pmm-language-server: malformed message on stdin: ${problem}${ENDING}` });
    }, 20_000);
  }

  it("answers valid requests split across chunks and packed into one, then honours exit", async () => {
    const both = Buffer.concat([INITIALIZE, frame({ jsonrpc: "2.0", id: 2, method: "shutdown" })]);
    const r = await run([both.subarray(0, 7), both.subarray(7, 40), both.subarray(40)], '"id":2');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain('"id":1,"result":{"serverInfo"');
    expect(r.stdout).toContain('{"jsonrpc":"2.0","id":2,"result":null}');
  }, 20_000);
});
