// Whether a character is a letter or digit, as `[\p{L}\p{N}]` in a regex, without running one for ASCII:
// the one classifier behind whole-word name matching (check/helpers/words.ts) and name normalising
// (check/rules/definition-conflict.ts).

/** One letter or digit (a code point). */
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

/** True when a code point is a letter or digit (`[\p{L}\p{N}]`). */
export function isLetterOrDigit(cp: number): boolean {
  if (cp < 128) return (cp >= 97 && cp <= 122) || (cp >= 65 && cp <= 90) || (cp >= 48 && cp <= 57);
  // General Punctuation (dashes, quotes, spaces: U+2000–U+206F) holds no letter or digit
  if (cp >= 0x2000 && cp <= 0x206f) return false;
  return LETTER_OR_DIGIT.test(String.fromCodePoint(cp));
}
