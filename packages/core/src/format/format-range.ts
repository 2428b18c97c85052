import { lex } from "../syntax/lexer.js";
import { Parser } from "../syntax/parse.js";
import { LineIndex } from "../text/line-index.js";
import type { Span } from "../text/span.js";
import { format, type FormatFailure, type FormatOptions } from "./format.js";

/** One replacement in the input text (offsets into the input). */
export interface RangeEdit {
  readonly span: Span;
  readonly newText: string;
}

/** The edits that format a range: none when it is already formatted. */
export interface RangeEdits {
  readonly edits: readonly RangeEdit[];
}

/** A token or comment: where it starts and ends. */
interface Element {
  readonly start: number;
  readonly end: number;
}

function elements(text: string): Element[] {
  const lexed = lex(text);
  const out: Element[] = lexed.tokens.map((t) => ({ start: t.startOffset, end: t.startOffset + t.image.length }));
  for (const c of lexed.comments) out.push({ start: c.span.start, end: c.span.end });
  return out.sort((a, b) => a.start - b.start);
}

/** Where the line holding `offset` starts. */
function lineStart(lines: LineIndex, offset: number): number {
  return lines.lineStart(lines.position(offset).line);
}

/** Where the line holding `offset` ends (before its line break). */
function lineEnd(lines: LineIndex, offset: number): number {
  return lines.lineEnd(lines.position(offset).line);
}

/**
 * The index of the declaration each element starts in, or -1 (comments between
 * declarations): one sweep, as elements and declarations are both in text order.
 */
function owners(input: readonly Element[], decls: readonly { readonly span: Span }[]): number[] {
  const order = decls.map((_, i) => i).sort((x, y) => decls[x]!.span.start - decls[y]!.span.start);
  const out: number[] = [];
  let k = 0;
  for (const e of input) {
    while (k < order.length && decls[order[k]!]!.span.end <= e.start) k++;
    const d = k < order.length ? order[k]! : -1;
    out.push(d >= 0 && e.start >= decls[d]!.span.start ? d : -1);
  }
  return out;
}

/**
 * Formats the top-level declarations that overlap `[startOffset, endOffset)`
 * (the language server's range formatting). The range grows to whole
 * declarations and whole lines; the answer is one edit covering the part
 * that changes (common leading and trailing text trimmed), or no edit.
 * A text with syntax errors comes back as its errors.
 */
export function formatRange(text: string, startOffset: number, endOffset: number, options: FormatOptions = {}): RangeEdits | FormatFailure {
  const parser = options.parser ?? new Parser();
  const r = format(text, { ...options, parser });
  if ("errors" in r) return r;
  if (!r.changed) return { edits: [] };
  const input = elements(text);
  const output = elements(r.text);
  if (input.length === 0 || input.length !== output.length) return { edits: [whole(text, r.text)] };
  const decls = parser.parse(text).ast.declarations;
  // the declaration each element belongs to (-1 for comments between declarations), and its first and last element
  const owner = owners(input, decls);
  const firstOf = new Map<number, number>();
  const lastOf = new Map<number, number>();
  owner.forEach((d, i) => {
    if (!firstOf.has(d)) firstOf.set(d, i);
    lastOf.set(d, i);
  });
  const first = (d: number): number => firstOf.get(d)!;
  const last = (d: number): number => lastOf.get(d)!;
  const inLines = new LineIndex(text);
  const outLines = new LineIndex(r.text);
  const s = Math.min(startOffset, endOffset);
  const e = Math.max(startOffset, endOffset);
  let a = input.findIndex((x) => x.end > s);
  if (a < 0) a = input.length - 1;
  let b = -1;
  for (let i = input.length - 1; i >= 0; i--) {
    if (input[i]!.start < e || i === a) {
      b = i;
      break;
    }
  }
  b = Math.max(a, b);
  // grow to whole lines and whole declarations until nothing changes
  for (let changed = true; changed; ) {
    changed = false;
    const ls = lineStart(inLines, input[a]!.start);
    while (a > 0 && input[a - 1]!.end > ls) {
      a--;
      changed = true;
    }
    if (owner[a]! >= 0 && first(owner[a]!) < a) {
      a = first(owner[a]!);
      changed = true;
    }
    const le = lineEnd(inLines, input[b]!.end);
    while (b + 1 < input.length && input[b + 1]!.start < le) {
      b++;
      changed = true;
    }
    if (owner[b]! >= 0 && last(owner[b]!) > b) {
      b = last(owner[b]!);
      changed = true;
    }
  }
  const from = lineStart(inLines, input[a]!.start);
  const to = lineEnd(inLines, input[b]!.end);
  const newText = r.text.slice(lineStart(outLines, output[a]!.start), lineEnd(outLines, output[b]!.end));
  const edit = trimmed(text, from, to, newText);
  return { edits: edit ? [edit] : [] };
}

function whole(text: string, out: string): RangeEdit {
  return { span: { start: 0, end: text.length }, newText: out };
}

/** The smallest single edit that turns `text[from, to)` into `newText`; null when they are equal. */
function trimmed(text: string, from: number, to: number, newText: string): RangeEdit | null {
  const old = text.slice(from, to);
  if (old === newText) return null;
  let p = 0;
  while (p < old.length && p < newText.length && old[p] === newText[p]) p++;
  let q = 0;
  while (q < old.length - p && q < newText.length - p && old[old.length - 1 - q] === newText[newText.length - 1 - q]) q++;
  return { span: { start: from + p, end: to - q }, newText: newText.slice(p, newText.length - q) };
}
