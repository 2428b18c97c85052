// pmm in a team's own repository, end to end: `scripts/pack.mjs` writes the
// tarballs, `npm install` puts them into temporary projects outside the
// repository (the CLI and the server need nothing else; the core's
// dependencies come from the registry, or npm's cache with --prefer-offline),
// and what a team runs is run there: `npx --no-install pmm check`, the
// language server over stdio, `import("@pmm/core")`, the GitHub Action's entry
// script with the runner's environment, the pre-commit hooks with the
// `pre-commit` tool, and the README's Neovim 0.7 set-up in a headless Neovim.
// The installed CLI and server must behave exactly as the repository's.
import { execFileSync, spawnSync, type SpawnSyncReturns } from "node:child_process";
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { parse as parseYaml } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkWorkspace } from "../packages/core/src/index.js";
import { ensureBuilt, pmm, ROOT } from "./fixtures/cli/run-cli.js";
import { LspClient, SERVER, uri } from "./fixtures/lsp/client.js";

const TODAY = "2026-11-23";
const version = (dir: string): string => (JSON.parse(readFileSync(join(ROOT, dir, "package.json"), "utf8")) as { version: string }).version;
const TARBALLS = {
  cli: `pmm-cli-${version("packages/cli")}.tgz`,
  server: `pmm-language-server-${version("packages/language-server")}.tgz`,
  core: `pmm-core-${version("packages/core")}.tgz`,
};

/** True when `tool --version` runs. */
function available(tool: string): boolean {
  const ok = spawnSync(tool, ["--version"], { stdio: "ignore" }).status === 0;
  if (!ok) console.warn(`adoption: \`${tool}\` is not installed (apt-get install ${tool === "nvim" ? "neovim" : tool}); its tests are skipped`);
  return ok;
}
const HAS_PRE_COMMIT = available("pre-commit");
const HAS_NVIM = available("nvim");

/**
 * The environment of a team's shell: this one without what a package manager
 * running the suite adds (`pnpm test` sets npm_config_* variables that npm
 * warns about on every start).
 */
const SHELL_ENV: Record<string, string> = Object.fromEntries(
  Object.entries(process.env)
    .filter((e): e is [string, string] => e[1] !== undefined && !/^(npm_|pnpm_|INIT_CWD$)/i.test(e[0]))
    .map(([k, v]) => [
      k,
      k === "PATH"
        ? v
            .split(delimiter)
            .filter((p) => !p.startsWith(ROOT))
            .join(delimiter)
        : v,
    ]),
);

/** Runs a command; returns exit code and output as text. */
function run(file: string, args: readonly string[], cwd: string, env: Record<string, string> = {}): { code: number; stdout: string; stderr: string } {
  const r: SpawnSyncReturns<string> = spawnSync(file, args, { cwd, encoding: "utf8", env: { ...SHELL_ENV, NO_COLOR: "1", ...env }, timeout: 120_000 });
  if (r.error) throw r.error;
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** `npm install` of tarballs into a new project; returns its folder. */
function project(name: string, tarballs: readonly string[], offline: boolean): string {
  const dir = join(tmp, name);
  mkdirSync(dir);
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name, private: true }, null, 2) + "\n");
  const started = performance.now();
  const r = run("npm", ["install", "--save-dev", "--no-audit", "--no-fund", offline ? "--offline" : "--prefer-offline", ...tarballs.map((t) => join(art, t))], dir);
  installMs.set(name, performance.now() - started);
  if (r.code !== 0) throw new Error(`npm install in ${name} exited ${r.code}:\n${r.stderr}`);
  return dir;
}

let tmp: string;
let art: string;
let team: string; // @pmm/cli alone, with a clean workspace (metrics/) and one with findings (broken/)
let lib: string; // @pmm/core
let serverOnly: string; // @pmm/language-server alone
const installMs = new Map<string, number>();

beforeAll(() => {
  ensureBuilt();
  tmp = realpathSync(mkdtempSync(join(tmpdir(), "pmm-adopt-")));
  art = join(tmp, "artifacts");
  const packed = run(process.execPath, ["scripts/pack.mjs", "--out", art], ROOT);
  if (packed.code !== 0) throw new Error(`pack exited ${packed.code}: ${packed.stderr}`);
  console.log(`adoption: ${packed.stdout.trim().replace(/\n/g, "; ")}`);
  team = project("team", [TARBALLS.cli], true);
  cpSync(join(ROOT, "examples/starter"), join(team, "metrics"), { recursive: true });
  cpSync(join(ROOT, "examples/anti-patterns"), join(team, "broken"), { recursive: true });
  lib = project("lib", [TARBALLS.core], false);
  serverOnly = project("server", [TARBALLS.server], true);
  console.log(`adoption: npm install ${[...installMs].map(([k, ms]) => `${k} ${ms.toFixed(0)} ms`).join(", ")}`);
}, 300_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** The installed `pmm` through npx, as a team runs it. */
const npxPmm = (args: readonly string[], cwd = team) => run("npx", ["--no-install", "pmm", ...args], cwd);
/** The repository's CLI on the same folder. */
const repoPmm = (args: readonly string[], cwd = team) => pmm(args, { cwd, env: { NO_COLOR: "1" } });

/** A file inside a tarball. */
const fromTarball = (tarball: string, file: string): string => execFileSync("tar", ["-xzOf", join(art, tarball), file], { encoding: "utf8", maxBuffer: 1 << 28 });
const listing = (tarball: string): string[] =>
  execFileSync("tar", ["-tzf", join(art, tarball)], { encoding: "utf8" })
    .trim()
    .split("\n")
    .sort();

describe("the tarballs", () => {
  const registryFields = (dir: string) => ({
    version: version(dir),
    license: "MIT",
    type: "module",
    engines: { node: ">=20.0.0" },
    repository: { type: "git", url: "git+https://github.com/pmm-dev/pmm.git", directory: dir },
    homepage: "https://github.com/pmm-dev/pmm#readme",
    bugs: { url: "https://github.com/pmm-dev/pmm/issues" },
    publishConfig: { access: "public" },
  });

  it("@pmm/cli: bins pmm and pmm-language-server, self-contained (no dependencies)", () => {
    const m = JSON.parse(fromTarball(TARBALLS.cli, "package/package.json")) as Record<string, unknown>;
    expect(m).toMatchObject({
      name: "@pmm/cli",
      ...registryFields("packages/cli"),
      bin: { pmm: "dist/pmm.js", "pmm-language-server": "dist/pmm-language-server.js" },
      exports: { "./package.json": "./package.json" },
    });
    expect(m["dependencies"]).toBeUndefined();
    expect(m["devDependencies"]).toBeUndefined();
    expect(m["scripts"]).toBeUndefined();
    expect(listing(TARBALLS.cli)).toEqual([
      "package/LICENSE",
      "package/README.md",
      "package/dist/pmm-cli.cache",
      "package/dist/pmm-cli.cjs",
      "package/dist/pmm-language-server.js",
      "package/dist/pmm.js",
      "package/package.json",
    ]);
  });

  it("@pmm/language-server: bin pmm-language-server, self-contained", () => {
    const m = JSON.parse(fromTarball(TARBALLS.server, "package/package.json")) as Record<string, unknown>;
    expect(m).toMatchObject({ name: "@pmm/language-server", ...registryFields("packages/language-server"), bin: { "pmm-language-server": "dist/server.js" } });
    expect(m["dependencies"]).toBeUndefined();
    expect(listing(TARBALLS.server)).toEqual(["package/LICENSE", "package/README.md", "package/dist/server.js", "package/package.json"]);
    expect(fromTarball(TARBALLS.server, "package/dist/server.js").startsWith("#!/usr/bin/env node\n")).toBe(true);
  });

  it("@pmm/core: ESM with type declarations, its registry dependencies, no source condition", () => {
    const m = JSON.parse(fromTarball(TARBALLS.core, "package/package.json")) as Record<string, unknown>;
    const source = JSON.parse(readFileSync(join(ROOT, "packages/core/package.json"), "utf8")) as Record<string, unknown>;
    expect(m).toMatchObject({ name: "@pmm/core", ...registryFields("packages/core"), main: "dist/index.js", types: "dist/index.d.ts" });
    expect(m["exports"]).toEqual({ ".": { types: "./dist/index.d.ts", default: "./dist/index.js" }, "./package.json": "./package.json" });
    expect(m["dependencies"]).toEqual(source["dependencies"]);
    const files = listing(TARBALLS.core);
    expect(files).toContain("package/dist/index.js");
    expect(files).toContain("package/dist/index.d.ts");
    expect(files.filter((f) => !/^package\/(package\.json|README\.md|LICENSE|dist\/.+\.(js|d\.ts))$/.test(f))).toEqual([]);
    expect(files.filter((f) => f.includes(".test."))).toEqual([]);
  });

  it("no manifest names a workspace: dependency", () => {
    for (const t of Object.values(TARBALLS)) expect(fromTarball(t, "package/package.json")).not.toContain("workspace:");
  });

  it("npm publish --dry-run is clean for each (the only warning: no registry login here)", () => {
    for (const [key, t] of Object.entries(TARBALLS)) {
      const r = run("npm", ["publish", "--dry-run", join(art, t)], tmp);
      expect(r.code, `${key}: ${r.stderr}`).toBe(0);
      const name = key === "server" ? "language-server" : key;
      expect(r.stdout).toBe(`+ @pmm/${name}@${version(`packages/${name}`)}\n`);
      const warnings = r.stderr.split("\n").filter((l) => /^npm (warn|error|ERR)/i.test(l) && !l.includes("requires you to be logged in"));
      expect(warnings, key).toEqual([]);
    }
  });
});

describe("the installed CLI (npx --no-install pmm)", () => {
  it("links both bins", () => {
    expect(realpathSync(join(team, "node_modules/.bin/pmm"))).toBe(join(team, "node_modules/@pmm/cli/dist/pmm.js"));
    expect(realpathSync(join(team, "node_modules/.bin/pmm-language-server"))).toBe(join(team, "node_modules/@pmm/cli/dist/pmm-language-server.js"));
  });

  it("a clean workspace: exit 0, the same output as the repository's CLI", () => {
    const r = npxPmm(["check", "metrics"]);
    expect(r).toEqual({ code: 0, stdout: "✔ no problems in 1 file\n", stderr: "" });
    expect(repoPmm(["check", "metrics"])).toEqual(r);
  });

  it("a workspace with findings: exit 1, the same findings as the repository's CLI in every format", () => {
    // npx once (it takes a second to start); the bin it links for the other formats.
    expect(npxPmm(["check", "broken"])).toEqual(repoPmm(["check", "broken"]));
    for (const format of ["pretty", "json", "sarif", "github", "junit"]) {
      const r = run(join(team, "node_modules/.bin/pmm"), ["check", "broken", "--format", format], team);
      expect(r.code, format).toBe(1);
      expect(r, format).toEqual(repoPmm(["check", "broken", "--format", format]));
    }
    const json = JSON.parse(npxPmm(["check", "broken", "--format", "json"]).stdout) as { diagnostics: { rule: string }[]; counts: { error: number } };
    expect(json.counts.error).toBeGreaterThan(0);
    expect(json.diagnostics[0]!.rule).toBe("attribution-missing");
  });

  it("runs the same without its code cache, and with a cache from another build", () => {
    const cache = join(team, "node_modules/@pmm/cli/dist/pmm-cli.cache");
    const bin = join(team, "node_modules/.bin/pmm");
    const expected = run(bin, ["check", "broken", "--format", "json"], team);
    expect(expected.code).toBe(1);
    renameSync(cache, `${cache}.kept`);
    try {
      expect(run(bin, ["check", "broken", "--format", "json"], team)).toEqual(expected);
      writeFileSync(cache, `//pmm-build ${"0".repeat(64)}\n${"x".repeat(4096)}`);
      expect(run(bin, ["check", "broken", "--format", "json"], team)).toEqual(expected);
    } finally {
      renameSync(`${cache}.kept`, cache);
    }
  });

  it("pmm init --ci github writes a workspace and a workflow that runs the installed CLI", () => {
    const r = npxPmm(["init", "starter", "--ci", "github", "--today", TODAY]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("created .github/workflows/pmm.yml\n");
    const workflow = parseYaml(readFileSync(join(team, ".github/workflows/pmm.yml"), "utf8")) as { jobs: { pmm: { steps: { run?: string }[] } } };
    const runs = workflow.jobs.pmm.steps.flatMap((s) => (s.run ? [s.run] : []));
    expect(runs).toEqual(["npm ci", "npx --no-install pmm check --format github starter"]);
    expect(npxPmm(["check", "--format", "github", "starter", "--today", TODAY])).toEqual({ code: 0, stdout: "", stderr: "" });
    rmSync(join(team, ".github"), { recursive: true });
    rmSync(join(team, "starter"), { recursive: true });
  });
});

describe("the installed language server", () => {
  /** Initializes `command` on broken/, waits for metrics.pmm's diagnostics, shuts down. */
  async function session(command: [string, ...string[]], cwd: string) {
    const cli = JSON.parse(repoPmm(["check", "broken", "--format", "json"]).stdout) as { diagnostics: { file: string }[] };
    const count = cli.diagnostics.filter((d) => d.file === "broken/metrics.pmm").length;
    const client = new LspClient(command, cwd);
    try {
      const init = await client.initialize(join(team, "broken"));
      const file = uri(join(team, "broken/metrics.pmm"));
      await client.open(file, readFileSync(join(team, "broken/metrics.pmm"), "utf8"));
      const { diagnostics } = await client.diagnostics(file, 0, (d) => d.length === count, 20_000);
      return { init, diagnostics: diagnostics.map((d) => ({ code: d.code, message: d.message, range: d.range, severity: d.severity })) };
    } finally {
      await client.close();
      expect(client.exitCode, client.stderr).toBe(0);
    }
  }

  it("npx --no-install pmm-language-server --stdio (from @pmm/cli) answers as the repository's server", async () => {
    const installed = await session(["npx", "--no-install", "pmm-language-server", "--stdio"], team);
    const repo = await session([process.execPath, SERVER, "--stdio"], team);
    expect(installed.init.capabilities.textDocumentSync).toBeDefined();
    expect(installed.init).toEqual(repo.init);
    expect(installed.diagnostics.length).toBeGreaterThan(0);
    expect(installed.diagnostics).toEqual(repo.diagnostics);
  });

  it("@pmm/language-server alone answers the same", async () => {
    const alone = await session(["npx", "--no-install", "pmm-language-server", "--stdio"], serverOnly);
    const repo = await session([process.execPath, SERVER, "--stdio"], team);
    expect(alone).toEqual(repo);
  });
});

describe("@pmm/core from the registry layout", () => {
  it("import('@pmm/core') and checkWorkspace find what the repository's core finds", () => {
    writeFileSync(
      join(lib, "check.mjs"),
      [
        'import { readdirSync, readFileSync } from "node:fs";',
        'import { join } from "node:path";',
        'const core = await import("@pmm/core");',
        "const dir = process.argv[2];",
        'const files = readdirSync(dir).filter((f) => f.endsWith(".pmm")).sort().map((f) => ({ path: f, contents: readFileSync(join(dir, f), "utf8") }));',
        `const { diagnostics } = core.checkWorkspace(files, { today: "${TODAY}" });`,
        "console.log(JSON.stringify(diagnostics.map((d) => [d.file, d.rule, d.severity, d.message, d.span])));",
        "",
      ].join("\n"),
    );
    const dir = join(ROOT, "examples/anti-patterns");
    const r = run(process.execPath, ["check.mjs", dir], lib);
    expect(r.stderr).toBe("");
    const files = ["blueprint.pmm", "metrics.pmm", "operations.pmm"].map((f) => ({ path: f, contents: readFileSync(join(dir, f), "utf8") }));
    const expected = checkWorkspace(files, { today: TODAY }).diagnostics.map((d) => [d.file, d.rule, d.severity, d.message, d.span]);
    expect(expected.length).toBeGreaterThan(0);
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(JSON.stringify(expected)));
  });

  it("its type declarations type-check a consumer (and catch its type errors)", () => {
    const tsc = join(ROOT, "node_modules/typescript/bin/tsc");
    writeFileSync(
      join(lib, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          module: "nodenext",
          moduleResolution: "nodenext",
          target: "es2022",
          strict: true,
          noEmit: true,
          skipLibCheck: false,
          skipDefaultLibCheck: true,
          types: [],
        },
      }),
    );
    const good =
      'import { checkWorkspace, type Diagnostic } from "@pmm/core";\nconst r = checkWorkspace([{ path: "a.pmm", contents: "" }], { today: "2026-01-01" });\nexport const found: readonly Diagnostic[] = r.diagnostics;\n';
    writeFileSync(join(lib, "consumer.ts"), good);
    expect(run(process.execPath, [tsc, "-p", "."], lib)).toMatchObject({ code: 0, stdout: "" });
    writeFileSync(join(lib, "consumer.ts"), good + "export const wrong: string = r.diagnostics;\n");
    const bad = run(process.execPath, [tsc, "-p", "."], lib);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toContain("consumer.ts(4,14): error TS2322: Type 'Diagnostic[]' is not assignable to type 'string'.");
  }, 60_000);
});

describe("the GitHub Action (action.yml, action/run.mjs)", () => {
  const action = parseYaml(readFileSync(join(ROOT, "action.yml"), "utf8")) as {
    inputs: Record<string, { default: string }>;
    runs: { using: string; steps: { id?: string; run?: string; uses?: string; env?: Record<string, string> }[] };
  };

  it("passes every input to the entry script as the runner names it, and the script reads only those", () => {
    expect(action.runs.using).toBe("composite");
    const step = action.runs.steps.find((s) => s.id === "check")!;
    expect(step.run).toBe('node "$GITHUB_ACTION_PATH/action/run.mjs"');
    expect(step.env).toEqual(Object.fromEntries(Object.keys(action.inputs).map((name) => [`INPUT_${name.toUpperCase()}`, `\${{ inputs.${name} }}`])));
    const read = [...readFileSync(join(ROOT, "action/run.mjs"), "utf8").matchAll(/input\("([a-z-]+)"/g)].map((m) => m[1]);
    expect([...new Set(read)].sort()).toEqual(Object.keys(action.inputs).sort());
    expect(Object.keys(action.inputs).sort()).toEqual(["args", "format", "max-warnings", "paths", "sarif-file", "upload-sarif", "working-directory"]);
    expect(action.runs.steps.map((s) => s.uses ?? s.id ?? "fail")).toEqual(["check", "github/codeql-action/upload-sarif@v3", "fail"]);
  });

  /** Runs the entry script the way the runner does: inputs as INPUT_*, the runner's files. */
  function runAction(workspace: string, inputs: Record<string, string>, extraEnv: Record<string, string> = {}) {
    const dir = mkdtempSync(join(tmp, "runner-"));
    const files = { GITHUB_OUTPUT: join(dir, "output"), GITHUB_STEP_SUMMARY: join(dir, "summary") };
    for (const f of Object.values(files)) writeFileSync(f, "");
    const env: Record<string, string> = { GITHUB_ACTIONS: "true", CI: "true", GITHUB_WORKSPACE: workspace, GITHUB_ACTION_PATH: ROOT, RUNNER_TEMP: dir, ...files };
    for (const [name, value] of Object.entries(action.inputs)) env[`INPUT_${name.toUpperCase()}`] = inputs[name] ?? value.default;
    const r = run(process.execPath, [join(ROOT, "action/run.mjs")], workspace, { ...env, ...extraEnv });
    return { ...r, output: readFileSync(files.GITHUB_OUTPUT, "utf8"), summary: readFileSync(files.GITHUB_STEP_SUMMARY, "utf8") };
  }

  it("findings: annotations in the log, outputs, a summary, and SARIF for the upload step", () => {
    const r = runAction(team, { paths: "broken", "max-warnings": "0", "upload-sarif": "true" });
    expect(r.code).toBe(0); // the action's last step fails the job, after the upload
    const cli = join(team, "node_modules/@pmm/cli/dist/pmm.js");
    const github = repoPmm(["check", "--format", "github", "--max-warnings", "0", "broken"]);
    expect(r.stdout).toBe(`pmm: the workspace's @pmm/cli (${cli})\n${github.stdout}`);
    expect(r.stderr).toBe(github.stderr);
    const json = JSON.parse(repoPmm(["check", "--format", "json", "broken"]).stdout) as {
      counts: { error: number; warning: number; info: number; hint: number };
      diagnostics: unknown[];
    };
    expect(r.output).toBe(`exit-code=1\nerrors=${json.counts.error}\nwarnings=${json.counts.warning}\nsarif-file=${join(team, "pmm.sarif")}\n`);
    expect(JSON.parse(readFileSync(join(team, "pmm.sarif"), "utf8"))).toEqual(JSON.parse(repoPmm(["check", "--format", "sarif", "--max-warnings", "0", "broken"]).stdout));
    const summary = r.summary.split("\n");
    expect(summary.slice(0, 5)).toEqual([
      "## pmm check `broken`",
      "",
      `**failed**: ${json.counts.error} errors, ${json.counts.warning} warnings, ${json.counts.info} info, ${json.counts.hint} hints.`,
      "",
      "| severity | rule | where | message |",
    ]);
    expect(summary.filter((l) => l.startsWith("| error |") || l.startsWith("| warning |") || l.startsWith("| info |")).length).toBe(Math.min(50, json.diagnostics.length));
    rmSync(join(team, "pmm.sarif"));
  });

  it("a clean workspace: exit-code 0 and no SARIF unless asked", () => {
    const r = runAction(team, { paths: "metrics" });
    expect(r).toMatchObject({ code: 0, stderr: "" });
    expect(r.output).toBe("exit-code=0\nerrors=0\nwarnings=0\nsarif-file=\n");
    expect(r.summary).toBe("## pmm check `metrics`\n\n**passed**: 0 errors, 0 warnings, 0 info, 0 hints.\n");
    expect(existsSync(join(team, "pmm.sarif"))).toBe(false);
  });

  it("without @pmm/cli in the workspace it runs the action's own build", () => {
    const plain = mkdtempSync(join(tmp, "plain-"));
    cpSync(join(ROOT, "examples/starter"), join(plain, "metrics"), { recursive: true });
    const r = runAction(plain, { paths: "metrics", format: "pretty" });
    expect(r.stdout).toBe(`pmm: the action's build (${join(ROOT, "packages/cli/dist/pmm.js")})\n✔ no problems in 1 file\n`);
    expect(r.output).toBe("exit-code=0\nerrors=0\nwarnings=0\nsarif-file=\n");
  });

  it("without either, it builds the action's checkout first (pnpm install + build there), or says why it could not", () => {
    // A checkout with no build, and an `npx` on PATH that records its calls and "builds" by copying the CLI.
    const checkout = mkdtempSync(join(tmp, "checkout-"));
    const bin = mkdtempSync(join(tmp, "bin-"));
    const calls = join(bin, "calls");
    writeFileSync(
      join(bin, "npx"),
      [
        "#!/bin/sh",
        'echo "$(pwd) npx $*" >> "$STUB_CALLS"',
        '[ "$3" = "install" ] && [ -n "$STUB_FAIL" ] && exit 3',
        `[ "$3" = "build" ] && mkdir -p packages/cli/dist && cp ${["pmm.js", "pmm-cli.cjs"].map((f) => join(ROOT, "packages/cli/dist", f)).join(" ")} packages/cli/dist/`,
        "exit 0",
        "",
      ].join("\n"),
      { mode: 0o755 },
    );
    const plain = mkdtempSync(join(tmp, "plain-"));
    cpSync(join(ROOT, "examples/starter"), join(plain, "metrics"), { recursive: true });
    const env = { GITHUB_ACTION_PATH: checkout, PATH: `${bin}${delimiter}${SHELL_ENV["PATH"]}`, STUB_CALLS: calls };

    const failed = runAction(plain, { paths: "metrics" }, { ...env, STUB_FAIL: "1" });
    expect(failed).toMatchObject({ code: 2, output: "" });
    expect(failed.stdout).toBe(
      `::group::Building pmm (add @pmm/cli to your devDependencies to skip this)\n::error title=pmm::building pmm in ${checkout} failed (npx pnpm@10.34.9 install --frozen-lockfile exited 3)\n`,
    );

    writeFileSync(calls, "");
    const r = runAction(plain, { paths: "metrics", format: "pretty" }, env);
    expect(readFileSync(calls, "utf8")).toBe(`${checkout} npx -y pnpm@10.34.9 install --frozen-lockfile\n${checkout} npx -y pnpm@10.34.9 build\n`);
    expect(r.stdout).toBe(
      `::group::Building pmm (add @pmm/cli to your devDependencies to skip this)\n::endgroup::\npmm: the action's build (${join(checkout, "packages/cli/dist/pmm.js")})\n✔ no problems in 1 file\n`,
    );
    expect(r.output).toBe("exit-code=0\nerrors=0\nwarnings=0\nsarif-file=\n");
  });

  it("a bad input: one ::error line, exit 2", () => {
    const r = runAction(team, { format: "xml" });
    expect(r).toMatchObject({ code: 2, stdout: "::error title=pmm::format xml: expected github, pretty, json, sarif or junit\n", output: "" });
  });
});

describe.skipIf(!HAS_PRE_COMMIT)("pre-commit hooks (.pre-commit-hooks.yaml) with the pre-commit tool", () => {
  let hooksRev: string;
  let hooksRepo: string;
  const git = (args: string[], cwd: string) =>
    execFileSync("git", ["-c", "user.name=pmm", "-c", "user.email=pmm@example.com", "-c", "init.defaultBranch=main", ...args], { cwd, encoding: "utf8" }).trim();

  beforeAll(() => {
    // The hooks file as committed in a repository of its own (pre-commit clones the repository it names).
    hooksRepo = join(tmp, "hooks");
    mkdirSync(hooksRepo);
    copyFileSync(join(ROOT, ".pre-commit-hooks.yaml"), join(hooksRepo, ".pre-commit-hooks.yaml"));
    git(["init", "-q"], hooksRepo);
    git(["add", "."], hooksRepo);
    git(["commit", "-q", "-m", "hooks"], hooksRepo);
    hooksRev = git(["rev-parse", "HEAD"], hooksRepo);
    // The team's project is the repository the hooks run in.
    writeFileSync(join(team, ".gitignore"), "node_modules/\n");
    git(["init", "-q"], team);
    git(["add", "."], team);
  }, 60_000);

  function preCommit(hooks: { id: string; args?: string[] }[], args: string[]) {
    writeFileSync(join(team, ".pre-commit-config.yaml"), JSON.stringify({ repos: [{ repo: hooksRepo, rev: hooksRev, hooks }] }));
    return run("pre-commit", ["run", ...args], team, { PRE_COMMIT_HOME: join(tmp, "pre-commit-home"), PRE_COMMIT_COLOR: "never" });
  }

  it("pmm-check passes on a clean workspace and fails with pmm's findings on a broken one", () => {
    const ok = preCommit([{ id: "pmm-check", args: ["metrics"] }], ["pmm-check", "--all-files"]);
    expect(ok.code, ok.stdout + ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/^pmm check\.+Passed$/m);
    const bad = preCommit([{ id: "pmm-check", args: ["broken"] }], ["pmm-check", "--all-files"]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/^pmm check\.+Failed$/m);
    expect(bad.stdout).toContain("- exit code: 1");
    expect(bad.stdout).toContain(repoPmm(["check", "broken"]).stdout.split("\n")[0]!);
  }, 60_000);

  it("pmm-fmt formats the changed file in place and stops the commit", () => {
    const file = join(team, "metrics/main.pmm");
    const formatted = readFileSync(file, "utf8");
    writeFileSync(file, formatted.replace(/^ {2}(\w+): /m, "    $1:   "));
    try {
      const r = preCommit([{ id: "pmm-fmt" }], ["pmm-fmt", "--files", "metrics/main.pmm"]);
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(/^pmm fmt\.+Failed$/m);
      expect(r.stdout).toContain("- files were modified by this hook");
      expect(readFileSync(file, "utf8")).toBe(formatted);
      expect(preCommit([{ id: "pmm-fmt" }], ["pmm-fmt", "--files", "metrics/main.pmm"]).code).toBe(0);
    } finally {
      writeFileSync(file, formatted);
    }
  }, 60_000);
});

/** A lua block of the README that starts with `first`. */
function readmeLua(first: string): string {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const block = [...readme.matchAll(/```lua\n([\s\S]*?)```/g)].map((m) => m[1]!).find((b) => b.startsWith(first));
  if (!block) throw new Error(`README: no lua block starting with ${first}`);
  return block;
}

describe.skipIf(!HAS_NVIM)("Neovim (Debian's 0.7) with the README's set-up", () => {
  it("the 0.7 snippet: .pmm opens as pmm, the server attaches, diagnostics arrive in the buffer", () => {
    const dir = mkdtempSync(join(tmp, "nvim-"));
    writeFileSync(join(dir, "init.lua"), readmeLua("-- init.lua for Neovim 0.7"));
    writeFileSync(
      join(dir, "probe.lua"),
      [
        "local buf = vim.api.nvim_get_current_buf()",
        "local want = tonumber(vim.env.PMM_NVIM_EXPECT)",
        "local waited = vim.wait(30000, function() return #vim.diagnostic.get(buf) >= want end, 50)",
        "local out = { filetype = vim.bo[buf].filetype, waited = waited, diagnostics = {} }",
        "for _, d in ipairs(vim.diagnostic.get(buf)) do",
        "  table.insert(out.diagnostics, { line = d.lnum, col = d.col, severity = d.severity, source = d.source, code = d.code, message = d.message })",
        "end",
        "local f = io.open(vim.env.PMM_NVIM_OUT, 'w'); f:write(vim.fn.json_encode(out)); f:close()",
        "vim.cmd('qa!')",
        "",
      ].join("\n"),
    );
    const severity = { error: 1, warning: 2, info: 3, hint: 4 } as const;
    const json = JSON.parse(repoPmm(["check", "broken", "--format", "json"]).stdout) as {
      diagnostics: { file: string; rule: string; severity: keyof typeof severity; message: string; start: { line: number; column: number } }[];
    };
    const expected = json.diagnostics
      .filter((d) => d.file === "broken/metrics.pmm")
      .map((d) => ({ line: d.start.line - 1, col: d.start.column - 1, severity: severity[d.severity], source: "pmm", code: d.rule, message: d.message }));
    const out = join(dir, "out.json");
    // Started in the workspace's folder (the snippet's root); npx finds the team's node_modules above it.
    const r = run("nvim", ["--headless", "--clean", "-u", join(dir, "init.lua"), "metrics.pmm", "-c", `luafile ${join(dir, "probe.lua")}`], join(team, "broken"), {
      PMM_NVIM_OUT: out,
      PMM_NVIM_EXPECT: String(expected.length),
    });
    expect(r.code, r.stderr).toBe(0);
    const got = JSON.parse(readFileSync(out, "utf8")) as {
      filetype: string;
      waited: boolean;
      diagnostics: { line: number; col: number; severity: number; source: string; code: string; message: string }[];
    };
    expect(got.filetype).toBe("pmm");
    expect(got.waited).toBe(true);
    const key = (d: { line: number; col: number; code: string; message: string }) => `${d.line}:${d.col}:${d.code}:${d.message}`;
    expect(expected.length).toBeGreaterThan(0);
    expect(got.diagnostics.sort((a, b) => key(a).localeCompare(key(b)))).toEqual(expected.sort((a, b) => key(a).localeCompare(key(b))));
  }, 60_000);

  it("the 0.8+ snippet is valid Lua (0.7 has no vim.lsp.start to run it)", () => {
    const dir = mkdtempSync(join(tmp, "nvim8-"));
    const snippet = readmeLua("-- init.lua for Neovim 0.8 and later");
    expect(snippet).toContain("vim.lsp.start({");
    writeFileSync(join(dir, "snippet.lua"), snippet);
    const r = run(
      "nvim",
      ["--headless", "--clean", "-u", "NONE", "-c", `lua local f, e = loadfile("${join(dir, "snippet.lua")}"); io.stdout:write(f and "ok" or e); vim.cmd("qa!")`],
      dir,
    );
    expect(r.stdout + r.stderr).toBe("ok");
  });
});
