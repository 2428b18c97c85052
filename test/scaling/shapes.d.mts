// Types of test/scaling/shapes.mjs, the rows of the scaling suite.

/** One adversarial shape: an input of size n built outside the measurement, and the work that must stay linear. */
export interface Shape {
  readonly name: string;
  /** The small size; the large one is 10n. */
  readonly n: number;
  setup(n: number, tmp: string): unknown;
  run(state: unknown): unknown;
}

export declare const SHAPES: readonly Shape[];
