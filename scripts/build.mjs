// Builds every package: type-checks with tsc -b, then bundles the CLI and the
// language server with esbuild (one file each), and saves the V8 code cache
// the CLI starts from (packages/cli/src/launch.ts).
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { build } from "esbuild";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";

await import("./gen-std.mjs");
await import("./gen-docs.mjs");
// tsc walks the control flow of the generated config validator (one deep ajv
// function per rule option) recursively; at V8's default ~1 MB stack it was
// seen to overflow now and then (how deep a frame is depends on JIT tiers).
// 4 MB stays well inside the main thread's usual 8 MB.
execFileSync(process.execPath, ["--stack-size=4000", "node_modules/typescript/bin/tsc", "-b"], { stdio: "inherit" });
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

// The CLI: the program (bin.ts) as one function expression that
// dist/pmm.js (launch.ts) compiles with node:vm, so that V8 can cache its
// bytecode; whitespace and syntax minified, which halves what V8 reads
// (names kept, for readable stack traces).
const CLI_DIST = "packages/cli/dist";
rmSync(`${CLI_DIST}/pmm-cli.cache`, { force: true });
const cli = await build({
  ...common,
  entryPoints: ["packages/cli/src/bin.ts"],
  outfile: `${CLI_DIST}/pmm-cli.cjs`,
  format: "cjs",
  minifyWhitespace: true,
  minifySyntax: true,
  // (esbuild starts the body with "use strict", as the ES modules it bundles were.)
  banner: { js: "(function (exports, require, module, __filename, __dirname) {" },
  footer: { js: "})" },
  write: false,
});
for (const file of cli.outputFiles) {
  // The last line names the build: the launcher uses a code cache only with the bundle it was made from.
  const text = file.path.endsWith(".cjs") ? `${file.text}//pmm-build ${createHash("sha256").update(file.text).digest("hex")}\n` : file.text;
  writeFileSync(file.path, text);
}
await build({ ...common, entryPoints: ["packages/cli/src/launch.ts"], outfile: `${CLI_DIST}/pmm.js`, banner: {} });
// Warm-up: one `pmm check` whose compiled functions become the code cache.
// Without NODE_OPTIONS: V8 refuses a cache made under other V8 flags.
const { NODE_OPTIONS: _, ...env } = process.env;
const warm = spawnSync(process.execPath, [`${CLI_DIST}/pmm.js`, "check", "examples/acme"], { env: { ...env, PMM_WRITE_CODE_CACHE: "1" }, stdio: ["ignore", "ignore", "inherit"] });
if (warm.status !== 0 && warm.status !== 1) throw new Error(`the code cache warm-up (pmm check examples/acme) exited ${warm.status ?? warm.signal}`);
await build({ ...common, entryPoints: ["packages/language-server/src/bin.ts"], outfile: "packages/language-server/dist/server.js" });
mkdirSync("packages/cli/dist", { recursive: true });
