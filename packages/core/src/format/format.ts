import { lex } from "../syntax/lexer.js";
import { Parser, type SyntaxError } from "../syntax/parse.js";
import { Printer } from "./printer.js";

/** Formatter settings. */
export interface FormatOptions {
  /** Lines are kept within this many columns where the layout allows (default 100). */
  readonly lineWidth?: number;
  /** The parser to use; a caller formatting many files passes one (building a parser costs a few milliseconds). */
  readonly parser?: Parser;
}

/** A formatted file: the new text and whether it differs from the input. */
export interface Formatted {
  readonly text: string;
  readonly changed: boolean;
}

/** A file that was not formatted: its syntax errors (a file with errors is never rewritten). */
export interface FormatFailure {
  readonly errors: readonly SyntaxError[];
}

/** The default line width. */
export const DEFAULT_LINE_WIDTH = 100;

/**
 * Formats one `.pmm` text into the canonical layout (docs/formatting.md).
 * Never throws; a text with syntax errors comes back as its errors. The
 * result always holds the same tokens and comments as the input; if it ever
 * would not, the formatter reports that instead of losing text.
 */
export function format(text: string, options: FormatOptions = {}): Formatted | FormatFailure {
  const parsed = (options.parser ?? new Parser()).parse(text);
  if (parsed.errors.length) return { errors: parsed.errors };
  const lexed = lex(text);
  const bom = text.charCodeAt(0) === 0xfeff ? "\ufeff" : "";
  // The first line break decides: CRLF stays CRLF; LF and a lone CR become LF.
  const br = text.search(/[\r\n]/);
  const eol = br >= 0 && text.charCodeAt(br) === 13 && text.charCodeAt(br + 1) === 10 ? "\r\n" : "\n";
  const printer = new Printer(text, lexed.tokens, lexed.comments, parsed.ast.declarations, {
    lineWidth: options.lineWidth ?? DEFAULT_LINE_WIDTH,
    eol,
  });
  const out = bom + printer.print();
  const lost = sameContent(text, out);
  if (lost !== null) {
    return {
      errors: [
        { span: { start: lost, end: lost }, message: "the formatter could not lay this file out without changing it (a bug — please report it); the file was left as it is" },
      ],
    };
  }
  return { text: out, changed: out !== text };
}

/** True for a failure. */
export function isFormatFailure(r: Formatted | FormatFailure): r is FormatFailure {
  return "errors" in r;
}

/** Null when both texts hold the same tokens and comments; else the input offset where they part. */
function sameContent(input: string, output: string): number | null {
  const a = lex(input);
  const b = lex(output);
  const n = Math.max(a.tokens.length, b.tokens.length);
  for (let i = 0; i < n; i++) {
    const x = a.tokens[i];
    const y = b.tokens[i];
    if (!x || !y || x.tokenType !== y.tokenType || x.image !== y.image) return x ? x.startOffset : input.length;
  }
  const m = Math.max(a.comments.length, b.comments.length);
  for (let i = 0; i < m; i++) {
    const x = a.comments[i];
    const y = b.comments[i];
    if (!x || !y || trimEnd(x.text) !== trimEnd(y.text)) return x ? x.span.start : input.length;
  }
  return null;
}

function trimEnd(s: string): string {
  return s.replace(/[ \t\f\v\ufeff]+$/, "");
}
