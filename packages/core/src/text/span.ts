/** A half-open range of UTF-16 code-unit offsets into one file's text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** Builds a span. */
export function span(start: number, end: number): Span {
  return { start, end };
}

/** The smallest span covering both. */
export function cover(a: Span, b: Span): Span {
  return { start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) };
}
