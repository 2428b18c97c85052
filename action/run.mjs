// The entry script of the pmm GitHub Action (action.yml): runs `pmm check` the
// way the action's inputs say and reports to the runner. Plain Node, no
// dependencies (the action's checkout has no node_modules).
//
// Reads the inputs as GitHub passes them (INPUT_<NAME>, upper-case, e.g.
// INPUT_MAX-WARNINGS) and the runner's GITHUB_WORKSPACE, GITHUB_ACTION_PATH,
// GITHUB_OUTPUT and GITHUB_STEP_SUMMARY. Runs, in working-directory:
//   1. `pmm check --format FORMAT …` with its output in the log (annotations
//      with the `github` format); its exit code becomes the `exit-code` output;
//   2. `pmm check --format json …` for the counts and the step summary;
//   3. `pmm check --format sarif …` into sarif-file, when asked.
// It exits 0 whatever pmm found, so that the SARIF upload still runs; the
// action's last step fails the job from `exit-code`. It exits 2 when it cannot
// run pmm at all.
//
// Which pmm: the team's own @pmm/cli (node_modules, found from
// working-directory upwards: the version the team pinned), else the CLI of the
// action's checkout, built there the first time (pnpm install + build).
import { spawnSync } from "node:child_process";
import { appendFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const PNPM = "pnpm@10.34.9";
const SUMMARY_ROWS = 50;

/** An input as GitHub passes it to an action (`INPUT_` + the name upper-cased, spaces as `_`). */
function input(name, fallback = "") {
  const value = process.env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`];
  return value === undefined || value.trim() === "" ? fallback : value.trim();
}

/** Words of an input: one per line when it has several lines, else separated by spaces. */
function words(value) {
  const parts = value.includes("\n") ? value.split("\n").map((l) => l.trim()) : value.split(/\s+/);
  return parts.filter((p) => p !== "");
}

function fail(message) {
  console.log(`::error title=pmm::${message}`);
  process.exit(2);
}

/** Appends `name=value` lines to the GITHUB_OUTPUT file. */
function setOutputs(outputs) {
  const file = process.env["GITHUB_OUTPUT"];
  const lines = Object.entries(outputs).map(([k, v]) => `${k}=${String(v).replace(/[\r\n]+/g, " ")}\n`);
  if (file) appendFileSync(file, lines.join(""));
  else process.stdout.write(lines.join(""));
}

/** The team's @pmm/cli bin, found by Node's module lookup from `dir`. */
function installedCli(dir) {
  try {
    const manifest = createRequire(join(dir, "package.json")).resolve("@pmm/cli/package.json");
    const bin = JSON.parse(readFileSync(manifest, "utf8")).bin?.pmm;
    return typeof bin === "string" ? join(dirname(manifest), bin) : undefined;
  } catch {
    return undefined;
  }
}

/** The CLI of the action's own checkout, built on first use. */
function actionCli() {
  const root = process.env["GITHUB_ACTION_PATH"] || resolve(dirname(fileURLToPath(import.meta.url)), "..");
  const cli = join(root, "packages/cli/dist/pmm.js");
  if (existsSync(cli)) return cli;
  console.log("::group::Building pmm (add @pmm/cli to your devDependencies to skip this)");
  for (const args of [["install", "--frozen-lockfile"], ["build"]]) {
    const r = spawnSync("npx", ["-y", PNPM, ...args], { cwd: root, stdio: "inherit" });
    if (r.status !== 0) fail(`building pmm in ${root} failed (npx ${PNPM} ${args.join(" ")} exited ${r.status ?? r.signal})`);
  }
  console.log("::endgroup::");
  return cli;
}

const workspace = process.env["GITHUB_WORKSPACE"] || process.cwd();
const cwd = resolve(workspace, input("working-directory", "."));
if (!existsSync(cwd)) fail(`working-directory ${input("working-directory")} does not exist`);
const format = input("format", "github");
if (!["github", "pretty", "json", "sarif", "junit"].includes(format)) fail(`format ${format}: expected github, pretty, json, sarif or junit`);
const maxWarnings = input("max-warnings");
if (maxWarnings !== "" && !/^\d+$/.test(maxWarnings)) fail(`max-warnings ${maxWarnings}: expected a whole number`);
const uploadSarif = input("upload-sarif", "false");
if (uploadSarif !== "true" && uploadSarif !== "false") fail(`upload-sarif ${uploadSarif}: expected true or false`);
const sarifFile = input("sarif-file", uploadSarif === "true" ? "pmm.sarif" : "");
const paths = words(input("paths", "."));
const common = [...(maxWarnings === "" ? [] : ["--max-warnings", maxWarnings]), ...words(input("args")), ...paths];

const installed = installedCli(cwd);
const cli = installed ?? actionCli();
console.log(`pmm: ${installed ? "the workspace's @pmm/cli" : "the action's build"} (${cli})`);

/** Runs `pmm check --format F …common` in cwd. */
const check = (fmt, stdio) => spawnSync(process.execPath, [cli, "check", "--format", fmt, ...common], { cwd, stdio, encoding: "utf8", maxBuffer: 1 << 30 });

const shown = check(format, ["ignore", "inherit", "inherit"]);
if (shown.status === null) fail(`pmm check did not finish (${shown.signal ?? shown.error?.message})`);
const outputs = { "exit-code": shown.status, errors: "", warnings: "", "sarif-file": "" };

const json = check("json", ["ignore", "pipe", "ignore"]);
let report;
try {
  report = JSON.parse(json.stdout);
} catch {
  report = undefined; // a usage or config error (exit 2): pmm said why in the log above
}
if (report) {
  outputs.errors = report.counts.error;
  outputs.warnings = report.counts.warning;
}
if (sarifFile !== "") {
  const sarif = check("sarif", ["ignore", "pipe", "ignore"]);
  if (sarif.stdout.trim() !== "") {
    writeFileSync(resolve(cwd, sarifFile), sarif.stdout);
    outputs["sarif-file"] = resolve(cwd, sarifFile);
  }
}
setOutputs(outputs);

const summaryFile = process.env["GITHUB_STEP_SUMMARY"];
if (summaryFile) appendFileSync(summaryFile, summary(report, shown.status));

/** The step summary: the counts and a table of the first findings. */
function summary(r, code) {
  const head = `## pmm check ${paths.map((p) => `\`${p}\``).join(" ")}\n\n`;
  if (!r) return `${head}pmm check exited ${code} without a report (see the log).\n`;
  const c = r.counts;
  const verdict = code === 0 ? "passed" : "failed";
  const lines = [`${head}**${verdict}**: ${c.error} errors, ${c.warning} warnings, ${c.info} info, ${c.hint} hints.\n`];
  if (r.diagnostics.length > 0) {
    lines.push("\n| severity | rule | where | message |\n| --- | --- | --- | --- |\n");
    for (const d of r.diagnostics.slice(0, SUMMARY_ROWS)) {
      const where = d.file ? `${d.file}${d.start ? `:${d.start.line}:${d.start.column}` : ""}` : "(workspace)";
      lines.push(`| ${d.severity} | \`${d.rule}\` | ${cell(where)} | ${cell(d.message)} |\n`);
    }
    if (r.diagnostics.length > SUMMARY_ROWS) lines.push(`\n…and ${r.diagnostics.length - SUMMARY_ROWS} more (see the log).\n`);
  }
  return lines.join("");
}

/** Text safe inside a markdown table cell. */
function cell(text) {
  return String(text).replace(/\|/g, "\\|").replace(/[\r\n]+/g, " ");
}
