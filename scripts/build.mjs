// Builds every package: type-checks with tsc -b, then bundles the CLI and the
// language server with esbuild (one file each, so the CLI starts fast).
import { execFileSync } from "node:child_process";
import { build } from "esbuild";
import { cpSync, mkdirSync } from "node:fs";

await import("./gen-std.mjs");
await import("./gen-docs.mjs");
execFileSync(process.execPath, ["node_modules/typescript/bin/tsc", "-b"], { stdio: "inherit" });
await import("./gen-config-schema.mjs");
await import("./gen-blueprint-schema.mjs");

const common = {
  bundle: true,
  platform: "node",
  target: "node20",
  format: "esm",
  conditions: ["source"],
  sourcemap: true,
  logLevel: "warning",
  // Some CommonJS dependencies call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __pmmCreateRequire } from 'node:module'; const require = __pmmCreateRequire(import.meta.url);" },
  loader: { ".pmm": "text" },
};

await build({ ...common, entryPoints: ["packages/cli/src/bin.ts"], outfile: "packages/cli/dist/pmm.js", banner: { js: "#!/usr/bin/env node\n" + common.banner.js } });
await build({ ...common, entryPoints: ["packages/language-server/src/bin.ts"], outfile: "packages/language-server/dist/server.js" });
mkdirSync("packages/cli/dist", { recursive: true });
