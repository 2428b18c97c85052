import { writeSync } from "node:fs";
import { reason } from "@pmm/node";
import { main } from "./main.js";

// The CLI program. The build bundles it as a script (dist/pmm-cli.cjs) that
// dist/pmm.js runs with V8's code cache (launch.ts), hence no top-level await.

// A write error on stdout or stderr (a full disk, a reader that closed the
// pipe — `pmm check | head` too —, a bad descriptor) is one line on stderr,
// when stderr still takes it, and exit 2: the output is incomplete, so the
// run is not a success (docs/safety.md).
let failed = false;
const onWriteError = (stream: "stdout" | "stderr") => (e: NodeJS.ErrnoException) => {
  if (failed) return;
  failed = true;
  if (stream === "stdout") {
    try {
      writeSync(2, `pmm: cannot write to stdout: ${reason(e)}\n`);
    } catch {
      // (stderr is gone too: the exit code is all that is left)
    }
  }
  process.exit(2);
};
process.stdout.on("error", onWriteError("stdout"));
process.stderr.on("error", onWriteError("stderr"));

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
