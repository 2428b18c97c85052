/**
 * Did-you-mean: the closest candidate within a small edit distance.
 *
 * The answer is the candidate `c` (never `name` itself) that minimises the
 * Levenshtein distance between the lower-cased `name` and `c` (UTF-16 code
 * units), provided the distance is at most `max` and the lengths of `name` and
 * `c` differ by at most `max`; ties go to the first in sorted order.
 *
 * Trying every candidate for every unknown name is quadratic (10,000 unknown
 * names against 10,000 ids took 9.6 s). A `Suggester` sorts the lower-cased
 * candidates once; the sorted array is an implicit trie (a prefix is a range of
 * it, a child a sub-range found by binary search), and a lookup walks only the
 * prefixes within `max` edits of a prefix of the name, keeping one band of
 * 2·max + 1 cells of the edit-distance table per prefix. The prefixes visited
 * are bounded by the neighbourhood of the name, not by the number of
 * candidates, so a lookup costs about O(|name| · neighbourhood · log n).
 */
export class Suggester {
  /** Distinct lower-cased candidates, sorted by code unit. */
  private readonly keys: string[];
  /** The original spellings of each lower-cased candidate. */
  private readonly originals = new Map<string, string[]>();

  constructor(
    candidates: Iterable<string>,
    private readonly max = 2,
  ) {
    for (const c of candidates) {
      const lower = c.toLowerCase();
      const list = this.originals.get(lower);
      if (list) list.push(c);
      else this.originals.set(lower, [c]);
    }
    this.keys = [...this.originals.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }

  /** The closest candidate to `name`, or undefined. */
  closest(name: string): string | undefined {
    const max = this.max;
    let best: string | undefined;
    let bestD = max + 1;
    for (const [lower, d] of this.within(name.toLowerCase())) {
      for (const c of this.originals.get(lower)!) {
        if (c === name || Math.abs(c.length - name.length) > max) continue;
        if (d < bestD || (d === bestD && best !== undefined && c < best)) {
          best = c;
          bestD = d;
        }
      }
    }
    return best;
  }

  /** Every lower-cased candidate within `max` edits of `q`, with its distance. */
  private within(q: string): Array<[string, number]> {
    const k = this.max;
    const width = 2 * k + 1;
    const inf = k + 1;
    const keys = this.keys;
    const out: Array<[string, number]> = [];
    if (keys.length === 0) return out;
    // Band of row i: cell t is the distance between a prefix of length i and q[0, i − k + t).
    const root = new Int32Array(width).fill(inf);
    for (let j = 0; j <= Math.min(k, q.length); j++) root[j + k] = j;
    const stack: Array<{ lo: number; hi: number; depth: number; band: Int32Array }> = [{ lo: 0, hi: keys.length, depth: 0, band: root }];
    while (stack.length > 0) {
      const { lo, hi, depth, band } = stack.pop()!;
      let from = lo;
      // The candidate equal to the prefix sorts first in its range.
      if (keys[lo]!.length === depth) {
        const t = q.length - depth + k;
        if (t >= 0 && t < width && band[t]! <= k) out.push([keys[lo]!, band[t]!]);
        from = lo + 1;
      }
      if (depth >= q.length + k) continue;
      while (from < hi) {
        const ch = keys[from]!.charCodeAt(depth);
        // First index in [from, hi) whose character at `depth` is after `ch`.
        let a = from + 1;
        let b = hi;
        while (a < b) {
          const m = (a + b) >>> 1;
          if (keys[m]!.charCodeAt(depth) <= ch) a = m + 1;
          else b = m;
        }
        const next = new Int32Array(width);
        const i = depth + 1;
        let least = inf;
        for (let t = 0; t < width; t++) {
          const j = i - k + t;
          let v = inf;
          if (j >= 0 && j <= q.length) {
            if (t + 1 < width) v = Math.min(v, band[t + 1]! + 1);
            if (t > 0) v = Math.min(v, next[t - 1]! + 1);
            if (j > 0) v = Math.min(v, band[t]! + (q.charCodeAt(j - 1) === ch ? 0 : 1));
            if (v > inf) v = inf;
          }
          next[t] = v;
          if (v < least) least = v;
        }
        if (least <= k) stack.push({ lo: from, hi: a, depth: i, band: next });
        from = a;
      }
    }
    return out;
  }
}

/** The closest of `candidates` to `name` (see `Suggester`); for a one-off lookup. */
export function closest(name: string, candidates: Iterable<string>, max = 2): string | undefined {
  return new Suggester(candidates, max).closest(name);
}
