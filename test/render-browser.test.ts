// `pmm render` end to end: the built CLI writes the report; headless Chromium opens it offline.
// Skips (with the reason printed) only where /usr/bin/chromium is missing; .ci/run installs it.
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
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

describe.skipIf(!HAVE_CHROMIUM)("pmm render in a browser", () => {
  it("renders acme offline with no console errors or failed requests, one SVG node per metric, and the OKR tree", async () => {
    const report = join(dir, "report.html");
    const r = pmm(["render", "examples/acme", "--today", "2026-11-23", "-o", report]);
    expect([r.code, r.stdout, r.stderr]).toEqual([0, "", ""]);
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
    const nodes = await page.$$eval("svg.constellation g.node", (gs) => gs.map((g) => g.getAttribute("data-metric")));
    expect([...nodes].sort()).toEqual([...metrics].sort());
    expect(await page.$$eval("svg.constellation .cluster", (cs) => cs.map((c) => c.getAttribute("data-dimension")).sort())).toEqual(["engagement", "monetization", "retention"]);
    expect(await page.$$eval("svg.constellation path.tradeoff", (ps) => ps.length)).toBe(4);
    expect(await page.$$eval("#okrs [data-objective]", (os) => os.map((o) => o.getAttribute("data-objective")))).toEqual(["company_growth", "pmm_adoption", "pmm_win", "cs_retention", "icp_pipeline"]);
    expect(await page.$$eval("#okrs .score-yellow", (s) => s.length)).toBeGreaterThan(0);
    expect(await page.$$eval("#dashboards [data-view]", (vs) => vs.length)).toBe(4);
    expect(await page.$$eval("#cadence [data-forum]", (fs) => fs.length)).toBe(4);
    expect(await page.textContent("#diagnostics")).toContain("No findings");
    // The graph fits its box: every node lies inside the SVG's viewBox.
    const outside = await page.$$eval("svg.constellation g.node rect:first-of-type", (rs) => {
      const svg = rs[0]!.ownerSVGElement!.viewBox.baseVal;
      return rs.filter((r) => {
        const b = (r as SVGGraphicsElement).getBBox();
        return b.x < 0 || b.y < 0 || b.x + b.width > svg.width || b.y + b.height > svg.height;
      }).length;
    });
    expect(outside).toBe(0);
    await page.screenshot({ path: join(OUT, "report.png"), fullPage: true });
    expect(existsSync(join(OUT, "report.png"))).toBe(true);
    await page.close();
  });
});
