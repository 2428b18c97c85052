import { describe, expect, it } from "vitest";
import { FrameChecker } from "./framing.js";

const msg = (body: string): string => `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
const push = (...chunks: string[]): string | null => {
  const f = new FrameChecker();
  let last: string | null = null;
  for (const c of chunks) last = f.push(Buffer.from(c));
  return last;
};

describe("FrameChecker", () => {
  it("accepts well-framed messages however they are split, with Content-Type and non-ASCII bodies", () => {
    const stream = msg('{"id":1}') + `Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n${msg('{"a":"é😀"}')}` + msg("{}");
    expect(push(stream)).toBeNull();
    for (let cut = 1; cut < stream.length; cut += 7) expect(push(stream.slice(0, cut), stream.slice(cut))).toBeNull();
    // a body that looks like a header is skipped by its length
    expect(push(msg('"Content-Length: abc\\r\\n"'), msg("{}"))).toBeNull();
  });

  it("names the first framing problem, and keeps naming it", () => {
    expect(push("Content-Length: abc\r\n\r\n{}")).toBe("`Content-Length: abc` is not a length in bytes; expected a whole number");
    expect(push("Content-Length: -5\r\n\r\n")).toBe("`Content-Length: -5` is not a length in bytes; expected a whole number");
    expect(push("Content-Length: 2\n\n{}")).toBe('a header line ends with LF alone ("Content-Length: 2\\n"); each header line must end with CR LF');
    expect(push("garbage\r\n\r\n")).toBe('a header line that is not `Name: value` ("garbage")');
    expect(push("\r\n")).toBe('a header without `Content-Length` ("\\r\\n")');
    expect(push("Content-Length: 999999999999\r\n\r\n")).toBe("`Content-Length: 999999999999` is not a length in bytes; expected a whole number");
    expect(push("Content-Length: 300000000\r\n\r\n")).toBe("`Content-Length: 300000000` is more than the 268435456 bytes a message may have");
    expect(push("x".repeat(9000))).toMatch(/^a header longer than 8192 bytes \("x{60}…"\); expected `Content-Length: N` then a blank line$/);
    expect(push(msg("{}"), "Content-Length: x\r\n\r\n", msg("{}"))).toBe("`Content-Length: x` is not a length in bytes; expected a whole number");
  });
});
