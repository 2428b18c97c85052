// `pmm render`: the blueprint as one self-contained HTML page (inline CSS and SVG, no script, no network).
import { formatPeriod, formatPlain, formatQuantity } from "./format-values.js";
import { layoutConstellation } from "./tree-layout.js";
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

/**
 * The constellation as side-by-side metric trees (tree-layout.ts): each
 * output heads a column with the metrics under it stacked beneath, joined by
 * a rail; other drivers are curves (dotted for formula terms); each guard is
 * a red tag beside its primary; collapsed subtrees show a count. Every label
 * is wrapped to its box, never cut.
 */
function constellationSvg(bp: Blueprint): string {
  if (bp.metrics.length === 0) return `<p class="empty">No metrics are declared.</p>`;
  const layout = layoutConstellation(bp);
  const metrics = new Map(bp.metrics.map((m) => [m.id, m]));
  const { width, height } = layout;
  const out: string[] = [];
  out.push(
    `<svg class="constellation" xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="constellation-title" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"${layout.crossings !== null ? ` data-crossings="${layout.crossings}"` : ""} data-drawn="${layout.drawn}" data-hidden="${layout.hidden}">`,
    `<title id="constellation-title">Metric constellation: ${bp.metrics.length} metrics${layout.hidden > 0 ? `, ${layout.drawn} drawn` : ""}</title>`,
    `<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#94a3b8"/></marker></defs>`,
  );
  for (const band of layout.bands) {
    const col = colours(band.dimension === "unreached" ? null : band.dimension);
    const label = band.dimension === null ? "NO DIMENSION" : band.dimension === "unreached" ? "UNDER NO OUTPUT" : band.dimension.toUpperCase();
    out.push(
      `<g class="cluster" data-dimension="${e(band.dimension ?? "none")}"><rect x="${band.x - 6}" y="6" width="${band.w + 12}" height="${height - 12}" rx="10" fill="${col.soft}" stroke="${col.stroke}" stroke-opacity="0.3"/>` +
        `<text x="${band.x + 4}" y="25" class="cluster-label" fill="${col.stroke}">${e(label)}</text></g>`,
    );
  }
  for (const edge of layout.edges) {
    out.push(
      `<path class="edge edge-${edge.via} edge-${edge.kind}" d="${edge.d}"${edge.kind === "cross" ? ` marker-end="url(#arrow)"` : ""} data-from="${e(edge.from)}" data-to="${e(edge.to)}"><title>${e(`${edge.from} ← ${edge.to} (${edge.via})`)}</title></path>`,
    );
  }
  for (const n of layout.nodes) {
    const m = metrics.get(n.metric);
    const col = colours(n.dimension);
    const cls = ["node", n.output ? "node-output" : "node-input", n.kpi ? "node-kpi" : ""].filter((c) => c !== "").join(" ");
    const tip = [m?.name ?? n.metric, m?.definition ?? "", n.kpi ? "KPI" : ""].filter((t) => t !== "").join("\n");
    const lines: string[] = [];
    let y = n.y + 8;
    for (const l of n.nameLines) lines.push(`<text x="${n.x + 14}" y="${(y += 15) - 3.5}" class="node-name">${e(l)}</text>`);
    for (const l of n.idLines) lines.push(`<text x="${n.x + 14}" y="${(y += 13) - 3}" class="node-id">${e(l)}</text>`);
    out.push(
      `<g class="${cls}" data-metric="${e(n.metric)}"><title>${e(tip)}</title>` +
        `<rect x="${n.x}" y="${n.y}" width="${n.w}" height="${n.h}" rx="7" fill="${n.output ? col.fill : "#ffffff"}" stroke="${col.stroke}" stroke-width="${n.output ? 2 : 1.2}"/>` +
        `<rect x="${n.x}" y="${n.y}" width="5" height="${n.h}" rx="2" fill="${col.stroke}"/>` +
        lines.join("") +
        (n.kpi ? `<text x="${n.x + n.w - 8}" y="${n.y + n.h - 11}" class="node-badge" text-anchor="end">KPI</text>` : "") +
        `</g>`,
    );
  }
  for (const t of layout.guards) {
    const tr = bp.constellation.tradeoffs.find((x) => x.primary === t.primary && x.guard === t.guard);
    const tip = `${t.primary} vs ${t.guard}${tr?.why ? `: ${tr.why}` : ""}${tr?.limit ? ` (limit ${formatQuantity(tr.limit)})` : ""}`;
    out.push(
      `<g class="guard" data-primary="${e(t.primary)}" data-guard="${e(t.guard)}"><title>${e(tip)}</title><rect x="${t.x}" y="${t.y}" width="${t.w}" height="${t.h}" rx="5" class="tradeoff"/>` +
        t.lines.map((l, i) => `<text x="${t.x + 8}" y="${t.y + 17 + i * 14}" class="guard-text">${e(l)}</text>`).join("") +
        `</g>`,
    );
  }
  for (const c of layout.collapsed) {
    out.push(
      `<g class="collapsed" data-metric="${e(c.of)}" data-count="${c.count}"><rect x="${c.x}" y="${c.y}" width="${c.w}" height="${c.h}" rx="5"/><text x="${c.x + 8}" y="${c.y + 16}" class="collapsed-text">${e(`+${formatPlain(c.count)} more beneath`)}</text></g>`,
    );
  }
  out.push(`</svg>`);
  const note =
    layout.hidden > 0
      ? `<p class="muted small">Drawn: ${formatPlain(layout.drawn)} of ${formatPlain(bp.metrics.length)} metrics; deeper levels are collapsed into counts (every metric is in the blueprint's <code>metrics</code>).</p>`
      : "";
  return out.join("\n") + note;
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
  const current =
    reading === null
      ? `<span class="muted">no reading</span>`
      : `${e(reading)}${kr.current_on ? ` <span class="muted">on ${e(kr.current_on)}</span>` : ""}${kr.current_source === "readings" ? ` <span class="chip chip-reading">warehouse</span>` : ""}`;
  return (
    `<tr data-form="${e(kr.form)}"><td><b>${e(kr.name)}</b><br><code>${e(kr.metric ?? kr.milestone ?? "")}</code></td>` +
    `<td>${e(keyResultAsk(kr))}${kr.by ? ` <span class="muted">by ${e(formatPeriod(kr.by, fiscal))}</span>` : ` <span class="warn">no deadline</span>`}</td>` +
    `<td>${current}</td><td>${scoreBar(kr.score, kr.band)}</td></tr>`
  );
}

function objectiveCard(o: Objective, fiscal: number): string {
  const meta = [o.level ? `${o.level} objective` : "objective", o.kind ?? "", o.owner ? `owner ${o.owner}` : "", o.period ? formatPeriod(o.period, fiscal) : ""].filter(
    (s) => s !== "",
  );
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

/** The latest reading of each metric with readings, as the metric's unit writes it. */
type LatestMap = ReadonlyMap<string, { readonly date: string; readonly text: string }>;

/** A reading as the metric's unit writes it. */
function readingText(unit: string | null, value: number, currency: string): string {
  const q: Quantity =
    unit === "percent" || unit === "count" || unit === "ratio" || unit === "score"
      ? { value, unit }
      : unit === "duration"
        ? { value, unit: "days" }
        : unit === "currency"
          ? { value, unit: "currency", currency }
          : { value, unit: "number" };
  return formatQuantity(q);
}

function metricLine(m: MetricOut, fiscal: number, latest: LatestMap): string {
  const target = m.target ? `target ${formatQuantity(m.target.value)}${m.target.by ? ` by ${formatPeriod(m.target.by, fiscal)}` : ""}` : "";
  const reading = latest.get(m.id);
  const facts = [
    reading ? `latest ${reading.text} (${reading.date})` : "",
    m.unit ?? "",
    m.direction ? (m.direction === "up" ? "↑ higher is better" : "↓ lower is better") : "",
    m.cadence ?? "",
    m.owner ? `owner ${m.owner}` : "",
    target,
  ].filter((s) => s !== "");
  const col = colours(m.dimension ?? m.dimensions[0]);
  return (
    `<li class="view-metric" data-metric="${e(m.id)}" style="border-left-color:${col.stroke}"><b>${e(m.name)}</b> <code>${e(m.id)}</code>` +
    `<div class="muted small">${e(facts.join(" · "))}</div>` +
    (m.definition ? `<div class="definition">${e(m.definition)}</div>` : "") +
    (m.formula_text ? `<div class="small"><code>= ${e(m.formula_text)}</code></div>` : "") +
    `</li>`
  );
}

function dashboardSection(d: DashboardOut, fiscal: number, latest: LatestMap): string {
  return (
    `<div class="dashboard" data-dashboard="${e(d.id)}"><h3>${e(d.name ?? d.id)} <code>${e(d.id)}</code>${d.source ? ` <span class="muted small">reads ${e(d.source)}</span>` : ""}</h3>` +
    `<div class="grid">` +
    d.views
      .map(
        (v) =>
          `<div class="card view" data-view="${e(v.id)}"><h4>${e(v.name ?? v.id)}</h4><div class="audience">${chips(v.audience)} ${chips(
            v.audience_roles.filter((r) => !v.audience.includes(r)),
            "chip-role",
          )}</div>` + `<ul class="view-metrics">${v.metrics.map((m) => metricLine(m, fiscal, latest)).join("")}</ul></div>`,
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
          `<div class="small">${chips(
            r.kpis.map((k) => names.get(k) ?? k),
            "chip-kpi",
          )}${r.metrics.length > r.kpis.length ? ` ${chips(r.metrics.filter((m) => !r.kpis.includes(m)).map((m) => names.get(m) ?? m))}` : ""}</div></div>`,
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
  if (other.length > 0)
    rows.push(`<div class="lane"><div class="lane-label">unscheduled</div><div class="lane-body">${other.map((f) => forumCard(f, names)).join("")}</div></div>`);
  const reviews = bp.cadence.reviews.map(
    (r) =>
      `<div class="card review"><b>${e(r.name ?? r.id)}</b> <span class="muted small">${e([r.every ?? "", r.owner ? `owner ${r.owner}` : "", r.last ? `last ${r.last}` : "", r.next_due ? `next due ${r.next_due}` : ""].filter((s) => s !== "").join(" · "))}</span></div>`,
  );
  const unreviewed = bp.cadence.unreviewed_kpis.length > 0 ? `<p class="warn">KPIs in no report: ${chips(bp.cadence.unreviewed_kpis)}</p>` : "";
  if (rows.length === 0 && reviews.length === 0) return `<p class="empty">No forums or reviews are declared.</p>`;
  return `<div class="calendar">${rows.join("")}</div>${reviews.length > 0 ? `<h3>Review cycle</h3>${reviews.join("")}` : ""}${unreviewed}`;
}

/** `b − a` in the unit people read (percentage points for percentages), signed, with the arrow of the move. */
function change(a: Quantity | null, b: Quantity | null): string {
  if (!a || !b || a.unit !== b.unit || (a.unit === "currency" && b.unit === "currency" && a.currency !== b.currency)) return "—";
  const delta = b.value - a.value;
  const q: Quantity = a.unit === "percent" ? { value: delta, unit: "pp" } : a.unit === "days" ? { value: delta, unit: "days" } : ({ ...a, value: delta } as Quantity);
  const arrow = delta > 0 ? "↑" : delta < 0 ? "↓" : "→";
  return `${arrow} ${delta > 0 ? "+" : ""}${formatQuantity(q)}`;
}

/** Which way is better, in words, for every KPI (the target's side of the baseline when `direction` is unset). */
function directionText(direction: string | null, base: Quantity | null, target: Quantity | null): string {
  if (direction === "up") return "↑ higher is better";
  if (direction === "down") return "↓ lower is better";
  if (base && target && base.unit === target.unit) return target.value > base.value ? "↑ to target" : target.value < base.value ? "↓ to target" : "→ hold";
  return "no direction";
}

/** An inline SVG sparkline of a series, the latest point marked, the target as a dashed line when it is in range. */
function sparkline(metric: string, points: readonly { date: string; value: number }[], target: number | null): string {
  const W = 120;
  const H = 30;
  const P = 3;
  const values = points.map((p) => p.value);
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  const showTarget = target !== null && target >= lo - (hi - lo) * 0.5 && target <= hi + (hi - lo) * 0.5;
  if (showTarget) (lo = Math.min(lo, target!)), (hi = Math.max(hi, target!));
  const span = hi - lo || 1;
  const x = (i: number): number => (points.length === 1 ? W / 2 : P + (i * (W - 2 * P)) / (points.length - 1));
  const y = (v: number): number => H - P - ((v - lo) / span) * (H - 2 * P);
  const f = (n: number): string => String(Math.round(n * 10) / 10);
  const line = points.map((p, i) => `${f(x(i))},${f(y(p.value))}`).join(" ");
  const last = points[points.length - 1]!;
  return (
    `<svg class="sparkline" data-metric="${e(metric)}" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-label="${e(`${points.length} readings from ${points[0]!.date} to ${last.date}`)}">` +
    (showTarget ? `<line x1="0" x2="${W}" y1="${f(y(target!))}" y2="${f(y(target!))}" class="spark-target"/>` : "") +
    `<polyline points="${line}" class="spark-line"/><circle cx="${f(x(points.length - 1))}" cy="${f(y(last.value))}" r="2.5" class="spark-dot"/></svg>`
  );
}

function targetsTable(bp: Blueprint): string {
  if (bp.targets.length === 0) return `<p class="empty">No KPIs.</p>`;
  const fiscal = bp.blueprint.fiscal_year_start;
  const series = new Map((bp.readings?.series ?? []).map((s) => [s.metric, s.points]));
  const withReadings = bp.readings !== null;
  const rows = bp.targets.map((t) => {
    const b = t.baseline;
    const base = b
      ? `${e(formatQuantity(b.value))} <span class="muted small">${e([b.source ? `from ${b.source}` : "", b.period ? `over ${formatPeriod(b.period, fiscal)}` : ""].filter((x) => x !== "").join(" "))}</span>`
      : `<span class="warn">no baseline</span>`;
    const target = t.target
      ? `${e(formatQuantity(t.target.value))}${t.target.by ? ` <span class="muted small">by ${e(formatPeriod(t.target.by, fiscal))}</span>` : ""}`
      : `<span class="muted">no target</span>`;
    const points = series.get(t.metric) ?? [];
    const latest = t.latest
      ? `<div class="latest"><b>${e(formatQuantity(t.latest.value))}</b> <span class="muted small">${e(t.latest.date)}</span></div>${sparkline(t.metric, points, t.target?.value?.value ?? null)}`
      : `<span class="muted small">no reading</span>`;
    const readingCells = withReadings ? `<td>${latest}</td><td class="num">${e(change(b?.value ?? null, t.latest?.value ?? null))}</td>` : "";
    return (
      `<tr data-metric="${e(t.metric)}"><td><b>${e(t.name)}</b> <code>${e(t.metric)}</code><div class="muted small">${e(directionText(t.direction, b?.value ?? null, t.target?.value ?? null))}</div></td><td>${e(t.workstreams.join(", "))}</td>` +
      `<td>${base}</td>${readingCells}<td>${target}</td><td class="num">${e(change(b?.value ?? null, t.target?.value ?? null))}</td></tr>`
    );
  });
  const head = withReadings ? `<th>Latest reading</th><th>Change so far</th>` : "";
  return `<table class="data targets"><thead><tr><th>KPI</th><th>Workstreams</th><th>Baseline</th>${head}<th>Target</th><th>Change to target</th></tr></thead><tbody>${rows.join("")}</tbody></table>`;
}

function launchesSection(bp: Blueprint): string {
  if (bp.launches.length === 0) return `<p class="empty">No launches are declared.</p>`;
  const cards = bp.launches.map((l) => {
    const stages = l.stages.map((s) => {
      const items = s.metrics.map((m) => {
        const track =
          m.tracking === "after_launch"
            ? `<span class="warn small">tracked only from ${e(m.since ?? "")}</span>`
            : m.tracking === "unknown"
              ? `<span class="muted small">no \`since\` date</span>`
              : `<span class="muted small">tracked since ${e(m.since ?? "")}</span>`;
        const latest = m.latest ? `<div><b>${e(formatQuantity(m.latest.value))}</b> <span class="muted small">${e(m.latest.date)}</span></div>` : "";
        return `<li data-metric="${e(m.metric)}"><b>${e(m.name)}</b> <code>${e(m.metric)}</code><div>${track}</div>${latest}</li>`;
      });
      const body =
        items.length > 0
          ? `<ul class="stage-metrics">${items.join("")}</ul>`
          : s.required
            ? `<p class="warn small">missing: the tier needs a ${e(s.stage)} metric</p>`
            : `<p class="muted small">not needed for ${e(l.tier ?? "this tier")}</p>`;
      return `<div class="stage stage-${e(s.stage)}${s.required ? " stage-required" : ""}" data-stage="${e(s.stage)}"><h5>${e(s.stage)}</h5>${body}</div>`;
    });
    const status = l.status ? `<span class="chip chip-${e(l.status)}">${e(l.status)}</span>` : "";
    const tracking = l.tracking === "tracked" ? `<span class="chip chip-ok">tracked</span>` : `<span class="chip chip-gap">tracking gaps</span>`;
    return (
      `<div class="card launch" data-launch="${e(l.id)}"><div class="launch-head"><h4>${e(l.name ?? l.id)} <code>${e(l.id)}</code></h4>` +
      `<div><span class="chip chip-tier">${e(l.tier ?? "no tier")}</span> ${status} ${tracking}</div></div>` +
      `<div class="muted small">${e([l.date ? `goes live ${l.date}` : "no date", l.owner ? `owner ${l.owner}` : "", l.attribution ? `attribution ${l.attribution}` : ""].filter((x) => x !== "").join(" · "))}</div>` +
      (l.doc ? `<p class="doc small">${e(l.doc)}</p>` : "") +
      `<div class="stages">${stages.join(`<div class="stage-arrow">→</div>`)}</div></div>`
    );
  });
  return `<div class="launches">${cards.join("")}</div>`;
}

function experimentsSection(bp: Blueprint): string {
  if (bp.experiments.length === 0) return `<p class="empty">No experiments are declared.</p>`;
  const rows = bp.experiments.map((x) => {
    const move = x.expect
      ? `${formatQuantity(x.baseline)} → ${formatQuantity(x.expect)}`
      : x.mde
        ? `${formatQuantity(x.baseline)}, detect ${formatQuantity(x.mde)}`
        : formatQuantity(x.baseline);
    const s = x.sample_size;
    const need = s
      ? `<b>${e(formatPlain(s.per_arm))}</b> per arm × ${s.arms} = ${e(formatPlain(s.total))}<div class="muted small">${e(`${x.traffic ? formatQuantity(x.traffic) : "no traffic"} → ${formatPlain(s.days)} ${s.days === 1 ? "day" : "days"} of traffic`)}</div>`
      : `<span class="muted">cannot be sized from its values</span>`;
    const holdout = x.holdout
      ? `${e(formatQuantity(x.holdout.share))}${x.holdout.duration ? ` for ${e(formatQuantity(x.holdout.duration))}` : ""}`
      : `<span class="muted">none</span>`;
    return (
      `<tr data-experiment="${e(x.id)}"><td><b>${e(x.name ?? x.id)}</b> <code>${e(x.id)}</code></td><td class="small">${e(x.hypothesis ?? "")}</td>` +
      `<td>${e(x.metric_name ?? x.metric ?? "—")}<div class="muted small">${e(move)}</div></td><td>${need}</td><td>${holdout}</td><td>${x.status ? `<span class="chip chip-status-${e(x.status)}">${e(x.status)}</span>` : "—"}</td></tr>`
    );
  });
  return `<table class="data experiments"><thead><tr><th>Experiment</th><th>Hypothesis</th><th>Metric</th><th>Sample size needed vs traffic</th><th>Holdout</th><th>Status</th></tr></thead><tbody>${rows.join("")}</tbody></table>`;
}

function attributionSection(bp: Blueprint): string {
  const rec = bp.attribution.recommendation;
  const recText = rec
    ? `<div class="card recommendation"><b>Recommended</b> for a ${e(rec.cycle_band)} cycle at maturity ${e(rec.maturity_band)}: ${chips(rec.models)}${rec.mta_method ? ` MTA ${e(rec.mta_method)}` : ""}<div class="muted small">${e(rec.note)}</div></div>`
    : "";
  const plans = bp.attribution.plans.map((p) => {
    const facts = [
      p.mta_method ? `MTA ${p.mta_method}` : "",
      p.lookback ? `lookback ${formatQuantity(p.lookback)}` : "",
      p.conversions ? `${formatQuantity(p.conversions)} conversions` : "",
      p.history ? `${formatQuantity(p.history)} history` : "",
      p.annual_spend ? `${formatQuantity(p.annual_spend)} a year` : "",
    ].filter((s) => s !== "");
    const mm = p.mismatch;
    // The check has the last word: a plan the attribution rules pass is a choice, shown neutrally; their findings are the warnings.
    const findings = bp.diagnostics.findings.filter((f) => f.rule.startsWith("attribution-") && f.declaration === p.id);
    const diff = mm
      ? [
          mm.missing_models.length > 0 ? `leaves out ${mm.missing_models.join(", ")}` : "",
          mm.extra_models.length > 0 ? `adds ${mm.extra_models.join(", ")}` : "",
          mm.mta_method ? `MTA ${mm.mta_method.declared ?? "unset"} instead of ${mm.mta_method.recommended}` : "",
        ]
          .filter((x) => x !== "")
          .join("; ")
      : "";
    const verdict = [
      !rec ? "" : mm === null ? `<p class="ok">Matches the recommendation.</p>` : `<p class="choice">A choice beyond the table's cell: ${e(diff)}.</p>`,
      ...findings.map((f) => `<p class="sev-text-${e(f.severity)}">${e(f.severity)}: ${e(f.message)} <code>${e(f.rule)}</code></p>`),
    ].join("");
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
    `<span class="legend-item"><svg width="34" height="10"><path d="M1,5 L33,5" class="edge edge-inputs"/></svg>input (rail: the metrics under it)</span>` +
    `<span class="legend-item"><svg width="34" height="10"><path d="M1,5 L33,5" class="edge edge-formula"/></svg>formula term</span>` +
    `<span class="legend-item"><svg width="34" height="14"><rect x="1" y="1" width="32" height="12" rx="3" class="tradeoff"/></svg>guard beside its primary</span>` +
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
svg.constellation{display:block;margin:0 auto;font-family:"DejaVu Sans",Verdana,"Bitstream Vera Sans",sans-serif}
.cluster-label{font-size:11px;font-weight:700;letter-spacing:.08em}
.node-name{font-size:12px;font-weight:700;fill:#0f172a}
.node-id{font-size:10.5px;fill:#64748b;font-family:ui-monospace,Menlo,Consolas,monospace}
.node-badge{font-size:9.5px;font-weight:700;fill:#166534;letter-spacing:.05em}
.edge{fill:none;stroke:#94a3b8;stroke-width:1.3}
.edge-formula{stroke-dasharray:2 3}
.tradeoff{fill:#fef2f2;stroke:#dc2626;stroke-width:1.3;stroke-dasharray:4 3}
.guard-text{font-size:10.5px;fill:#991b1b}
.collapsed rect{fill:#f8fafc;stroke:#94a3b8;stroke-dasharray:3 3}
.collapsed-text{font-size:10.5px;fill:#475569}
.edge-cross{stroke:#64748b}
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
td{border-bottom:1px solid #f1f5f9;padding:7px 8px;vertical-align:top;overflow-wrap:break-word}
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
.sparkline{display:block;margin-top:2px}.spark-line{fill:none;stroke:#2563eb;stroke-width:1.6}.spark-dot{fill:#2563eb}.spark-target{stroke:#16a34a;stroke-width:1;stroke-dasharray:3 2}
.latest{white-space:nowrap}
.choice{color:#334155}
.sev-text-error{color:#991b1b;font-weight:600}.sev-text-warning{color:#92400e;font-weight:600}.sev-text-info,.sev-text-hint{color:#475569}
.launches{display:flex;flex-direction:column;gap:12px}
.launch-head{display:flex;justify-content:space-between;gap:12px;align-items:baseline;flex-wrap:wrap}
.stages{display:grid;grid-template-columns:minmax(0,1fr) 18px minmax(0,1fr) 18px minmax(0,1fr) 18px minmax(0,1fr);gap:6px;margin-top:10px;align-items:stretch}
.stage{border:1px solid var(--line);border-radius:8px;padding:6px 8px;background:#fcfcfd;min-width:0;overflow-wrap:anywhere}
.stage-required{border-color:#94a3b8}
.stage h5{margin:0 0 4px;font-size:11.5px;text-transform:uppercase;letter-spacing:.06em;color:#334155}
.stage-arrow{align-self:center;text-align:center;color:var(--muted)}
.stage-metrics{list-style:none;margin:0;padding:0}.stage-metrics li{margin:4px 0}
.chip-tier{background:#0f172a;color:#fff;border-color:#0f172a}.chip-live{background:#dcfce7;color:#166534;border-color:#bbf7d0}.chip-upcoming{background:#e0f2fe;color:#075985;border-color:#bae6fd}
.chip-reading{background:#eff6ff;color:#1e40af;border-color:#bfdbfe}.chip-ok{background:#f0fdf4;color:#166534;border-color:#bbf7d0}.chip-gap{background:#fffbeb;color:#92400e;border-color:#fde68a}
@page{margin:14mm}@page graph{size:landscape;margin:10mm}
@media print{nav{display:none}body{background:#fff;font-size:12px}main{padding:0 8px;max-width:none}header{padding:14px 8px;print-color-adjust:exact;-webkit-print-color-adjust:exact}
.card,.graph-wrap{box-shadow:none}.graph-wrap{overflow:visible;padding:4px}svg.constellation{max-width:100%;max-height:170mm;height:auto}#constellation{page:graph}
section{break-before:auto}h2,h3,h4{break-after:avoid}tr,.card,.stage,.report,.view-metric{break-inside:avoid}thead{display:table-header-group}
table.data{border-radius:0;overflow:visible}th,td{padding:4px 5px}.sparkline{width:84px;height:24px}td code{font-size:10px}.forum{grid-template-columns:1fr}.lane{grid-template-columns:90px 1fr}.dim-summary{grid-template-columns:repeat(3,1fr)}
.stages{grid-template-columns:minmax(0,1fr) 10px minmax(0,1fr) 10px minmax(0,1fr) 10px minmax(0,1fr)}code{overflow-wrap:anywhere}}
`;

/** The blueprint as one self-contained HTML page; every user text is escaped. */
export function renderReport(bp: Blueprint): string {
  const info = bp.blueprint;
  const fiscal = info.fiscal_year_start;
  const title = info.name ?? info.id ?? "pmm blueprint";
  const units = new Map(bp.metrics.map((m) => [m.id, m.unit]));
  const latestOf: LatestMap = new Map(
    (bp.readings?.series ?? []).flatMap((r) => {
      const last = r.points[r.points.length - 1];
      return last ? [[r.metric, { date: last.date, text: readingText(units.get(r.metric) ?? null, last.value, info.currency) }] as const] : [];
    }),
  );
  let readingsUntil = "";
  for (const p of latestOf.values()) if (p.date > readingsUntil) readingsUntil = p.date;
  const facts = [
    info.maturity !== null ? ["Maturity", `${info.maturity} of 5`] : null,
    info.sales_cycle ? ["Sales cycle", formatQuantity(info.sales_cycle)] : null,
    ["Currency", info.currency],
    info.north_star ? ["North star", bp.metrics.find((m) => m.id === info.north_star)?.name ?? info.north_star] : null,
    info.source_of_truth ? ["Source of truth", info.source_of_truth] : null,
    ["Metrics", String(bp.metrics.length)],
    ["KPIs", String(bp.targets.length)],
    bp.today ? ["As of", bp.today] : null,
    readingsUntil ? ["Readings to", readingsUntil] : null,
  ].filter((f): f is [string, string] => f !== null);
  const dims = bp.constellation.dimensions
    .filter((d) => d.dimension !== null)
    .map((d) => {
      const col = colours(d.dimension);
      const outs = d.outputs.map((o) => `${o.north_star ? "★ " : ""}${o.name}${o.guards.length > 0 ? ` (guard: ${o.guards.map((g) => g.name).join(", ")})` : ""}`);
      return `<div class="card" style="border-top-color:${col.stroke}"><h4 style="color:${col.stroke}">${e(d.dimension!)}</h4>${outs.length > 0 ? outs.map((o) => `<div class="small">${e(o)}</div>`).join("") : `<div class="warn small">no output metric</div>`}</div>`;
    });
  const readingsNote = bp.readings
    ? ` Latest warehouse readings (${bp.readings.grain ?? "undated"} grain) with their trend; the green dashed line is the target.`
    : " Run with `--readings FILE` to show the warehouse's latest values and trends.";
  const sections: Array<[string, string, string, string]> = [
    ["targets", "KPIs: baseline → latest → target", `Every KPI's historical baseline, where it stands and where it should be.${readingsNote}`, targetsTable(bp)],
    [
      "okrs",
      "OKRs",
      "Objectives with their key results, scored (current − from) / (to − from); bands red below 0.4, yellow from 0.4, green from 0.7. A key result without `current` is scored from the latest reading in its period.",
      okrTree(bp),
    ],
    [
      "launches",
      "Launches",
      "Each launch with its tier, date and status, its KPIs by stage of the launch hierarchy, and whether they were tracked before go-live.",
      launchesSection(bp),
    ],
    ["experiments", "Experiments", "Each test's hypothesis, the sample size it needs against the traffic it gets, its holdout and where it stands.", experimentsSection(bp)],
    [
      "constellation",
      "Metric constellation",
      "Each output metric with the metrics under it, shared inputs drawn once, and the guard watched beside each primary.",
      `<div class="dim-summary">${dims.join("")}</div><div class="graph-wrap">${constellationSvg(bp)}</div>${legend()}`,
    ],
    [
      "dashboards",
      "Dashboard views",
      "What each stakeholder sees, with every metric's definition.",
      bp.dashboards.length > 0 ? bp.dashboards.map((d) => dashboardSection(d, fiscal, latestOf)).join("") : `<p class="empty">No dashboards are declared.</p>`,
    ],
    ["cadence", "Reporting calendar", "Forums by rhythm, the pre-reads that land before them (lead time) and the KPIs each reviews.", cadenceSection(bp)],
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
