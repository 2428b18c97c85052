#!/usr/bin/env node
// Measures the language server's re-check after a one-character edit:
//   1. the core path the server runs (`Workspace.set` of the edited file, then
//      `check`) on examples/acme and, when test/bench/generate.mjs exists, on a
//      generated 10,000-metric workspace — against a full check from scratch;
//   2. end to end on examples/acme: the built server over stdio, from
//      `didChange` to `publishDiagnostics`, minus the 150 ms debounce.
// Usage: node packages/language-server/bench-recheck.mjs [--metrics N] [--iterations N] [--json]
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "../..");
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const METRICS = opt("--metrics", 10_000);
const ITERATIONS = opt("--iterations", 20);
const JSON_OUT = args.includes("--json");
const TODAY = "2026-11-23";
const DEBOUNCE_MS = 150;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const round = (x) => Math.round(x * 100) / 100;

async function loadCore(dir) {
  const outfile = join(dir, "core.mjs");
  await build({
    entryPoints: [join(ROOT, "packages/core/src/index.ts")],
    bundle: true,
    platform: "node",
    format: "esm",
    conditions: ["source"],
    loader: { ".pmm": "text" },
    logLevel: "warning",
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    outfile,
  });
  return import(pathToFileURL(outfile).href);
}

function pmmFiles(dir) {
  const out = [];
  const walk = (d) => {
    for (const name of readdirSync(d).sort()) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith(".pmm")) out.push({ path: relative(dir, full), text: readFileSync(full, "utf8") });
    }
  };
  walk(dir);
  return out;
}

/** The edited file's two texts: one character inside its first string literal flipped. */
function oneCharEdit(file) {
  const q = file.text.indexOf('"');
  const at = q + 1;
  const c = file.text[at];
  const other = c === "a" ? "b" : "a";
  return [file.text, file.text.slice(0, at) + other + file.text.slice(at + 1)];
}

/** Median times of a one-character re-check and of a full check from scratch. */
function measureCore(core, files) {
  const options = { today: TODAY };
  // The full checks share one std catalog, as a kept workspace keeps its own.
  const shared = { catalog: new core.Catalog() };
  const ws = new core.Workspace();
  for (const f of files) ws.set(f.path, f.text);
  ws.check(options);
  const edited = files[Math.floor(files.length / 2)];
  const texts = oneCharEdit(edited);
  let flip = 1;
  const incremental = [];
  const full = [];
  for (let i = 0; i < ITERATIONS + 3; i++) {
    let t = performance.now();
    ws.set(edited.path, texts[flip++ & 1]);
    ws.check(options);
    if (i >= 3) incremental.push(performance.now() - t);
    t = performance.now();
    core.checkWorkspace(files.map((f) => ({ path: f.path, contents: f.text })), options, shared);
    if (i >= 3) full.push(performance.now() - t);
  }
  const inc = median(incremental);
  const fl = median(full);
  return { files: files.length, recheck_ms: round(inc), full_check_ms: round(fl), ratio: round(inc / fl) };
}

/** didChange → publishDiagnostics on examples/acme with the built server, minus the debounce. */
async function measureServer() {
  const server = join(ROOT, "packages/language-server/dist/server.js");
  if (!existsSync(server)) return null;
  const { createMessageConnection, StreamMessageReader, StreamMessageWriter } = await import("vscode-jsonrpc/node");
  const acme = join(ROOT, "examples/acme");
  const child = spawn(process.execPath, [server, "--stdio"], { stdio: ["pipe", "pipe", "ignore"] });
  const conn = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  let waiting = null;
  conn.onNotification("textDocument/publishDiagnostics", (p) => waiting?.(p));
  conn.onRequest("client/registerCapability", () => null);
  conn.listen();
  const rootUri = pathToFileURL(acme).href;
  await conn.sendRequest("initialize", { processId: process.pid, rootUri, workspaceFolders: [{ uri: rootUri, name: "acme" }], capabilities: {}, initializationOptions: {} });
  await conn.sendNotification("initialized", {});
  const file = join(acme, "teams.pmm");
  const uri = pathToFileURL(file).href;
  const text = readFileSync(file, "utf8");
  await conn.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "pmm", version: 1, text } });
  // the publish for the edited file (one flush may publish other files first)
  const next = () => new Promise((res) => (waiting = (p) => p.uri === uri && res(p)));
  await next(); // the publish that follows the open
  // a one-character edit that changes the diagnostics (so the server publishes): a role word misspelt and restored
  const at = text.indexOf("{ role: ") + "{ role: ".length;
  const line = text.slice(0, at).split("\n").length - 1;
  const character = at - text.lastIndexOf("\n", at - 1) - 1;
  const samples = [];
  for (let i = 0; i < Math.min(ITERATIONS, 10) + 1; i++) {
    const published = next();
    const t = performance.now();
    await conn.sendNotification("textDocument/didChange", {
      textDocument: { uri, version: i + 2 },
      contentChanges: [{ range: { start: { line, character }, end: { line, character: character + 1 } }, text: i % 2 === 0 ? "X" : text[at] }],
    });
    await published;
    if (i > 0) samples.push(performance.now() - t - DEBOUNCE_MS);
  }
  await conn.sendRequest("shutdown", null);
  await conn.sendNotification("exit", null);
  conn.dispose();
  child.kill();
  return { didchange_to_publish_minus_debounce_ms: round(median(samples)) };
}

const dir = mkdtempSync(join(tmpdir(), "pmm-recheck-"));
try {
  const core = await loadCore(dir);
  const progress = (m) => process.stderr.write(`bench-recheck: ${m}\n`);
  progress("examples/acme (core)");
  const result = { acme: measureCore(core, pmmFiles(join(ROOT, "examples/acme"))) };
  const generator = join(ROOT, "test/bench/generate.mjs");
  if (existsSync(generator)) {
    const { generate } = await import(pathToFileURL(generator).href);
    progress(`${METRICS} generated metrics (core)`);
    result[`generated_${METRICS}`] = measureCore(core, generate({ metrics: METRICS }).files);
  }
  progress("examples/acme (server over stdio)");
  const server = await measureServer();
  if (server) result.server_acme = server;
  if (JSON_OUT) console.log(JSON.stringify(result));
  else {
    for (const [name, r] of Object.entries(result)) {
      console.log(`${name}: ${Object.entries(r).map(([k, v]) => `${k} ${v}`).join(", ")}`);
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
