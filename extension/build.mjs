// Bundles src/extension.ts into dist/extension.js (CommonJS, `vscode` external).
// `node build.mjs --production` minifies and drops the source map (used by `package`).
import { build } from "esbuild";

const production = process.argv.includes("--production");

await build({
  entryPoints: ["src/extension.ts"],
  outfile: "dist/extension.js",
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  external: ["vscode"],
  minify: production,
  sourcemap: !production,
  logLevel: "warning",
});
