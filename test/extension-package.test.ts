// The VS Code extension as a user gets it: runs extension/scripts/package.mjs
// (the `package` script: bundle, copy grammar and server, vsce) and opens the
// .vsix with a small pure-Node zip reader. Then the shipped files are run from
// an unpacked copy: the client bundle loads against a stub `vscode`, and the
// server answers `initialize` over stdio from its packaged place.
// Needs the root build (packages/language-server/dist/server.js) first.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { inflateRawSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const EXT = join(ROOT, "extension");
const SERVER = join(ROOT, "packages/language-server/dist/server.js");
const VSIX = join(EXT, "pmm.vsix");
const TIMEOUT = 120_000;

/** Reads every entry of a zip archive (stored or deflated) through its central directory. */
function readZip(zip: Buffer): Map<string, Buffer> {
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error("not a zip archive: no end of central directory record");
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const entries = new Map<string, Buffer>();
  for (let n = 0; n < count; n++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`bad central directory entry at ${at}`);
    const method = zip.readUInt16LE(at + 10);
    const compressedSize = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString("utf8", at + 46, at + 46 + nameLength);
    if (zip.readUInt32LE(local) !== 0x04034b50) throw new Error(`bad local header for ${name}`);
    const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(dataStart, dataStart + compressedSize);
    if (method === 0) entries.set(name, Buffer.from(data));
    else if (method === 8) entries.set(name, inflateRawSync(data));
    else throw new Error(`unsupported compression method ${method} for ${name}`);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Sends one LSP request on a server's stdin and resolves with the matching response. */
function initialize(serverJs: string): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [serverJs, "--stdio"], { stdio: ["pipe", "pipe", "pipe"] });
    let out = Buffer.alloc(0);
    let err = "";
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`no initialize response within 30 s; stderr: ${err}`));
    }, 30_000);
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    child.on("error", reject);
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before answering; stderr: ${err}`));
    });
    child.stdout.on("data", (d: Buffer) => {
      out = Buffer.concat([out, d]);
      const text = out.toString("utf8");
      const header = /Content-Length: (\d+)\r\n\r\n/.exec(text);
      if (!header) return;
      const start = Buffer.byteLength(text.slice(0, header.index + header[0].length));
      const length = Number(header[1]);
      if (out.length < start + length) return;
      const message = JSON.parse(out.subarray(start, start + length).toString("utf8")) as Record<string, unknown>;
      clearTimeout(timer);
      child.removeAllListeners("exit");
      child.kill();
      resolve(message);
    });
    const body = JSON.stringify({
      jsonrpc: "2.0",
      id: 1,
      method: "initialize",
      params: { processId: null, rootUri: null, capabilities: {}, initializationOptions: { configPath: null } },
    });
    child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  });
}

describe("pmm-vscode package script", () => {
  it("fails with a clear message when the language server is not built", () => {
    const result = spawnSync(process.execPath, ["scripts/package.mjs"], {
      cwd: EXT,
      encoding: "utf8",
      timeout: TIMEOUT,
      env: { ...process.env, PMM_LANGUAGE_SERVER: join(tmpdir(), "pmm-no-such-dir", "server.js") },
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("the bundled language server is missing");
    expect(result.stderr).toContain("npx -y pnpm@10.34.9 build");
  });
});

describe.skipIf(!existsSync(SERVER))("pmm-vscode .vsix", () => {
  let entries = new Map<string, Buffer>();
  const unpacked = mkdtempSync(join(tmpdir(), "pmm-vsix-"));
  afterAll(() => rmSync(unpacked, { recursive: true, force: true }));

  beforeAll(() => {
    rmSync(VSIX, { force: true });
    const result = spawnSync(process.execPath, ["scripts/package.mjs"], {
      cwd: EXT,
      encoding: "utf8",
      timeout: TIMEOUT,
      env: { ...process.env, NO_COLOR: "1" },
    });
    if (result.status !== 0) {
      throw new Error(`package failed (${result.status ?? result.signal}):\n${result.stdout}\n${result.stderr}`);
    }
    entries = readZip(readFileSync(VSIX));
    for (const [name, data] of entries) {
      if (name.endsWith("/")) continue;
      const file = join(unpacked, name);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, data);
    }
  }, TIMEOUT);

  it("contains the manifest, the client bundle, the server, the grammar and the icon", () => {
    const names = [...entries.keys()];
    for (const required of [
      "extension/package.json",
      "extension/dist/extension.js",
      "extension/server/server.js",
      "extension/server/package.json",
      "extension/grammar/pmm.tmLanguage.json",
      "extension/grammar/language-configuration.json",
      "extension/icon.png",
    ]) {
      expect(names, required).toContain(required);
    }
  });

  it("ships no sources, tests or dependencies", () => {
    const leaked = [...entries.keys()].filter((n) => /^extension\/(src\/|scripts\/|node_modules\/|tsconfig|build\.mjs|.*\.map$|grammar\/tests\/)/.test(n));
    expect(leaked).toEqual([]);
  });

  it("has a manifest that registers the language, grammar, configuration and settings", () => {
    const manifest = JSON.parse(entries.get("extension/package.json")!.toString("utf8")) as {
      main: string;
      icon: string;
      contributes: {
        languages: { id: string; extensions: string[]; configuration: string }[];
        grammars: { language: string; scopeName: string; path: string }[];
        configuration: { properties: Record<string, { type: string; enum?: string[] }> };
      };
    };
    expect(manifest.main).toBe("./dist/extension.js");
    expect(entries.has(`extension/${manifest.icon}`)).toBe(true);
    const language = manifest.contributes.languages.find((l) => l.id === "pmm");
    expect(language?.extensions).toContain(".pmm");
    expect(entries.has(join("extension", language!.configuration))).toBe(true);
    const grammar = manifest.contributes.grammars.find((g) => g.language === "pmm");
    expect(grammar?.scopeName).toBe("source.pmm");
    expect(entries.has(join("extension", grammar!.path))).toBe(true);
    expect(manifest.contributes.configuration.properties["pmm.configPath"]?.type).toBe("string");
    expect(manifest.contributes.configuration.properties["pmm.trace.server"]?.enum).toEqual(["off", "messages", "verbose"]);
  });

  it("has a PNG icon of 128×128", () => {
    const png = entries.get("extension/icon.png")!;
    expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([128, 128]);
  });

  it("has a client bundle that loads with `vscode` external and exports activate/deactivate", () => {
    // A stub `vscode` module beside the unpacked extension, found by Node's lookup.
    const stub = join(unpacked, "node_modules", "vscode");
    mkdirSync(stub, { recursive: true });
    // Every member is a class, so the client's `class … extends vscode.X` at load time works.
    writeFileSync(join(stub, "index.js"), "function stub() { return new Proxy(class {}, { get: (t, k) => (k in t ? t[k] : stub()) }); }\n" + "module.exports = stub();\n");
    const script = "const m = require(process.argv[1]);" + "process.stdout.write(JSON.stringify([typeof m.activate, typeof m.deactivate]));";
    const result = spawnSync(process.execPath, ["-e", script, join(unpacked, "extension/dist/extension.js")], {
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(result.status, result.stderr.slice(-2000)).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(["function", "function"]);
  });

  it("has a server that answers initialize over stdio from its packaged place", async () => {
    const response = await initialize(join(unpacked, "extension/server/server.js"));
    expect(response).toMatchObject({ jsonrpc: "2.0", id: 1 });
    expect(response.result).toHaveProperty("capabilities");
  }, 60_000);
});
