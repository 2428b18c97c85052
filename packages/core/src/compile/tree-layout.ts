// The constellation's layout: metric trees side by side. Each output heads a column; the metrics under it are
// stacked beneath it, indented by depth and joined by a rail (a tidy tree), each metric drawn once — in the
// column of the first output that reaches it, breadth first — and an edge from any other metric that drives it.
// Column order within a dimension is chosen to minimise edge crossings (exhaustively while that is cheap);
// guards sit beside their primary. Large workspaces collapse subtrees beyond a depth into a count.
// Everything is iterative (no recursion) and linear in metrics and edges, except the exhaustive order search,
// which runs only on small graphs. docs/render.md describes the layout.
import type { Blueprint } from "./types.js";
import { textWidth, wrapText } from "./text-width.js";

/** A point of an edge path. */
export interface Point {
  readonly x: number;
  readonly y: number;
}

/** A drawn metric box. */
export interface LaidNode {
  readonly metric: string;
  readonly column: number;
  readonly depth: number;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  /** The display name, wrapped (bold 12px). */
  readonly nameLines: readonly string[];
  /** The id, wrapped (mono 10px). */
  readonly idLines: readonly string[];
  readonly output: boolean;
  readonly kpi: boolean;
  readonly northStar: boolean;
  readonly dimension: string | null;
  /** Metrics under it not drawn (collapsed beyond the depth limit), 0 when none. */
  readonly hidden: number;
}

/** A drawn edge: `from` is driven by `to`. */
export interface LaidEdge {
  readonly from: string;
  readonly to: string;
  readonly via: "inputs" | "formula";
  /** `tree` (the rail from the metric's column parent) or `cross` (any other driver). */
  readonly kind: "tree" | "cross";
  /** The path as straight segments (curves sampled). */
  readonly points: readonly Point[];
  /** SVG path data. */
  readonly d: string;
}

/** A guard tag beside its primary. */
export interface LaidGuard {
  readonly primary: string;
  readonly guard: string;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  readonly lines: readonly string[];
}

/** A band naming the dimension of a run of columns. */
export interface LaidBand {
  readonly dimension: string | null;
  readonly x: number;
  readonly w: number;
}

/** A collapsed subtree: the count of metrics beneath a drawn one. */
export interface LaidCollapsed {
  readonly of: string;
  readonly count: number;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** The laid-out constellation. */
export interface TreeLayout {
  readonly collapsed: readonly LaidCollapsed[];
  readonly width: number;
  readonly height: number;
  readonly nodes: readonly LaidNode[];
  readonly edges: readonly LaidEdge[];
  readonly guards: readonly LaidGuard[];
  readonly bands: readonly LaidBand[];
  /** Metrics drawn, and metrics left out (collapsed or beyond the column budget). */
  readonly drawn: number;
  readonly hidden: number;
  /** Edge crossings of the drawing (computed when the graph is small enough to count pairwise; null otherwise). */
  readonly crossings: number | null;
}

/** Limits of the drawing. */
export interface LayoutOptions {
  /** Most metrics drawn (default 120); deeper levels collapse first. */
  readonly maxNodes?: number;
  /** Most columns (trees) drawn (default 24); the rest are counted in the note under the graph. */
  readonly maxColumns?: number;
  /** Deepest level drawn below an output (default 5). */
  readonly maxDepth?: number;
  /** Column orders tried exhaustively at most (default 720). */
  readonly maxOrders?: number;
  /** A fixed order of the output columns (by metric id), for tests comparing orders. */
  readonly order?: readonly string[];
}

export const NAME_SIZE = 12;
export const ID_SIZE = 10;
const GUARD_SIZE = 10.5;
const TEXT_MAX = 156;
const PAD_L = 14;
const PAD_R = 10;
const PAD_Y = 8;
const NAME_LINE = 15;
const ID_LINE = 13;
const BADGE = 26;
const INDENT = 20;
const ROW_GAP = 10;
const COL_GAP = 44;
const TOP = 40;
const MARGIN = 14;
const GUARD_GAP = 8;
const COLLAPSED_H = 24;

interface Graph {
  readonly ids: readonly string[];
  readonly index: ReadonlyMap<string, number>;
  /** Edge targets of each node, in order, with their kind. */
  readonly out: ReadonlyArray<ReadonlyArray<{ readonly to: number; readonly via: "inputs" | "formula" }>>;
}

function graphOf(bp: Blueprint): Graph {
  const ids = bp.constellation.nodes.map((n) => n.metric);
  const index = new Map(ids.map((id, i) => [id, i]));
  const out: Array<Array<{ to: number; via: "inputs" | "formula" }>> = ids.map(() => []);
  for (const e of bp.constellation.edges) {
    const f = index.get(e.from);
    const t = index.get(e.to);
    if (f !== undefined && t !== undefined && f !== t) out[f]!.push({ to: t, via: e.via });
  }
  return { ids, index, out };
}

/** Breadth-first from the roots in order: each node's column (root), tree parent and depth. */
function forest(g: Graph, roots: readonly number[]): { parent: Int32Array; depth: Int32Array; column: Int32Array; order: number[] } {
  const n = g.ids.length;
  const parent = new Int32Array(n).fill(-1);
  const depth = new Int32Array(n).fill(-1);
  const column = new Int32Array(n).fill(-1);
  const order: number[] = [];
  roots.forEach((r, c) => {
    if (depth[r] !== -1) return;
    depth[r] = 0;
    column[r] = c;
    order.push(r);
  });
  for (let head = 0; head < order.length; head++) {
    const v = order[head]!;
    for (const { to } of g.out[v]!) {
      if (depth[to] !== -1) continue;
      depth[to] = depth[v]! + 1;
      parent[to] = v;
      column[to] = column[v]!;
      order.push(to);
    }
  }
  return { parent, depth, column, order };
}

/** Proper intersection of segments ab and cd (touching ends do not count). */
function cross(a: Point, b: Point, c: Point, d: Point): boolean {
  const o = (p: Point, q: Point, r: Point): number => Math.sign((q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x));
  const o1 = o(a, b, c);
  const o2 = o(a, b, d);
  const o3 = o(c, d, a);
  const o4 = o(c, d, b);
  return o1 * o2 < 0 && o3 * o4 < 0;
}

/** Pairs of edges whose drawn paths cross, edges sharing a metric left out. */
export function countCrossings(edges: readonly Pick<LaidEdge, "from" | "to" | "points">[]): number {
  let count = 0;
  const boxes = edges.map((e) => {
    let x0 = Infinity;
    let y0 = Infinity;
    let x1 = -Infinity;
    let y1 = -Infinity;
    for (const p of e.points) {
      x0 = Math.min(x0, p.x);
      y0 = Math.min(y0, p.y);
      x1 = Math.max(x1, p.x);
      y1 = Math.max(y1, p.y);
    }
    return { x0, y0, x1, y1 };
  });
  for (let i = 0; i < edges.length; i++) {
    const a = edges[i]!;
    const ba = boxes[i]!;
    for (let j = i + 1; j < edges.length; j++) {
      const b = edges[j]!;
      if (a.from === b.from || a.from === b.to || a.to === b.from || a.to === b.to) continue;
      const bb = boxes[j]!;
      if (ba.x1 < bb.x0 || bb.x1 < ba.x0 || ba.y1 < bb.y0 || bb.y1 < ba.y0) continue;
      let hit = false;
      for (let p = 0; p + 1 < a.points.length && !hit; p++) {
        for (let q = 0; q + 1 < b.points.length && !hit; q++) hit = cross(a.points[p]!, a.points[p + 1]!, b.points[q]!, b.points[q + 1]!);
      }
      if (hit) count++;
    }
  }
  return count;
}

const f1 = (n: number): string => String(Math.round(n * 10) / 10);

/** A cubic curve from a to b leaving and entering horizontally, as path data and sampled points. */
function curve(a: Point, b: Point): { d: string; points: Point[] } {
  const dx = Math.max(24, Math.abs(b.x - a.x) / 2) * (b.x >= a.x ? 1 : -1);
  const c1 = { x: a.x + dx, y: a.y };
  const c2 = { x: b.x - dx, y: b.y };
  const points: Point[] = [];
  for (let i = 0; i <= 16; i++) {
    const t = i / 16;
    const u = 1 - t;
    points.push({
      x: u * u * u * a.x + 3 * u * u * t * c1.x + 3 * u * t * t * c2.x + t * t * t * b.x,
      y: u * u * u * a.y + 3 * u * u * t * c1.y + 3 * u * t * t * c2.y + t * t * t * b.y,
    });
  }
  return { d: `M${f1(a.x)},${f1(a.y)} C${f1(c1.x)},${f1(c1.y)} ${f1(c2.x)},${f1(c2.y)} ${f1(b.x)},${f1(b.y)}`, points };
}

/** A polyline as path data. */
function poly(points: readonly Point[]): string {
  return points.map((p, i) => `${i === 0 ? "M" : "L"}${f1(p.x)},${f1(p.y)}`).join(" ");
}

interface Box {
  w: number;
  h: number;
  nameLines: string[];
  idLines: string[];
}

/** A metric box sized to its wrapped text. */
function box(name: string, id: string, kpi: boolean): Box {
  const nameLines = wrapText(name, "bold", NAME_SIZE, TEXT_MAX);
  const idLines = wrapText(id, "mono", ID_SIZE, TEXT_MAX - (kpi ? BADGE : 0));
  const nameW = Math.max(...nameLines.map((l) => textWidth(l, "bold", NAME_SIZE)));
  const idW = Math.max(...idLines.map((l) => textWidth(l, "mono", ID_SIZE))) + (kpi ? BADGE : 0);
  return { w: Math.ceil(Math.max(nameW, idW, 60) + PAD_L + PAD_R), h: PAD_Y * 2 + nameLines.length * NAME_LINE + idLines.length * ID_LINE, nameLines, idLines };
}

/** Permutations of a list, at most `limit` of them (Heap's algorithm, iterative). */
function permutations<T>(items: readonly T[], limit: number): T[][] {
  const a = [...items];
  const out: T[][] = [[...a]];
  const c = new Array<number>(a.length).fill(0);
  let i = 0;
  while (i < a.length && out.length < limit) {
    if (c[i]! < i) {
      const j = i % 2 === 0 ? 0 : c[i]!;
      [a[j], a[i]] = [a[i]!, a[j]!];
      out.push([...a]);
      c[i]!++;
      i = 0;
    } else {
      c[i] = 0;
      i++;
    }
  }
  return out;
}

/**
 * Lays out the constellation of a blueprint as side-by-side metric trees.
 * The output columns keep their dimension's order (retention, engagement,
 * monetization, then outputs without one, then metrics no output reaches);
 * within each dimension the order with the fewest crossings wins (ties: the
 * most guards beside their primary, then declaration order).
 */
export function layoutConstellation(bp: Blueprint, options: LayoutOptions = {}): TreeLayout {
  const g = graphOf(bp);
  const maxNodes = options.maxNodes ?? 120;
  const maxDepth = options.maxDepth ?? 5;
  const groups: number[][] = bp.constellation.dimensions.map((d) => d.outputs.map((o) => g.index.get(o.metric)!).filter((i) => i !== undefined));
  // Metrics no output reaches head columns of their own, after the outputs.
  const reached = forest(g, groups.flat());
  const loose: number[] = [];
  for (let i = 0; i < g.ids.length; i++) {
    if (reached.depth[i] !== -1) continue;
    loose.push(i);
    // Everything under it is reached now.
    const stack = [i];
    reached.depth[i] = 0;
    while (stack.length > 0) {
      const v = stack.pop()!;
      for (const { to } of g.out[v]!) if (reached.depth[to] === -1) (reached.depth[to] = 1), stack.push(to);
    }
  }
  if (loose.length > 0) groups.push(loose);
  const tradeoffs = bp.constellation.tradeoffs;
  const guardPairs = tradeoffs
    .map((t) => [g.index.get(t.primary), g.index.get(t.guard)] as const)
    .filter((p): p is readonly [number, number] => p[0] !== undefined && p[1] !== undefined);
  let candidates: number[][];
  if (options.order) {
    const fixed = options.order.map((id) => g.index.get(id)).filter((i): i is number => i !== undefined);
    const placed = new Set(fixed);
    candidates = [[...fixed, ...groups.flat().filter((i) => !placed.has(i))]];
  } else {
    const limit = options.maxOrders ?? 720;
    const edgeCount = g.out.reduce((sum, o) => sum + o.length, 0);
    const expand = (groupOrder: readonly number[][]): number[][] => {
      let combos: number[][] = [[]];
      for (const group of groupOrder) {
        const perms = group.length <= 7 && edgeCount <= 400 ? permutations(group, limit) : [group];
        combos = combos.length * perms.length > limit ? combos.map((c) => [...c, ...group]) : combos.flatMap((c) => perms.map((p) => [...c, ...p]));
      }
      return combos;
    };
    // Dimensions stay contiguous; their order (the metrics under no output stay last) and the order inside each are searched.
    const dims = loose.length > 0 ? groups.slice(0, -1) : groups;
    const groupOrders = dims.length <= 4 && edgeCount <= 400 ? permutations(dims, 24).map((o) => (loose.length > 0 ? [...o, loose] : o)) : [groups];
    const combos: number[][] = [];
    for (const o of groupOrders) for (const c of expand(o)) if (combos.length < limit) combos.push(c);
    candidates = combos;
  }
  let best: TreeLayout | undefined;
  let bestScore: readonly number[] = [];
  for (const order of candidates) {
    const laid = place(bp, g, order.slice(0, Math.max(1, Math.min(maxNodes, options.maxColumns ?? 24))), maxNodes, maxDepth);
    const pos = new Map(order.map((r, i) => [r, i]));
    const adjacent = guardPairs.filter(([p, q]) => pos.has(p) && pos.has(q) && Math.abs(pos.get(p)! - pos.get(q)!) === 1).length;
    const score = [laid.crossings ?? 0, -adjacent];
    if (!best || score[0]! < bestScore[0]! || (score[0] === bestScore[0] && score[1]! < bestScore[1]!)) {
      best = laid;
      bestScore = score;
    }
  }
  return best!;
}

/** Places one column order. */
function place(bp: Blueprint, g: Graph, order: readonly number[], maxNodes: number, maxDepth: number): TreeLayout {
  const n = g.ids.length;
  const metricOf = new Map(bp.metrics.map((m) => [m.id, m]));
  const roots = order;
  const f = forest(g, roots);
  // The deepest level that fits the budget.
  const perDepth: number[] = [];
  for (const v of f.order) perDepth[f.depth[v]!] = (perDepth[f.depth[v]!] ?? 0) + 1;
  let limit = 0;
  let total = perDepth[0] ?? 0;
  while (limit < maxDepth && limit + 1 < perDepth.length && total + perDepth[limit + 1]! <= maxNodes) total += perDepth[++limit]!;
  const drawn = new Uint8Array(n);
  for (const v of f.order) if (f.depth[v]! <= limit) drawn[v] = 1;
  // Hidden metrics under each drawn metric, counted once each (in their breadth-first tree).
  const sub = new Int32Array(n);
  const hidden = new Int32Array(n);
  for (let k = f.order.length - 1; k >= 0; k--) {
    const v = f.order[k]!;
    if (drawn[v]) continue;
    sub[v]! += 1;
    const p = f.parent[v]!;
    if (p === -1) continue;
    if (drawn[p]) hidden[p]! += sub[v]!;
    else sub[p]! += sub[v]!;
  }
  // Extra drivers of each metric (edges from other than its tree parent), to put such metrics last among siblings.
  const extra = new Uint8Array(n);
  for (let v = 0; v < n; v++) for (const { to } of g.out[v]!) if (drawn[v] && drawn[to] && f.parent[to] !== v && f.depth[to] !== 0) extra[to] = 1;
  const children: number[][] = Array.from({ length: n }, () => []);
  for (const v of f.order) {
    const p = f.parent[v]!;
    if (p !== -1 && drawn[v]) children[p]!.push(v);
  }
  for (const list of children) list.sort((a, b) => extra[a]! - extra[b]!);
  // Boxes.
  const boxes = new Map<number, Box>();
  for (const v of f.order) {
    if (!drawn[v]) continue;
    const m = metricOf.get(g.ids[v]!);
    boxes.set(v, box(m ? (bp.blueprint.north_star === m.id ? `★ ${m.name}` : m.name) : g.ids[v]!, g.ids[v]!, m?.kpi ?? false));
  }
  // Guard tags beside their primary.
  const guardsOf = new Map<number, Array<{ guard: string; lines: string[]; w: number; h: number }>>();
  for (const t of bp.constellation.tradeoffs) {
    const p = g.index.get(t.primary);
    if (p === undefined || !drawn[p]) continue;
    const name = metricOf.get(t.guard)?.name ?? t.guard;
    const lines = wrapText(`guard: ${name}`, "regular", GUARD_SIZE, 120);
    const list = guardsOf.get(p) ?? [];
    list.push({ guard: t.guard, lines, w: Math.ceil(Math.max(...lines.map((l) => textWidth(l, "regular", GUARD_SIZE))) + 16), h: lines.length * 14 + 10 });
    guardsOf.set(p, list);
  }
  const nodes: LaidNode[] = [];
  const guards: LaidGuard[] = [];
  const at = new Map<number, LaidNode>();
  const bands: LaidBand[] = [];
  const dimensionOf = new Map<string, string | null>();
  bp.constellation.dimensions.forEach((d) => d.outputs.forEach((o) => dimensionOf.set(o.metric, d.dimension)));
  let x = MARGIN;
  let height = 0;
  const columnRight: number[] = [];
  const collapsed: LaidCollapsed[] = [];
  roots.forEach((root, c) => {
    if (f.column[root] !== c) return;
    // Preorder, iteratively.
    let y = TOP;
    let right = x;
    const stack = [root];
    while (stack.length > 0) {
      const v = stack.pop()!;
      const b = boxes.get(v)!;
      const m = metricOf.get(g.ids[v]!);
      const nx = x + f.depth[v]! * INDENT;
      const node: LaidNode = {
        metric: g.ids[v]!,
        column: c,
        depth: f.depth[v]!,
        x: nx,
        y,
        w: b.w,
        h: b.h,
        nameLines: b.nameLines,
        idLines: b.idLines,
        output: m?.type === "output",
        kpi: m?.kpi ?? false,
        northStar: bp.blueprint.north_star === g.ids[v],
        dimension: m?.dimension ?? m?.dimensions[0] ?? null,
        hidden: hidden[v]!,
      };
      nodes.push(node);
      at.set(v, node);
      right = Math.max(right, nx + b.w);
      let gx = nx + b.w + GUARD_GAP;
      let rowH = b.h;
      for (const t of guardsOf.get(v) ?? []) {
        guards.push({ primary: g.ids[v]!, guard: t.guard, x: gx, y: y + 4, w: t.w, h: t.h, lines: t.lines });
        gx += t.w + 6;
        right = Math.max(right, gx - 6);
        rowH = Math.max(rowH, t.h + 4);
      }
      y += rowH + ROW_GAP;
      if (hidden[v]! > 0) {
        const label = `+${hidden[v]} more beneath`;
        const w = Math.ceil(textWidth(label, "regular", GUARD_SIZE) + 16);
        collapsed.push({ x: nx + INDENT, y, w, h: COLLAPSED_H, count: hidden[v]!, of: g.ids[v]! });
        right = Math.max(right, nx + INDENT + w);
        y += COLLAPSED_H + ROW_GAP;
      }
      const kids = children[v]!;
      for (let k = kids.length - 1; k >= 0; k--) stack.push(kids[k]!);
    }
    height = Math.max(height, y);
    columnRight[c] = right;
    const dim = dimensionOf.has(g.ids[root]!) ? dimensionOf.get(g.ids[root]!)! : "unreached";
    const last = bands[bands.length - 1];
    if (last && last.dimension === dim) bands[bands.length - 1] = { dimension: dim, x: last.x, w: right - last.x };
    else bands.push({ dimension: dim, x, w: right - x });
    x = right + COL_GAP;
  });
  // Edges.
  const edges: LaidEdge[] = [];
  const sideSlots = new Map<number, number>();
  for (let v = 0; v < n; v++) {
    const a = at.get(v);
    if (!a) continue;
    for (const { to, via } of g.out[v]!) {
      const b = at.get(to);
      if (!b) continue;
      if (f.parent[to] === v) {
        const points = [
          { x: a.x + 9, y: a.y + a.h },
          { x: a.x + 9, y: b.y + b.h / 2 },
          { x: b.x, y: b.y + b.h / 2 },
        ];
        edges.push({ from: g.ids[v]!, to: g.ids[to]!, via, kind: "tree", points, d: poly(points) });
      } else if (a.column === b.column) {
        // Same column: down the column's right side.
        const slot = (sideSlots.get(a.column) ?? 0) + 1;
        sideSlots.set(a.column, slot);
        const rx = columnRight[a.column]! + 6 * slot;
        const points = [
          { x: a.x + a.w, y: a.y + a.h / 2 },
          { x: rx, y: a.y + a.h / 2 },
          { x: rx, y: b.y + b.h / 2 },
          { x: b.x + b.w, y: b.y + b.h / 2 },
        ];
        edges.push({ from: g.ids[v]!, to: g.ids[to]!, via, kind: "cross", points, d: poly(points) });
      } else {
        const rightward = b.column > a.column;
        const start = { x: rightward ? a.x + a.w : a.x, y: a.y + a.h / 2 };
        const end = { x: rightward ? b.x : b.x + b.w, y: b.y + b.h / 2 };
        const c = curve(start, end);
        edges.push({ from: g.ids[v]!, to: g.ids[to]!, via, kind: "cross", points: c.points, d: c.d });
      }
    }
  }
  const width = Math.ceil(Math.max(x - COL_GAP + MARGIN + 6 * Math.max(0, ...sideSlots.values()), 200));
  const shown = nodes.length;
  return {
    width,
    height: Math.ceil(height + MARGIN),
    nodes,
    edges,
    guards,
    bands,
    drawn: shown,
    hidden: n - shown,
    crossings: edges.length <= 1500 ? countCrossings(edges) : null,
    collapsed,
  };
}
