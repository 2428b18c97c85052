// Amounts of money in another currency than the blueprint's (invalid-value issues the program adds once it knows the currency).
import type { SourceFile } from "../syntax/source.js";
import type { Program } from "./program.js";
import type { MoneyUse, ValueIssue } from "./validate.js";
import { findProperty, wordOf } from "./values.js";

/** The currencies with a symbol (`$`, `€`, `£`): amounts can be written in them. */
const CURRENCY_OF_SYMBOL: ReadonlySet<string> = new Set(["USD", "EUR", "GBP"]);

/** The invalid-value issues of amounts in another currency than the blueprint's. */
export function currencyIssues(program: Program, file: SourceFile, money: readonly MoneyUse[], add: (i: ValueIssue) => void): void {
  if (money.length === 0) return;
  const code = currencyCode(program);
  // An invalid currency code is reported on the blueprint; do not pile on.
  if (!/^[A-Z]{3}$/.test(code)) return;
  for (const m of money) {
    if (m.currency === code) continue;
    const hint = CURRENCY_OF_SYMBOL.has(code) ? `write amounts in ${code}` : `write plain numbers, which are in ${code}`;
    add({ rule: "invalid-value", file, span: m.span, decl: m.decl, message: `\`${m.raw}\` is in ${m.currency}, but the blueprint's currency is ${code}; ${hint}` });
  }
}

/** The blueprint's currency code (USD by default), read once per program. */
function currencyCode(program: Program): string {
  return program.memo("currency", () => {
    const bp = program.blueprint;
    return (bp && wordOf(findProperty(bp.properties, "currency"))) ?? "USD";
  });
}
