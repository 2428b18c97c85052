import type { IToken, TokenType } from "chevrotain";
import type { Comment, Currency, DurationUnit, Literal, PeriodForm, RatePer } from "../ast/nodes.js";
import type { Span } from "../text/span.js";
import * as T from "./tokens.js";

/** A token as the parser sees it, with the literal it stands for. */
export interface PmmToken extends IToken {
  /** Offset of the last character (our lexer always sets it). */
  readonly endOffset: number;
  /** The decoded literal for literal tokens. */
  literal?: Literal;
}

/**
 * The lexer's token: one fixed shape (V8 keeps it monomorphic), no line or
 * column fields (lines are derived from offsets at the edges), and the image of
 * one-character punctuation shared instead of sliced.
 */
class Token implements PmmToken {
  readonly image: string;
  readonly startOffset: number;
  readonly endOffset: number;
  readonly tokenType: TokenType;
  readonly tokenTypeIdx: number;
  readonly literal: Literal | undefined;

  constructor(type: TokenType, text: string, start: number, end: number, literal: Literal | undefined, image?: string) {
    this.image = literal ? literal.raw : end - start === 1 ? (ONE_CHAR[text.charCodeAt(start)] ?? text.slice(start, end)) : image ?? text.slice(start, end);
    this.startOffset = start;
    this.endOffset = end - 1;
    this.tokenType = type;
    this.tokenTypeIdx = type.tokenTypeIdx!;
    this.literal = literal;
  }
}

/** Interned one-character images by char code (ASCII). */
const ONE_CHAR: ReadonlyArray<string | undefined> = Array.from({ length: 128 }, (_, c) => String.fromCharCode(c));

/**
 * Identifiers are interned: a workspace repeats a few hundred words (property
 * names, enum values, ids) hundreds of thousands of times, and the AST keeps
 * them all. Bounded so a hostile file cannot grow it without limit.
 */
const INTERNED = new Map<string, string>();
const MAX_INTERNED = 50_000;

function intern(word: string): string {
  const known = INTERNED.get(word);
  if (known !== undefined) return known;
  if (INTERNED.size < MAX_INTERNED && word.length <= 64) INTERNED.set(word, word);
  return word;
}

/** A lexical error: a span and a message in the user's words. */
export interface LexError {
  readonly span: Span;
  readonly message: string;
}

/** What lexing one text gives. */
export interface LexResult {
  readonly tokens: PmmToken[];
  readonly comments: Comment[];
  readonly errors: LexError[];
}

const DURATION_DAYS: Record<DurationUnit, number> = { h: 1 / 24, d: 1, w: 7, mo: 30, q: 91, y: 365 };
const RATE_DAYS: Record<RatePer, number> = { day: 1, week: 7, month: 30, year: 365 };
const CURRENCY_SYMBOLS: ReadonlyMap<number, Currency> = new Map([
  [0x24, "USD"],
  [0x20ac, "EUR"],
  [0xa3, "GBP"],
]);

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isIdentStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
}
function isIdentPart(c: number): boolean {
  return isIdentStart(c) || isDigit(c);
}

const PUNCT: ReadonlyMap<number, TokenType> = new Map([
  [0x7b, T.LCurly],
  [0x7d, T.RCurly],
  [0x5b, T.LBracket],
  [0x5d, T.RBracket],
  [0x28, T.LParen],
  [0x29, T.RParen],
  [0x2c, T.Comma],
  [0x3a, T.Colon],
  [0x2e, T.Dot],
  [0x2b, T.Plus],
  [0x2a, T.Star],
  [0x2f, T.Slash],
]);

/**
 * Lexes a whole text. Never throws: unknown characters, bad escapes and
 * unterminated strings become errors and lexing goes on.
 */
export function lex(text: string): LexResult {
  const tokens: PmmToken[] = [];
  const comments: Comment[] = [];
  const errors: LexError[] = [];
  const n = text.length;
  let i = 0;

  const push = (type: TokenType, start: number, end: number, literal?: Literal, image?: string): void => {
    tokens.push(new Token(type, text, start, end, literal, image));
  };

  while (i < n) {
    const c = text.charCodeAt(i);
    // whitespace (and a BOM anywhere)
    if (c === 32 || c === 10 || c === 13 || c === 9 || c === 12 || c === 11 || c === 0xfeff) {
      i++;
      continue;
    }
    if (c === 35) {
      // # comment to end of line
      let j = i;
      while (j < n && text.charCodeAt(j) !== 10 && text.charCodeAt(j) !== 13) j++;
      comments.push({ text: text.slice(i, j), span: { start: i, end: j }, doc: text.charCodeAt(i + 1) === 35 });
      i = j;
      continue;
    }
    if (isIdentStart(c)) {
      let j = i + 1;
      while (j < n && isIdentPart(text.charCodeAt(j))) j++;
      const word = intern(text.slice(i, j));
      // FY2026 is always a period
      if (c === 70 && j - i === 6 && text.charCodeAt(i + 1) === 89 && /^FY\d{4}$/.test(word)) {
        const year = Number(word.slice(2));
        push(T.PeriodTok, i, j, period("fiscal", year, 0, word, i, j));
        i = j;
        continue;
      }
      const type = T.KIND_TOKENS.get(word) ?? (word === "tradeoff" ? T.Tradeoff : undefined) ?? T.RESERVED_TOKENS.get(word) ?? T.Ident;
      if (type === T.True || type === T.False) {
        push(type, i, j, { type: "bool", value: type === T.True, raw: word, span: { start: i, end: j } });
      } else push(type, i, j, undefined, word);
      i = j;
      continue;
    }
    if (isDigit(c)) {
      i = lexNumberLike(text, i, push, errors);
      continue;
    }
    const currency = CURRENCY_SYMBOLS.get(c);
    if (currency && isDigit(text.charCodeAt(i + 1))) {
      i = lexMoney(text, i, currency, push, errors);
      continue;
    }
    if (c === 34) {
      i = lexString(text, i, push, errors);
      continue;
    }
    if (c === 45) {
      if (text.charCodeAt(i + 1) === 62) {
        push(T.Arrow, i, i + 2);
        i += 2;
      } else {
        push(T.Minus, i, i + 1);
        i++;
      }
      continue;
    }
    const p = PUNCT.get(c);
    if (p) {
      push(p, i, i + 1);
      i++;
      continue;
    }
    // Anything else is one error; astral characters are skipped whole.
    const width = c >= 0xd800 && c <= 0xdbff && i + 1 < n ? 2 : 1;
    let message: string;
    if (c === 0) message = "unexpected NUL byte; .pmm files are text";
    else if (c === 0xfffd) message = "invalid UTF-8 in the file; save it as UTF-8";
    else if (currency) message = `expected a number after \`${text[i]}\``;
    else message = `unexpected character \`${text.slice(i, i + width)}\``;
    errors.push({ span: { start: i, end: i + width }, message });
    i += width;
  }
  return { tokens, comments, errors };
}

type Push = (type: TokenType, start: number, end: number, literal?: Literal) => void;

function period(form: PeriodForm, year: number, index: number, raw: string, start: number, end: number): Literal {
  return { type: "period", form, year, index, raw, span: { start, end } };
}

function scanDigits(text: string, i: number): number {
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (isDigit(c) || (c === 95 && isDigit(text.charCodeAt(i + 1)))) i++;
    else break;
  }
  return i;
}

/** Scans `123`, `1_200`, `3.5`; returns the end offset. */
function scanDecimal(text: string, i: number): number {
  let j = scanDigits(text, i);
  if (text.charCodeAt(j) === 46 && isDigit(text.charCodeAt(j + 1))) j = scanDigits(text, j + 1);
  return j;
}

function numberValue(raw: string): number {
  return Number(raw.replace(/_/g, ""));
}

const MAGNITUDE: Record<string, number> = { k: 1e3, M: 1e6, B: 1e9 };

function lexNumberLike(text: string, start: number, push: Push, errors: LexError[]): number {
  const n = text.length;
  const intEnd = scanDigits(text, start);
  // Dates and periods: exactly four digits, then `-` with no space.
  if (intEnd - start === 4 && text.charCodeAt(intEnd) === 45) {
    const year = Number(text.slice(start, intEnd));
    const rest = text.slice(intEnd, intEnd + 12);
    let m = /^-(\d{2})-(\d{2})(?![A-Za-z0-9_])/.exec(rest);
    if (m) {
      const end = intEnd + m[0].length;
      const raw = text.slice(start, end);
      const month = Number(m[1]);
      const day = Number(m[2]);
      if (!validDate(year, month, day)) errors.push({ span: { start, end }, message: `\`${raw}\` is not a calendar date` });
      push(T.DateTok, start, end, { type: "date", iso: raw, raw, span: { start, end } });
      return end;
    }
    m = /^-(?:(H[12])|(Q[1-4])|(\d{2}))(?![A-Za-z0-9_])/.exec(rest);
    if (m) {
      const end = intEnd + m[0].length;
      const raw = text.slice(start, end);
      if (m[1]) push(T.PeriodTok, start, end, period("half", year, Number(m[1].slice(1)), raw, start, end));
      else if (m[2]) push(T.PeriodTok, start, end, period("quarter", year, Number(m[2].slice(1)), raw, start, end));
      else {
        const month = Number(m[3]);
        if (month < 1 || month > 12) errors.push({ span: { start, end }, message: `\`${raw}\` is not a month; months run 01–12` });
        push(T.PeriodTok, start, end, period("month", year, month, raw, start, end));
      }
      return end;
    }
  }
  const numEnd = scanDecimal(text, start);
  let value = numberValue(text.slice(start, numEnd));
  let j = numEnd;
  // suffix: the run of identifier characters right after the number
  let k = j;
  while (k < n && isIdentPart(text.charCodeAt(k))) k++;
  const suffix = text.slice(j, k);
  let magnitude = false;
  if (suffix.length > 0) {
    const first = suffix[0]!;
    const mag = MAGNITUDE[first];
    if (mag !== undefined && (suffix.length === 1 || suffix.slice(1) === "pp" || suffix.slice(1) === "x")) {
      value *= mag;
      magnitude = true;
      j += 1;
    }
  }
  const after = text.slice(j, k);
  const raw = (end: number): string => text.slice(start, end);
  if (after === "" || after === "pp" || after === "x") {
    // percent, pp, x or plain; then maybe a rate `/day`
    if (after === "" && text.charCodeAt(j) === 37) {
      push(T.NumberTok, start, j + 1, { type: "number", value, unit: "percent", yearLike: false, raw: raw(j + 1), span: { start, end: j + 1 } });
      return j + 1;
    }
    if (after === "" && text.charCodeAt(j) === 47) {
      const m = /^\/(day|week|month|year)(?![A-Za-z0-9_])/.exec(text.slice(j, j + 7));
      if (m) {
        const end = j + m[0].length;
        const per = m[1] as RatePer;
        push(T.RateTok, start, end, { type: "rate", amount: value, per, perDay: value / RATE_DAYS[per], raw: raw(end), span: { start, end } });
        return end;
      }
    }
    const end = k;
    const unit = after === "pp" ? "pp" : after === "x" ? "multiple" : "none";
    const yearLike = unit === "none" && !magnitude && numEnd - start === 4 && /^\d{4}$/.test(raw(end));
    push(T.NumberTok, start, end, { type: "number", value, unit, yearLike, raw: raw(end), span: { start, end } });
    return end;
  }
  if (!magnitude && (after === "h" || after === "d" || after === "w" || after === "mo" || after === "q" || after === "y")) {
    const unit = after as DurationUnit;
    push(T.DurationTok, start, k, { type: "duration", amount: value, unit, days: value * DURATION_DAYS[unit], raw: raw(k), span: { start, end: k } });
    return k;
  }
  errors.push({
    span: { start, end: k },
    message: `\`${raw(k)}\` is not a valid number; suffixes are k, M, B, %, pp, x or a duration unit (h, d, w, mo, q, y)`,
  });
  push(T.NumberTok, start, k, { type: "number", value, unit: "none", yearLike: false, raw: raw(k), span: { start, end: k } });
  return k;
}

function lexMoney(text: string, start: number, currency: Currency, push: Push, errors: LexError[]): number {
  const numEnd = scanDecimal(text, start + 1);
  let value = numberValue(text.slice(start + 1, numEnd));
  let k = numEnd;
  while (k < text.length && isIdentPart(text.charCodeAt(k))) k++;
  const suffix = text.slice(numEnd, k);
  if (suffix !== "") {
    const mag = MAGNITUDE[suffix];
    if (mag !== undefined) value *= mag;
    else errors.push({ span: { start, end: k }, message: `\`${text.slice(start, k)}\` is not a valid amount; money takes k, M or B` });
  }
  push(T.MoneyTok, start, k, { type: "money", value, currency, raw: text.slice(start, k), span: { start, end: k } });
  return k;
}

function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
  return d <= days;
}

function lexString(text: string, start: number, push: Push, errors: LexError[]): number {
  const n = text.length;
  if (text.startsWith('"""', start)) {
    const close = text.indexOf('"""', start + 3);
    const end = close < 0 ? n : close + 3;
    if (close < 0) errors.push({ span: { start, end: start + 3 }, message: 'unterminated `"""` string; close it with `"""`' });
    const body = text.slice(start + 3, close < 0 ? n : close);
    push(T.StringTok, start, end, { type: "string", value: body, multiline: true, raw: text.slice(start, end), span: { start, end } });
    return end;
  }
  let i = start + 1;
  let value = "";
  let chunk = i;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 34 || c === 10 || c === 13) break;
    if (c === 92) {
      value += text.slice(chunk, i);
      const e = text[i + 1];
      if (e === '"' || e === "\\") {
        value += e;
        i += 2;
      } else if (e === "n") {
        value += "\n";
        i += 2;
      } else if (e === "t") {
        value += "\t";
        i += 2;
      } else if (e === "u" && text[i + 2] === "{") {
        const m = /^\\u\{([0-9A-Fa-f]{1,6})\}/.exec(text.slice(i, i + 11));
        const cp = m ? parseInt(m[1]!, 16) : NaN;
        if (m && cp <= 0x10ffff) {
          value += String.fromCodePoint(cp);
          i += m[0].length;
        } else {
          errors.push({ span: { start: i, end: i + 2 }, message: "invalid `\\u{…}` escape; write 1–6 hex digits, e.g. `\\u{20AC}`" });
          i += 2;
        }
      } else {
        const width = e === undefined || e === "\n" || e === "\r" ? 1 : 2;
        errors.push({ span: { start: i, end: i + width }, message: `unknown escape \`${text.slice(i, i + width)}\`; use \\", \\\\, \\n, \\t or \\u{…}` });
        i += width;
      }
      chunk = i;
      continue;
    }
    i++;
  }
  value += text.slice(chunk, i);
  let end = i;
  if (i < n && text.charCodeAt(i) === 34) end = i + 1;
  else errors.push({ span: { start, end: i }, message: 'unterminated string; close it with `"` on the same line (use `"""` for text over several lines)' });
  push(T.StringTok, start, end, { type: "string", value, multiline: false, raw: text.slice(start, end), span: { start, end } });
  return end;
}
