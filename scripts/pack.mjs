// Packs the three packages a team installs into artifacts/*.tgz (or `--out DIR`),
// from the files the build wrote (run `npx -y pnpm@10.34.9 build` first; the
// root `pack` script does both):
//
//   @pmm/cli              bins `pmm` and `pmm-language-server`: the CLI bundle with
//                         its launcher and V8 code cache, and the server bundle, so
//                         one install gives both; no runtime dependencies
//   @pmm/language-server  bin `pmm-language-server` alone (the same bundle), for
//                         editor setups that want only the server
//   @pmm/core             the library (ESM + .d.ts), with its registry dependencies
//
// @pmm/node (packages/node) is private: the CLI and server bundles contain it.
//
// Each package is staged in a temporary folder with the manifest a registry
// gets: the fields of packages/<name>/package.json without `workspace:`
// dependencies, dependencies the bundle already contains, devDependencies,
// scripts or the `source` export condition (it points at src/, not shipped).
// Then `npm pack` writes the tarball. Prints one line per tarball: its path and size.
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const outArg = process.argv.indexOf("--out");
const OUT = resolve(outArg >= 0 ? process.argv[outArg + 1] : join(ROOT, "artifacts"));

/** The package's own manifest, read from the repository. */
const manifest = (dir) => JSON.parse(readFileSync(join(ROOT, dir, "package.json"), "utf8"));

/** The fields a registry reads, in the order npm writes them. */
function published(source, overrides) {
  const keep = [
    "name",
    "version",
    "description",
    "keywords",
    "homepage",
    "bugs",
    "license",
    "repository",
    "type",
    "engines",
    "bin",
    "main",
    "types",
    "exports",
    "files",
    "dependencies",
    "publishConfig",
  ];
  const merged = { ...source, ...overrides };
  const out = {};
  for (const key of keep) if (merged[key] !== undefined) out[key] = merged[key];
  for (const [name, range] of Object.entries(out.dependencies ?? {})) {
    if (String(range).startsWith("workspace:")) throw new Error(`${source.name}: dependency ${name}@${range} would not install from a registry`);
  }
  return out;
}

/** Removes the `source` condition (src/ is not shipped) from an exports map. */
function withoutSource(exports) {
  return Object.fromEntries(
    Object.entries(exports).map(([key, value]) => [key, typeof value === "object" ? Object.fromEntries(Object.entries(value).filter(([c]) => c !== "source")) : value]),
  );
}

const cli = manifest("packages/cli");
const server = manifest("packages/language-server");
const core = manifest("packages/core");

/** Where each package's files come from: staged path → repository path. */
const packages = [
  {
    manifest: published(cli, { dependencies: undefined, exports: { "./package.json": "./package.json" } }),
    files: {
      "dist/pmm.js": "packages/cli/dist/pmm.js",
      "dist/pmm-cli.cjs": "packages/cli/dist/pmm-cli.cjs",
      // Optional at run time: the launcher compiles the bundle as usual without it.
      "dist/pmm-cli.cache": "packages/cli/dist/pmm-cli.cache",
      "dist/pmm-language-server.js": "packages/language-server/dist/server.js",
    },
    readme: "packages/cli/README.md",
  },
  {
    manifest: published(server, { dependencies: undefined, exports: { "./package.json": "./package.json" } }),
    files: { "dist/server.js": "packages/language-server/dist/server.js" },
    readme: "packages/language-server/README.md",
  },
  {
    manifest: published(core, { exports: { ...withoutSource(core.exports), "./package.json": "./package.json" } }),
    // tsc's output without maps (they point into src/), and only for sources that still exist.
    files: Object.fromEntries(
      readdirSync(join(ROOT, "packages/core/dist"), { recursive: true })
        .map((f) => String(f).split(sep).join("/"))
        .filter((f) => /\.(js|d\.ts)$/.test(f) && existsSync(join(ROOT, "packages/core/src", f.replace(/\.(js|d\.ts)$/, ".ts"))))
        .sort()
        .map((f) => [`dist/${f}`, `packages/core/dist/${f}`]),
    ),
    readme: "packages/core/README.md",
  },
];

mkdirSync(OUT, { recursive: true });
const stage = mkdtempSync(join(tmpdir(), "pmm-pack-"));
try {
  for (const pkg of packages) {
    const dir = join(stage, pkg.manifest.name.replace("/", "+"));
    const entries = Object.entries(pkg.files);
    if (entries.length === 0) throw new Error(`${pkg.manifest.name}: nothing to pack; run the build first (npx -y pnpm@10.34.9 build)`);
    for (const [to, from] of entries) {
      if (!existsSync(join(ROOT, from))) throw new Error(`${pkg.manifest.name}: ${from} is missing; run the build first (npx -y pnpm@10.34.9 build)`);
      mkdirSync(dirname(join(dir, to)), { recursive: true });
      copyFileSync(join(ROOT, from), join(dir, to));
    }
    copyFileSync(join(ROOT, "LICENSE"), join(dir, "LICENSE"));
    copyFileSync(join(ROOT, pkg.readme), join(dir, "README.md"));
    writeFileSync(join(dir, "package.json"), JSON.stringify(pkg.manifest, null, 2) + "\n");
    const [result] = JSON.parse(execFileSync("npm", ["pack", "--json", "--pack-destination", OUT], { cwd: dir, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }));
    const file = join(OUT, result.filename);
    const shown = relative(process.cwd(), file);
    console.log(
      `${shown.startsWith("..") ? file : shown}  ${(statSync(file).size / 1024).toFixed(0)} KiB (${(result.unpackedSize / 1024).toFixed(0)} KiB unpacked, ${result.entryCount} files)`,
    );
  }
} finally {
  rmSync(stage, { recursive: true, force: true });
}
