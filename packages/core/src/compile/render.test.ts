// The HTML report: self-contained, escaped, one constellation node per metric, deterministic.
import { describe, expect, it } from "vitest";
import { checkWorkspace } from "../index.js";
import { compileBlueprint } from "./compile.js";
import { escapeHtml, renderReport } from "./render.js";

const HOSTILE = `
blueprint b "<script>alert(1)</script> & co" { maturity: 3  sales_cycle: 40d  north_star: o }
team t "T" { role: pmm }
metric o "Out <b>bold</b>" { type: output  dimension: retention  owner: t  definition: "a \\"quoted\\" <img src=x onerror=alert(1)>"  inputs: [i] }
metric i "In' onmouseover='x" { type: input  owner: t  levers: ["l"] }
metric loose "Loose" { type: input  owner: t  levers: ["l"] }
tradeoff o vs i { why: "</title><script>" }
okr k "Obj <i>" { level: company  owner: t  period: 2026-H2  kr o: 1 -> 2 { current: 1.5 on 2026-10-01 } }
`;

function page(text: string): string {
  const { program, diagnostics } = checkWorkspace([{ path: "a.pmm", contents: text }], { today: "2026-11-23" });
  return renderReport(compileBlueprint(program, diagnostics, { today: "2026-11-23" }));
}

describe("renderReport", () => {
  it("escapes every user text", () => {
    const html = page(HOSTILE);
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<b>bold</b>");
    expect(html).not.toContain("<img");
    expect(html).not.toContain("onmouseover='");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co");
    expect(html).toContain("In&#39; onmouseover=&#39;x");
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  });

  it("draws one node per metric and needs nothing from the network", () => {
    const html = page(HOSTILE);
    expect([...html.matchAll(/<g class="node[^"]*" data-metric="([^"]+)"/g)].map((m) => m[1])).toEqual(["o", "i", "loose"]);
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).not.toMatch(/\s(src|href)="(https?:)?\/\//);
    expect(html).not.toMatch(/@import|url\(http/);
    expect(html).toContain('class="tradeoff"');
    expect(html).toContain('data-objective="k"');
  });

  it("is deterministic", () => {
    expect(page(HOSTILE)).toBe(page(HOSTILE));
  });
});

describe("renderReport with readings", () => {
  it("marks a key result scored from the warehouse", () => {
    const ws =
      'team t "T" { role: pmm }\nmetric wau "WAU" { type: output  dimension: engagement  unit: count  owner: t  baseline: 100  target: 200 by 2026-Q4 }\nokr k "K" { level: company  owner: t  period: 2026-H2  kr wau: 100 -> 200 by 2026-Q4 }\n';
    const { program, diagnostics } = checkWorkspace([{ path: "a.pmm", contents: ws }], { today: "2026-11-23" });
    const html = renderReport(
      compileBlueprint(program, diagnostics, { today: "2026-11-23", readings: { grain: "week", series: new Map([["wau", [{ date: "2026-10-05", value: 150 }]]]) } }),
    );
    expect(html).toContain('<td>150 <span class="muted">on 2026-10-05</span> <span class="chip chip-reading">warehouse</span></td>');
  });
});

describe("renderReport wording", () => {
  const WS = `
blueprint b "B" { maturity: 3  sales_cycle: 60d  north_star: o }
team t "T" { role: pmm }
metric o "Out" { type: output  dimension: retention  unit: count  owner: t  inputs: [i]  baseline: 10 from s over 2026-Q2  target: 8 by 2026-Q4 }
metric i "In" { type: input  owner: t  levers: ["l"] }
source s "S" { kind: warehouse  refresh: daily }
workstream w "W" { owner: t  kpis: [o]  deliverables: [messaging] }
attribution a "A" { models: [mta, incrementality, mmm]  mta_method: position_based  lookback: 90d  rationale: "r" }
`;

  it("shows durations as written, an arrow on every change, and a plan the check passes as a choice, not a warning", () => {
    const html = page(WS);
    expect(html).toContain("Sales cycle: <b>60d</b>");
    expect(html).toContain("lookback 90d");
    expect(html).not.toContain("2mo");
    expect(html).not.toContain("3mo");
    // The blend differs from the table's cell: a choice; the only warnings are the check's own findings on the plan.
    expect(html).toContain(
      `<p class="choice">A choice beyond the table's cell: adds mmm.</p><p class="sev-text-warning">warning: attribution \`a\` uses \`mmm\` without \`annual_spend\`;`,
    );
    expect(html.match(/class="sev-text-warning"/g)).toHaveLength(2);
    expect(html).not.toContain("Differs from the recommendation");
    // `o` has no `direction`: its target below the baseline still gets an arrow and a direction in words.
    expect(html).toMatch(/<tr data-metric="o">.*↓ to target.*<td class="num">↓ -2<\/td><\/tr>/);
  });
});

describe("render: the OKR section shows every key-result form", () => {
  it("says what each key result asks for, and when none has a deadline", () => {
    const html = page(`blueprint b "B" { maturity: 3  sales_cycle: 30d }
team pmm "PMM" { role: pmm }
source s "S" { kind: crm }
metric lf "Location factor" { type: input  owner: pmm  unit: ratio }
metric cust "Cloud customers" { type: input  owner: pmm  unit: count  baseline: 120 from s over 2026-Q2 }
okr o "O" {
  owner: pmm
  period: 2026-Q4
  kr lf: at most 0.61 by 2026-Q4
  kr cust: -> 150 by 2026-Q4
  kr cust: +30
  kr soc2 "SOC 2 audit window started": done by 2026-Q4 { current: done on 2026-11-01 }
}
`);
    expect(html).toContain('<tr data-form="hold">');
    expect(html).toContain("at most 0.61");
    expect(html).toContain("120 (baseline) → 150");
    expect(html).toContain("+30 from 120");
    expect(html).toContain('<span class="warn">no deadline</span>');
    expect(html).toContain("<b>SOC 2 audit window started</b><br><code>soc2</code>");
    expect(html).toMatch(/<td>done <span class="muted">on 2026-11-01<\/span><\/td>/);
  });
});
