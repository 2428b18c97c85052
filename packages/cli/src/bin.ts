import { main } from "./main.js";

// The CLI program. The build bundles it as a script (dist/pmm-cli.cjs) that
// dist/pmm.js runs with V8's code cache (launch.ts), hence no top-level await.

// A reader that stops early (`pmm explain std | head`) is not an error.
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw e;
});

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
