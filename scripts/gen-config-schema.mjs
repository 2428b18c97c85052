// Writes the published JSON Schema of pmm.config.yaml to
// docs/pmm.config.schema.json from the core's rule registry. Run by the build
// after tsc (it reads packages/core/dist); a test checks it is in sync.
import { readFileSync, writeFileSync } from "node:fs";

const { configSchema } = await import("../packages/core/dist/index.js");
const out = new URL("../docs/pmm.config.schema.json", import.meta.url);
const body = `${JSON.stringify(configSchema(), null, 2)}\n`;
let old = "";
try {
  old = readFileSync(out, "utf8");
} catch {}
if (old !== body) writeFileSync(out, body);
