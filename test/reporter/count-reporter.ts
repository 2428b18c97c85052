import type { Reporter, TestModule } from "vitest/node";

/** Prints the plain `N passed, N failed, N skipped` line that CI reads, last. */
export default class CountReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const mod of testModules) {
      let tests = 0;
      for (const test of mod.children.allTests()) {
        tests++;
        const state = test.result().state;
        if (state === "passed") passed++;
        else if (state === "failed") failed++;
        else skipped++;
      }
      // A file that failed to load (syntax error, import error) counts as a failure.
      if (mod.state() === "failed" && tests === 0) failed++;
      else if (!mod.ok() && tests > 0 && [...mod.children.allTests()].every((t) => t.result().state !== "failed")) failed++;
    }
    process.stdout.write(`\n${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  }
}
