// The scaling suite (its own vitest project, `scaling`): every adversarial
// shape of shapes.mjs at n and 10n; time and peak memory may grow at most
// MAX_GROWTH× (linear is 10×, quadratic 100×). Bounds are generous on
// purpose: the suite catches super-linear paths, not slow machines.
import { describe, expect, it } from "vitest";
import { MAX_GROWTH, measure } from "./harness.js";
import { SHAPES } from "./shapes.mjs";

describe("scaling: n → 10n grows time and memory at most 12×", () => {
  for (const shape of SHAPES) {
    it(`${shape.name} (n = ${shape.n.toLocaleString("en-US")} → ${(10 * shape.n).toLocaleString("en-US")})`, () => {
      const g = measure(shape.name, shape.n);
      const detail = `${shape.name}: ${g.ms[0].toFixed(0)} → ${g.ms[1].toFixed(0)} ms (${g.timeRatio.toFixed(1)}×), peak RSS +${(g.rssKiB[0] / 1024).toFixed(0)} → +${(g.rssKiB[1] / 1024).toFixed(0)} MiB (${g.memoryRatio.toFixed(1)}×)`;
      console.log(detail);
      expect(g.timeRatio, detail).toBeLessThanOrEqual(MAX_GROWTH);
      expect(g.memoryRatio, detail).toBeLessThanOrEqual(MAX_GROWTH);
    });
  }
});
