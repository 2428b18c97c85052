// Embeds packages/core/src/std/std.pmm as a TypeScript string module, so the
// core reads no files at run time. Run by the build; a test checks it is in sync.
import { readFileSync, writeFileSync } from "node:fs";

const src = new URL("../packages/core/src/std/std.pmm", import.meta.url);
const out = new URL("../packages/core/src/std/std-text.ts", import.meta.url);
const text = readFileSync(src, "utf8");
const body = `// Generated from std.pmm by scripts/gen-std.mjs: do not edit.\n/** The text of the built-in \`std\` catalog. */\nexport const STD_TEXT = ${JSON.stringify(text)};\n`;
let old = "";
try {
  old = readFileSync(out, "utf8");
} catch {}
if (old !== body) writeFileSync(out, body);
