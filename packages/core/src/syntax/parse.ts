import type { Comment, Declaration, FileNode } from "../ast/nodes.js";
import type { Span } from "../text/span.js";
import { Lexer } from "./lexer.js";
import { Grammar, MAX_NESTING } from "./parser.js";
import type { PmmToken } from "./lexer.js";
import * as T from "./tokens.js";

/** A syntax error with its span in the file. */
export interface SyntaxError {
  readonly span: Span;
  readonly message: string;
}

/** What parsing one file gives: the AST (always) and its syntax errors. */
export interface ParseResult {
  readonly ast: FileNode;
  readonly errors: readonly SyntaxError[];
}

/**
 * Lexes and parses file texts. It holds the Chevrotain grammar (built once per
 * parser: its self-analysis costs a few milliseconds) and the lexer's word
 * tables, so whoever parses many files keeps one (a `Workspace` does). Nothing
 * of a parse outlives it but the result.
 */
export class Parser {
  private readonly lexer = new Lexer();
  private readonly grammar = new Grammar();

  /** Lexes and parses one file's text. Never throws. */
  parse(text: string): ParseResult {
    return parseWith(this.lexer, this.grammar, text);
  }
}

/** Lexes and parses one file's text with a parser of its own (see Parser). Never throws. */
export function parse(text: string): ParseResult {
  return new Parser().parse(text);
}

function parseWith(lexer: Lexer, grammar: Grammar, text: string): ParseResult {
  const lexed = lexer.lex(text);
  const parsed = grammar.parse(lexed.tokens);
  const errors: SyntaxError[] = [];
  const fix = (s: Span): Span => {
    // Errors at the end of the file point at its last character.
    if (s.start < 0) return text.length === 0 ? { start: 0, end: 0 } : { start: text.length - 1, end: text.length };
    return s;
  };
  for (const e of lexed.errors) errors.push(e);
  const deep = tooDeep(lexed.tokens);
  if (deep) errors.push(deep);
  for (const e of parsed.errors) errors.push({ span: fix(e.span), message: e.message });
  errors.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  const declarations = attachDocs(text, parsed.declarations, lexed.comments);
  return { ast: { type: "file", declarations, comments: lexed.comments }, errors: dedupe(errors) };
}

/**
 * The first bracket, parenthesis or brace opened deeper than MAX_NESTING
 * (counted over the tokens, so lists and blocks the grammar rejects count too).
 */
function tooDeep(tokens: readonly PmmToken[]): SyntaxError | null {
  let depth = 0;
  for (const t of tokens) {
    const type = t.tokenType;
    if (type === T.LParen || type === T.LBracket || type === T.LCurly) {
      if (++depth > MAX_NESTING) {
        return { span: { start: t.startOffset, end: t.startOffset + 1 }, message: `nesting too deep: at most ${MAX_NESTING} levels of parentheses, brackets and braces` };
      }
    } else if ((type === T.RParen || type === T.RBracket || type === T.RCurly) && depth > 0) depth--;
  }
  return null;
}

function dedupe(errors: SyntaxError[]): SyntaxError[] {
  const out: SyntaxError[] = [];
  for (const e of errors) {
    const prev = out[out.length - 1];
    if (prev && prev.span.start === e.span.start && prev.message === e.message) continue;
    out.push(e);
  }
  return out;
}

/** Attaches `##` comment lines directly above a declaration as its doc. */
function attachDocs(text: string, decls: Declaration[], comments: readonly Comment[]): Declaration[] {
  if (!comments.some((c) => c.doc)) return decls;
  const byEnd = new Map<number, Comment>();
  for (const c of comments) byEnd.set(c.span.end, c);
  return decls.map((d) => {
    const lines: string[] = [];
    let pos = d.span.start;
    for (;;) {
      // step back over the indentation and exactly one line break
      let p = pos;
      while (p > 0 && (text[p - 1] === " " || text[p - 1] === "\t")) p--;
      // a line break is LF, CRLF or a lone CR
      if (p > 0 && text[p - 1] === "\n") {
        p--;
        if (p > 0 && text[p - 1] === "\r") p--;
      } else if (p > 0 && text[p - 1] === "\r") p--;
      else break;
      const c = byEnd.get(p);
      if (!c || !c.doc) break;
      // the comment must start its line
      let q = c.span.start;
      while (q > 0 && (text[q - 1] === " " || text[q - 1] === "\t")) q--;
      if (q > 0 && text[q - 1] !== "\n" && text[q - 1] !== "\r") break;
      lines.push(c.text.replace(/^##\s?/, ""));
      pos = q;
    }
    return lines.length ? { ...d, doc: lines.reverse().join("\n") } : d;
  });
}
