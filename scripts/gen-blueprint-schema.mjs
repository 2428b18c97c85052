// Writes the published JSON Schema of the compiled blueprint to
// docs/blueprint.schema.json from the core's BLUEPRINT_SCHEMA. Run by the
// build after tsc (it reads packages/core/dist); a test checks it is in sync.
import { readFileSync, writeFileSync } from "node:fs";

const { BLUEPRINT_SCHEMA } = await import("../packages/core/dist/index.js");
const url = new URL("../docs/blueprint.schema.json", import.meta.url);
const body = `${JSON.stringify(BLUEPRINT_SCHEMA, null, 2)}\n`;
let old = "";
try {
  old = readFileSync(url, "utf8");
} catch {}
if (old !== body) writeFileSync(url, body);
