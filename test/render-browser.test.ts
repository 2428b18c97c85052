// `pmm render` end to end: the built CLI writes the report; headless Chromium opens it offline.
// Skips (with the reason printed) only where /usr/bin/chromium is missing; .ci/run installs it.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt, pmm, ROOT, workspace } from "./fixtures/cli/run-cli.js";

const CHROMIUM = "/usr/bin/chromium";
const HAVE_CHROMIUM = existsSync(CHROMIUM);
if (!HAVE_CHROMIUM) console.log(`render-browser: skipped: ${CHROMIUM} is missing (install it with \`apt-get install -y chromium\`)`);

const OUT = join(ROOT, "test/.out");
let browser: Browser | undefined;
let dir = "";

beforeAll(async () => {
  ensureBuilt();
  dir = workspace({});
  mkdirSync(OUT, { recursive: true });
  if (HAVE_CHROMIUM) {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
  }
});
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

const HAVE_POPPLER = existsSync("/usr/bin/pdftoppm") && existsSync("/usr/bin/pdftotext");
if (!HAVE_POPPLER) console.log("render-browser: the PDF checks skip: pdftoppm/pdftotext are missing (install poppler-utils)");

/** Renders acme with its 13 weeks of readings; the page's path. */
function renderAcme(name: string): string {
  const report = join(dir, name);
  const r = pmm(["render", "examples/acme", "--today", "2026-11-23", "--readings", "examples/acme/readings.csv", "-o", report]);
  expect([r.code, r.stdout, r.stderr]).toEqual([0, "", ""]);
  return report;
}

describe.skipIf(!HAVE_CHROMIUM)("pmm render in a browser", () => {
  it("renders acme with readings offline: sections, one box per metric, sparklines, launches, experiments, no console errors", async () => {
    const report = renderAcme("report.html");
    const metrics = (JSON.parse(pmm(["compile", "examples/acme", "--today", "2026-11-23"]).stdout) as { metrics: Array<{ id: string }> }).metrics.map((m) => m.id);
    expect(readFileSync(report, "utf8")).not.toContain("<script");

    const page = await browser!.newPage({ viewport: { width: 1400, height: 900 } });
    const problems: string[] = [];
    const requests: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error") problems.push(`console: ${m.text()}`);
    });
    page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
    page.on("requestfailed", (req) => problems.push(`failed request: ${req.url()}`));
    page.on("request", (req) => requests.push(req.url()));
    await page.goto(pathToFileURL(report).href, { waitUntil: "load" });

    expect(problems).toEqual([]);
    expect(requests).toEqual([pathToFileURL(report).href]);
    expect(await page.title()).toBe("Acme PMM measurement — pmm report");
    expect(await page.$$eval("main > section", (ss) => ss.map((s) => `${s.id}: ${s.querySelector("h2")!.textContent}`))).toEqual([
      "targets: 1KPIs: baseline → latest → target",
      "okrs: 2OKRs",
      "launches: 3Launches",
      "experiments: 4Experiments",
      "constellation: 5Metric constellation",
      "dashboards: 6Dashboard views",
      "cadence: 7Reporting calendar",
      "attribution: 8Attribution",
      "integrations: 9Data integration",
      "diagnostics: 10Diagnostics",
    ]);
    // One sparkline per KPI: acme's 24 KPIs all have 13 weekly readings (the fixture also reads the three Copilot launch metrics, shown in the launch card).
    expect(await page.$$eval("#targets tbody tr", (rs) => rs.length)).toBe(24);
    expect(await page.$$eval("#targets svg.sparkline", (ss) => ss.map((s) => s.querySelectorAll("polyline")[0]!.getAttribute("points")!.split(" ").length))).toEqual(
      Array(24).fill(13),
    );
    expect(await page.$$eval("svg.sparkline", (ss) => ss.length)).toBe(24);
    expect(await page.textContent('#targets tr[data-metric="weekly_active_users"]')).toContain("21,950 2026-11-16");
    const nodes = await page.$$eval("svg.constellation g.node", (gs) => gs.map((g) => g.getAttribute("data-metric")));
    expect([...nodes].sort()).toEqual([...metrics].sort());
    expect(await page.$$eval("svg.constellation .cluster", (cs) => cs.map((c) => c.getAttribute("data-dimension")).sort())).toEqual(["engagement", "monetization", "retention"]);
    expect(await page.$$eval("svg.constellation g.guard", (gs) => gs.map((g) => `${g.getAttribute("data-primary")} vs ${g.getAttribute("data-guard")}`).sort())).toEqual([
      "arr vs cac_payback",
      "net_revenue_retention vs gross_revenue_retention",
      "qualified_pipeline vs win_rate",
      "weekly_active_users vs nps",
    ]);
    expect(await page.$$eval("#okrs [data-objective]", (os) => os.map((o) => o.getAttribute("data-objective")))).toEqual([
      "company_growth",
      "pmm_adoption",
      "pmm_win",
      "cs_retention",
      "icp_pipeline",
    ]);
    expect(await page.$$eval("#okrs .score-yellow", (s) => s.length)).toBeGreaterThan(0);
    expect(
      await page.$$eval("#launches [data-launch]", (ls) =>
        ls.map((l) => `${l.getAttribute("data-launch")}: ${[...l.querySelectorAll("[data-stage]")].map((s) => s.querySelectorAll("li").length).join(",")}`),
      ),
    ).toEqual(["copilot_ga: 0,1,1,1", "template_gallery: 0,0,1,0", "slack_refresh: 0,0,0,0"]);
    expect(await page.textContent('#launches [data-launch="copilot_ga"] [data-stage="revenue"]')).toContain("$582k 2026-11-16");
    expect(await page.$$eval("#experiments [data-experiment]", (xs) => xs.map((x) => x.textContent))).toEqual([
      expect.stringContaining("2,033 per arm × 2 = 4,066180/day → 23 days of traffic"),
      expect.stringContaining("2,257 per arm × 2 = 4,514450/day → 11 days of traffic"),
    ]);
    expect(await page.$$eval("#dashboards [data-view]", (vs) => vs.length)).toBe(4);
    expect(await page.$$eval("#cadence [data-forum]", (fs) => fs.length)).toBe(4);
    expect(await page.textContent("#diagnostics")).toContain("No findings");
    // Durations as written, and no warning colour where the check is clean.
    expect(await page.textContent("header")).toContain("Sales cycle: 45d");
    expect(await page.textContent("#attribution")).toContain("lookback 90d");
    expect(await page.$$eval("#attribution .warn", (w) => w.length)).toBe(0);
    expect(await page.$$eval("#targets tbody tr", (rs) => rs.filter((r) => !/[↑↓→] /.test(r.lastElementChild!.textContent!)).length)).toBe(0);
    await page.screenshot({ path: join(OUT, "report.png"), fullPage: true });
    await (await page.$("#constellation"))!.screenshot({ path: join(OUT, "constellation.png") });
    console.log(`render-browser: screenshots ${join(OUT, "report.png")} ${join(OUT, "constellation.png")}`);
    expect(existsSync(join(OUT, "report.png"))).toBe(true);
    await page.close();
  });

  it("draws the constellation without crossings, every box inside the graph, and no label wider than its box", async () => {
    const report = renderAcme("graph.html");
    const page = await browser!.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(pathToFileURL(report).href, { waitUntil: "load" });
    // Crossings measured on the drawn paths themselves (sampled with getPointAtLength), edges sharing a metric left out.
    const measured = await page.$eval("svg.constellation", (svg) => {
      const paths = [...svg.querySelectorAll<SVGPathElement>("path.edge")].map((p) => {
        const len = p.getTotalLength();
        const pts = Array.from({ length: 41 }, (_, i) => p.getPointAtLength((len * i) / 40));
        return { from: p.dataset["from"]!, to: p.dataset["to"]!, pts };
      });
      const side = (a: DOMPoint, b: DOMPoint, c: DOMPoint): number => Math.sign((b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x));
      let crossings = 0;
      for (let i = 0; i < paths.length; i++)
        for (let j = i + 1; j < paths.length; j++) {
          const a = paths[i]!;
          const b = paths[j]!;
          if (a.from === b.from || a.from === b.to || a.to === b.from || a.to === b.to) continue;
          let hit = false;
          for (let p = 0; p < 40 && !hit; p++)
            for (let q = 0; q < 40 && !hit; q++)
              hit =
                side(a.pts[p]!, a.pts[p + 1]!, b.pts[q]!) * side(a.pts[p]!, a.pts[p + 1]!, b.pts[q + 1]!) < 0 &&
                side(b.pts[q]!, b.pts[q + 1]!, a.pts[p]!) * side(b.pts[q]!, b.pts[q + 1]!, a.pts[p + 1]!) < 0;
          if (hit) crossings++;
        }
      return { crossings, declared: svg.getAttribute("data-crossings"), edges: paths.length };
    });
    expect(measured).toEqual({ crossings: 0, declared: "0", edges: 28 });
    const outside = await page.$$eval("svg.constellation g.node rect:first-of-type", (rs) => {
      const svg = rs[0]!.ownerSVGElement!.viewBox.baseVal;
      return rs.filter((r) => {
        const b = (r as SVGGraphicsElement).getBBox();
        return b.x < 0 || b.y < 0 || b.x + b.width > svg.width || b.y + b.height > svg.height;
      }).length;
    });
    expect(outside).toBe(0);
    // Every label's measured width and height fit inside its box (the per-character width table is an upper bound).
    const clipped = await page.$$eval("svg.constellation g.node, svg.constellation g.guard, svg.constellation g.collapsed", (gs) =>
      gs.flatMap((g) => {
        const box = (g.querySelector("rect") as SVGGraphicsElement).getBBox();
        return [...g.querySelectorAll("text")].flatMap((t) => {
          const b = (t as SVGTextElement).getBBox();
          const ok = b.x >= box.x && b.x + (t as SVGTextElement).getComputedTextLength() <= box.x + box.width - 2 && b.y >= box.y && b.y + b.height <= box.y + box.height + 1;
          return ok ? [] : [`${g.getAttribute("data-metric") ?? g.getAttribute("data-guard")}: ${t.textContent}`];
        });
      }),
    );
    expect(clipped).toEqual([]);
    expect(await page.$$eval("svg.constellation text", (ts) => ts.filter((t) => t.textContent!.includes("…")).length)).toBe(0);
    await page.close();
  });

  it.skipIf(!HAVE_POPPLER)("prints to A4 and Letter with no table wider than the page (Chromium --print-to-pdf, pdftoppm)", async () => {
    const report = renderAcme("print.html");
    // The command-line print path (Letter by default).
    const letter = join(OUT, "report-letter.pdf");
    rmSync(letter, { force: true });
    execFileSync(CHROMIUM, ["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", `--print-to-pdf=${letter}`, pathToFileURL(report).href], {
      stdio: "ignore",
      timeout: 120_000,
    });
    expect(existsSync(letter)).toBe(true);
    const page = await browser!.newPage();
    await page.goto(pathToFileURL(report).href, { waitUntil: "load" });
    const a4 = join(OUT, "report-a4.pdf");
    await page.pdf({ path: a4, format: "A4" });
    // In print, every table and card fits the printable width of either paper (A4 182 mm, Letter 190 mm at 14 mm margins).
    await page.emulateMedia({ media: "print" });
    for (const width of [688, 718]) {
      await page.setViewportSize({ width, height: 1000 });
      const wide = await page.$$eval("table, .card, svg.constellation, .stages", (els) =>
        els
          .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5 || el.scrollWidth > el.clientWidth + 1)
          .map((el) => `${el.tagName}.${el.className}`),
      );
      expect(wide).toEqual([]);
    }
    await page.close();
    for (const f of readdirSync(OUT)) if (/^report-(a4|letter)-page-\d+\.png$/.test(f)) rmSync(join(OUT, f));
    for (const pdf of [letter, a4]) {
      const prefix = pdf.replace(/\.pdf$/, "-page");
      execFileSync("pdftoppm", ["-png", "-r", "40", pdf, prefix]);
      const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
      // The last column of each table made it onto the paper.
      for (const s of ["TARGET", "↑ +5,600", "↓ -60d", "STATUS", "running", "won", "No findings"]) expect(text).toContain(s);
    }
    const pages = readdirSync(OUT).filter((f) => /^report-(a4|letter)-page-\d+\.png$/.test(f));
    expect(pages.length).toBeGreaterThan(2);
    console.log(`render-browser: print previews (${pages.length} pages) ${join(OUT, "report-a4-page-01.png")} … in ${OUT}`);
  });
});
