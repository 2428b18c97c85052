// The only place where LSP positions meet core offsets. LSP counts UTF-16 code
// units; JavaScript strings are UTF-16, so core offsets already are: every
// conversion goes through the core's LineIndex.
import type { LineIndex, Span } from "@pmm/core";
import type { Position, Range } from "vscode-languageserver/node";

/** Anything with a line index (a parsed file). */
export interface Lines {
  readonly lines: LineIndex;
}

/** The LSP position of an offset. */
export function toPosition(file: Lines, offset: number): Position {
  const p = file.lines.position(offset);
  return { line: p.line, character: p.character };
}

/** The LSP range of a span. */
export function toRange(file: Lines, span: Span): Range {
  return { start: toPosition(file, span.start), end: toPosition(file, span.end) };
}

/** True for a well-formed LSP position (non-negative integers). */
function isPosition(pos: unknown): pos is Position {
  if (typeof pos !== "object" || pos === null) return false;
  const { line, character } = pos as { line?: unknown; character?: unknown };
  return Number.isInteger(line) && Number.isInteger(character) && (line as number) >= 0 && (character as number) >= 0;
}

/**
 * The offset of an LSP position, or null when the position is malformed or
 * outside the text (a line past the end, a character past the line's end).
 */
export function toOffset(file: Lines, pos: unknown): number | null {
  if (!isPosition(pos)) return null;
  const lines = file.lines;
  if (pos.line >= lines.lineCount) return null;
  const start = lines.lineStart(pos.line);
  if (start + pos.character > lines.lineEnd(pos.line)) return null;
  return start + pos.character;
}

/** The offset of an LSP position, clamped into the text (for ranges a client may overshoot); null when malformed. */
export function toOffsetClamped(file: Lines, pos: unknown): number | null {
  if (!isPosition(pos)) return null;
  return file.lines.offset(pos);
}

/** The span of an LSP range (clamped into the text); null when malformed. */
export function toSpan(file: Lines, range: unknown): Span | null {
  if (typeof range !== "object" || range === null) return null;
  const { start, end } = range as { start?: unknown; end?: unknown };
  const s = toOffsetClamped(file, start);
  const e = toOffsetClamped(file, end);
  if (s === null || e === null) return null;
  return { start: Math.min(s, e), end: Math.max(s, e) };
}

/** The zero-based line of an offset. */
export function lineOf(file: Lines, offset: number): number {
  return file.lines.position(offset).line;
}
