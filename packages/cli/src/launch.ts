#!/usr/bin/env node
// dist/pmm.js: runs the CLI bundle (dist/pmm-cli.cjs, built from bin.ts)
// from V8's code cache (dist/pmm-cli.cache).
//
// Most of a cold `pmm check` used to go to parsing and compiling JavaScript:
// the bundle itself, then each function on its first call (the parser
// generator, every rule, the config validator). The build runs
// `pmm check examples/acme` once and saves the bytecode compiled by its end;
// a start then deserializes that instead of compiling again (about a third of
// a cold `pmm check`). Node 20 has no compile cache for ES modules, hence a
// script run through node:vm.
//
// V8 refuses a cache made by another V8 version or with other V8 flags (the
// CLI then compiles as usual), but it only compares the source's length, so
// the cache starts with the bundle's last line, which carries a hash of the
// bundle: a cache is used only with the build that made it.
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { Script } from "node:vm";

const bundle = fileURLToPath(new URL("./pmm-cli.cjs", import.meta.url));
const cacheFile = fileURLToPath(new URL("./pmm-cli.cache", import.meta.url));

const source = readFileSync(bundle, "utf8");
const buildId = Buffer.from(source.slice(source.lastIndexOf("\n", source.length - 2) + 1));

/** The V8 data of the cache when it was made from this bundle. */
function cachedData(): Buffer | undefined {
  let cache: Buffer;
  try {
    cache = readFileSync(cacheFile);
  } catch {
    return undefined;
  }
  return cache.subarray(0, buildId.length).equals(buildId) ? cache.subarray(buildId.length) : undefined;
}

const script = new Script(source, { filename: bundle, cachedData: cachedData() });
// The build's warm-up run: save what this run compiled (renamed into place, so no start reads half a file).
if (process.env["PMM_WRITE_CODE_CACHE"] === "1") {
  process.once("exit", () => {
    writeFileSync(`${cacheFile}.${process.pid}`, Buffer.concat([buildId, script.createCachedData()]));
    renameSync(`${cacheFile}.${process.pid}`, cacheFile);
  });
}
// The bundle is one function expression: (exports, require, module, __filename, __dirname) => void.
const run = script.runInThisContext() as (exports: object, require: NodeJS.Require, module: object, filename: string, dirname: string) => void;
const module = { exports: {} };
run(module.exports, createRequire(bundle), module, bundle, dirname(bundle));
