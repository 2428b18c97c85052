// Numbers written the way messages show them: `31,231`, `$5M`, `0.85`.

import { formatCount, formatNumber } from "../../util/numbers.js";

export { formatCount, formatNumber };

const SYMBOLS: ReadonlyMap<string, string> = new Map([
  ["USD", "$"],
  ["EUR", "€"],
  ["GBP", "£"],
]);

/** An amount in a currency, compact: 5e6 USD → `$5M`, 300000 CHF → `300k CHF`. */
export function formatMoney(amount: number, currency: string): string {
  const compact =
    amount >= 1e9 && amount % 1e7 === 0
      ? `${formatNumber(amount / 1e9)}B`
      : amount >= 1e6 && amount % 1e4 === 0
        ? `${formatNumber(amount / 1e6)}M`
        : amount >= 1e3 && amount % 10 === 0
          ? `${formatNumber(amount / 1e3)}k`
          : formatNumber(amount);
  const symbol = SYMBOLS.get(currency);
  return symbol ? `${symbol}${compact}` : `${compact} ${currency}`;
}

/** A count with its noun, singular or plural: (1, "key result") → `1 key result`. */
export function plural(n: number, noun: string, nouns = `${noun}s`): string {
  return `${formatCount(n)} ${n === 1 ? noun : nouns}`;
}

/** Words joined for a sentence: [a] → `a`, [a, b] → `a and b`, [a, b, c] → `a, b and c` (or `or`). */
export function joinWords(words: readonly string[], last = "and"): string {
  if (words.length <= 1) return words.join("");
  return `${words.slice(0, -1).join(", ")} ${last} ${words[words.length - 1]}`;
}
