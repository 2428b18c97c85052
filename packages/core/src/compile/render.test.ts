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
