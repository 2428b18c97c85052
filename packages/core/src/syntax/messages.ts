import { EOF, tokenMatcher, type IParserErrorMessageProvider, type IToken, type TokenType } from "chevrotain";
import { describeTokenType } from "./tokens.js";

/** How a token is named in messages: `}` or "the end of the file". */
export function describeToken(t: IToken): string {
  if (tokenMatcher(t, EOF)) return "the end of the file";
  const image = t.image.length > 40 ? `${t.image.slice(0, 40)}…` : t.image;
  return `\`${image.replace(/\r?\n/g, " ")}\``;
}

function after(previous: IToken): string {
  return previous && previous.tokenType !== EOF && !Number.isNaN(previous.startOffset) ? ` after \`${previous.image.slice(0, 40)}\`` : "";
}

const RULE_WORDS: Record<string, string> = {
  property: "a value",
  phrase: "a value",
  expr: "a value",
  term: "a value",
  factor: "a value",
  primary: "a value",
  list: "a list item",
  qname: "a catalog name such as `std.win_rate`",
  declaration: "a declaration",
};

function oneOf(types: TokenType[]): string {
  const words = [...new Set(types.map(describeTokenType))];
  if (words.length <= 1) return words[0] ?? "something else";
  return `${words.slice(0, -1).join(", ")} or ${words[words.length - 1]}`;
}

/** Syntax messages in the user's words, never Chevrotain's "Expecting token of type". */
export const errorMessages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected, actual, previous }) {
    return `expected ${describeTokenType(expected)}${after(previous)}, found ${describeToken(actual)}`;
  },
  buildNotAllInputParsedMessage({ firstRedundant }) {
    return `unexpected ${describeToken(firstRedundant)}; expected a declaration`;
  },
  buildNoViableAltMessage({ expectedPathsPerAlt, actual, previous, ruleName }) {
    const word = RULE_WORDS[ruleName];
    const first = expectedPathsPerAlt.flatMap((alt) => alt.map((path) => path[0]!).filter(Boolean));
    const what = word ?? oneOf(first);
    return `expected ${what}${after(previous)}, found ${describeToken(actual[0]!)}`;
  },
  buildEarlyExitMessage({ expectedIterationPaths, actual, previous }) {
    const first = expectedIterationPaths.map((p) => p[0]!).filter(Boolean);
    return `expected ${oneOf(first)}${after(previous)}, found ${describeToken(actual[0]!)}`;
  },
};
