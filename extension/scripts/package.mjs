// Packages the extension as pmm.vsix: bundles the client, copies the grammar
// and the language server built by the root `pnpm build`, then runs vsce.
// PMM_LANGUAGE_SERVER overrides where the server bundle is read from.
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const EXT = fileURLToPath(new URL("..", import.meta.url));
const ROOT = join(EXT, "..");
const SERVER = process.env.PMM_LANGUAGE_SERVER || join(ROOT, "packages/language-server/dist/server.js");

function run(file, args) {
  execFileSync(process.execPath, [file, ...args], { cwd: EXT, stdio: "inherit" });
}

if (!existsSync(SERVER)) {
  console.error(`pmm-vscode: the bundled language server is missing (${SERVER}).\n` + "Build it first from the repository root: npx -y pnpm@10.34.9 build");
  process.exit(1);
}

run(join(EXT, "build.mjs"), ["--production"]);

const grammarOut = join(EXT, "grammar");
rmSync(grammarOut, { recursive: true, force: true });
mkdirSync(grammarOut, { recursive: true });
for (const name of readdirSync(join(ROOT, "grammar"))) {
  if (name.endsWith(".json")) copyFileSync(join(ROOT, "grammar", name), join(grammarOut, name));
}

const serverOut = join(EXT, "server");
rmSync(serverOut, { recursive: true, force: true });
mkdirSync(serverOut, { recursive: true });
copyFileSync(SERVER, join(serverOut, "server.js"));
// The server bundle is an ES module; this marks server.js as one for Node.
writeFileSync(join(serverOut, "package.json"), JSON.stringify({ type: "module" }, null, 2) + "\n");

const vsce = join(dirname(createRequire(import.meta.url).resolve("@vscode/vsce/package.json")), "vsce");
run(vsce, ["package", "--no-dependencies", "-o", "pmm.vsix"]);
