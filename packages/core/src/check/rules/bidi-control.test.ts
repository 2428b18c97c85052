import { describe, expect, it } from "vitest";
import { checkWorkspace, Workspace } from "../../index.js";
import type { RuleConfig } from "../run.js";
import { RULES } from "./index.js";

const ONLY = new Map<string, RuleConfig>(RULES.filter((r) => r.id !== "bidi-control").map((r) => [r.id, { severity: "off" }]));
const OPTIONS = { today: "2026-11-23", rules: ONLY, vanityTerms: [] };
const found = (ds: ReadonlyArray<{ rule: string; span: { start: number } | null }>) => ds.map((d) => [d.rule, d.span?.start]);

describe("bidi-control", () => {
  it("finds a control typed into a string (a value-only edit, checked incrementally) as a fresh check does", () => {
    const before = 'team sales "Sales" { role: sales }\n';
    const after = 'team sales "Sa\u202eles" { role: sales }\n';
    const ws = new Workspace();
    ws.set("a.pmm", before);
    expect(found(ws.check(OPTIONS).diagnostics)).toEqual([]);
    ws.set("a.pmm", after);
    const incremental = ws.check(OPTIONS).diagnostics;
    expect(found(incremental)).toEqual([["bidi-control", 14]]);
    expect(incremental).toEqual(checkWorkspace([{ path: "a.pmm", contents: after }], OPTIONS).diagnostics);
  });

  it("offers a fix that removes the character, and can be suppressed on a declaration", () => {
    const text = '# pmm-ignore bidi-control: the Hebrew title needs its mark\nteam sales "מכירות\u200f" { role: sales }\nteam ops "O\u200fps" { role: other }\n';
    const ds = checkWorkspace([{ path: "a.pmm", contents: text }], OPTIONS).diagnostics;
    const at = text.indexOf("O\u200f") + 1;
    expect(ds.map((d) => [d.rule, d.declaration, d.span, d.fixes])).toEqual([
      [
        "bidi-control",
        "ops",
        { start: at, end: at + 1 },
        [{ title: "Remove the bidirectional control character", edits: [{ file: "a.pmm", span: { start: at, end: at + 1 }, newText: "" }] }],
      ],
    ]);
  });
});
