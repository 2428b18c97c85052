// The scaling suite's harness: a shape (shapes.mjs) measured at n and 10n, each
// measurement in its own child process (child.mjs), so one shape's garbage and
// JIT state never reach another and peak memory is the run's own.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const CHILD = fileURLToPath(new URL("./child.mjs", import.meta.url));

/** Growth allowed from n to 10n: linear is 10×, n log n a little more; quadratic would be 100×. */
export const MAX_GROWTH = 12;
/** Runs timed per size (after one warm-up run); the median counts. */
export const RUNS = 3;
/**
 * Peak memory below this counts as this much: growth of a few MiB on a small
 * input is noise (allocator pages, JIT code), not the input's cost.
 */
export const MEMORY_FLOOR_KIB = 32 * 1024;

/** A child that takes longer than this is killed and its row fails (a super-linear shape must not hang the suite). */
const CHILD_TIMEOUT_MS = 120_000;

function child(shape: string, n: number, mode: "time" | "memory"): Record<string, unknown> {
  const r = spawnSync(process.execPath, ["--expose-gc", "--max-old-space-size=2048", CHILD, shape, String(n), mode, String(RUNS)], {
    encoding: "utf8",
    maxBuffer: 1 << 20,
    timeout: CHILD_TIMEOUT_MS,
  });
  if (r.status !== 0) throw new Error(`scaling child for "${shape}" at n=${n} (${mode}) failed with ${r.status ?? r.signal}:\n${r.stderr.slice(-2000)}`);
  return JSON.parse(r.stdout.trim().split("\n").pop()!) as Record<string, unknown>;
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1]!;
}

/** What one shape did at n and 10n. */
export interface Growth {
  readonly ms: readonly [number, number];
  readonly rssKiB: readonly [number, number];
  readonly timeRatio: number;
  readonly memoryRatio: number;
}

/** Times (median of RUNS after a warm-up) and peak-memory growth of one shape at n and 10n. */
export function measure(shape: string, n: number): Growth {
  const small = median(child(shape, n, "time")["ms"] as number[]);
  const large = median(child(shape, 10 * n, "time")["ms"] as number[]);
  const memSmall = child(shape, n, "memory")["rssKiB"] as number;
  const memLarge = child(shape, 10 * n, "memory")["rssKiB"] as number;
  return {
    ms: [small, large],
    rssKiB: [memSmall, memLarge],
    timeRatio: large / Math.max(small, 1),
    memoryRatio: Math.max(memLarge, MEMORY_FLOOR_KIB) / Math.max(memSmall, MEMORY_FLOOR_KIB),
  };
}
