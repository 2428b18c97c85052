// Writes the published JSON Schema of pmm.config.yaml to
// docs/pmm.config.schema.json and its precompiled ajv validator to
// packages/core/src/generated/config-validator.ts, from the core's rule
// registry. Run by the build after tsc (it reads packages/core/dist); a test
// checks both are in sync.
import { readFileSync, writeFileSync } from "node:fs";
import { configValidatorModule } from "./config-validator-module.mjs";

const { configSchema } = await import("../packages/core/dist/index.js");
const schema = configSchema();

function writeIfChanged(url, body) {
  let old = "";
  try {
    old = readFileSync(url, "utf8");
  } catch {}
  if (old !== body) writeFileSync(url, body);
}

writeIfChanged(new URL("../docs/pmm.config.schema.json", import.meta.url), `${JSON.stringify(schema, null, 2)}\n`);
writeIfChanged(new URL("../packages/core/src/generated/config-validator.ts", import.meta.url), configValidatorModule(schema));
