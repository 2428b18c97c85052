import { Command } from "commander";
import { boolOf, Catalog, closest, phraseOf, prop, RULES, RULES_BY_ID, stringOf, wordOf, wordsOf, type Declaration } from "@pmm/core";
import { UsageError } from "../io.js";
import { rulePage } from "../rule-pages.js";
import type { CommandContext } from "./shared.js";

const NONE = "—";

/** Lays out rows as columns separated by two spaces (no trailing blanks). */
function table(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return (
    rows
      .map((row) =>
        row
          .map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]!)))
          .join("  ")
          .trimEnd(),
      )
      .join("\n") + "\n"
  );
}

function listOrNone(words: readonly string[]): string {
  return words.length ? words.join(", ") : NONE;
}

/** `pmm explain std.NAME`: one entry of `catalog` with every property it carries. */
export function catalogEntryText(entry: Declaration, catalog: Catalog): string {
  const word = (name: string): string => wordOf(prop(entry, name)) ?? NONE;
  const formulaExpr = phraseOf(prop(entry, "formula"))?.expr;
  const formula = formulaExpr ? catalog.file.text.slice(formulaExpr.span.start, formulaExpr.span.end) : NONE;
  const aliases = (() => {
    const p = prop(entry, "aliases");
    const v = p?.value;
    if (!v) return [];
    const items = v.type === "list" ? v.items : [v];
    return items.flatMap((ph) => (ph.expr.type === "string" ? [ph.expr.value] : []));
  })();
  const id = entry.id!.name;
  const rate = boolOf(prop(entry, "rate")) === true;
  const vanity = boolOf(prop(entry, "vanity")) === true;
  const rows: string[][] = [
    ["name", entry.title?.value ?? id],
    ["definition", stringOf(prop(entry, "definition")) ?? NONE],
    ["formula", formula],
    ["unit", word("unit")],
    ["direction", word("direction")],
    ["dimension", word("dimension")],
    ["phases", listOrNone(wordsOf(prop(entry, "phase")))],
    ["traces", listOrNone(wordsOf(prop(entry, "traces")))],
    ["aliases", aliases.length ? aliases.join(", ") : NONE],
    ["rate", rate ? "yes: the number can rise while the count behind it falls, so a KPI on it needs a count companion" : "no"],
    ["vanity", vanity ? "yes: easy to grow, traces to no outcome; a KPI built on it is reported by `vanity-metric`" : "no"],
  ];
  const head = `std.${id}${entry.doc ? `\n\n${entry.doc.trim()}` : ""}\n\n`;
  const usage = `\nStart a workspace metric from it: metric ${id} "${entry.title?.value ?? id}" from std.${id} { … }\n`;
  return head + table(rows) + usage;
}

/** `pmm explain std`: the whole catalog as a table. */
export function catalogTableText(catalog: Catalog): string {
  const rows: string[][] = [["id", "name", "phase", "dimension", "unit", "vanity"]];
  for (const e of catalog.entries) {
    rows.push([
      `std.${e.id!.name}`,
      e.title?.value ?? e.id!.name,
      listOrNone(wordsOf(prop(e, "phase"))),
      wordOf(prop(e, "dimension")) ?? NONE,
      wordOf(prop(e, "unit")) ?? NONE,
      boolOf(prop(e, "vanity")) === true ? "yes" : "",
    ]);
  }
  return table(rows);
}

/** `pmm explain` with no argument: every rule with its default severity and description. */
export function ruleListText(): string {
  const rows: string[][] = [["rule", "severity", "description"]];
  for (const r of RULES) rows.push([r.id, r.meta.severity, r.meta.description]);
  return `${table(rows)}\nRun \`pmm explain RULE\` for a rule's page, \`pmm explain std\` for the metric catalog.\n`;
}

/** What `pmm explain NAME` prints, or a one-line error with a did-you-mean (`catalog`: parsed only when NAME is no rule). */
export function explainText(name: string, catalog: Catalog = new Catalog()): string {
  const rule = RULES_BY_ID.get(name);
  if (rule) return rulePage(rule);
  if (name === "std") return catalogTableText(catalog);
  const byId = catalog.byId;
  if (name.startsWith("std.")) {
    const entry = byId.get(name.slice(4));
    if (entry) return catalogEntryText(entry, catalog);
    const hint = closest(name.slice(4), byId.keys());
    throw new UsageError(`\`${name}\` is not in the std catalog${hint ? `; did you mean \`std.${hint}\`?` : "; `pmm explain std` lists it"}`);
  }
  const hint = byId.has(name) ? `std.${name}` : closest(name, [...RULES_BY_ID.keys(), ...[...byId.keys()].map((k) => `std.${k}`)]);
  throw new UsageError(`\`${name}\` is not a rule or a catalog entry${hint ? `; did you mean \`${hint}\`?` : "; `pmm explain` lists the rules"}`);
}

/** `pmm explain [RULE|std.NAME|std]`: print a rule's docs page, a catalog entry or the catalog. */
export function explainCommand(ctx: CommandContext): Command {
  return new Command("explain")
    .description("print a rule's docs page (RULE), a std catalog entry (std.NAME) or the catalog (std); no argument lists the rules")
    .argument("[name]", "a rule id, std.NAME or std")
    .action((name: string | undefined) => {
      ctx.io.stdout(name === undefined ? ruleListText() : explainText(name));
      ctx.exit(0);
    });
}
