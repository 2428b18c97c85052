import type { Declaration } from "@pmm/core";

/** The index of the last declaration starting at or before an offset (binary search; declarations are in file order), or -1. */
export function declIndexAt(decls: readonly Declaration[], offset: number): number {
  let lo = 0;
  let hi = decls.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (decls[mid]!.span.start <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
