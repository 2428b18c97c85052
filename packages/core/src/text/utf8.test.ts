import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeUtf8, MAX_FILE_BYTES, tooLargeMessage } from "./utf8.js";

const bytes = (...parts: Array<string | number[]>): Uint8Array => new Uint8Array(parts.flatMap((p) => (typeof p === "string" ? [...Buffer.from(p, "utf8")] : p)));
const errorsOf = (b: Uint8Array) => {
  const d = decodeUtf8(b);
  return d.errors.map((e) => ({ ...e, shown: d.text.slice(e.span.start, e.span.end) }));
};

describe("decodeUtf8", () => {
  it("decodes valid UTF-8 with no errors and strips a BOM", () => {
    expect(decodeUtf8(bytes("team é 😀 中"))).toEqual({ text: "team é 😀 中", bom: false, errors: [] });
    expect(decodeUtf8(bytes([0xef, 0xbb, 0xbf], "a"))).toEqual({ text: "a", bom: true, errors: [] });
  });

  it("reports each kind of invalid sequence at its U+FFFD, with what is wrong", () => {
    const t = (n: number) => "\ufffd".repeat(n);
    expect(errorsOf(bytes('"Caf', [0xe9], " cr", [0xe8], 'me"'))).toEqual([
      { span: { start: 4, end: 5 }, message: "invalid UTF-8 byte `E9` (a character cut short); save the file as UTF-8", shown: t(1) },
      { span: { start: 8, end: 9 }, message: "invalid UTF-8 byte `E8` (a character cut short); save the file as UTF-8", shown: t(1) },
    ]);
    expect(errorsOf(bytes("# ", [0xed, 0xa0, 0xbd, 0xed, 0xb8, 0x80]))).toEqual([
      { span: { start: 2, end: 8 }, message: "invalid UTF-8 bytes `ED A0 BD ED B8 80` (an encoded surrogate, as CESU-8 writes it); save the file as UTF-8", shown: t(6) },
    ]);
    expect(errorsOf(bytes("a", [0xc0, 0xaf], "b", [0xe0, 0x80, 0xaf], "c", [0xf0, 0x80, 0x80, 0xaf]))).toEqual([
      { span: { start: 1, end: 3 }, message: "invalid UTF-8 bytes `C0 AF` (an overlong encoding); save the file as UTF-8", shown: t(2) },
      { span: { start: 4, end: 7 }, message: "invalid UTF-8 bytes `E0 80 AF` (an overlong encoding); save the file as UTF-8", shown: t(3) },
      { span: { start: 8, end: 12 }, message: "invalid UTF-8 bytes `F0 80 80 AF` (an overlong encoding); save the file as UTF-8", shown: t(4) },
    ]);
    expect(errorsOf(bytes([0x80], "x"))).toEqual([
      { span: { start: 0, end: 1 }, message: "invalid UTF-8 byte `80` (a continuation byte with no character to continue); save the file as UTF-8", shown: t(1) },
    ]);
    expect(errorsOf(bytes("😀", [0xf5, 0x80], "x", [0xff]))).toEqual([
      { span: { start: 2, end: 4 }, message: "invalid UTF-8 bytes `F5 80` (beyond the last Unicode character); save the file as UTF-8", shown: t(2) },
      { span: { start: 5, end: 6 }, message: "invalid UTF-8 byte `FF` (a byte that never appears in UTF-8); save the file as UTF-8", shown: t(1) },
    ]);
    // cut short by the end of the file
    expect(errorsOf(bytes("ab", [0xf0, 0x9f, 0x98]))).toEqual([
      { span: { start: 2, end: 3 }, message: "invalid UTF-8 bytes `F0 9F 98` (a character cut short); save the file as UTF-8", shown: t(1) },
    ]);
  });

  it("counts offsets after a BOM and after astral characters in UTF-16 units", () => {
    const d = decodeUtf8(bytes([0xef, 0xbb, 0xbf], "😀😀", [0xff]));
    expect(d.bom).toBe(true);
    expect(d.errors.map((e) => e.span)).toEqual([{ start: 4, end: 5 }]);
  });

  it("reports 100 runs, the last one counting the rest", () => {
    const b = new Uint8Array(300);
    for (let i = 0; i < 300; i += 2) {
      b[i] = 0xff;
      b[i + 1] = 0x20;
    }
    const d = decodeUtf8(b);
    expect(d.errors).toHaveLength(100);
    expect(d.errors[99]!.message).toBe("invalid UTF-8 byte `FF` (a byte that never appears in UTF-8), and 50 more invalid sequences after it; save the file as UTF-8");
  });

  it("agrees with the platform's decoder on any bytes: same text, and every error span covers U+FFFDs only", () => {
    const platform = new TextDecoder("utf-8");
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (b) => {
        const d = decodeUtf8(b);
        expect(d.text).toBe(platform.decode(b));
        let replaced = 0;
        for (const e of d.errors) {
          expect(e.span.end).toBeGreaterThan(e.span.start);
          for (let i = e.span.start; i < e.span.end; i++) expect(d.text.charCodeAt(i)).toBe(0xfffd);
          replaced += e.span.end - e.span.start;
        }
        // every U+FFFD comes from an error (the input had none of its own: EF BF BD is excluded below)
        if (!Buffer.from(b).includes(Buffer.from([0xef, 0xbf, 0xbd]))) expect(replaced).toBe([...d.text].filter((c) => c === "\ufffd").length);
      }),
      { numRuns: 2000 },
    );
  });

  it("says how large a refused file is", () => {
    expect(tooLargeMessage(50_000_000)).toBe("the file is too large (48 MiB; pmm reads at most 16 MiB); split it into smaller files");
    expect(tooLargeMessage(MAX_FILE_BYTES + 1, 1.5 * 1024 * 1024)).toBe("the file is too large (16 MiB; pmm reads at most 1.5 MiB); split it into smaller files");
  });
});
