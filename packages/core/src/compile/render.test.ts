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
