import { distance } from "fastest-levenshtein";

/** The closest candidate within edit distance `max` (ties: the first in sorted order), for did-you-mean. */
export function closest(name: string, candidates: Iterable<string>, max = 2): string | undefined {
  let best: string | undefined;
  let bestD = max + 1;
  const lower = name.toLowerCase();
  for (const c of candidates) {
    if (c === name) continue;
    // cheap length filter before the distance
    if (Math.abs(c.length - name.length) > max) continue;
    const d = distance(lower, c.toLowerCase());
    if (d < bestD || (d === bestD && best !== undefined && c < best)) {
      best = c;
      bestD = d;
    }
  }
  return bestD <= max ? best : undefined;
}
