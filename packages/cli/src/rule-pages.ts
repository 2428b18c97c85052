import type { Rule } from "@pmm/core";
import { REPOSITORY_URL, RULE_DOCS } from "./generated/rule-docs.js";

/** The folder of rule docs pages on the repository's default branch. */
export const DOCS_BASE = `${REPOSITORY_URL}/blob/main/docs/rules/`;

/** The URL of a rule's docs page (`docs/rules/<id>.md` under the repository URL). */
export function ruleDocsUrl(id: string): string {
  return `${DOCS_BASE}${id}.md`;
}

/** A lowercase description as a sentence. */
function sentence(text: string): string {
  const t = text.trim();
  return `${t.charAt(0).toUpperCase()}${t.slice(1)}${/[.!?]$/.test(t) ? "" : "."}`;
}

/** A rule's options as markdown bullets (for the fallback page). */
function optionLines(rule: Rule): string[] {
  const options = Object.entries(rule.meta.options ?? {});
  if (!options.length) return ["None."];
  return options.map(([name, o]) => `- \`${name}\` (${o.type}, default \`${JSON.stringify(o.default)}\`): ${o.description}`);
}

/** A rule's docs page: the embedded `docs/rules/<id>.md`, else one built from the rule's meta. */
export function rulePage(rule: Rule): string {
  const page = RULE_DOCS.get(rule.id);
  if (page !== undefined) return page.endsWith("\n") ? page : `${page}\n`;
  return [
    `# ${rule.id}`,
    "",
    "## What it checks",
    "",
    sentence(rule.meta.description),
    "",
    `Default severity: ${rule.meta.severity}. Enforces: ${rule.meta.seed}.`,
    "",
    "## Options",
    "",
    ...optionLines(rule),
    "",
  ].join("\n");
}

/** The text of a page's "What it checks" section (one paragraph), else the rule's description. */
export function ruleSummary(rule: Rule): string {
  const page = RULE_DOCS.get(rule.id);
  const m = page ? /^## What it checks\s*\n+([\s\S]*?)(?:\n## |\s*$)/m.exec(page) : null;
  const text = m?.[1]?.trim();
  return text ? text : rule.meta.description;
}
