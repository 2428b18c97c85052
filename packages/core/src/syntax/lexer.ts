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
 * column fields (lines are derived from offsets at the edges), and the image
 * of keywords, interned words and punctuation shared instead of sliced.
 */
class Token implements PmmToken {
  readonly image: string;
  readonly startOffset: number;
  readonly endOffset: number;
  readonly tokenType: TokenType;
  readonly tokenTypeIdx: number;
  literal: Literal | undefined;

  constructor(type: TokenType, image: string, start: number, end: number, literal: Literal | undefined) {
    this.image = image;
    this.startOffset = start;
    this.endOffset = end - 1;
    this.tokenType = type;
    this.tokenTypeIdx = type.tokenTypeIdx!;
    this.literal = literal;
  }
}

/** Where the lexer puts one text's tokens, with the tables of the lexer it runs for. */
class TokenOut {
  readonly tokens: Token[] = [];

  constructor(readonly tables: Lexer) {}

  push(type: TokenType, image: string, start: number, end: number, literal: Literal | undefined): void {
    this.tokens.push(new Token(type, image, start, end, literal));
  }
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

// Character classes, one table entry per UTF-16 code unit: the hot loop reads
// a byte instead of calling predicates or looking up maps. 0 is anything else.
const SPACE = 1;
const LETTER = 2; // A-Z a-z _ (starts an identifier)
const DIGIT = 3;
const PUNCT = 4; // one-character tokens: { } [ ] ( ) , : . + * /
const HASH = 5;
const QUOTE = 6;
const MINUS = 7;
const CURRENCY = 8; // $ € £

const CLASS = new Uint8Array(0x10000);
/** 1 for the characters that continue an identifier (and a number's suffix). */
const WORD = new Uint8Array(0x10000);
for (const c of [32, 10, 13, 9, 12, 11, 0xfeff]) CLASS[c] = SPACE; // a BOM counts as space anywhere
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if (/[A-Za-z_]/.test(ch)) CLASS[c] = LETTER;
  else if (/[0-9]/.test(ch)) CLASS[c] = DIGIT;
  if (/\w/.test(ch)) WORD[c] = 1;
}
CLASS[35] = HASH;
CLASS[34] = QUOTE;
CLASS[45] = MINUS;

/** One-character tokens by char code, with their shared images. */
const PUNCT_TYPES: (TokenType | undefined)[] = [];
const PUNCT_IMAGES: string[] = [];
for (const [ch, type] of [
  ["{", T.LCurly],
  ["}", T.RCurly],
  ["[", T.LBracket],
  ["]", T.RBracket],
  ["(", T.LParen],
  [")", T.RParen],
  [",", T.Comma],
  [":", T.Colon],
  [".", T.Dot],
  ["+", T.Plus],
  ["*", T.Star],
  ["/", T.Slash],
] as const) {
  const c = ch.charCodeAt(0);
  CLASS[c] = PUNCT;
  PUNCT_TYPES[c] = type;
  PUNCT_IMAGES[c] = ch;
}

const CURRENCIES: Currency[] = [];
for (const [c, currency] of [
  [0x24, "USD"],
  [0x20ac, "EUR"],
  [0xa3, "GBP"],
] as const) {
  CLASS[c] = CURRENCY;
  CURRENCIES[c] = currency;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** True when the character at `i` would continue a word (false at the end of the text). */
function wordAt(text: string, i: number): boolean {
  return i < text.length && WORD[text.charCodeAt(i)] === 1;
}

/**
 * Words are interned with their token type: a workspace repeats a few hundred
 * words (property names, enum values, ids) hundreds of thousands of times, and
 * the AST keeps them all. The table is an open-addressing hash table keyed by
 * a hash the lexer computes while it scans the word, so a known word costs no
 * slice, no string hashing and no keyword lookup. It is only a cache: bounded
 * so a hostile file cannot grow it without limit, and a word is kept only
 * within MAX_PROBES slots of its home slot, so words made to collide cost a
 * few comparisons each, not a scan of the table. Other words are sliced as
 * they come.
 */
const MAX_INTERNED = 50_000;
const MAX_INTERNED_LENGTH = 64;
const MAX_PROBES = 16;

/** An interned word, its hash and token type. */
interface WordEntry {
  readonly word: string;
  /** Kept below 2^30 so V8 stores it as a small integer. */
  readonly hash: number;
  readonly type: TokenType;
}

/** The bounded hash table described above. */
class WordTable {
  private table: (WordEntry | undefined)[] = new Array<WordEntry | undefined>(4096).fill(undefined);
  private count = 0;

  /** True while the table takes new words. */
  get open(): boolean {
    return this.count < MAX_INTERNED;
  }

  /** The entry of the word `text[start, end)` with hash `hash`, if interned. */
  find(text: string, start: number, end: number, hash: number): WordEntry | undefined {
    const len = end - start;
    const table = this.table;
    const mask = table.length - 1;
    for (let p = 0, k = hash & mask; p < MAX_PROBES; p++, k = (k + 1) & mask) {
      const e = table[k];
      if (e === undefined) return undefined;
      if (e.hash === hash && e.word.length === len && text.startsWith(e.word, start)) return e;
    }
    return undefined;
  }

  /** Adds a word (doubling the table when half full). */
  add(entry: WordEntry): void {
    if (!place(this.table, entry) || ++this.count * 2 <= this.table.length) return;
    const table = new Array<WordEntry | undefined>(this.table.length * 2).fill(undefined);
    this.count = 0;
    for (const e of this.table) if (e && place(table, e)) this.count++;
    this.table = table;
  }
}

/** Puts an entry in the first empty slot near its home; false when there is none. */
function place(table: (WordEntry | undefined)[], entry: WordEntry): boolean {
  const mask = table.length - 1;
  for (let p = 0, k = entry.hash & mask; p < MAX_PROBES; p++, k = (k + 1) & mask) {
    if (table[k] === undefined) {
      table[k] = entry;
      return true;
    }
  }
  return false;
}

/** The token type of a word (a keyword's or an identifier's). */
function wordType(word: string): TokenType {
  return T.KIND_TOKENS.get(word) ?? (word === "tradeoff" ? T.Tradeoff : undefined) ?? T.RESERVED_TOKENS.get(word) ?? T.Ident;
}

/**
 * The images of numbers, amounts, durations, rates, dates and periods are
 * interned too (`raw` and a date's `iso` in the AST): they repeat as much as
 * words (`2026-Q4`, `45d`, `100%`), and a slice of a few characters is a new
 * string the scavenger copies. Their table is separate from the words' so
 * that it cannot crowd them out.
 */
/** Images longer than this are sliced (a string literal's is interned up to STRING_IMAGE_LENGTH: longer ones are mostly unique). */
const MAX_IMAGE_LENGTH = 24;
/** Below 13 characters V8 copies a slice anyway, so interning a unique string costs little. */
const STRING_IMAGE_LENGTH = 12;

/** `text[start, end)`, the image of a literal token of type `type`: interned when at most `max` characters. */
function literalImage(out: TokenOut, text: string, start: number, end: number, type: TokenType, max = MAX_IMAGE_LENGTH): string {
  const images = out.tables.images;
  if (end - start > max) return text.slice(start, end);
  let hash = 0;
  for (let k = start; k < end; k++) hash = (Math.imul(hash, 31) + text.charCodeAt(k)) | 0;
  hash &= 0x3fffffff;
  const known = images.find(text, start, end, hash);
  if (known) return known.word;
  const image = copyWord(text, start, end);
  if (images.open) images.add({ word: image, hash, type });
  return image;
}

/**
 * A flat copy of `text[start, end)` for a table: a slice could keep the whole
 * file's text alive, or be a two-byte string when the word is ASCII.
 */
function copyWord(text: string, start: number, end: number): string {
  const codes = new Array<number>(end - start);
  for (let k = 0; k < codes.length; k++) codes[k] = text.charCodeAt(start + k);
  return String.fromCharCode(...codes);
}

/**
 * A lexer: its word tables are caches kept from text to text (a workspace
 * repeats its words in every file), so a `Parser` keeps one lexer for all its
 * files. `lex` makes new tokens at every call; its callers may keep them.
 */
export class Lexer {
  /** Words with their token types (see WordTable). */
  readonly words = new WordTable();
  /** Literal images (see literalImage). */
  readonly images = new WordTable();

  /**
   * Lexes a whole text. Never throws: unknown characters, bad escapes and
   * unterminated strings become errors and lexing goes on.
   */
  lex(text: string): LexResult {
    return lexInto(text, new TokenOut(this));
  }
}

/** Lexes one text with a lexer of its own (see Lexer). */
export function lex(text: string): LexResult {
  return new Lexer().lex(text);
}

function lexInto(text: string, out: TokenOut): LexResult {
  const comments: Comment[] = [];
  const errors: LexError[] = [];
  const n = text.length;
  const words = out.tables.words;
  let i = 0;

  while (i < n) {
    const c = text.charCodeAt(i);
    switch (CLASS[c]) {
      case SPACE:
        i++;
        continue;
      case LETTER: {
        // scan the word, hashing it on the way
        let hash = c;
        let j = i + 1;
        for (; j < n; j++) {
          const d = text.charCodeAt(j);
          if (WORD[d] === 0) break;
          hash = (Math.imul(hash, 31) + d) | 0;
        }
        // FY2026 is always a period, and so are FY2026-Q1 (fiscal quarter) and FY2026-H2 (fiscal half)
        if (
          c === 70 &&
          j - i === 6 &&
          text.charCodeAt(i + 1) === 89 &&
          isDigit(text.charCodeAt(i + 2)) &&
          isDigit(text.charCodeAt(i + 3)) &&
          isDigit(text.charCodeAt(i + 4)) &&
          isDigit(text.charCodeAt(i + 5))
        ) {
          const year = Number(text.slice(i + 2, j));
          let form: PeriodForm = "fiscal";
          let index = 0;
          if (text.charCodeAt(j) === 45 && !wordAt(text, j + 3)) {
            const letter = text.charCodeAt(j + 1);
            const digit = text.charCodeAt(j + 2);
            if (letter === 81 && digit >= 49 && digit <= 52) form = "fiscal_quarter";
            else if (letter === 72 && (digit === 49 || digit === 50)) form = "fiscal_half";
            if (form !== "fiscal") {
              index = digit - 48;
              j += 3;
            }
          }
          const raw = literalImage(out, text, i, j, T.PeriodTok);
          out.push(T.PeriodTok, raw, i, j, period(form, year, index, raw, i, j));
          i = j;
          continue;
        }
        hash &= 0x3fffffff;
        let word: string;
        let type: TokenType;
        const known = j - i <= MAX_INTERNED_LENGTH ? words.find(text, i, j, hash) : undefined;
        if (known) {
          word = known.word;
          type = known.type;
        } else if (j - i <= MAX_INTERNED_LENGTH && words.open) {
          word = copyWord(text, i, j);
          type = wordType(word);
          words.add({ word, hash, type });
        } else {
          word = text.slice(i, j);
          type = wordType(word);
        }
        if (type === T.Ident && c >= 65 && c <= 90 && atLineStart(text, i)) {
          // `Metric a …` at the start of a line: the kind word, capitalised
          const lower = word.toLowerCase();
          const kind = T.KIND_TOKENS.get(lower) ?? (lower === "tradeoff" ? T.Tradeoff : undefined);
          if (kind && /^[ \t]+[A-Za-z_]/.test(text.slice(j, j + 2))) {
            errors.push({ span: { start: i, end: j }, message: `declaration kinds are written in lowercase: write \`${lower}\`` });
            out.push(kind, lower, i, j, undefined);
            i = j;
            continue;
          }
        }
        if (type === T.True || type === T.False) {
          out.push(type, word, i, j, { type: "bool", value: type === T.True, raw: word, span: { start: i, end: j } });
        } else out.push(type, word, i, j, undefined);
        i = j;
        continue;
      }
      case DIGIT:
        i = lexNumberLike(text, i, out, errors);
        continue;
      case PUNCT:
        if (c === 47 && text.charCodeAt(i + 1) === 47) {
          // `// comment`, as in C: read as a comment, with one error
          let j = i + 2;
          while (j < n && text.charCodeAt(j) !== 10 && text.charCodeAt(j) !== 13) j++;
          errors.push({ span: { start: i, end: i + 2 }, message: "comments start with `#`: write `# …` instead of `// …`" });
          comments.push({ text: `#${text.slice(i + 2, j)}`, span: { start: i, end: j }, doc: false });
          i = j;
          continue;
        }
        out.push(PUNCT_TYPES[c]!, PUNCT_IMAGES[c]!, i, i + 1, undefined);
        i++;
        continue;
      case HASH: {
        // # comment to end of line
        let j = i + 1;
        for (; j < n; j++) {
          const d = text.charCodeAt(j);
          if (d === 10 || d === 13) break;
        }
        comments.push({ text: text.slice(i, j), span: { start: i, end: j }, doc: text.charCodeAt(i + 1) === 35 });
        i = j;
        continue;
      }
      case QUOTE:
        i = lexString(text, i, out, errors);
        continue;
      case MINUS:
        if (text.charCodeAt(i + 1) === 62) {
          out.push(T.Arrow, "->", i, i + 2, undefined);
          i += 2;
        } else {
          out.push(T.Minus, "-", i, i + 1, undefined);
          i++;
        }
        continue;
      case CURRENCY:
        if (isDigit(text.charCodeAt(i + 1))) {
          i = lexMoney(text, i, CURRENCIES[c]!, out, errors);
          continue;
        }
        errors.push({ span: { start: i, end: i + 1 }, message: `expected a number after \`${text[i]}\`` });
        i++;
        continue;
    }
    // Common guesses get a hint and are read as meant, so they cause no knock-on errors.
    const guessed = lexGuess(text, i, out, errors);
    if (guessed > i) {
      i = guessed;
      continue;
    }
    // Anything else is one error; astral characters are skipped whole.
    const width = c >= 0xd800 && c <= 0xdbff && i + 1 < n ? 2 : 1;
    let message: string;
    if (c === 0) message = "unexpected NUL byte; .pmm files are text";
    else if (c === 0xfffd) message = "invalid UTF-8 in the file; save it as UTF-8";
    else message = `unexpected character \`${text.slice(i, i + width)}\``;
    errors.push({ span: { start: i, end: i + width }, message });
    i += width;
  }
  return { tokens: out.tokens, comments, errors };
}

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

/** The value of the digits `text[start, end)` as scanned by scanDecimal. */
function numberValue(text: string, start: number, end: number): number {
  // Plain integers of up to 15 digits are exact in a double: sum the digits.
  if (end - start <= 15) {
    let v = 0;
    let i = start;
    for (; i < end; i++) {
      const c = text.charCodeAt(i);
      if (!isDigit(c)) break;
      v = v * 10 + (c - 48);
    }
    if (i === end) return v;
  }
  return Number(text.slice(start, end).replace(/_/g, ""));
}

/** Two digits at `i` as a number, or -1. */
function twoDigits(text: string, i: number): number {
  const a = text.charCodeAt(i);
  const b = text.charCodeAt(i + 1);
  return isDigit(a) && isDigit(b) ? (a - 48) * 10 + (b - 48) : -1;
}

const DURATION_DAYS: Record<DurationUnit, number> = { h: 1 / 24, d: 1, w: 7, mo: 30, q: 91, y: 365 };
const RATE_PERS: readonly RatePer[] = ["day", "week", "month", "year"];
const RATE_DAYS: Record<RatePer, number> = { day: 1, week: 7, month: 30, year: 365 };

/** The magnitude a suffix letter stands for (`k`, `M`, `B`), or 0. */
function magnitudeOf(c: number): number {
  return c === 107 ? 1e3 : c === 77 ? 1e6 : c === 66 ? 1e9 : 0;
}

/** A date `2026-09-15` or period `2026-Q3`, `2026-H2`, `2026-09` at `start` (four digits, then `-`); its end, or -1. */
function lexDateOrPeriod(text: string, start: number, out: TokenOut, errors: LexError[]): number {
  const dash = start + 4;
  // (a year written `1_23` is NaN, as Number reads it)
  const year = allDigits(text, start, dash) ? numberValue(text, start, dash) : NaN;
  const month = twoDigits(text, dash + 1);
  // YYYY-MM-DD
  if (month >= 0 && text.charCodeAt(dash + 3) === 45) {
    const day = twoDigits(text, dash + 4);
    const end = dash + 6;
    if (day >= 0 && !wordAt(text, end)) {
      const raw = literalImage(out, text, start, end, T.DateTok);
      if (!validDate(year, month, day)) errors.push({ span: { start, end }, message: `\`${raw}\` is not a calendar date` });
      out.push(T.DateTok, raw, start, end, { type: "date", iso: raw, raw, span: { start, end } });
      return end;
    }
  }
  const end = dash + 3;
  if (wordAt(text, end)) return -1;
  const letter = text.charCodeAt(dash + 1);
  const digit = text.charCodeAt(dash + 2);
  let form: PeriodForm;
  let index: number;
  if (letter === 72 && (digit === 49 || digit === 50)) {
    form = "half";
    index = digit - 48;
  } else if (letter === 81 && digit >= 49 && digit <= 52) {
    form = "quarter";
    index = digit - 48;
  } else if (month >= 0) {
    form = "month";
    index = month;
  } else return -1;
  const raw = literalImage(out, text, start, end, T.PeriodTok);
  if (form === "month" && (month < 1 || month > 12)) errors.push({ span: { start, end }, message: `\`${raw}\` is not a month; months run 01–12` });
  out.push(T.PeriodTok, raw, start, end, period(form, year, index, raw, start, end));
  return end;
}

function lexNumberLike(text: string, start: number, out: TokenOut, errors: LexError[]): number {
  const n = text.length;
  const intEnd = scanDigits(text, start);
  // Dates and periods: exactly four digits, then `-` with no space.
  if (intEnd - start === 4 && text.charCodeAt(intEnd) === 45) {
    const end = lexDateOrPeriod(text, start, out, errors);
    if (end >= 0) return end;
  }
  const numEnd = scanDecimal(text, start);
  let value = numberValue(text, start, numEnd);
  // suffix: the run of identifier characters right after the number
  let k = numEnd;
  while (k < n && WORD[text.charCodeAt(k)] === 1) k++;
  // a magnitude `k`, `M` or `B`, alone or before `pp` or `x`
  let j = numEnd;
  let magnitude = false;
  if (k > j) {
    const mag = magnitudeOf(text.charCodeAt(j));
    if (mag !== 0 && (k === j + 1 || isSuffix(text, j + 1, k, "pp") || isSuffix(text, j + 1, k, "x"))) {
      value *= mag;
      magnitude = true;
      j += 1;
    }
  }
  if (j === k || isSuffix(text, j, k, "pp") || isSuffix(text, j, k, "x")) {
    // percent, pp, x or plain; then maybe a rate `/day`
    const next = text.charCodeAt(j);
    if (j === k && next === 37) {
      const end = j + 1;
      const raw = literalImage(out, text, start, end, T.NumberTok);
      out.push(T.NumberTok, raw, start, end, { type: "number", value, unit: "percent", yearLike: false, raw, span: { start, end } });
      return end;
    }
    if (j === k && next === 47) {
      for (const per of RATE_PERS) {
        const end = j + 1 + per.length;
        if (text.startsWith(per, j + 1) && !wordAt(text, end)) {
          const raw = literalImage(out, text, start, end, T.RateTok);
          out.push(T.RateTok, raw, start, end, { type: "rate", amount: value, per, perDay: value / RATE_DAYS[per], raw, span: { start, end } });
          return end;
        }
      }
    }
    const end = k;
    const unit = j === k ? "none" : text.charCodeAt(j) === 112 ? "pp" : "multiple";
    // a bare four-digit integer reads as a year
    const yearLike = unit === "none" && !magnitude && numEnd - start === 4 && allDigits(text, start, numEnd);
    const raw = literalImage(out, text, start, end, T.NumberTok);
    out.push(T.NumberTok, raw, start, end, { type: "number", value, unit, yearLike, raw, span: { start, end } });
    return end;
  }
  const unit = magnitude ? undefined : durationUnit(text, j, k);
  if (unit !== undefined) {
    const raw = literalImage(out, text, start, k, T.DurationTok);
    out.push(T.DurationTok, raw, start, k, { type: "duration", amount: value, unit, days: value * DURATION_DAYS[unit], raw, span: { start, end: k } });
    return k;
  }
  const raw = text.slice(start, k);
  errors.push({
    span: { start, end: k },
    message: `\`${raw}\` is not a valid number; suffixes are k, M, B, %, pp, x or a duration unit (h, d, w, mo, q, y)`,
  });
  out.push(T.NumberTok, raw, start, k, { type: "number", value, unit: "none", yearLike: false, raw, span: { start, end: k } });
  return k;
}

/** True when `text[start, end)` is exactly `suffix`. */
function isSuffix(text: string, start: number, end: number, suffix: string): boolean {
  return end - start === suffix.length && text.startsWith(suffix, start);
}

function allDigits(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isDigit(text.charCodeAt(i))) return false;
  return true;
}

/** The duration unit `text[start, end)` spells, if any. */
function durationUnit(text: string, start: number, end: number): DurationUnit | undefined {
  if (end - start === 1) {
    const c = text.charCodeAt(start);
    return c === 104 ? "h" : c === 100 ? "d" : c === 119 ? "w" : c === 113 ? "q" : c === 121 ? "y" : undefined;
  }
  return isSuffix(text, start, end, "mo") ? "mo" : undefined;
}

function lexMoney(text: string, start: number, currency: Currency, out: TokenOut, errors: LexError[]): number {
  const numEnd = scanDecimal(text, start + 1);
  let value = numberValue(text, start + 1, numEnd);
  let k = numEnd;
  while (k < text.length && WORD[text.charCodeAt(k)] === 1) k++;
  const raw = literalImage(out, text, start, k, T.MoneyTok);
  if (k > numEnd) {
    const mag = k === numEnd + 1 ? magnitudeOf(text.charCodeAt(numEnd)) : 0;
    if (mag !== 0) value *= mag;
    else errors.push({ span: { start, end: k }, message: `\`${raw}\` is not a valid amount; money takes k, M or B` });
  }
  out.push(T.MoneyTok, raw, start, k, { type: "money", value, currency, raw, span: { start, end: k } });
  return k;
}

/** Days in each month of a common year. */
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Whether only blanks stand between the start of the line and `i`. */
function atLineStart(text: string, i: number): boolean {
  for (let j = i - 1; j >= 0; j--) {
    const d = text.charCodeAt(j);
    if (d === 10 || d === 13) return true;
    if (d !== 32 && d !== 9 && d !== 0xfeff) return false;
  }
  return true;
}

/** Where a quoted text that starts at `open` closes with `close` on the same line, or -1. */
function closingOnLine(text: string, open: number, close: number): number {
  for (let j = open + 1; j < text.length; j++) {
    const d = text.charCodeAt(j);
    if (d === close) return j;
    if (d === 10 || d === 13) return -1;
  }
  return -1;
}

/**
 * A newcomer's guess at `i`, read as what was meant with one error that says
 * how to write it: `'text'` and `“text”` (a string: use straight double
 * quotes), `=` where `:` belongs, and `;` between properties (skipped).
 * Returns where lexing goes on, or `i` when there is no guess at `i`.
 */
function lexGuess(text: string, i: number, out: TokenOut, errors: LexError[]): number {
  const c = text.charCodeAt(i);
  if (c === 39 || c === 0x201c || c === 0x2018) {
    const close = closingOnLine(text, i, c === 39 ? 39 : c === 0x201c ? 0x201d : 0x2019);
    if (close < 0) return i;
    const value = text.slice(i + 1, close);
    const end = close + 1;
    const raw = text.slice(i, end);
    errors.push({ span: { start: i, end }, message: `strings take straight double quotes: write \`"${value}"\`` });
    out.push(T.StringTok, raw, i, end, { type: "string", value, multiline: false, raw, span: { start: i, end } });
    return end;
  }
  if (c === 61) {
    errors.push({ span: { start: i, end: i + 1 }, message: "write `:` between a property and its value, not `=`" });
    out.push(T.Colon, "=", i, i + 1, undefined);
    return i + 1;
  }
  if (c === 59) {
    errors.push({ span: { start: i, end: i + 1 }, message: "remove the `;`: properties are separated by blanks or new lines" });
    return i + 1;
  }
  return i;
}

function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return d <= (m === 2 && leap ? 29 : MONTH_DAYS[m - 1]!);
}

/** The first `{` or `}` in `from`..`to`, or -1. */
function firstBrace(text: string, from: number, to: number): number {
  for (let j = from; j < to; j++) {
    const d = text.charCodeAt(j);
    if (d === 123 || d === 125) return j;
  }
  return -1;
}

function lexString(text: string, start: number, out: TokenOut, errors: LexError[]): number {
  const n = text.length;
  if (text.charCodeAt(start + 1) === 34 && text.charCodeAt(start + 2) === 34) {
    const close = text.indexOf('"""', start + 3);
    const end = close < 0 ? n : close + 3;
    if (close < 0) errors.push({ span: { start, end: start + 3 }, message: 'unterminated `"""` string; close it with `"""`' });
    const body = text.slice(start + 3, close < 0 ? n : close);
    const raw = text.slice(start, end);
    out.push(T.StringTok, raw, start, end, { type: "string", value: body, multiline: true, raw, span: { start, end } });
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
  // short strings without escapes (enum-like values, aliases) are interned like literal images
  value = chunk === start + 1 ? literalImage(out, text, chunk, i, T.StringTok, STRING_IMAGE_LENGTH) : value + text.slice(chunk, i);
  let end = i;
  // A "closing" quote followed by a letter opened the next string (`"A { levers: ["x"] }`): the first one was never closed.
  const reopened = i < n && text.charCodeAt(i) === 34 && i + 1 < n && WORD[text.charCodeAt(i + 1)] !== 0 && firstBrace(text, start + 1, i) > start + 1;
  if (i < n && text.charCodeAt(i) === 34 && !reopened) end = i + 1;
  else {
    // A brace on the line is where the string was meant to end (`metric a "A { …`): stop before it so the block still parses.
    const brace = chunk === start + 1 ? firstBrace(text, start + 1, i) : -1;
    if (brace > start + 1) {
      end = brace;
      while (end > start + 1 && (text.charCodeAt(end - 1) === 32 || text.charCodeAt(end - 1) === 9)) end--;
      value = text.slice(start + 1, end);
    }
    errors.push({ span: { start, end }, message: 'unterminated string; close it with `"` on the same line (use `"""` for text over several lines)' });
  }
  const raw = literalImage(out, text, start, end, T.StringTok, STRING_IMAGE_LENGTH);
  if (text.charCodeAt(end) === 58 && raw.length === end - start && /^"[A-Za-z_][A-Za-z0-9_]*"$/.test(raw)) {
    // `"type": input`: a property name in quotes, as in JSON
    errors.push({ span: { start, end }, message: `property names take no quotes: write \`${value}:\`` });
    out.push(wordType(value), value, start, end, undefined);
    return end;
  }
  out.push(T.StringTok, raw, start, end, { type: "string", value, multiline: false, raw, span: { start, end } });
  return end;
}
