// The quick fix of `shared-definition`: the edits it offers, applied to the text.
import { describe, expect, it } from "vitest";
import type { Fix } from "../../diagnostics.js";
import { checkWorkspace } from "../../project/workspace.js";

const HEAD = `team sales "Sales" { role: sales }
team product "Product" { role: product }
team finance "Finance" { role: finance }
workstream w "W" { owner: sales  kpis: [m] }
`;

function fixed(metric: string): string | undefined {
  const text = HEAD + metric;
  const { diagnostics } = checkWorkspace([{ path: "a.pmm", contents: text }], { today: "2026-11-23" });
  const d = diagnostics.find((x) => x.rule === "shared-definition");
  expect(d?.declaration).toBe("m");
  const fix: Fix | undefined = d?.fixes?.[0];
  if (!fix) return undefined;
  let out = text;
  for (const e of [...fix.edits].sort((a, b) => b.span.start - a.span.start)) out = out.slice(0, e.span.start) + e.newText + out.slice(e.span.end);
  return out.slice(HEAD.length);
}

describe("shared-definition quick fix", () => {
  it("appends the missing teams to a list", () => {
    expect(fixed(`metric m "M" { type: input  traces: revenue  owner: sales  agreed_by: [sales] }\n`)).toBe(
      `metric m "M" { type: input  traces: revenue  owner: sales  agreed_by: [sales, product, finance] }\n`,
    );
  });

  it("fills an empty list and turns a single team into a list", () => {
    expect(fixed(`metric m "M" { type: input  traces: revenue  owner: sales  agreed_by: [] }\n`)).toBe(
      `metric m "M" { type: input  traces: revenue  owner: sales  agreed_by: [sales, product, finance] }\n`,
    );
    expect(fixed(`metric m "M" { type: input  traces: revenue  owner: sales  agreed_by: finance }\n`)).toBe(
      `metric m "M" { type: input  traces: revenue  owner: sales  agreed_by: [finance, sales, product] }\n`,
    );
  });

  it("writes the property on its own line, indented like the last one", () => {
    expect(fixed(`metric m "M" {\n    type: input\n    traces: pipeline\n    owner: sales\n}\n`)).toBe(
      `metric m "M" {\n    type: input\n    traces: pipeline\n    owner: sales\n    agreed_by: [sales, product, finance]\n}\n`,
    );
  });

  it("writes the property on the same line for a one-line block", () => {
    expect(fixed(`metric m "M" { type: input  traces: pipeline  owner: sales }\n`)).toBe(
      `metric m "M" { type: input  traces: pipeline  owner: sales  agreed_by: [sales, product, finance] }\n`,
    );
  });
});
