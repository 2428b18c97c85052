import { json } from "./json.js";
import { pretty } from "./pretty.js";
import type { Reporter } from "./types.js";

/** Output formats of `pmm check`, by name. */
export const REPORTERS: ReadonlyMap<string, Reporter> = new Map<string, Reporter>([
  ["json", json],
  ["pretty", pretty],
]);
