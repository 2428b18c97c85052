import { defineConfig } from "vitest/config";

// One root run; each package is a project so failures name their package.
const shared = { ssr: { resolve: { conditions: ["source"] } }, resolve: { conditions: ["source"] } };

export default defineConfig({
  test: {
    reporters: ["default", "./test/reporter/count-reporter.ts"],
    projects: [
      { ...shared, test: { name: "core", include: ["packages/core/src/**/*.test.ts"] } },
      { ...shared, test: { name: "node", include: ["packages/node/src/**/*.test.ts"] } },
      { ...shared, test: { name: "cli", include: ["packages/cli/src/**/*.test.ts"] } },
      { ...shared, test: { name: "language-server", include: ["packages/language-server/src/**/*.test.ts"] } },
      { test: { name: "extension", include: ["extension/src/**/*.test.ts"] } },
      { ...shared, test: { name: "e2e", include: ["test/**/*.test.ts"], exclude: ["test/scaling/**", "**/node_modules/**"], testTimeout: 60_000, hookTimeout: 120_000 } },
      // Growth of time and memory from n to 10n (test/scaling): after every other project, one file at a time,
      // so the measurements do not compete with the rest of the suite for the CPU.
      { ...shared, test: { name: "scaling", include: ["test/scaling/**/*.test.ts"], testTimeout: 300_000, sequence: { groupOrder: 1 }, fileParallelism: false } },
    ],
  },
});
