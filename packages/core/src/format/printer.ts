import type { TokenType } from "chevrotain";
import type { Comment, Declaration, Expr, Member, Phrase, Property, Value } from "../ast/nodes.js";
import type { PmmToken } from "../syntax/lexer.js";
import * as T from "../syntax/tokens.js";

// The layout engine behind `format`: it walks the lexer's token stream, takes
// structure (where members start, which `-` is unary) from the AST, and lays
// the tokens out line by line. Token images are copied, never re-printed, and
// every comment is emitted exactly once at the place it was written.
// docs/formatting.md describes the layout.

/** One output line before it is joined. */
interface Line {
  indent: number;
  /** The code on the line (may hold the line breaks of a `"""` string); "" for a comment-only line. */
  text: string;
  /** A comment at the end of the line (or the whole line when `text` is ""). */
  comment: string | null;
  /** A blank line goes before this one. */
  blank: boolean;
}

/** A top-level item: a declaration or an own-line comment, by the first line it prints. */
interface Item {
  readonly line: number;
  readonly decl: boolean;
}

/** Layout settings. */
export interface PrintSettings {
  readonly lineWidth: number;
  readonly eol: string;
}

const INDENT = 2;

/** Width of a piece of text in columns (code points). */
export function columns(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

function is(t: PmmToken, type: TokenType): boolean {
  return t.tokenType === type;
}

/** Lays out one syntactically valid file; returns the text without a BOM. */
export class Printer {
  private readonly match: Int32Array;
  private readonly memberStarts = new Set<number>();
  private readonly unary = new Set<number>();
  private readonly pad = new Map<number, number>();
  private readonly lines: Line[] = [];
  private readonly items: Item[] = [];
  private cur: Line | null = null;
  /** The last token emitted on `cur` (-1 when none). */
  private prev = -1;
  /** A trailing comment ended the current line: the next token starts a continuation line. */
  private broken = false;
  /** Indent of the member or declaration being printed (continuation lines go one level deeper). */
  private lineBase = 0;
  private ci = 0;

  constructor(
    private readonly text: string,
    private readonly tokens: readonly PmmToken[],
    private readonly comments: readonly Comment[],
    private readonly declarations: readonly Declaration[],
    private readonly settings: PrintSettings,
  ) {
    this.match = matchBrackets(tokens);
    for (const d of declarations) this.collect(d.members);
  }

  /** The formatted text (LF or CRLF per the settings, with a final newline unless empty). */
  print(): string {
    const starts = this.declarations.map((d) => this.tokenAt(d.span.start));
    for (let k = 0; k < starts.length; k++) {
      const a = starts[k]!;
      const b = k + 1 < starts.length ? starts[k + 1]! : this.tokens.length;
      this.topComments(this.tokens[a]!.startOffset);
      this.items.push({ line: this.lines.length + (this.cur ? 1 : 0), decl: true });
      this.startLine(0, this.blankBefore(this.tokens[a]!.startOffset));
      this.lineBase = 0;
      this.inline(a, b);
    }
    this.topComments(Infinity);
    if (this.cur) this.lines.push(this.cur);
    this.cur = null;
    this.spaceItems();
    return this.join();
  }

  // --- structure from the AST ------------------------------------------------

  private collect(members: readonly Member[]): void {
    for (const m of members) {
      this.memberStarts.add(m.span.start);
      if (m.type === "property") this.value(m);
      else if (m.type === "kr") {
        if (m.from) this.expr(m.from);
        if (m.to) this.expr(m.to);
        if (m.change) this.expr(m.change);
        // the sign of a `+15%` / `-35%` change sticks to its amount
        if (m.sign && m.formSpan) this.unary.add(m.formSpan.start);
        if (m.by) this.expr(m.by.value);
        this.collect(m.properties);
      } else this.collect(m.properties);
    }
  }

  private value(p: Property): void {
    const v: Value | null = p.value;
    if (!v) return;
    const phrases: readonly Phrase[] = v.type === "list" ? v.items : [v];
    for (const ph of phrases) {
      this.expr(ph.expr);
      for (const m of ph.modifiers) this.expr(m.value);
    }
  }

  private expr(e: Expr): void {
    switch (e.type) {
      case "neg":
        this.unary.add(e.span.start);
        this.expr(e.operand);
        break;
      case "binary":
        this.expr(e.left);
        this.expr(e.right);
        break;
      case "paren":
        this.expr(e.inner);
        break;
      default:
        break;
    }
  }

  private tokenAt(offset: number): number {
    let lo = 0;
    let hi = this.tokens.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.tokens[mid]!.startOffset < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  // --- input whitespace ------------------------------------------------------

  /** True when the input has a blank line right before `offset`. */
  private blankBefore(offset: number): boolean {
    let breaks = 0;
    for (let i = offset - 1; i >= 0; i--) {
      const c = this.text.charCodeAt(i);
      if (c === 10) breaks++;
      else if (c === 13) {
        if (this.text.charCodeAt(i + 1) !== 10) breaks++;
      } else if (!isBlank(c)) break;
    }
    return breaks >= 2;
  }

  /** True when code comes before the comment on its input line. */
  private trailing(c: Comment): boolean {
    for (let i = c.span.start - 1; i >= 0; i--) {
      const ch = this.text.charCodeAt(i);
      if (ch === 10 || ch === 13) return false;
      if (!isBlank(ch)) return true;
    }
    return false;
  }

  /** True when no line break lies between two offsets of the input. */
  private sameLine(a: number, b: number): boolean {
    for (let i = a; i < b; i++) {
      const c = this.text.charCodeAt(i);
      if (c === 10 || c === 13) return false;
    }
    return true;
  }

  private hasCommentIn(a: number, b: number): boolean {
    for (let k = this.ci; k < this.comments.length; k++) {
      const s = this.comments[k]!.span.start;
      if (s >= b) return false;
      if (s > a) return true;
    }
    return false;
  }

  // --- lines -----------------------------------------------------------------

  private startLine(indent: number, blank: boolean): void {
    if (this.cur) this.lines.push(this.cur);
    this.cur = { indent, text: "", comment: null, blank };
    this.prev = -1;
    this.broken = false;
  }

  /** The column where the next character on the current line goes. */
  private column(): number {
    const cur = this.cur;
    if (!cur) return 0;
    const nl = cur.text.lastIndexOf("\n");
    return nl >= 0 ? columns(cur.text.slice(nl + 1)) : cur.indent + columns(cur.text);
  }

  private commentText(c: Comment): string {
    return c.text.replace(/[ \t\f\v\ufeff]+$/, "");
  }

  /** Puts a comment at the end of the current line when it trails code there; false otherwise. */
  private attach(c: Comment): boolean {
    const cur = this.cur;
    if (!this.trailing(c) || !cur || cur.text === "" || cur.comment !== null) return false;
    cur.comment = this.commentText(c);
    this.broken = true;
    return true;
  }

  /** Comments before a declaration: trailing ones stay on their line, the rest are items of their own. */
  private topComments(offset: number): void {
    while (this.ci < this.comments.length && this.comments[this.ci]!.span.start < offset) {
      const c = this.comments[this.ci++]!;
      if (this.attach(c)) continue;
      this.items.push({ line: this.lines.length + (this.cur ? 1 : 0), decl: false });
      this.startLine(0, this.blankBefore(c.span.start));
      this.cur!.comment = this.commentText(c);
      this.broken = true;
    }
  }

  /** Comments before a member or list item: trailing ones stay, the rest get lines at `indent`. */
  private memberComments(offset: number, indent: number, state: { first: boolean }): void {
    while (this.ci < this.comments.length && this.comments[this.ci]!.span.start < offset) {
      const c = this.comments[this.ci++]!;
      if (this.attach(c)) continue;
      this.startLine(indent, !state.first && this.blankBefore(c.span.start));
      state.first = false;
      this.cur!.comment = this.commentText(c);
      this.broken = true;
    }
  }

  /** Comments inside something printed on one line: each ends the line; the code goes on one level deeper. */
  private inlineComments(offset: number): void {
    while (this.ci < this.comments.length && this.comments[this.ci]!.span.start < offset) {
      const c = this.comments[this.ci++]!;
      if (this.attach(c)) continue;
      this.startLine(this.lineBase + INDENT, false);
      this.cur!.comment = this.commentText(c);
      this.broken = true;
    }
  }

  /** Flushes comments before token `i` and opens a continuation line when one ended the line. */
  private prepare(i: number): void {
    this.inlineComments(this.tokens[i]!.startOffset);
    if (this.broken) this.startLine(this.lineBase + INDENT, false);
  }

  private emit(i: number): void {
    this.prepare(i);
    const cur = this.cur!;
    cur.text += (cur.text === "" ? "" : this.sep(this.prev, i)) + this.tokens[i]!.image;
    this.prev = i;
  }

  /** The space between two tokens on one line. */
  private sep(a: number, b: number): string {
    const A = this.tokens[a]!;
    const B = this.tokens[b]!;
    let s: string;
    if (is(A, T.LCurly)) s = is(B, T.RCurly) ? "" : " ";
    else if (is(B, T.RCurly)) s = " ";
    else if (this.memberStarts.has(B.startOffset)) s = "  ";
    else if (is(A, T.LBracket) || is(A, T.LParen)) s = "";
    else if (is(B, T.RBracket) || is(B, T.RParen) || is(B, T.Comma) || is(B, T.Colon)) s = "";
    else if (is(A, T.Dot) || is(B, T.Dot)) s = "";
    else if ((is(A, T.Minus) || is(A, T.Plus)) && this.unary.has(A.startOffset)) s = "";
    else s = " ";
    const pad = this.pad.get(b);
    return pad ? s + " ".repeat(pad) : s;
  }

  /** Tokens a..b (inclusive) as they print on one line. */
  private flat(a: number, b: number): string {
    let s = this.tokens[a]!.image;
    for (let k = a + 1; k <= b; k++) s += this.sep(k - 1, k) + this.tokens[k]!.image;
    return s;
  }

  // --- printing --------------------------------------------------------------

  /** Tokens a..b-1 on the current line; braces and brackets open blocks and lists. */
  private inline(a: number, b: number): void {
    let i = a;
    while (i < b) {
      const t = this.tokens[i]!;
      if (is(t, T.LCurly) || is(t, T.LBracket)) i = this.container(i);
      else {
        this.emit(i);
        i++;
      }
    }
  }

  /** A block or list starting at token `open`; returns the index after its closing token. */
  private container(open: number): number {
    const close = this.match[open]!;
    this.prepare(open);
    const o = this.tokens[open]!;
    const c = this.tokens[close]!;
    const empty = close === open + 1;
    const quiet = !this.hasCommentIn(o.startOffset, c.startOffset);
    if (quiet && (empty || this.sameLine(o.startOffset, c.startOffset))) {
      const sep = this.cur!.text === "" ? "" : this.sep(this.prev, open);
      if (this.column() + columns(sep + this.flat(open, close)) <= this.settings.lineWidth) {
        for (let k = open; k <= close; k++) this.emit(k);
        return close + 1;
      }
    }
    if (is(o, T.LCurly)) this.block(open, close);
    else this.list(open, close);
    return close + 1;
  }

  private block(open: number, close: number): void {
    this.emit(open);
    const base = this.cur!.indent;
    const inner = base + INDENT;
    const starts: number[] = [];
    for (let k = open + 1; k < close; k++) {
      const t = this.tokens[k]!;
      if (this.memberStarts.has(t.startOffset)) starts.push(k);
      if (is(t, T.LCurly) || is(t, T.LBracket) || is(t, T.LParen)) k = this.match[k]!;
    }
    this.alignKeyResults(starts, close);
    const state = { first: true };
    const saved = this.lineBase;
    for (let m = 0; m < starts.length; m++) {
      const s = starts[m]!;
      const e = m + 1 < starts.length ? starts[m + 1]! : close;
      this.memberComments(this.tokens[s]!.startOffset, inner, state);
      this.startLine(inner, !state.first && this.blankBefore(this.tokens[s]!.startOffset));
      state.first = false;
      this.lineBase = inner;
      this.inline(s, e);
    }
    this.memberComments(this.tokens[close]!.startOffset, inner, state);
    this.lineBase = saved;
    this.startLine(base, false);
    this.emit(close);
  }

  private list(open: number, close: number): void {
    this.emit(open);
    const base = this.cur!.indent;
    const inner = base + INDENT;
    const state = { first: true };
    const saved = this.lineBase;
    let s = open + 1;
    while (s < close) {
      let e = s;
      while (e < close && !is(this.tokens[e]!, T.Comma)) {
        const t = this.tokens[e]!;
        e = is(t, T.LParen) || is(t, T.LBracket) || is(t, T.LCurly) ? this.match[e]! + 1 : e + 1;
      }
      this.memberComments(this.tokens[s]!.startOffset, inner, state);
      this.startLine(inner, !state.first && this.blankBefore(this.tokens[s]!.startOffset));
      state.first = false;
      this.lineBase = inner;
      this.inline(s, e);
      if (e < close) this.emit(e);
      s = e + 1;
    }
    this.memberComments(this.tokens[close]!.startOffset, inner, state);
    this.lineBase = saved;
    this.startLine(base, false);
    this.emit(close);
  }

  /**
   * Key results of one objective line up: the values after `kr METRIC:`
   * start in one column, and so do their `->`.
   */
  private alignKeyResults(starts: readonly number[], close: number): void {
    const rows: { colon: number; arrow: number; name: number; from: number }[] = [];
    for (let m = 0; m < starts.length; m++) {
      const s = starts[m]!;
      if (!is(this.tokens[s]!, T.Kr)) continue;
      const e = m + 1 < starts.length ? starts[m + 1]! : close;
      // `kr NAME "Title"?:`
      const colon = is(this.tokens[s + 2]!, T.StringTok) ? s + 3 : s + 2;
      let arrow = -1;
      for (let k = colon + 1; k < e; k++) {
        if (is(this.tokens[k]!, T.Arrow)) {
          arrow = k;
          break;
        }
      }
      if (arrow < 0 || !is(this.tokens[colon]!, T.Colon) || arrow === colon + 1) continue;
      if (this.hasCommentIn(this.tokens[s]!.startOffset, this.tokens[arrow]!.startOffset)) continue;
      rows.push({ colon, arrow, name: columns(this.flat(s, colon)), from: columns(this.flat(colon + 1, arrow - 1)) });
    }
    if (rows.length < 2) return;
    const name = Math.max(...rows.map((r) => r.name));
    const from = Math.max(...rows.map((r) => r.from));
    for (const r of rows) {
      if (name > r.name) this.pad.set(r.colon + 1, name - r.name);
      if (from > r.from) this.pad.set(r.arrow, from - r.from);
    }
  }

  // --- assembling ------------------------------------------------------------

  /**
   * Blank lines between top-level items: a declaration that prints on more
   * than one line (with the comments directly above it) is set off by one
   * blank line on each side; elsewhere the input's blank line (at most one)
   * is kept. The file starts with no blank line.
   */
  private spaceItems(): void {
    const items = this.items;
    const end = (k: number): number => (k + 1 < items.length ? items[k + 1]!.line : this.lines.length);
    const multi = items.map((it, k) => it.decl && (end(k) - it.line > 1 || this.lines[it.line]!.text.includes("\n")));
    // group[k]: the multi-line declaration whose leading comments item k belongs to (or itself), else -1
    const group = items.map((_, k) => (multi[k] ? k : -1));
    for (let k = items.length - 1; k > 0; k--) {
      if (group[k]! >= 0 && !items[k - 1]!.decl && !this.lines[items[k]!.line]!.blank) group[k - 1] = group[k]!;
    }
    for (let k = 0; k < items.length; k++) {
      const line = this.lines[items[k]!.line]!;
      if (k === 0) line.blank = false;
      else if (multi[k - 1] || (group[k]! >= 0 && group[k - 1] !== group[k])) line.blank = true;
    }
  }

  private join(): string {
    const lines = this.lines;
    // trailing comments on neighbouring lines of one indent share a column
    const at = new Array<number>(lines.length).fill(0);
    let k = 0;
    while (k < lines.length) {
      const l = lines[k]!;
      if (!aligned(l)) {
        k++;
        continue;
      }
      let j = k + 1;
      while (j < lines.length && aligned(lines[j]!) && !lines[j]!.blank && lines[j]!.indent === l.indent) j++;
      const col = Math.max(...lines.slice(k, j).map((x) => columns(x.text))) + 1;
      for (let q = k; q < j; q++) at[q] = col - columns(lines[q]!.text);
      k = j;
    }
    const out: string[] = [];
    lines.forEach((l, i) => {
      if (l.blank && out.length) out.push("");
      let s = " ".repeat(l.indent) + l.text;
      if (l.comment !== null) s = l.text === "" ? s + l.comment : s + " ".repeat(Math.max(1, at[i]!)) + l.comment;
      out.push(s);
    });
    return out.length ? out.join(this.settings.eol) + this.settings.eol : "";
  }
}

function aligned(l: Line): boolean {
  return l.comment !== null && l.text !== "" && !l.text.includes("\n");
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 12 || c === 11 || c === 0xfeff;
}

/** For each opening bracket, brace or parenthesis, the index of its closing one. */
function matchBrackets(tokens: readonly PmmToken[]): Int32Array {
  const match = new Int32Array(tokens.length).fill(-1);
  const stack: number[] = [];
  tokens.forEach((t, i) => {
    if (is(t, T.LCurly) || is(t, T.LBracket) || is(t, T.LParen)) stack.push(i);
    else if (is(t, T.RCurly) || is(t, T.RBracket) || is(t, T.RParen)) {
      const o = stack.pop();
      if (o !== undefined) match[o] = i;
    }
  });
  return match;
}
