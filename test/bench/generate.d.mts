// Types of test/bench/generate.mjs, the benchmark workspace generator.

/** One generated file: a path relative to its folder (pmm/, yaml/ or json/) and its text. */
export interface GeneratedFile {
  path: string;
  text: string;
}

/** Counts describing a generated workspace. */
export interface GenerateStats {
  /** Metric declarations; always exactly the `metrics` asked for. */
  metrics: number;
  /** .pmm files (and YAML and JSON twins): ceil(metrics / 20). */
  files: number;
  /** Distinct KPIs (workstream KPIs; key results and views use only these). */
  kpis: number;
  workstreams: number;
  outputs: number;
  treeRoots: number;
  /** Longest chain of `formula` edges below a tree root. */
  maxDepth: number;
  propertiesPerMetric: number;
}

/** What `generate` returns. */
export interface Generated {
  /** The .pmm workspace. */
  files: GeneratedFile[];
  /** One YAML document per .pmm file, same content. */
  yaml: GeneratedFile[];
  /** The same documents as JSON. */
  json: GeneratedFile[];
  /** A draft-07 JSON Schema for the YAML/JSON documents (compile with `new Ajv()`). */
  jsonSchema: Record<string, unknown>;
  stats: GenerateStats;
}

/** Smallest `metrics` the generator accepts. */
export declare const MIN_METRICS: number;

/** Generates a workspace of `metrics` metrics (default 10,000), deterministic for `seed` (default 1). */
export declare function generate(options?: { metrics?: number; seed?: number }): Generated;
