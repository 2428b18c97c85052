// Smoke test of the benchmark (test/bench/run.mjs): it runs end to end at a
// small size and its --json line carries every figure. Not a performance test:
// no figure is compared with a target here.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const KEYS = ["metrics", "files", "pmm_check_ms", "yaml_ajv_ms", "json_ajv_ms", "spectral_ms", "incremental_ms", "edit_2k_ms", "peak_heap_mb", "scale_ratio", "cold_start_ratio"];

describe("bench --metrics 400 --json", () => {
  it("prints a table and a last line of JSON with every key", () => {
    const r = spawnSync(process.execPath, [join(ROOT, "test/bench/run.mjs"), "--metrics", "400", "--iterations", "2", "--warmup", "1", "--json"], {
      cwd: ROOT,
      encoding: "utf8",
      timeout: 240_000,
    });
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^pmm bench: 400 metrics in 20 files/);
    expect(r.stdout).toContain("yaml + ajv");
    const last = JSON.parse(lines[lines.length - 1]!) as Record<string, unknown>;
    expect(Object.keys(last)).toEqual(KEYS);
    expect(last.metrics).toBe(400);
    expect(last.files).toBe(20);
    for (const k of KEYS) {
      expect(typeof last[k], k).toBe("number");
      expect(Number.isFinite(last[k]), k).toBe(true);
      expect(last[k] as number, k).toBeGreaterThan(0);
    }
  }, 240_000);
});
