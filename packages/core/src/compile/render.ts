// `pmm render`: the blueprint as one self-contained HTML page (inline CSS and SVG, no script, no network).
import dagre from "@dagrejs/dagre";
import { formatPeriod, formatPlain, formatQuantity } from "./format-values.js";
import type { AlignmentNode, Blueprint, DashboardOut, ForumOut, KeyResultOut, MetricOut, Objective, Quantity } from "./types.js";

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : c === '"' ? "&quot;" : "&#39;"));
}

const e = escapeHtml;

/** Colours of the three dimensions (and of metrics without one). */
const DIMENSION_COLOURS: ReadonlyMap<string, { stroke: string; fill: string; soft: string }> = new Map([
  ["retention", { stroke: "#2563eb", fill: "#dbeafe", soft: "#eff6ff" }],
  ["engagement", { stroke: "#059669", fill: "#d1fae5", soft: "#ecfdf5" }],
  ["monetization", { stroke: "#d97706", fill: "#fef3c7", soft: "#fffbeb" }],
]);
const NO_DIMENSION = { stroke: "#6b7280", fill: "#f3f4f6", soft: "#f9fafb" };

/** The colours of a dimension. */
function colours(dimension: string | null | undefined): { stroke: string; fill: string; soft: string } {
  return (dimension ? DIMENSION_COLOURS.get(dimension) : undefined) ?? NO_DIMENSION;
}

const NODE_WIDTH = 224;
const NODE_HEIGHT = 46;

/** Text cut to a length with an ellipsis. */
function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** An SVG path through points, smoothed with quadratic curves between midpoints. */
function pathThrough(points: ReadonlyArray<{ x: number; y: number }>): string {
  const f = (n: number): string => String(Math.round(n * 10) / 10);
  if (points.length === 0) return "";
  const [first, ...rest] = points;
  if (rest.length === 0) return `M${f(first!.x)},${f(first!.y)}`;
  let d = `M${f(first!.x)},${f(first!.y)}`;
  for (let i = 0; i < rest.length - 1; i++) {
    const p = rest[i]!;
    const q = rest[i + 1]!;
    d += ` Q${f(p.x)},${f(p.y)} ${f((p.x + q.x) / 2)},${f((p.y + q.y) / 2)}`;
  }
  const last = rest[rest.length - 1]!;
  return `${d} L${f(last.x)},${f(last.y)}`;
}

/**
 * The constellation as an SVG graph laid out by dagre: one node per metric
 * (outputs boxed by dimension on the left, their inputs to the right), edges
 * from each output to its inputs (dotted for formula terms), and dashed red
 * arcs from each primary to its tradeoff guard.
 */
function constellationSvg(bp: Blueprint): string {
  const metrics = bp.metrics;
  if (metrics.length === 0) return `<p class="empty">No metrics are declared.</p>`;
  // Node keys are generated, never user ids: graphlib keeps nodes in plain objects.
  const key = new Map(metrics.map((m, i) => [m.id, `m${i}`]));
  const g = new dagre.graphlib.Graph({ compound: true, multigraph: true });
  g.setGraph({ rankdir: "LR", nodesep: 12, ranksep: 110, marginx: 16, marginy: 16 });
  g.setDefaultEdgeLabel(() => ({}));
  const clusters = new Map<string, string>();
  for (const d of bp.constellation.dimensions) {
    if (d.dimension === null || d.outputs.length === 0) continue;
    const c = `d${clusters.size}`;
    clusters.set(d.dimension, c);
    g.setNode(c, { label: d.dimension, paddingLeft: 12, paddingRight: 12, paddingTop: 28, paddingBottom: 12 });
  }
  for (const m of metrics) {
    g.setNode(key.get(m.id)!, { width: NODE_WIDTH, height: NODE_HEIGHT });
    const c = m.type === "output" && m.dimension ? clusters.get(m.dimension) : undefined;
    if (c) g.setParent(key.get(m.id)!, c);
  }
  const edges: Array<{ from: string; to: string; via: "inputs" | "formula"; name: string }> = [];
  for (const m of metrics) {
    const targets: Array<[string, "inputs" | "formula"]> = m.inputs.map((i) => [i, "inputs"]);
    for (const n of formulaMetrics(m)) if (!m.inputs.includes(n)) targets.push([n, "formula"]);
    for (const [t, via] of targets) {
      if (t === m.id || !key.has(t)) continue;
      const name = `e${edges.length}`;
      edges.push({ from: m.id, to: t, via, name });
      g.setEdge(key.get(m.id)!, key.get(t)!, { weight: via === "inputs" ? 2 : 1 }, name);
    }
  }
  dagre.layout(g);
  const graph = g.graph();
  const width = Math.ceil(graph.width ?? 0);
  const height = Math.ceil(graph.height ?? 0);
  const out: string[] = [];
  out.push(
    `<svg class="constellation" xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="constellation-title" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<title id="constellation-title">Metric constellation: ${metrics.length} metrics</title>`,
    `<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#94a3b8"/></marker>` +
      `<marker id="arrow-guard" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#dc2626"/></marker></defs>`,
  );
  for (const [dimension, c] of clusters) {
    const n = g.node(c) as unknown as { x: number; y: number; width: number; height: number };
    const col = colours(dimension);
    const x = n.x - n.width / 2;
    const y = n.y - n.height / 2;
    out.push(
      `<g class="cluster" data-dimension="${e(dimension)}"><rect x="${x}" y="${y}" width="${n.width}" height="${n.height}" rx="10" fill="${col.soft}" stroke="${col.stroke}" stroke-opacity="0.35"/>` +
        `<text x="${x + 12}" y="${y + 19}" class="cluster-label" fill="${col.stroke}">${e(dimension.toUpperCase())}</text></g>`,
    );
  }
  for (const edge of edges) {
    const points = g.edge({ v: key.get(edge.from)!, w: key.get(edge.to)!, name: edge.name }).points;
    out.push(`<path class="edge edge-${edge.via}" d="${pathThrough(points)}" marker-end="url(#arrow)"><title>${e(`${edge.from} → ${edge.to} (${edge.via})`)}</title></path>`);
  }
  for (const t of bp.constellation.tradeoffs) {
    const a = g.node(key.get(t.primary)!) as unknown as { x: number; y: number };
    const b = g.node(key.get(t.guard)!) as unknown as { x: number; y: number };
    if (!a || !b) continue;
    // Same column: bulge to the left of the two boxes; otherwise a gentle S-curve between them.
    const sameColumn = Math.abs(a.x - b.x) < 1;
    const d = sameColumn
      ? `M${a.x - NODE_WIDTH / 2},${a.y} C${a.x - NODE_WIDTH / 2 - 46},${a.y} ${b.x - NODE_WIDTH / 2 - 46},${b.y} ${b.x - NODE_WIDTH / 2},${b.y}`
      : `M${a.x + (b.x > a.x ? NODE_WIDTH / 2 : -NODE_WIDTH / 2)},${a.y + 8} C${(a.x + b.x) / 2},${a.y + 8} ${(a.x + b.x) / 2},${b.y + 8} ${b.x + (b.x > a.x ? -NODE_WIDTH / 2 : NODE_WIDTH / 2)},${b.y + 8}`;
    const why = t.why ? `: ${t.why}` : "";
    out.push(`<path class="tradeoff" d="${d}" marker-end="url(#arrow-guard)"><title>${e(`${t.primary} vs ${t.guard}${why}`)}</title></path>`);
  }
  for (const m of metrics) {
    const n = g.node(key.get(m.id)!) as unknown as { x: number; y: number };
    const col = colours(m.dimension ?? m.dimensions[0]);
    const x = n.x - NODE_WIDTH / 2;
    const y = n.y - NODE_HEIGHT / 2;
    const output = m.type === "output";
    const star = bp.blueprint.north_star === m.id ? "★ " : "";
    const cls = ["node", output ? "node-output" : "node-input", m.kpi ? "node-kpi" : ""].filter((c) => c !== "").join(" ");
    const tip = [m.name, m.definition ?? "", m.kpi ? "KPI" : ""].filter((s) => s !== "").join("\n");
    out.push(
      `<g class="${cls}" data-metric="${e(m.id)}"><title>${e(tip)}</title>` +
        `<rect x="${x}" y="${y}" width="${NODE_WIDTH}" height="${NODE_HEIGHT}" rx="8" fill="${output ? col.fill : "#ffffff"}" stroke="${col.stroke}" stroke-width="${output ? 2 : 1.2}"/>` +
        `<rect x="${x}" y="${y}" width="5" height="${NODE_HEIGHT}" rx="2" fill="${col.stroke}"/>` +
        `<text x="${x + 14}" y="${y + 19}" class="node-name">${e(clip(star + m.name, 28))}</text>` +
        `<text x="${x + 14}" y="${y + 35}" class="node-id">${e(clip(m.id, 24))}</text>` +
        (m.kpi ? `<text x="${x + NODE_WIDTH - 10}" y="${y + 35}" class="node-badge" text-anchor="end">KPI</text>` : "") +
        `</g>`,
    );
  }
  out.push(`</svg>`);
  return out.join("\n");
}

/** The metric ids a metric's formula names. */
function formulaMetrics(m: MetricOut): string[] {
  const out: string[] = [];
  const walk = (n: MetricOut["formula"]): void => {
    if (n === null) return;
    if (n.type === "metric") {
      if (!out.includes(n.id)) out.push(n.id);
    } else if (n.type === "neg") walk(n.operand);
    else if (n.type === "binary") {
      walk(n.left);
      walk(n.right);
    }
  };
  walk(m.formula);
  return out;
}

/** A score as a coloured bar with its value. */
function scoreBar(score: number | null, band: string | null): string {
  if (score === null) return `<span class="score score-none">no score</span>`;
  const pct = Math.round(score * 100);
  return `<span class="score score-${e(band ?? "none")}"><span class="bar"><span style="width:${pct}%"></span></span><b>${formatPlain(Math.round(score * 100) / 100)}</b></span>`;
}

/** Small labelled chips. */
function chips(items: readonly string[], cls = ""): string {
  return items.map((i) => `<span class="chip ${cls}">${e(i)}</span>`).join(" ");
}

/** What a key result asks for, in words: `24% → 29%`, `→ 30 (no stated start)`, `−35% from 6d`, `at most 0.61`, `done`. */
function keyResultAsk(kr: KeyResultOut): string {
  switch (kr.form) {
    case "move":
      return `${formatQuantity(kr.from)} → ${formatQuantity(kr.to)}`;
    case "target":
      return kr.start === null ? `→ ${formatQuantity(kr.to)} (no stated start)` : `${formatPlain(kr.start)} (baseline) → ${formatQuantity(kr.to)}`;
    case "change": {
      const c = kr.change ? formatQuantity(kr.change.value) : "?";
      return `${c.startsWith("-") ? c : `+${c}`}${kr.start === null ? " (no baseline to start from)" : ` from ${formatPlain(kr.start)}`}`;
    }
    case "hold":
      return `${kr.bound === "at_most" ? "at most" : "at least"} ${formatQuantity(kr.to)}`;
    case "milestone":
      return "done";
  }
}

function keyResultRow(kr: KeyResultOut, fiscal: number): string {
  const reading = kr.form === "milestone" ? (kr.done === null ? null : kr.done ? "done" : "pending") : kr.current === null ? null : formatQuantity(kr.current);
  const current = reading === null ? `<span class="muted">no reading</span>` : `${e(reading)}${kr.current_on ? ` <span class="muted">on ${e(kr.current_on)}</span>` : ""}`;
  return (
    `<tr data-form="${e(kr.form)}"><td><b>${e(kr.name)}</b><br><code>${e(kr.metric ?? kr.milestone ?? "")}</code></td>` +
    `<td>${e(keyResultAsk(kr))}${kr.by ? ` <span class="muted">by ${e(formatPeriod(kr.by, fiscal))}</span>` : ` <span class="warn">no deadline</span>`}</td>` +
    `<td>${current}</td><td>${scoreBar(kr.score, kr.band)}</td></tr>`
  );
}

function objectiveCard(o: Objective, fiscal: number): string {
  const meta = [o.level ? `${o.level} objective` : "objective", o.kind ?? "", o.owner ? `owner ${o.owner}` : "", o.period ? formatPeriod(o.period, fiscal) : ""].filter((s) => s !== "");
  return (
    `<div class="card objective band-${e(o.band ?? "none")}" data-objective="${e(o.id)}">` +
    `<div class="objective-head"><div><h3>${e(o.name ?? o.id)}</h3><div class="muted">${chips(meta)} <code>${e(o.id)}</code></div></div>${scoreBar(o.score, o.band)}</div>` +
    (o.doc ? `<p class="doc">${e(o.doc)}</p>` : "") +
    `<table class="krs"><thead><tr><th>Key result</th><th>Asks for</th><th>Current</th><th>Score</th></tr></thead><tbody>` +
    o.key_results.map((kr) => keyResultRow(kr, fiscal)).join("") +
    `</tbody></table></div>`
  );
}

function okrTree(bp: Blueprint): string {
  const byId = new Map(bp.okrs.objectives.map((o) => [o.id, o]));
  const fiscal = bp.blueprint.fiscal_year_start;
  const node = (n: AlignmentNode): string => {
    const o = byId.get(n.objective);
    if (!o) return "";
    return `<li>${objectiveCard(o, fiscal)}${n.aligned.length > 0 ? `<ul class="tree">${n.aligned.map(node).join("")}</ul>` : ""}</li>`;
  };
  if (bp.okrs.objectives.length === 0) return `<p class="empty">No objectives are declared.</p>`;
  return `<ul class="tree tree-root">${bp.okrs.alignment.map(node).join("")}</ul>`;
}

function metricLine(m: MetricOut, fiscal: number): string {
  const target = m.target ? `target ${formatQuantity(m.target.value)}${m.target.by ? ` by ${formatPeriod(m.target.by, fiscal)}` : ""}` : "";
  const facts = [m.unit ?? "", m.direction ? (m.direction === "up" ? "↑ higher is better" : "↓ lower is better") : "", m.cadence ?? "", m.owner ? `owner ${m.owner}` : "", target].filter((s) => s !== "");
  const col = colours(m.dimension ?? m.dimensions[0]);
  return (
    `<li class="view-metric" data-metric="${e(m.id)}" style="border-left-color:${col.stroke}"><b>${e(m.name)}</b> <code>${e(m.id)}</code>` +
    `<div class="muted small">${e(facts.join(" · "))}</div>` +
    (m.definition ? `<div class="definition">${e(m.definition)}</div>` : "") +
    (m.formula_text ? `<div class="small"><code>= ${e(m.formula_text)}</code></div>` : "") +
    `</li>`
  );
}

function dashboardSection(d: DashboardOut, fiscal: number): string {
  return (
    `<div class="dashboard" data-dashboard="${e(d.id)}"><h3>${e(d.name ?? d.id)} <code>${e(d.id)}</code>${d.source ? ` <span class="muted small">reads ${e(d.source)}</span>` : ""}</h3>` +
    `<div class="grid">` +
    d.views
      .map(
        (v) =>
          `<div class="card view" data-view="${e(v.id)}"><h4>${e(v.name ?? v.id)}</h4><div class="audience">${chips(v.audience)} ${chips(v.audience_roles.filter((r) => !v.audience.includes(r)), "chip-role")}</div>` +
          `<ul class="view-metrics">${v.metrics.map((m) => metricLine(m, fiscal)).join("")}</ul></div>`,
      )
      .join("") +
    `</div></div>`
  );
}

const RHYTHMS = ["weekly", "biweekly", "monthly", "quarterly", "annually"];

/** A lead time as people say it: `24h`, `3d`. */
function leadText(hours: number | null): string {
  if (hours === null) return "—";
  return hours < 96 || hours % 24 !== 0 ? `${formatPlain(hours)}h` : `${formatPlain(hours / 24)}d`;
}

function forumCard(f: ForumOut, names: ReadonlyMap<string, string>): string {
  return (
    `<div class="card forum" data-forum="${e(f.id)}"><div class="forum-info"><h4>${e(f.name ?? f.id)} <code>${e(f.id)}</code></h4>` +
    `<div class="muted small">${e([f.every ?? "", f.day ? `on ${f.day}` : ""].filter((s) => s !== "").join(" "))}</div>` +
    (f.audience.length > 0 ? `<div class="audience">${chips(f.audience)}</div>` : "") +
    (f.decides ? `<p class="small">Decides: ${e(f.decides)}</p>` : "") +
    `</div><div class="reports">` +
    (f.reports.length === 0 ? `<p class="empty small">No report feeds this forum.</p>` : "") +
    f.reports
      .map(
        (r) =>
          `<div class="report" data-report="${e(r.id)}"><div><b>${e(r.name ?? r.id)}</b> <span class="lead">lands ${e(leadText(r.lead_hours))} before</span></div>` +
          `<div class="small">${chips(r.kpis.map((k) => names.get(k) ?? k), "chip-kpi")}${r.metrics.length > r.kpis.length ? ` ${chips(r.metrics.filter((m) => !r.kpis.includes(m)).map((m) => names.get(m) ?? m))}` : ""}</div></div>`,
      )
      .join("") +
    `</div></div>`
  );
}

function cadenceSection(bp: Blueprint): string {
  const names = new Map(bp.metrics.map((m) => [m.id, m.name]));
  const lanes = RHYTHMS.map((r) => [r, bp.cadence.forums.filter((f) => f.every === r)] as const).filter(([, fs]) => fs.length > 0);
  const other = bp.cadence.forums.filter((f) => f.every === null || !RHYTHMS.includes(f.every));
  const rows = lanes.map(([r, fs]) => `<div class="lane"><div class="lane-label">${e(r)}</div><div class="lane-body">${fs.map((f) => forumCard(f, names)).join("")}</div></div>`);
  if (other.length > 0) rows.push(`<div class="lane"><div class="lane-label">unscheduled</div><div class="lane-body">${other.map((f) => forumCard(f, names)).join("")}</div></div>`);
  const reviews = bp.cadence.reviews.map(
    (r) =>
      `<div class="card review"><b>${e(r.name ?? r.id)}</b> <span class="muted small">${e([r.every ?? "", r.owner ? `owner ${r.owner}` : "", r.last ? `last ${r.last}` : "", r.next_due ? `next due ${r.next_due}` : ""].filter((s) => s !== "").join(" · "))}</span></div>`,
  );
  const unreviewed = bp.cadence.unreviewed_kpis.length > 0 ? `<p class="warn">KPIs in no report: ${chips(bp.cadence.unreviewed_kpis)}</p>` : "";
  if (rows.length === 0 && reviews.length === 0) return `<p class="empty">No forums or reviews are declared.</p>`;
  return `<div class="calendar">${rows.join("")}</div>${reviews.length > 0 ? `<h3>Review cycle</h3>${reviews.join("")}` : ""}${unreviewed}`;
}

/** Target minus baseline, in the unit people read (percentage points for percentages). */
function change(base: Quantity | null, target: Quantity | null): string {
  if (!base || !target || base.unit !== target.unit) return "";
  const delta = target.value - base.value;
  const q: Quantity = base.unit === "percent" ? { value: delta, unit: "pp" } : ({ ...base, value: delta } as Quantity);
  return `${delta > 0 ? "+" : ""}${formatQuantity(q)}`;
}

function targetsTable(bp: Blueprint): string {
  if (bp.targets.length === 0) return `<p class="empty">No KPIs.</p>`;
  const fiscal = bp.blueprint.fiscal_year_start;
  const rows = bp.targets.map((t) => {
    const b = t.baseline;
    const base = b ? `${e(formatQuantity(b.value))} <span class="muted small">${e([b.source ? `from ${b.source}` : "", b.period ? `over ${formatPeriod(b.period, fiscal)}` : ""].filter((s) => s !== "").join(" "))}</span>` : `<span class="warn">no baseline</span>`;
    const target = t.target ? `${e(formatQuantity(t.target.value))}${t.target.by ? ` <span class="muted small">by ${e(formatPeriod(t.target.by, fiscal))}</span>` : ""}` : `<span class="muted">no target</span>`;
    const arrow = t.direction === "down" ? "↓" : t.direction === "up" ? "↑" : "";
    return `<tr data-metric="${e(t.metric)}"><td><b>${e(t.name)}</b> <code>${e(t.metric)}</code></td><td>${e(t.workstreams.join(", "))}</td><td>${base}</td><td class="arrow">→</td><td>${target}</td><td class="num">${e(change(b?.value ?? null, t.target?.value ?? null))} ${arrow}</td></tr>`;
  });
  return `<table class="data"><thead><tr><th>KPI</th><th>Workstreams</th><th>Baseline</th><th></th><th>Target</th><th>Change</th></tr></thead><tbody>${rows.join("")}</tbody></table>`;
}

function attributionSection(bp: Blueprint): string {
  const rec = bp.attribution.recommendation;
  const recText = rec ? `<div class="card recommendation"><b>Recommended</b> for a ${e(rec.cycle_band)} cycle at maturity ${e(rec.maturity_band)}: ${chips(rec.models)}${rec.mta_method ? ` MTA ${e(rec.mta_method)}` : ""}<div class="muted small">${e(rec.note)}</div></div>` : "";
  const plans = bp.attribution.plans.map((p) => {
    const facts = [p.mta_method ? `MTA ${p.mta_method}` : "", p.lookback ? `lookback ${formatQuantity(p.lookback)}` : "", p.conversions ? `${formatQuantity(p.conversions)} conversions` : "", p.history ? `${formatQuantity(p.history)} history` : "", p.annual_spend ? `${formatQuantity(p.annual_spend)} a year` : ""].filter((s) => s !== "");
    const mm = p.mismatch;
    const verdict = !rec
      ? ""
      : mm === null
        ? `<p class="ok">Matches the recommendation.</p>`
        : `<p class="warn">Differs from the recommendation: ${e(
            [mm.missing_models.length > 0 ? `missing ${mm.missing_models.join(", ")}` : "", mm.extra_models.length > 0 ? `adds ${mm.extra_models.join(", ")}` : "", mm.mta_method ? `MTA ${mm.mta_method.declared ?? "unset"} instead of ${mm.mta_method.recommended}` : ""]
              .filter((s) => s !== "")
              .join("; "),
          )}</p>`;
    return `<div class="card"><h4>${e(p.name ?? p.id)} <code>${e(p.id)}</code></h4><div>${chips(p.models)}</div><div class="muted small">${e(facts.join(" · "))}</div>${p.rationale ? `<p class="small">${e(p.rationale)}</p>` : ""}${verdict}</div>`;
  });
  if (plans.length === 0 && !recText) return `<p class="empty">No attribution plan.</p>`;
  return `<div class="grid">${plans.join("")}${recText}</div>`;
}

function integrationsTable(bp: Blueprint): string {
  if (bp.integrations.sources.length === 0) return `<p class="empty">No sources are declared.</p>`;
  const rows = bp.integrations.sources.map((s) => {
    const gaps = s.freshness_gaps.map((g) => `${g.metric} (${g.cadence})`);
    return (
      `<tr><td><b>${e(s.name ?? s.id)}</b> <code>${e(s.id)}</code></td><td>${e(s.kind ?? "")}</td><td class="${s.refresh === "unknown" ? "warn" : ""}">${e(s.refresh)}</td>` +
      `<td>${e(s.feeds ?? "")}</td><td>${s.reaches_source_of_truth ? "✔" : `<span class="warn">no</span>`}</td><td class="num">${s.metrics.length}</td><td>${gaps.length > 0 ? `<span class="warn">${e(gaps.join(", "))}</span>` : "—"}</td></tr>`
    );
  });
  return `<table class="data"><thead><tr><th>Source</th><th>Kind</th><th>Refresh</th><th>Feeds</th><th>Reaches ${e(bp.integrations.source_of_truth ?? "source of truth")}</th><th>Metrics</th><th>Freshness gaps</th></tr></thead><tbody>${rows.join("")}</tbody></table>`;
}

function diagnosticsSection(bp: Blueprint): string {
  const c = bp.diagnostics.counts;
  const counts = `<div class="counts"><span class="sev sev-error">${c.error} errors</span> <span class="sev sev-warning">${c.warning} warnings</span> <span class="sev sev-info">${c.info} info</span> <span class="sev sev-hint">${c.hint} hints</span></div>`;
  if (bp.diagnostics.findings.length === 0) return `${counts}<p class="ok">No findings: the blueprint passes every quality gate.</p>`;
  const rows = bp.diagnostics.findings.map(
    (f) =>
      `<tr class="finding sev-row-${e(f.severity)}"><td><span class="sev sev-${e(f.severity)}">${e(f.severity)}</span></td><td><code>${e(f.rule)}</code></td><td class="small">${e(f.file ?? "workspace")}${f.line !== null ? `:${f.line}:${f.column ?? 1}` : ""}</td><td>${e(f.message)}</td></tr>`,
  );
  return `${counts}<table class="data"><thead><tr><th>Severity</th><th>Rule</th><th>Where</th><th>Message</th></tr></thead><tbody>${rows.join("")}</tbody></table>`;
}

function legend(): string {
  const dims = [...DIMENSION_COLOURS].map(([d, c]) => `<span class="legend-item"><span class="swatch" style="background:${c.fill};border-color:${c.stroke}"></span>${e(d)}</span>`);
  return (
    `<div class="legend">${dims.join("")}` +
    `<span class="legend-item"><svg width="34" height="10"><path d="M1,5 L33,5" class="edge edge-inputs"/></svg>input</span>` +
    `<span class="legend-item"><svg width="34" height="10"><path d="M1,5 L33,5" class="edge edge-formula"/></svg>formula term</span>` +
    `<span class="legend-item"><svg width="34" height="10"><path d="M1,5 L33,5" class="tradeoff"/></svg>tradeoff guard</span>` +
    `<span class="legend-item">filled box: output · ★ north star · KPI badge: a KPI</span></div>`
  );
}

const CSS = `
:root{--ink:#0f172a;--muted:#64748b;--line:#e2e8f0;--bg:#f8fafc;--red:#dc2626;--yellow:#ca8a04;--green:#16a34a}
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--ink);background:var(--bg)}
header{background:#0f172a;color:#f8fafc;padding:28px 40px 22px}
header h1{margin:0 0 4px;font-size:26px;letter-spacing:-.01em}
header .facts{display:flex;flex-wrap:wrap;gap:8px 22px;margin-top:12px;color:#cbd5e1}
header .facts b{color:#fff}
header .doc{color:#cbd5e1;margin:2px 0 0}
nav{position:sticky;top:0;z-index:2;background:#fff;border-bottom:1px solid var(--line);padding:8px 40px;display:flex;gap:18px;flex-wrap:wrap}
nav a{color:#334155;text-decoration:none;font-weight:600;font-size:13px}
nav a:hover{color:#2563eb}
main{padding:8px 40px 48px;max-width:1500px}
section{margin-top:30px}
h2{font-size:19px;margin:0 0 4px;border-bottom:2px solid var(--ink);display:inline-block;padding-bottom:2px}
h2 .n{color:var(--muted);font-weight:500;margin-right:6px}
.lede{color:var(--muted);margin:4px 0 14px}
h3{font-size:16px;margin:0}
h4{font-size:14px;margin:0 0 6px}
code{font:12px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;color:#475569;background:#f1f5f9;padding:1px 4px;border-radius:4px}
.muted{color:var(--muted)}.small{font-size:12px}
.card{background:#fff;border:1px solid var(--line);border-radius:10px;padding:14px 16px;box-shadow:0 1px 2px rgba(15,23,42,.04)}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(280px,1fr));gap:14px;margin-top:10px}
.chip{display:inline-block;font-size:11.5px;padding:1px 8px;border-radius:999px;background:#f1f5f9;color:#334155;border:1px solid var(--line);margin:1px 0}
.chip-role{background:#eef2ff;color:#3730a3;border-color:#c7d2fe}
.chip-kpi{background:#f0fdf4;color:#166534;border-color:#bbf7d0}
.graph-wrap{background:#fff;border:1px solid var(--line);border-radius:10px;padding:10px;overflow-x:auto}
svg.constellation{display:block;margin:0 auto;font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif}
.cluster-label{font-size:11px;font-weight:700;letter-spacing:.08em}
.node-name{font-size:12.5px;font-weight:600;fill:#0f172a}
.node-id{font-size:10.5px;fill:#64748b;font-family:ui-monospace,Menlo,Consolas,monospace}
.node-badge{font-size:9.5px;font-weight:700;fill:#166534;letter-spacing:.05em}
.edge{fill:none;stroke:#94a3b8;stroke-width:1.3}
.edge-formula{stroke-dasharray:2 3}
.tradeoff{fill:none;stroke:#dc2626;stroke-width:1.6;stroke-dasharray:6 4}
.legend{display:flex;flex-wrap:wrap;gap:6px 18px;margin-top:10px;color:var(--muted);font-size:12px;align-items:center}
.legend-item{display:inline-flex;align-items:center;gap:6px}
.swatch{width:14px;height:14px;border-radius:3px;border:2px solid}
.dim-summary{display:grid;grid-template-columns:repeat(3,1fr);gap:12px;margin:12px 0}
.dim-summary .card{border-top:4px solid}
ul.tree{list-style:none;margin:0;padding:0 0 0 28px;position:relative}
ul.tree-root{padding-left:0}
ul.tree li{position:relative;margin:12px 0}
ul.tree ul.tree li::before{content:"";position:absolute;left:-18px;top:-12px;bottom:50%;border-left:2px solid #cbd5e1;border-bottom:2px solid #cbd5e1;width:14px;border-bottom-left-radius:8px}
.objective{border-left:6px solid #cbd5e1}
.objective.band-red{border-left-color:var(--red)}.objective.band-yellow{border-left-color:var(--yellow)}.objective.band-green{border-left-color:var(--green)}
.objective-head{display:flex;justify-content:space-between;gap:16px;align-items:flex-start}
.doc{color:#475569;margin:6px 0}
table{border-collapse:collapse;width:100%}
th{text-align:left;font-size:11.5px;text-transform:uppercase;letter-spacing:.04em;color:var(--muted);font-weight:600;border-bottom:1px solid var(--line);padding:6px 8px}
td{border-bottom:1px solid #f1f5f9;padding:7px 8px;vertical-align:top}
table.krs{margin-top:8px}
table.data{background:#fff;border:1px solid var(--line);border-radius:10px;overflow:hidden}
td.num{text-align:right;white-space:nowrap}td.arrow{color:var(--muted)}
.score{display:inline-flex;align-items:center;gap:8px;white-space:nowrap}
.score .bar{display:inline-block;width:90px;height:8px;background:#e2e8f0;border-radius:99px;overflow:hidden}
.score .bar span{display:block;height:100%;border-radius:99px}
.score-red .bar span{background:var(--red)}.score-yellow .bar span{background:var(--yellow)}.score-green .bar span{background:var(--green)}
.score-red b{color:var(--red)}.score-yellow b{color:var(--yellow)}.score-green b{color:var(--green)}
.score-none{color:var(--muted);font-size:12px}
.dashboard{margin-top:8px}
.view-metrics{list-style:none;margin:8px 0 0;padding:0}
.view-metric{border-left:3px solid;padding:4px 0 6px 10px;margin:6px 0}
.definition{font-size:12px;color:#475569}
.audience{margin:4px 0}
.calendar{display:flex;flex-direction:column;gap:10px;margin-top:10px}
.lane{display:grid;grid-template-columns:120px 1fr;gap:12px;align-items:start}
.lane-label{font-weight:700;text-transform:uppercase;font-size:12px;letter-spacing:.06em;color:#334155;background:#e2e8f0;border-radius:8px;padding:10px;text-align:center}
.lane-body{display:flex;flex-direction:column;gap:10px}
.forum{display:grid;grid-template-columns:300px 1fr;gap:16px}
.reports{display:grid;grid-template-columns:repeat(auto-fill,minmax(260px,1fr));gap:10px;align-content:start}
.report{border:1px solid var(--line);border-left:3px solid #fb923c;border-radius:8px;padding:8px 10px;background:#fffdfa}
.lead{white-space:nowrap;font-size:11.5px;color:#9a3412;background:#ffedd5;border-radius:999px;padding:1px 8px;margin-left:4px}
.review{margin-top:8px}
.ok{color:var(--green);font-weight:600}.warn{color:#b45309;font-weight:600}
.recommendation{background:#f8fafc}
.counts{display:flex;gap:8px;margin:8px 0}
.sev{display:inline-block;font-size:11.5px;font-weight:700;padding:1px 8px;border-radius:999px}
.sev-error{background:#fee2e2;color:#991b1b}.sev-warning{background:#fef3c7;color:#92400e}.sev-info{background:#dbeafe;color:#1e40af}.sev-hint{background:#f1f5f9;color:#475569}
.empty{color:var(--muted);font-style:italic}
footer{color:var(--muted);font-size:12px;padding:0 40px 30px}
@media print{nav{display:none}body{background:#fff}.card,.graph-wrap{box-shadow:none}}
`;

/** The blueprint as one self-contained HTML page; every user text is escaped. */
export function renderReport(bp: Blueprint): string {
  const info = bp.blueprint;
  const fiscal = info.fiscal_year_start;
  const title = info.name ?? info.id ?? "pmm blueprint";
  const facts = [
    info.maturity !== null ? ["Maturity", `${info.maturity} of 5`] : null,
    info.sales_cycle ? ["Sales cycle", formatQuantity(info.sales_cycle)] : null,
    ["Currency", info.currency],
    info.north_star ? ["North star", bp.metrics.find((m) => m.id === info.north_star)?.name ?? info.north_star] : null,
    info.source_of_truth ? ["Source of truth", info.source_of_truth] : null,
    ["Metrics", String(bp.metrics.length)],
    ["KPIs", String(bp.targets.length)],
    bp.today ? ["As of", bp.today] : null,
  ].filter((f): f is [string, string] => f !== null);
  const dims = bp.constellation.dimensions
    .filter((d) => d.dimension !== null)
    .map((d) => {
      const col = colours(d.dimension);
      const outs = d.outputs.map((o) => `${o.north_star ? "★ " : ""}${o.name}${o.guards.length > 0 ? ` (guard: ${o.guards.map((g) => g.name).join(", ")})` : ""}`);
      return `<div class="card" style="border-top-color:${col.stroke}"><h4 style="color:${col.stroke}">${e(d.dimension!)}</h4>${outs.length > 0 ? outs.map((o) => `<div class="small">${e(o)}</div>`).join("") : `<div class="warn small">no output metric</div>`}</div>`;
    });
  const sections: Array<[string, string, string, string]> = [
    ["constellation", "Metric constellation", "Output metrics grouped by dimension, the input metrics that drive them, and the guard watched opposite each primary.", `<div class="dim-summary">${dims.join("")}</div><div class="graph-wrap">${constellationSvg(bp)}</div>${legend()}`],
    ["okrs", "OKRs", "Objectives with their key results, scored (current − from) / (to − from); bands red below 0.4, yellow from 0.4, green from 0.7.", okrTree(bp)],
    ["dashboards", "Dashboard views", "What each stakeholder sees, with every metric's definition.", bp.dashboards.length > 0 ? bp.dashboards.map((d) => dashboardSection(d, fiscal)).join("") : `<p class="empty">No dashboards are declared.</p>`],
    ["cadence", "Reporting calendar", "Forums by rhythm, the pre-reads that land before them (lead time) and the KPIs each reviews.", cadenceSection(bp)],
    ["targets", "Baselines → targets", "Every KPI's historical baseline and where it should be.", targetsTable(bp)],
    ["attribution", "Attribution", "The declared blend against the decision table's recommendation for this sales cycle and maturity.", attributionSection(bp)],
    ["integrations", "Data integration", "Each source, how fresh it is, and whether it reaches the source of truth.", integrationsTable(bp)],
    ["diagnostics", "Diagnostics", "Findings of the quality gates.", diagnosticsSection(bp)],
  ];
  return [
    `<!DOCTYPE html>`,
    `<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    `<title>${e(title)} — pmm report</title><style>${CSS}</style></head><body>`,
    `<header><h1>${e(title)}</h1>${info.doc ? `<p class="doc">${e(info.doc)}</p>` : ""}<div class="facts">${facts.map(([k, v]) => `<span>${e(k)}: <b>${e(v)}</b></span>`).join("")}</div></header>`,
    `<nav>${sections.map(([id, name]) => `<a href="#${id}">${e(name)}</a>`).join("")}</nav>`,
    `<main>`,
    ...sections.map(([id, name, lede, body], i) => `<section id="${id}"><h2><span class="n">${i + 1}</span>${e(name)}</h2><p class="lede">${e(lede)}</p>${body}</section>`),
    `</main><footer>Generated by pmm from blueprint ${e(info.id ?? "(none)")}${bp.today ? ` as of ${e(bp.today)}` : ""}.</footer>`,
    `</body></html>`,
    ``,
  ].join("\n");
}
