import { github } from "./github.js";
import { json } from "./json.js";
import { junit } from "./junit.js";
import { pretty } from "./pretty.js";
import { sarif } from "./sarif.js";
import type { Reporter } from "./types.js";

/** Output formats of `pmm check`, by name (sorted). */
export const REPORTERS: ReadonlyMap<string, Reporter> = new Map<string, Reporter>([
  ["github", github],
  ["json", json],
  ["junit", junit],
  ["pretty", pretty],
  ["sarif", sarif],
]);
