import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ciWorkflow } from "./ci.js";

/** The last step's command, as a YAML reader gets it. */
const checkStep = (workspace: string): string => {
  const w = parse(ciWorkflow({ provider: "github", workspace }).text) as { jobs: { pmm: { steps: { run?: string }[] } } };
  return w.jobs.pmm.steps.at(-1)!.run!;
};

describe("ciWorkflow", () => {
  it("github: .github/workflows/pmm.yml installs with npm ci and checks the workspace with the installed CLI", () => {
    const file = ciWorkflow({ provider: "github", workspace: "metrics" });
    expect(file.path).toBe(".github/workflows/pmm.yml");
    expect(parse(file.text)).toEqual({
      name: "pmm",
      on: { pull_request: null, push: { branches: ["main"] } },
      permissions: { contents: "read" },
      jobs: {
        pmm: {
          "runs-on": "ubuntu-latest",
          steps: [
            { uses: "actions/checkout@v4" },
            { uses: "actions/setup-node@v4", with: { "node-version": 20, cache: "npm" } },
            { run: "npm ci" },
            { run: "npx --no-install pmm check --format github metrics" },
          ],
        },
      },
    });
  });

  it("quotes a folder the shell would split or YAML would misread", () => {
    expect(checkStep(".")).toBe("npx --no-install pmm check --format github .");
    expect(checkStep("team/metrics")).toBe("npx --no-install pmm check --format github team/metrics");
    expect(checkStep("my metrics")).toBe("npx --no-install pmm check --format github 'my metrics'");
    expect(checkStep("it's: #1")).toBe("npx --no-install pmm check --format github 'it'\\''s: #1'");
  });
});
