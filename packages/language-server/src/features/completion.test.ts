// Completion by context, with the cursor marked `<|>` in the text.
import { afterEach, describe, expect, it } from "vitest";
import { toPosition } from "../positions.js";
import { Session } from "../session.js";
import { completion } from "./completion.js";

const URI = "untitled:c.pmm";
const HEAD = `team pmm "PMM" { role: pmm }
team sales "Sales" { role: sales }
source crm "CRM" { kind: crm }
metric a "A" { type: input  owner: pmm }
metric b "B" { type: input  owner: pmm }
`;

const sessions: Session[] = [];
afterEach(() => {
  for (const s of sessions.splice(0)) s.dispose();
});

/** The completion labels at `<|>`. */
function labels(marked: string): string[] {
  const offset = marked.indexOf("<|>");
  const text = marked.replace("<|>", "");
  const s = new Session({ publish: () => {}, log: () => {} }, 10_000);
  sessions.push(s);
  s.initialize([], undefined);
  s.didOpen(URI, "pmm", 1, text);
  const file = s.file(URI)!;
  return completion(s, { textDocument: { uri: URI }, position: toPosition(file, offset) }).map((i) => i.label);
}

describe("completion", () => {
  it("offers references of the kind the property wants", () => {
    expect(labels(`${HEAD}metric m "M" { type: input  owner: <|> }`)).toEqual(["pmm", "sales"]);
    expect(labels(`${HEAD}metric m "M" { type: input  source: c<|> }`)).toEqual(["crm"]);
    expect(labels(`${HEAD}workstream w "W" { owner: pmm  kpis: [a, <|>] }`)).toEqual(["a", "b"]);
    expect(labels(`${HEAD}workstream w "W" { owner: pmm  kpis: [\n  a,\n  <|>\n] }`)).toEqual(["a", "b"]);
    expect(labels(`${HEAD}metric m "M" { type: input  formula: a + <|> }`)).toEqual(["a", "b"]);
    expect(labels(`${HEAD}metric m "M" { type: input  baseline: 25% from <|> }`)).toEqual(["crm"]);
  });

  it("offers key-result metrics, tradeoff metrics and nothing after a period modifier", () => {
    expect(labels(`${HEAD}okr o "O" { owner: pmm  period: 2026-H2\n  kr <|> }`)).toEqual(["a", "b"]);
    expect(labels(`${HEAD}tradeoff a vs <|>`)).toEqual(["a", "b"]);
    expect(labels(`${HEAD}metric m "M" { type: input  target: 30% by <|> }`)).toEqual([]);
    expect(labels(`${HEAD}okr o "O" { owner: pmm  period: 2026-H2\n  kr a: 1 -> <|> }`)).toEqual([]);
  });

  it("offers the properties of the block the cursor is in", () => {
    expect(labels(`${HEAD}team t "T" { <|> }`)).toEqual(["role"]);
    expect(labels(`${HEAD}dashboard d "D" {\n  view v "V" { <|> }\n}`)).toEqual(["audience", "metrics", "context"]);
    expect(labels(`${HEAD}okr o "O" { owner: pmm  period: 2026-H2\n  kr a: 1 -> 2 by 2026-Q4 { <|> }\n}`)).toEqual(["current"]);
    const okr = labels(`${HEAD}okr o "O" {\n  owner: pmm\n  <|>\n}`);
    expect(okr).toEqual(["level", "period", "kind", "aligns", "kr", "kr ->", "kr +/-", "kr at most", "kr at least", "kr done"]);
    // after `kr METRIC:`, the value of each form
    expect(labels(`${HEAD}okr o "O" {\n  owner: pmm\n  kr a: <|>\n}`)).toEqual(["from -> to", "-> to", "-35%", "at most value", "at least value", "done"]);
    // an input metric is not offered `inputs` (outputs only)
    const input = labels(`${HEAD}metric m "M" {\n  type: input\n  <|>\n}`);
    expect(input).toContain("levers");
    expect(input).not.toContain("inputs");
    expect(input).not.toContain("type");
  });

  it("offers catalog entries after `from`, rule ids in a suppression, and nothing in strings", () => {
    const std = labels(`${HEAD}metric m "M" from std.<|>`);
    expect(std).toContain("win_rate");
    expect(labels(`${HEAD}metric m "M" from <|>`)).toContain("std.win_rate");
    expect(labels(`${HEAD}# pmm-ignore vanity<|>\nmetric m "M" { type: input  owner: pmm }`)).toContain("vanity-metric");
    expect(labels(`${HEAD}# a plain comment <|>\n`)).toEqual([]);
    expect(labels(`${HEAD}metric m "M" { type: input  definition: "a <|> b" }`)).toEqual([]);
  });

  it("offers a snippet per declaration kind at the top level only", () => {
    expect(labels(`${HEAD}<|>`)).toEqual([
      "blueprint",
      "team",
      "source",
      "workstream",
      "metric",
      "okr",
      "attribution",
      "launch",
      "forum",
      "report",
      "dashboard",
      "experiment",
      "review",
      "tradeoff",
    ]);
    expect(labels(`${HEAD}team t "T" <|>`)).toEqual([]);
  });
});
