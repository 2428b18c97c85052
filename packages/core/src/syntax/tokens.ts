import { createToken, Lexer, type TokenType } from "chevrotain";
import { DECLARATION_KINDS } from "../ast/nodes.js";

// Token types are declared once and fed by the hand-written lexer in lexer.ts;
// the patterns are never used by Chevrotain's own lexer (Lexer.NA).

/** A token that is a whole value on its own: a name or a literal (what `primary` takes). */
export const Atom = createToken({ name: "Atom", pattern: Lexer.NA });
/** Anything that can stand where a name is expected: identifiers and kind words. */
export const Name = createToken({ name: "Name", pattern: Lexer.NA, categories: [Atom] });
/** A declaration kind word (including `tradeoff`). */
export const KindWord = createToken({ name: "KindWord", pattern: Lexer.NA });
/** A kind word that declares an id (every kind word but `tradeoff`). */
export const IdKindWord = createToken({ name: "IdKindWord", pattern: Lexer.NA });
/** Every token but `}`: what a block can skip over when it meets junk. */
export const NotClose = createToken({ name: "NotClose", pattern: Lexer.NA });
/** Every token but a kind word: what the top level skips over. */
export const NotKind = createToken({ name: "NotKind", pattern: Lexer.NA });

function tok(name: string, categories: TokenType[] = []): TokenType {
  return createToken({ name, pattern: Lexer.NA, categories: [...categories, NotClose] });
}

/** An identifier. */
export const Ident = tok("Ident", [Name, NotKind]);

/** Kind keywords, by word. */
export const KIND_TOKENS: ReadonlyMap<string, TokenType> = new Map(DECLARATION_KINDS.map((k) => [k, tok(`Kw_${k}`, [Name, KindWord, IdKindWord])]));
/** `tradeoff`. */
export const Tradeoff = tok("Kw_tradeoff", [Name, KindWord]);

/** A modifier keyword (`from`, `over`, `by`, `for`, `on`): what continues a phrase after its value. */
export const ModifierWord = createToken({ name: "ModifierWord", pattern: Lexer.NA });

function reserved(word: string, categories: TokenType[] = []): TokenType {
  return tok(`Kw_${word}`, [...categories, NotKind]);
}
export const Kr = reserved("kr");
export const View = reserved("view");
export const From = reserved("from", [ModifierWord]);
export const Over = reserved("over", [ModifierWord]);
export const By = reserved("by", [ModifierWord]);
export const For = reserved("for", [ModifierWord]);
export const On = reserved("on", [ModifierWord]);
export const Vs = reserved("vs");
export const True = reserved("true", [Atom]);
export const False = reserved("false", [Atom]);

/** Reserved words (never ids), by word. */
export const RESERVED_TOKENS: ReadonlyMap<string, TokenType> = new Map([
  ["kr", Kr],
  ["view", View],
  ["from", From],
  ["over", Over],
  ["by", By],
  ["for", For],
  ["on", On],
  ["vs", Vs],
  ["true", True],
  ["false", False],
]);

export const NumberTok = tok("Number", [Atom, NotKind]);
export const MoneyTok = tok("Money", [Atom, NotKind]);
export const DurationTok = tok("Duration", [Atom, NotKind]);
export const RateTok = tok("Rate", [Atom, NotKind]);
export const DateTok = tok("Date", [Atom, NotKind]);
export const PeriodTok = tok("Period", [Atom, NotKind]);
export const StringTok = tok("String", [Atom, NotKind]);

export const LCurly = tok("LCurly", [NotKind]);
export const RCurly = createToken({ name: "RCurly", pattern: Lexer.NA, categories: [NotKind] });
export const LBracket = tok("LBracket", [NotKind]);
export const RBracket = tok("RBracket", [NotKind]);
export const LParen = tok("LParen", [NotKind]);
export const RParen = tok("RParen", [NotKind]);
export const Comma = tok("Comma", [NotKind]);
export const Colon = tok("Colon", [NotKind]);
export const Dot = tok("Dot", [NotKind]);
export const Arrow = tok("Arrow", [NotKind]);
export const Plus = tok("Plus", [NotKind]);
export const Minus = tok("Minus", [NotKind]);
export const Star = tok("Star", [NotKind]);
export const Slash = tok("Slash", [NotKind]);

/** Every concrete token type (the parser's vocabulary). */
export const ALL_TOKENS: TokenType[] = [
  Atom,
  ModifierWord,
  Name,
  KindWord,
  NotClose,
  NotKind,
  IdKindWord,
  Ident,
  ...KIND_TOKENS.values(),
  Tradeoff,
  ...RESERVED_TOKENS.values(),
  NumberTok,
  MoneyTok,
  DurationTok,
  RateTok,
  DateTok,
  PeriodTok,
  StringTok,
  LCurly,
  RCurly,
  LBracket,
  RBracket,
  LParen,
  RParen,
  Comma,
  Colon,
  Dot,
  Arrow,
  Plus,
  Minus,
  Star,
  Slash,
];

/** How each token type is named in messages. */
export function describeTokenType(t: TokenType): string {
  switch (t) {
    case Name:
    case Ident:
      return "a name";
    case Atom:
      return "a value";
    case ModifierWord:
      return "`from`, `over`, `by`, `for` or `on`";
    case KindWord:
      return "a declaration";
    case NumberTok:
      return "a number";
    case MoneyTok:
      return "an amount of money";
    case DurationTok:
      return "a duration";
    case RateTok:
      return "a rate";
    case DateTok:
      return "a date";
    case PeriodTok:
      return "a period";
    case StringTok:
      return "a string";
    case LCurly:
      return "`{`";
    case RCurly:
      return "`}`";
    case LBracket:
      return "`[`";
    case RBracket:
      return "`]`";
    case LParen:
      return "`(`";
    case RParen:
      return "`)`";
    case Comma:
      return "`,`";
    case Colon:
      return "`:`";
    case Dot:
      return "`.`";
    case Arrow:
      return "`->`";
    case Plus:
      return "`+`";
    case Minus:
      return "`-`";
    case Star:
      return "`*`";
    case Slash:
      return "`/`";
    default: {
      const m = /^Kw_(.*)$/.exec(t.name);
      return m ? `\`${m[1]}\`` : t.name;
    }
  }
}
