// Embeds docs/rules/<id>.md, the CLI version and the repository URL as a
// TypeScript module, so the bundled CLI prints rule pages and SARIF help from
// any working directory. Run by the build; a test checks it is in sync.
import { readFileSync, writeFileSync } from "node:fs";
import { ruleDocsModule } from "./rule-docs-module.mjs";

const out = new URL("../packages/cli/src/generated/rule-docs.ts", import.meta.url);
const body = ruleDocsModule();
let old = "";
try {
  old = readFileSync(out, "utf8");
} catch {}
if (old !== body) writeFileSync(out, body);
