import type { ScaffoldFile } from "./scaffold.js";

/** The CI systems `pmm init --ci` writes a workflow for. */
export const CI_PROVIDERS = ["github"] as const;
export type CiProvider = (typeof CI_PROVIDERS)[number];

/** What the workflow checks. */
export interface CiOptions {
  readonly provider: CiProvider;
  /** The workspace folder, relative to the repository root, with `/` separators (`.` for the root). */
  readonly workspace: string;
}

/** A word for a shell command line inside a YAML plain scalar: as is when plain, else single-quoted. */
function shellWord(word: string): string {
  return /^[A-Za-z0-9._/-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** A YAML scalar: plain when safe, else double-quoted (JSON's escapes are YAML's). */
function yamlScalar(text: string): string {
  return /^[A-Za-z0-9._/ '-]+$/.test(text) && !text.startsWith("'") ? text : JSON.stringify(text);
}

/**
 * The CI workflow of a team repository, path relative to the repository root.
 * GitHub: on pull requests and pushes to main, install the repository's
 * npm dependencies (`@pmm/cli` among its devDependencies, package-lock.json
 * committed) and run `npx --no-install pmm check --format github WORKSPACE`,
 * so findings show as annotations on the changed lines and errors fail the job.
 */
export function ciWorkflow(options: CiOptions): ScaffoldFile {
  const check = `npx --no-install pmm check --format github ${shellWord(options.workspace)}`;
  const text = [
    "# Checks the pmm workspace on pull requests and pushes to main; findings show",
    "# as annotations on the changed lines. Written by `pmm init --ci github`.",
    "# Needs @pmm/cli in package.json (npm install --save-dev @pmm/cli) and",
    "# package-lock.json committed.",
    "name: pmm",
    "on:",
    "  pull_request:",
    "  push:",
    "    branches: [main]",
    "permissions:",
    "  contents: read",
    "jobs:",
    "  pmm:",
    "    runs-on: ubuntu-latest",
    "    steps:",
    "      - uses: actions/checkout@v4",
    "      - uses: actions/setup-node@v4",
    "        with:",
    "          node-version: 20",
    "          cache: npm",
    "      - run: npm ci",
    `      - run: ${yamlScalar(check)}`,
    "",
  ].join("\n");
  return { path: ".github/workflows/pmm.yml", text };
}
