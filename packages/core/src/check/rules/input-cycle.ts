import type { MetricModel } from "../../workspace/program.js";
import { namesIn } from "../../workspace/values.js";
import { defineRule } from "../rule.js";

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
    const p = ctx.program;
    const edges = new Map<MetricModel, MetricModel[]>();
    for (const m of p.metrics.values()) {
      const next = new Set<MetricModel>(m.inputs);
      for (const n of namesIn(m.formula)) {
        const t = p.metric(n.name);
        if (t) next.add(t);
      }
      edges.set(m, [...next]);
    }
    // Tarjan's strongly connected components, iterative (deep trees must not overflow the stack).
    const index = new Map<MetricModel, number>();
    const low = new Map<MetricModel, number>();
    const onStack = new Set<MetricModel>();
    const stack: MetricModel[] = [];
    let counter = 0;
    const components: MetricModel[][] = [];
    for (const root of p.metrics.values()) {
      if (index.has(root)) continue;
      const work: Array<{ node: MetricModel; i: number }> = [{ node: root, i: 0 }];
      index.set(root, counter);
      low.set(root, counter++);
      stack.push(root);
      onStack.add(root);
      while (work.length) {
        const top = work[work.length - 1]!;
        const out = edges.get(top.node)!;
        if (top.i < out.length) {
          const w = out[top.i++]!;
          if (!index.has(w)) {
            index.set(w, counter);
            low.set(w, counter++);
            stack.push(w);
            onStack.add(w);
            work.push({ node: w, i: 0 });
          } else if (onStack.has(w)) low.set(top.node, Math.min(low.get(top.node)!, index.get(w)!));
          continue;
        }
        work.pop();
        if (work.length) {
          const parent = work[work.length - 1]!.node;
          low.set(parent, Math.min(low.get(parent)!, low.get(top.node)!));
        }
        if (low.get(top.node) === index.get(top.node)) {
          const comp: MetricModel[] = [];
          let w: MetricModel;
          do {
            w = stack.pop()!;
            onStack.delete(w);
            comp.push(w);
          } while (w !== top.node);
          if (comp.length > 1 || edges.get(comp[0]!)!.includes(comp[0]!)) components.push(comp);
        }
      }
    }
    const order = new Map<MetricModel, number>();
    [...p.metrics.values()].forEach((m, i) => order.set(m, i));
    for (const comp of components) {
      const members = new Set(comp);
      const start = comp.reduce((a, b) => (order.get(a)! <= order.get(b)! ? a : b));
      // walk one cycle from start, inside the component, by BFS back to start
      const path = shortestCycle(start, members, edges);
      ctx.report({ decl: start.decl, messageId: "cycle", data: { id: start.id, path: path.map((m) => m.id).join(" → ") } });
    }
  },
});

function shortestCycle(start: MetricModel, members: Set<MetricModel>, edges: Map<MetricModel, MetricModel[]>): MetricModel[] {
  const prev = new Map<MetricModel, MetricModel>();
  const queue: MetricModel[] = [start];
  for (let qi = 0; qi < queue.length; qi++) {
    const node = queue[qi]!;
    for (const w of edges.get(node)!) {
      if (!members.has(w)) continue;
      if (w === start) {
        const path = [start];
        for (let n: MetricModel | undefined = node; n && n !== start; n = prev.get(n)) path.splice(1, 0, n);
        path.push(start);
        return path;
      }
      if (!prev.has(w)) {
        prev.set(w, node);
        queue.push(w);
      }
    }
  }
  return [start, start];
}
