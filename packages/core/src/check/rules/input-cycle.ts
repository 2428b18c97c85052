import { namesIn } from "../../workspace/values.js";
import { defineRule } from "../rule.js";

/**
 * The `inputs` and `formula` edges of every metric as slots of the metric
 * table, in compressed rows: the targets of metric `i` are
 * `targets[start[i]] … targets[start[i + 1] - 1]`, its `inputs` first, then
 * the names of its formula, each once.
 */
interface Graph {
  readonly start: Int32Array;
  readonly targets: Int32Array;
}

/** `input-cycle`: metrics reach themselves through `inputs` or `formula`; prints the cycle. */
export default defineRule({
  id: "input-cycle",
  meta: {
    severity: "error",
    seed: "the metric constellation is a tree of outputs and inputs",
    description: "metrics reach themselves through `inputs` or `formula`",
    messages: { cycle: "`{{id}}` reaches itself: {{path}}; break the cycle" },
  },
  check(ctx) {
    const t = ctx.program.store;
    const n = t.metrics.length;
    const inputs = t.inputs();
    const formulas = t.formula();
    const start = new Int32Array(n + 1);
    const targets: number[] = [];
    // seen[j] === i: metric i already has an edge to j.
    const seen = new Int32Array(n).fill(-1);
    const add = (i: number, j: number): void => {
      if (seen[j] === i) return;
      seen[j] = i;
      targets.push(j);
    };
    for (let i = 0; i < n; i++) {
      start[i] = targets.length;
      for (const j of inputs[i]!) add(i, j);
      const formula = formulas[i];
      if (formula) {
        for (const name of namesIn(formula)) {
          const j = t.slotOf(name.name);
          if (j !== undefined) add(i, j);
        }
      }
    }
    start[n] = targets.length;
    const g: Graph = { start, targets: Int32Array.from(targets) };

    // Tarjan's strongly connected components, iterative (deep trees must not overflow the stack).
    const index = new Int32Array(n).fill(-1);
    const low = new Int32Array(n);
    const onStack = new Uint8Array(n);
    const stack = new Int32Array(n);
    let sp = 0;
    // The depth-first path: a node and the position of its next edge.
    const workNode = new Int32Array(n);
    const workEdge = new Int32Array(n);
    let counter = 0;
    const components: number[][] = [];
    for (let root = 0; root < n; root++) {
      if (index[root] !== -1) continue;
      let depth = 0;
      workNode[0] = root;
      workEdge[0] = g.start[root]!;
      index[root] = low[root] = counter++;
      stack[sp++] = root;
      onStack[root] = 1;
      while (depth >= 0) {
        const v = workNode[depth]!;
        if (workEdge[depth]! < g.start[v + 1]!) {
          const w = g.targets[workEdge[depth]++]!;
          if (index[w] === -1) {
            index[w] = low[w] = counter++;
            stack[sp++] = w;
            onStack[w] = 1;
            depth++;
            workNode[depth] = w;
            workEdge[depth] = g.start[w]!;
          } else if (onStack[w]) low[v] = Math.min(low[v]!, index[w]!);
          continue;
        }
        depth--;
        if (depth >= 0) {
          const parent = workNode[depth]!;
          low[parent] = Math.min(low[parent]!, low[v]!);
        }
        if (low[v] === index[v]) {
          const comp: number[] = [];
          let w: number;
          do {
            w = stack[--sp]!;
            onStack[w] = 0;
            comp.push(w);
          } while (w !== v);
          if (comp.length > 1 || hasEdge(g, v, v)) components.push(comp);
        }
      }
    }
    if (components.length === 0) return;

    // Component membership and the BFS predecessors, shared by every component (each BFS clears what it set).
    const member = new Int32Array(n).fill(-1);
    const prev = new Int32Array(n).fill(-1);
    components.forEach((comp, c) => {
      for (const v of comp) member[v] = c;
    });
    components.forEach((comp, c) => {
      // Report on the member declared first; walk one shortest cycle back to it.
      const first = comp.reduce((a, b) => Math.min(a, b));
      const m = t.metrics[first]!;
      const path = shortestCycle(g, first, (w) => member[w] === c, prev).map((i) => t.metrics[i]!.id);
      ctx.report({ decl: m.decl, messageId: "cycle", data: { id: m.id, path: path.join(" → ") } });
    });
  },
});

function hasEdge(g: Graph, from: number, to: number): boolean {
  for (let e = g.start[from]!; e < g.start[from + 1]!; e++) if (g.targets[e] === to) return true;
  return false;
}

/** The shortest path from `first` back to itself inside a component (breadth first, edges in order). */
function shortestCycle(g: Graph, first: number, inside: (w: number) => boolean, prev: Int32Array): number[] {
  const queue: number[] = [first];
  try {
    for (let qi = 0; qi < queue.length; qi++) {
      const node = queue[qi]!;
      for (let e = g.start[node]!; e < g.start[node + 1]!; e++) {
        const w = g.targets[e]!;
        if (!inside(w)) continue;
        if (w === first) {
          const path = [first];
          for (let x = node; x !== first && x !== -1; x = prev[x]!) path.splice(1, 0, x);
          path.push(first);
          return path;
        }
        if (prev[w] === -1) {
          prev[w] = node;
          queue.push(w);
        }
      }
    }
    return [first, first];
  } finally {
    for (const v of queue) prev[v] = -1;
  }
}
