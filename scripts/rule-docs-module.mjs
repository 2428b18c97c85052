// The text of packages/cli/src/generated/rule-docs.ts: docs/rules/<id>.md, the
// CLI version and the repository URL. Pure (reads, never writes), so the sync
// test can compare it with the file.
import { readdirSync, readFileSync } from "node:fs";

const root = new URL("../", import.meta.url);
const docsDir = new URL("docs/rules/", root);

/** The generated module's text (exported for the sync test). */
export function ruleDocsModule() {
  const pkg = JSON.parse(readFileSync(new URL("package.json", root), "utf8"));
  const cli = JSON.parse(readFileSync(new URL("packages/cli/package.json", root), "utf8"));
  const repo = typeof pkg.repository === "string" ? pkg.repository : (pkg.repository?.url ?? "");
  const url = repo
    .replace(/^git\+/, "")
    .replace(/\.git$/, "")
    .replace(/\/+$/, "");
  const pages = readdirSync(docsDir)
    .filter((n) => n.endsWith(".md"))
    .sort()
    .map((n) => [n.slice(0, -3), readFileSync(new URL(n, docsDir), "utf8").replace(/\r\n/g, "\n")]);
  const entries = pages.map(([id, text]) => `  [${JSON.stringify(id)}, ${JSON.stringify(text)}],`).join("\n");
  return (
    `// Generated from docs/rules/*.md and package.json by scripts/gen-docs.mjs: do not edit.\n\n` +
    `/** The CLI's version (packages/cli/package.json). */\n` +
    `export const VERSION = ${JSON.stringify(cli.version)};\n\n` +
    `/** The repository URL of the root package.json. */\n` +
    `export const REPOSITORY_URL = ${JSON.stringify(url)};\n\n` +
    `/** Each rule's docs page (markdown) by rule id. */\n` +
    `export const RULE_DOCS: ReadonlyMap<string, string> = new Map<string, string>([\n${entries}${entries ? "\n" : ""}]);\n`
  );
}
