// Bytes → text, in one place for the CLI and the language server
// (docs/safety.md, "Reading bytes"). A file is read as UTF-8; every byte
// sequence that is not UTF-8 (a lone continuation byte, a character cut short,
// an overlong form, an encoded surrogate as CESU-8 writes it, a code point
// above U+10FFFF) is a finding at the offset where its U+FFFD stands in the
// decoded text, so a position in the text is a position in the file.
import type { Span } from "./span.js";

/** The largest file pmm reads (bytes): 16 MiB, about 300,000 declarations; a bigger file is refused, never half-read. */
export const MAX_FILE_BYTES = 16 * 1024 * 1024;

/** The reason given for a file over MAX_FILE_BYTES (no path: callers add it). */
export function tooLargeMessage(size: number, limit = MAX_FILE_BYTES): string {
  return `the file is too large (${mebibytes(size)}; pmm reads at most ${mebibytes(limit)}); split it into smaller files`;
}

function mebibytes(n: number): string {
  if (n < 1024 * 1024) return `${Math.ceil(n / 1024)} KiB`;
  const m = n / (1024 * 1024);
  return `${m >= 10 || Number.isInteger(m) ? Math.round(m) : m.toFixed(1)} MiB`;
}

/** A byte sequence that is not UTF-8, at its place in the decoded text. */
export interface DecodeError {
  readonly span: Span;
  readonly message: string;
}

/** What decoding a file's bytes gave. */
export interface Decoded {
  /** The text, BOM removed; each invalid sequence is one U+FFFD per WHATWG's decoder. */
  readonly text: string;
  /** True when the bytes began with a UTF-8 byte order mark (fmt writes it back). */
  readonly bom: boolean;
  /** Invalid sequences in file order, adjacent ones merged; empty for valid UTF-8. */
  readonly errors: readonly DecodeError[];
}

/** How many invalid runs one file reports before summing up the rest. */
const MAX_REPORTED = 100;

const strict = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });
const lenient = new TextDecoder("utf-8", { fatal: false, ignoreBOM: false });

/** Decodes a file's bytes as UTF-8 (a BOM is stripped). Never throws. */
export function decodeUtf8(bytes: Uint8Array): Decoded {
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  try {
    return { text: strict.decode(bytes), bom, errors: [] };
  } catch {
    // Not UTF-8: decode leniently for the text, then find where it went wrong.
    return { text: lenient.decode(bytes), bom, errors: findInvalid(bytes, bom ? 3 : 0) };
  }
}

/**
 * The invalid runs of `bytes`, walking them as WHATWG's UTF-8 decoder does
 * (the same maximal subparts become U+FFFD), counting UTF-16 units so each
 * run's offset is where its replacement characters stand in the text.
 */
function findInvalid(bytes: Uint8Array, from: number): DecodeError[] {
  const runs: Array<{ span: Span; bytes: Uint8Array }> = [];
  let more = 0;
  let unit = 0; // UTF-16 offset in the decoded text
  // the current run of adjacent invalid sequences: bytes [runStart, runEnd), `runUnits` U+FFFDs from `runUnit`
  let runStart = -1;
  let runEnd = -1;
  let runUnit = 0;
  let runUnits = 0;
  const flush = (): void => {
    if (runStart < 0) return;
    if (runs.length < MAX_REPORTED) runs.push({ span: { start: runUnit, end: runUnit + runUnits }, bytes: bytes.subarray(runStart, runEnd) });
    else more++;
    runStart = -1;
  };
  const bad = (start: number, end: number): void => {
    if (start === runEnd && runStart >= 0) {
      runEnd = end;
      runUnits++;
    } else {
      flush();
      runStart = start;
      runEnd = end;
      runUnit = unit;
      runUnits = 1;
    }
    unit++;
  };
  let needed = 0;
  let lower = 0x80;
  let upper = 0xbf;
  let seqStart = 0;
  for (let i = from; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (needed === 0) {
      if (b <= 0x7f) unit++;
      else if (b >= 0xc2 && b <= 0xdf) needed = 1;
      else if (b >= 0xe0 && b <= 0xef) {
        if (b === 0xe0) lower = 0xa0;
        if (b === 0xed) upper = 0x9f;
        needed = 2;
      } else if (b >= 0xf0 && b <= 0xf4) {
        if (b === 0xf0) lower = 0x90;
        if (b === 0xf4) upper = 0x8f;
        needed = 3;
      } else bad(i, i + 1);
      seqStart = i;
      continue;
    }
    if (b < lower || b > upper) {
      // the sequence so far is one maximal subpart; this byte starts afresh
      needed = 0;
      lower = 0x80;
      upper = 0xbf;
      bad(seqStart, i);
      i--;
      continue;
    }
    lower = 0x80;
    upper = 0xbf;
    if (i - seqStart === needed) {
      unit += needed === 3 ? 2 : 1;
      needed = 0;
    }
  }
  if (needed !== 0) bad(seqStart, bytes.length);
  flush();
  return runs.map((r, i) => ({ span: r.span, message: describeRun(r.bytes, i === runs.length - 1 ? more : 0) }));
}

/** What is wrong with a run of invalid bytes, in the user's words. */
function describeRun(run: Uint8Array, more: number): string {
  const shown = [...run.subarray(0, 8)].map((b) => b.toString(16).toUpperCase().padStart(2, "0")).join(" ") + (run.length > 8 ? " …" : "");
  const b0 = run[0]!;
  const b1 = run[1];
  let why: string;
  if (b0 >= 0x80 && b0 <= 0xbf) why = "a continuation byte with no character to continue";
  else if (b0 === 0xc0 || b0 === 0xc1 || (b0 === 0xe0 && b1 !== undefined && b1 < 0xa0) || (b0 === 0xf0 && b1 !== undefined && b1 < 0x90)) why = "an overlong encoding";
  else if (b0 === 0xed && b1 !== undefined && b1 >= 0xa0 && b1 <= 0xbf) why = "an encoded surrogate, as CESU-8 writes it";
  else if (b0 >= 0xf8) why = "a byte that never appears in UTF-8";
  else if (b0 >= 0xf5 || (b0 === 0xf4 && b1 !== undefined && b1 >= 0x90)) why = "beyond the last Unicode character";
  else why = "a character cut short";
  const rest = more > 0 ? `, and ${more} more invalid ${more === 1 ? "sequence" : "sequences"} after it` : "";
  return `invalid UTF-8 ${run.length === 1 ? "byte" : "bytes"} \`${shown}\` (${why})${rest}; save the file as UTF-8`;
}
