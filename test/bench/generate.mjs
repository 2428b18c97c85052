#!/usr/bin/env node
// Benchmark workspace generator: a synthetic .pmm workspace that looks like a
// real one scaled up (N metrics in about N/20 files), valid under every rule
// (docs/rules/) on --today 2026-11-23, plus the same content as YAML and as JSON and
// a JSON Schema for those twins (the "just use YAML and a JSON Schema" contender).
//
//   import { generate } from "./generate.mjs";
//   const { files, yaml, json, jsonSchema, stats } = generate({ metrics: 10000, seed: 1 });
//
//   node test/bench/generate.mjs --metrics 10000 --seed 1 --out /tmp/ws
//     writes /tmp/ws/pmm/*.pmm, /tmp/ws/yaml/*.yaml, /tmp/ws/json/*.json, /tmp/ws/schema.json
//
// Plain Node ESM, no dependencies, deterministic for a given seed.

import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** Metrics per file. */
const PER_FILE = 20;
/** Smallest workspace the generator can lay out (fixed KPIs and declarations need three files). */
export const MIN_METRICS = 60;

// ---------------------------------------------------------------------------
// PRNG (mulberry32): small, fast, deterministic.

function prng(seed) {
  let a = seed >>> 0 || 0x9e3779b9;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (arr) => arr[Math.floor(next() * arr.length)],
    chance: (p) => next() < p,
  };
}

// ---------------------------------------------------------------------------
// Values: every property is [key, pmm text, JSON value].

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

function pmmString(s) {
  return `"${s.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

function groupInt(n) {
  const s = String(n);
  if (n < 10000) return s;
  return s.replace(/\B(?=(\d{3})+(?!\d))/g, "_");
}

function money(v) {
  if (v >= 1e6 && v % 1e4 === 0) return `$${v / 1e6}M`;
  if (v >= 1e3 && v % 10 === 0) return `$${v / 1e3}k`;
  return `$${v}`;
}

/** A metric value in pmm text: `v` is in the JSON unit (percent points, USD, days, plain numbers). */
function fmtValue(unit, v) {
  switch (unit) {
    case "percent":
      return `${v}%`;
    case "currency":
      return money(v);
    case "count":
      return groupInt(v);
    case "score":
      return String(v);
    case "ratio":
      return `${v}x`;
    case "duration":
      return v >= 60 && v % 30 === 0 ? `${v / 30}mo` : `${v}d`;
    default:
      throw new Error(`unknown unit ${unit}`);
  }
}

const P = {
  ref: (k, id) => [k, id, id],
  word: (k, w) => [k, w, w],
  str: (k, s) => [k, pmmString(s), s],
  int: (k, n) => [k, String(n), n],
  raw: (k, text, json) => [k, text, json],
  refs: (k, ids) => [k, `[${ids.join(", ")}]`, ids.slice()],
  strs: (k, ss) => [k, `[${ss.map(pmmString).join(", ")}]`, ss.slice()],
  baseline: (unit, v, from, over) => ["baseline", `${fmtValue(unit, v)} from ${from} over ${over}`, { value: v, unit, from, over }],
  target: (unit, v, by) => ["target", `${fmtValue(unit, v)} by ${by}`, { value: v, unit, by }],
  formula: (ids) => ["formula", ids.join(" + "), ids.join(" + ")],
};

/** One declaration: kind, id, display name, doc comment, properties, members, and layout. */
function decl(kind, id, name, props, extra = {}) {
  return { kind, id, name, props, doc: extra.doc, members: extra.members, inline: extra.inline ?? false, json: extra.json };
}

function renderDecl(d) {
  const head = d.name === undefined ? `${d.kind} ${d.id}` : `${d.kind} ${d.id} ${pmmString(d.name)}`;
  let out = d.doc ? `## ${d.doc}\n` : "";
  if (d.inline) {
    out += `${head} { ${d.props.map(([k, t]) => `${k}: ${t}`).join("  ")} }\n`;
    return out;
  }
  out += `${head} {\n`;
  for (const [k, t] of d.props) out += `  ${k}: ${t}\n`;
  for (const m of d.members ?? []) out += `  ${m.text}\n`;
  out += "}\n";
  return out;
}

function declJson(d) {
  if (d.json) return d.json;
  const o = { id: d.id };
  if (d.name !== undefined) o.name = d.name;
  if (d.doc) o.doc = d.doc;
  for (const [k, , j] of d.props) o[k] = j;
  return o;
}

// ---------------------------------------------------------------------------
// Minimal YAML emitter for the twin (block mappings, flow lists of scalars,
// flow mappings for small value objects). Strings that are not plain ids are
// written JSON-quoted, which is valid YAML.

const YAML_WORDS = new Set(["true", "false", "null", "yes", "no", "on", "off", "y", "n", "~"]);

function yScalar(v) {
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (typeof v === "string" && IDENT.test(v) && !YAML_WORDS.has(v.toLowerCase())) return v;
  return JSON.stringify(v);
}

function isScalar(v) {
  return v === null || typeof v !== "object";
}

function yFlow(v) {
  if (isScalar(v)) return yScalar(v);
  if (Array.isArray(v)) return `[${v.map(yFlow).join(", ")}]`;
  return `{ ${Object.entries(v)
    .map(([k, x]) => `${k}: ${yFlow(x)}`)
    .join(", ")} }`;
}

function isFlat(v) {
  if (isScalar(v)) return true;
  if (Array.isArray(v)) return v.every(isScalar);
  return Object.values(v).every(isScalar);
}

/** A block mapping; `first` prefixes its first line (e.g. "  - "), `rest` the others. */
function yMap(obj, first, rest) {
  let out = "";
  let pad = first;
  for (const [k, v] of Object.entries(obj)) {
    if (isFlat(v)) out += `${pad}${k}: ${yFlow(v)}\n`;
    else if (Array.isArray(v)) {
      out += `${pad}${k}:\n`;
      for (const item of v) out += yMap(item, `${rest}  - `, `${rest}    `);
    } else out += `${pad}${k}:\n${yMap(v, `${rest}  `, `${rest}  `)}`;
    pad = rest;
  }
  return out;
}

/** The YAML text of one document. */
function toYaml(doc) {
  return yMap(doc, "", "");
}

/** The JSON text of one document: one key per line, one array item per line. */
function toJson(doc) {
  const parts = Object.entries(doc).map(([k, v]) =>
    Array.isArray(v) ? `  ${JSON.stringify(k)}: [\n${v.map((x) => `    ${JSON.stringify(x)}`).join(",\n")}\n  ]` : `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`,
  );
  return `{\n${parts.join(",\n")}\n}\n`;
}

// ---------------------------------------------------------------------------
// The fixed part of the workspace: teams, sources, the 40 KPIs, OKRs, reports.

const TODAY_NOTE = "2026-11-23";

const TEAMS = [
  ["pmm", "Product Marketing", "pmm"],
  ["sales", "Sales", "sales"],
  ["product", "Product", "product"],
  ["finance", "Finance", "finance"],
  ["leadership", "Leadership", "exec"],
  ["success", "Customer Success", "success"],
  ["marketing", "Demand Marketing", "marketing"],
];

const SOURCES = [
  ["salesforce", "Salesforce", "crm", "sales"],
  ["amplitude", "Amplitude", "product_analytics", "product"],
  ["google_analytics", "Google Analytics 4", "web_analytics", "marketing"],
  ["linkedin_ads", "LinkedIn Ads", "ad_platform", "marketing"],
  ["qualtrics", "Qualtrics", "survey", "pmm"],
  ["highspot", "Highspot", "pmm_tool", "pmm"],
  ["warehouse", "Snowflake", "warehouse", "finance"],
];

/** Workstreams: id, display name, owner, deliverables. Every one has 5–6 KPIs (rule: 3–7). */
const WORKSTREAMS = [
  ["revenue_outcomes", "Revenue outcomes", "finance", []],
  ["product_adoption", "Product adoption", "product", ["launch"]],
  ["pipeline_generation", "Pipeline generation", "marketing", ["campaign"]],
  ["sales_enablement", "Sales enablement", "pmm", ["enablement", "competitive_intel"]],
  ["customer_value", "Customer value", "success", ["messaging"]],
  ["positioning", "Positioning and brand", "pmm", ["messaging", "launch"]],
  ["pricing_packaging", "Pricing and packaging", "pmm", ["messaging"]],
];

// KPI table. Values are in JSON units: percent points, USD, days, plain numbers.
// Fields: id, name, workstream, type, unit, direction, owner, source, traces,
// dimension (outputs) | feeds (inputs: the output whose `inputs` lists it),
// baseline, target, horizon, definition, levers (inputs), aliases, phase,
// tree (count/currency inputs that sum a deep breakdown tree), doc.
const KPIS = [
  // Revenue outcomes
  {
    id: "net_revenue_retention",
    name: "Net revenue retention",
    ws: "revenue_outcomes",
    type: "output",
    dimension: "retention",
    unit: "percent",
    direction: "up",
    owner: "finance",
    source: "salesforce",
    traces: "revenue",
    base: 102,
    target: 108,
    horizon: "long",
    aliases: ["NRR"],
    phase: ["grow", "monthly"],
    def: "(start ARR + expansion - contraction - churned ARR) / start ARR, trailing 12 months",
    doc: "Share of revenue kept from customers a year ago, expansion included.",
  },
  {
    id: "gross_margin",
    name: "Gross margin",
    ws: "revenue_outcomes",
    type: "output",
    dimension: "monetization",
    unit: "percent",
    direction: "up",
    owner: "finance",
    source: "warehouse",
    traces: "revenue",
    base: 71,
    target: 74,
    horizon: "long",
    aliases: ["GM"],
    phase: ["monthly"],
    def: "Revenue minus cost of revenue (hosting, support, onboarding services) as a share of revenue, trailing quarter",
    doc: "What each dollar of revenue leaves after the cost of serving it.",
  },
  {
    id: "new_logo_arr",
    name: "New-logo ARR",
    ws: "revenue_outcomes",
    type: "output",
    dimension: "monetization",
    unit: "currency",
    direction: "up",
    owner: "sales",
    source: "salesforce",
    traces: "revenue",
    base: 4_200_000,
    target: 5_600_000,
    horizon: "short",
    aliases: ["new business ARR"],
    phase: ["grow", "monthly"],
    def: "Annual recurring revenue of first contracts with new customers signed in the period",
    doc: "Recurring revenue won from customers who had no contract before.",
  },
  {
    id: "cac_payback",
    name: "CAC payback",
    ws: "revenue_outcomes",
    type: "output",
    dimension: "monetization",
    unit: "duration",
    direction: "down",
    owner: "finance",
    source: "warehouse",
    traces: "revenue",
    base: 480,
    target: 360,
    horizon: "short",
    aliases: ["payback period"],
    phase: ["monthly"],
    def: "Months of gross-margin-adjusted new ARR needed to recover the sales and marketing spend of the period",
    doc: "How long new business takes to pay back what it cost to win.",
  },
  {
    id: "expansion_arr",
    name: "Expansion ARR",
    ws: "revenue_outcomes",
    type: "output",
    dimension: "monetization",
    unit: "currency",
    direction: "up",
    owner: "success",
    source: "salesforce",
    traces: "revenue",
    base: 2_100_000,
    target: 2_900_000,
    horizon: "short",
    aliases: ["upsell ARR"],
    phase: ["grow"],
    def: "ARR added by existing customers through seats, plan upgrades and add-ons in the period",
    doc: "Recurring revenue added by customers who already pay.",
  },
  {
    id: "logo_churn",
    name: "Logo churn",
    ws: "revenue_outcomes",
    type: "output",
    dimension: "retention",
    unit: "percent",
    direction: "down",
    owner: "success",
    source: "salesforce",
    traces: "revenue",
    base: 9,
    target: 7,
    horizon: "long",
    aliases: ["customer churn"],
    phase: ["grow", "monthly"],
    def: "Share of customers at the start of the period whose contracts ended without renewal by its end",
    doc: "Customers lost, counted by account rather than by revenue.",
  },
  // Product adoption
  {
    id: "weekly_active_accounts",
    name: "Weekly active accounts",
    ws: "product_adoption",
    type: "output",
    dimension: "engagement",
    unit: "count",
    direction: "up",
    owner: "product",
    source: "amplitude",
    traces: "customer_value",
    base: 3_400,
    target: 4_200,
    horizon: "short",
    aliases: ["WAA"],
    phase: ["grow"],
    def: "Paying accounts with at least three members completing a core workflow in the ISO week",
    doc: "Paying accounts that get real work done every week.",
  },
  {
    id: "time_to_value",
    name: "Time to value",
    ws: "product_adoption",
    type: "output",
    dimension: "engagement",
    unit: "duration",
    direction: "down",
    owner: "product",
    source: "amplitude",
    traces: "customer_value",
    base: 14,
    target: 9,
    horizon: "short",
    aliases: ["TTV"],
    phase: ["get_set", "grow"],
    def: "Median days from contract start to the first completed core workflow in the account",
    doc: "How fast a new account reaches its first real result.",
  },
  {
    id: "activated_workspaces",
    name: "Activated workspaces",
    ws: "product_adoption",
    type: "input",
    feeds: "weekly_active_accounts",
    unit: "count",
    direction: "up",
    owner: "product",
    source: "amplitude",
    traces: "customer_value",
    base: 620,
    target: 780,
    horizon: "short",
    levers: ["onboarding checklist", "in-app activation prompts"],
    phase: ["get_set", "grow"],
    def: "Workspaces that completed setup and ran a first core workflow within 14 days of creation",
    tree: {
      stem: "activations",
      noun: "Activated workspaces",
      rule: "counted on the day it activates",
      model: "fct_activation",
      facets: ["region", "product", "segment", "plan", "industry", "persona", "cohort", "channel"],
    },
  },
  {
    id: "integrations_connected",
    name: "Integrations connected",
    ws: "product_adoption",
    type: "input",
    feeds: "weekly_active_accounts",
    unit: "count",
    direction: "up",
    owner: "product",
    source: "amplitude",
    traces: "customer_value",
    base: 1_850,
    target: 2_400,
    horizon: "short",
    levers: ["integration marketplace listing", "setup guides per CRM"],
    phase: ["grow"],
    def: "Live third-party integrations that synced data at least once in the last 7 days",
    tree: {
      stem: "integrations",
      noun: "Integrations connected",
      rule: "live integrations that synced this week",
      model: "fct_integrations",
      facets: ["product", "region", "segment", "industry", "plan", "persona", "cohort", "channel"],
    },
  },
  {
    id: "assistant_weekly_accounts",
    name: "AI assistant weekly accounts",
    ws: "product_adoption",
    type: "input",
    feeds: "weekly_active_accounts",
    unit: "count",
    direction: "up",
    owner: "product",
    source: "amplitude",
    traces: "customer_value",
    base: 410,
    target: 900,
    horizon: "short",
    levers: ["assistant launch campaign", "in-product assistant tours"],
    phase: ["get_set", "grow"],
    def: "Accounts where at least one member accepted an AI assistant suggestion in the ISO week",
    aliases: ["assistant WAA"],
    tree: {
      stem: "assistant_accounts",
      noun: "AI assistant weekly accounts",
      rule: "counted once per account per week",
      model: "fct_assistant",
      facets: ["region", "segment", "industry", "persona", "plan", "cohort", "channel", "product"],
    },
  },
  {
    id: "onboarding_completion",
    name: "Onboarding completion",
    ws: "product_adoption",
    type: "input",
    feeds: "time_to_value",
    unit: "percent",
    direction: "up",
    owner: "success",
    source: "amplitude",
    traces: "customer_value",
    base: 58,
    target: 70,
    horizon: "short",
    levers: ["guided onboarding calls", "onboarding email sequence"],
    phase: ["get_set"],
    def: "Share of new accounts that finished every onboarding step within 30 days of contract start",
  },
  // Pipeline generation
  {
    id: "marketing_sourced_pipeline",
    name: "Marketing-sourced pipeline",
    ws: "pipeline_generation",
    type: "input",
    feeds: "new_logo_arr",
    unit: "currency",
    direction: "up",
    owner: "marketing",
    source: "salesforce",
    traces: "pipeline",
    base: 9_500_000,
    target: 12_000_000,
    horizon: "short",
    levers: ["campaign mix", "paid search budget"],
    phase: ["grow", "monthly"],
    aliases: ["MSP"],
    def: "Value of sales-accepted opportunities whose first touch was a marketing program, created in the period",
    tree: {
      stem: "mktg_pipeline",
      noun: "Marketing-sourced pipeline",
      rule: "valued when sales accepts it",
      model: "fct_pipeline",
      facets: ["region", "segment", "channel", "industry", "product", "persona", "cohort", "plan"],
    },
  },
  {
    id: "qualified_opportunities",
    name: "Sales-qualified opportunities",
    ws: "pipeline_generation",
    type: "input",
    feeds: "new_logo_arr",
    unit: "count",
    direction: "up",
    owner: "sales",
    source: "salesforce",
    traces: "pipeline",
    base: 540,
    target: 680,
    horizon: "short",
    levers: ["discovery call script", "qualification criteria training"],
    phase: ["grow"],
    aliases: ["SQOs"],
    def: "Opportunities that passed the qualification checklist and reached stage 2 in the period",
    tree: {
      stem: "sqos",
      noun: "Sales-qualified opportunities",
      rule: "counted on reaching stage 2",
      model: "fct_opportunities",
      facets: ["region", "segment", "industry", "channel", "product", "persona", "cohort", "plan"],
    },
  },
  {
    id: "demo_requests",
    name: "Demo requests",
    ws: "pipeline_generation",
    type: "input",
    feeds: "new_logo_arr",
    unit: "count",
    direction: "up",
    owner: "marketing",
    source: "google_analytics",
    traces: "pipeline",
    base: 1_300,
    target: 1_650,
    horizon: "short",
    levers: ["demo page tests", "interactive product tour offer"],
    phase: ["grow"],
    def: "Completed demo request forms from business email domains in the ICP, deduplicated by account",
    tree: {
      stem: "demo_requests",
      noun: "Demo requests",
      rule: "deduplicated by account domain",
      model: "fct_demo_requests",
      facets: ["region", "channel", "segment", "industry", "persona", "product", "cohort", "plan"],
    },
  },
  {
    id: "trial_signups",
    name: "Trial signups",
    ws: "pipeline_generation",
    type: "input",
    feeds: "new_logo_arr",
    unit: "count",
    direction: "up",
    owner: "marketing",
    source: "amplitude",
    traces: "pipeline",
    base: 4_800,
    target: 6_000,
    horizon: "short",
    levers: ["free trial landing pages", "partner trial offers"],
    phase: ["grow"],
    def: "New trial workspaces created by business email domains in the ICP, deduplicated by account",
    tree: {
      stem: "trial_signups",
      noun: "Trial signups",
      rule: "deduplicated by account domain",
      model: "fct_trials",
      facets: ["region", "channel", "segment", "product", "industry", "persona", "cohort", "plan"],
    },
  },
  {
    id: "partner_sourced_pipeline",
    name: "Partner-sourced pipeline",
    ws: "pipeline_generation",
    type: "input",
    feeds: "new_logo_arr",
    unit: "currency",
    direction: "up",
    owner: "sales",
    source: "salesforce",
    traces: "pipeline",
    base: 2_400_000,
    target: 3_300_000,
    horizon: "long",
    levers: ["partner co-marketing funds", "partner enablement kits"],
    phase: ["strategize", "grow"],
    def: "Value of sales-accepted opportunities registered by a partner, created in the period",
    tree: {
      stem: "partner_pipeline",
      noun: "Partner-sourced pipeline",
      rule: "valued when the partner registers it",
      model: "fct_partner_pipeline",
      facets: ["region", "segment", "industry", "product", "persona", "cohort", "plan", "channel"],
    },
  },
  {
    id: "outbound_meetings",
    name: "Outbound meetings held",
    ws: "pipeline_generation",
    type: "input",
    feeds: "new_logo_arr",
    unit: "count",
    direction: "up",
    owner: "sales",
    source: "salesforce",
    traces: "pipeline",
    base: 900,
    target: 1_150,
    horizon: "short",
    levers: ["account-based sequences", "SDR talk tracks"],
    phase: ["grow"],
    def: "First meetings held with ICP accounts that were booked by a sales development rep",
    tree: {
      stem: "outbound_meetings",
      noun: "Outbound meetings held",
      rule: "counted when the meeting is held",
      model: "fct_meetings",
      facets: ["region", "segment", "industry", "persona", "product", "cohort", "plan", "channel"],
    },
  },
  // Sales enablement
  {
    id: "deals_won",
    name: "Deals won",
    ws: "sales_enablement",
    type: "input",
    feeds: "new_logo_arr",
    unit: "count",
    direction: "up",
    owner: "sales",
    source: "salesforce",
    traces: "revenue",
    base: 210,
    target: 260,
    horizon: "short",
    levers: ["battlecards", "deal desk reviews"],
    phase: ["discover", "grow"],
    def: "New-logo opportunities closed won in the period",
    tree: {
      stem: "deals_won",
      noun: "Deals won",
      rule: "counted on the close date",
      model: "fct_deals",
      facets: ["region", "segment", "industry", "product", "channel", "persona", "cohort", "plan"],
    },
  },
  {
    id: "competitive_deals_won",
    name: "Competitive deals won",
    ws: "sales_enablement",
    type: "input",
    feeds: "new_logo_arr",
    unit: "count",
    direction: "up",
    owner: "pmm",
    source: "salesforce",
    traces: "revenue",
    base: 85,
    target: 115,
    horizon: "short",
    levers: ["competitive battlecards", "win/loss interviews"],
    phase: ["discover"],
    def: "New-logo opportunities closed won where a named competitor was recorded in the deal",
    tree: {
      stem: "competitive_wins",
      noun: "Competitive deals won",
      rule: "counted on the close date",
      model: "fct_competitive_deals",
      facets: ["region", "segment", "industry", "product", "persona", "cohort", "plan", "channel"],
    },
  },
  {
    id: "sales_confidence",
    name: "Sales confidence score",
    ws: "sales_enablement",
    type: "input",
    feeds: "cac_payback",
    unit: "score",
    direction: "up",
    owner: "pmm",
    source: "qualtrics",
    traces: "pipeline",
    base: 62,
    target: 75,
    horizon: "short",
    levers: ["messaging certification", "pitch practice rounds"],
    phase: ["get_set"],
    def: "Mean answer, 0 to 100, of quota-carrying reps to the pulse question on positioning against the top three competitors",
  },
  {
    id: "average_deal_size",
    name: "Average deal size",
    ws: "sales_enablement",
    type: "input",
    feeds: "new_logo_arr",
    unit: "currency",
    direction: "up",
    owner: "sales",
    source: "salesforce",
    traces: "revenue",
    base: 38_000,
    target: 44_000,
    horizon: "short",
    levers: ["packaging bundles", "value-selling training"],
    phase: ["monthly"],
    aliases: ["ADS"],
    def: "New-logo ARR of deals closed won in the period divided by the number of those deals",
  },
  {
    id: "certified_reps",
    name: "Certified reps",
    ws: "sales_enablement",
    type: "input",
    feeds: "cac_payback",
    unit: "count",
    direction: "up",
    owner: "pmm",
    source: "highspot",
    traces: "pipeline",
    base: 48,
    target: 70,
    horizon: "short",
    levers: ["certification program", "manager coaching guides"],
    phase: ["get_set"],
    def: "Quota-carrying reps who passed the current messaging and demo certification",
    tree: {
      stem: "certified_reps",
      noun: "Certified reps",
      rule: "reps with a current certificate",
      model: "fct_certifications",
      facets: ["region", "segment", "product", "persona", "industry", "cohort", "plan", "channel"],
    },
  },
  {
    id: "days_to_close",
    name: "Days to close",
    ws: "sales_enablement",
    type: "input",
    feeds: "new_logo_arr",
    unit: "duration",
    direction: "down",
    owner: "sales",
    source: "salesforce",
    traces: "pipeline",
    base: 62,
    target: 50,
    horizon: "short",
    levers: ["mutual action plans", "security review pack"],
    phase: ["monthly"],
    def: "Median days from opportunity creation to close for new-logo deals closed won in the period",
  },
  // Customer value
  {
    id: "relationship_nps",
    name: "Relationship NPS",
    ws: "customer_value",
    type: "input",
    feeds: "net_revenue_retention",
    unit: "score",
    direction: "up",
    owner: "success",
    source: "qualtrics",
    traces: "customer_value",
    base: 31,
    target: 40,
    horizon: "long",
    levers: ["closed-loop detractor follow-up", "customer advisory board"],
    phase: ["grow"],
    aliases: ["rNPS"],
    def: "Promoters minus detractors, in points, among admins answering the semi-annual relationship survey",
  },
  {
    id: "renewals_booked",
    name: "Renewals booked",
    ws: "customer_value",
    type: "input",
    feeds: "net_revenue_retention",
    unit: "currency",
    direction: "up",
    owner: "success",
    source: "salesforce",
    traces: "revenue",
    base: 6_800_000,
    target: 7_400_000,
    horizon: "short",
    levers: ["renewal playbook", "multi-year offers"],
    phase: ["grow"],
    def: "ARR of contracts renewed in the period, before expansion",
    tree: {
      stem: "renewals",
      noun: "Renewals booked",
      rule: "valued on the renewal date",
      model: "fct_renewals",
      facets: ["region", "segment", "industry", "product", "plan", "persona", "cohort", "channel"],
    },
  },
  {
    id: "at_risk_accounts",
    name: "At-risk accounts",
    ws: "customer_value",
    type: "input",
    feeds: "logo_churn",
    unit: "count",
    direction: "down",
    owner: "success",
    source: "amplitude",
    traces: "customer_value",
    base: 140,
    target: 95,
    horizon: "short",
    levers: ["health-score playbooks", "executive sponsor outreach"],
    phase: ["grow"],
    def: "Paying accounts whose health score stayed below 40 for two consecutive weeks",
    tree: {
      stem: "at_risk_accounts",
      noun: "At-risk accounts",
      rule: "counted at the end of the week",
      model: "fct_account_health",
      facets: ["region", "segment", "product", "industry", "plan", "persona", "cohort", "channel"],
    },
  },
  {
    id: "healthy_accounts",
    name: "Healthy accounts",
    ws: "customer_value",
    type: "input",
    feeds: "logo_churn",
    unit: "count",
    direction: "up",
    owner: "success",
    source: "amplitude",
    traces: "customer_value",
    base: 1_900,
    target: 2_250,
    horizon: "short",
    levers: ["quarterly business reviews", "adoption workshops"],
    phase: ["grow"],
    def: "Paying accounts whose health score stayed at 70 or above for the whole month",
    tree: {
      stem: "healthy_accounts",
      noun: "Healthy accounts",
      rule: "counted at the end of the month",
      model: "fct_account_health",
      facets: ["region", "segment", "industry", "product", "plan", "persona", "cohort", "channel"],
    },
  },
  {
    id: "customer_references",
    name: "Referenceable customers",
    ws: "customer_value",
    type: "input",
    feeds: "net_revenue_retention",
    unit: "count",
    direction: "up",
    owner: "pmm",
    source: "salesforce",
    traces: "revenue",
    base: 64,
    target: 90,
    horizon: "long",
    levers: ["reference program rewards", "case study pipeline"],
    phase: ["define", "grow"],
    def: "Customers who agreed in writing to take reference calls or appear in a case study this year",
    tree: {
      stem: "references",
      noun: "Referenceable customers",
      rule: "with a signed reference agreement",
      model: "fct_references",
      facets: ["region", "industry", "segment", "product", "persona", "cohort", "plan", "channel"],
    },
  },
  {
    id: "expansion_pipeline",
    name: "Expansion pipeline",
    ws: "customer_value",
    type: "input",
    feeds: "expansion_arr",
    unit: "currency",
    direction: "up",
    owner: "success",
    source: "salesforce",
    traces: "pipeline",
    base: 3_900_000,
    target: 5_000_000,
    horizon: "short",
    levers: ["expansion plays by usage tier", "admin upgrade campaigns"],
    phase: ["grow"],
    def: "Value of open upsell and cross-sell opportunities on existing customers created in the period",
    tree: {
      stem: "expansion_pipeline",
      noun: "Expansion pipeline",
      rule: "valued when the opportunity opens",
      model: "fct_expansion_pipeline",
      facets: ["region", "segment", "product", "industry", "plan", "persona", "cohort", "channel"],
    },
  },
  // Positioning and brand
  {
    id: "share_of_search",
    name: "Share of search",
    ws: "positioning",
    type: "input",
    feeds: "cac_payback",
    unit: "percent",
    direction: "up",
    owner: "pmm",
    source: "google_analytics",
    traces: "pipeline",
    base: 14,
    target: 18,
    horizon: "long",
    levers: ["category content program", "analyst relations"],
    phase: ["strategize"],
    aliases: ["SoS"],
    def: "Branded search volume for us as a share of branded search volume for us and five named competitors",
  },
  {
    id: "brand_awareness",
    name: "Aided brand awareness",
    ws: "positioning",
    type: "input",
    feeds: "cac_payback",
    unit: "percent",
    direction: "up",
    owner: "marketing",
    source: "qualtrics",
    traces: "pipeline",
    base: 22,
    target: 28,
    horizon: "long",
    levers: ["category podcast sponsorship", "executive thought leadership"],
    phase: ["strategize"],
    def: "Share of surveyed ICP buyers who recognise the brand from a list of vendors in the category, quarterly tracker",
  },
  {
    id: "message_resonance",
    name: "Message resonance score",
    ws: "positioning",
    type: "input",
    feeds: "cac_payback",
    unit: "score",
    direction: "up",
    owner: "pmm",
    source: "qualtrics",
    traces: "pipeline",
    base: 64,
    target: 72,
    horizon: "short",
    levers: ["message testing rounds", "persona interviews"],
    phase: ["define"],
    def: "Mean 0 to 100 score of ICP buyers rating the core value proposition as clear, relevant and different",
  },
  {
    id: "paid_media_pipeline",
    name: "Paid-media-sourced pipeline",
    ws: "positioning",
    type: "input",
    feeds: "cac_payback",
    unit: "currency",
    direction: "up",
    owner: "marketing",
    source: "linkedin_ads",
    traces: "pipeline",
    base: 1_600_000,
    target: 2_100_000,
    horizon: "short",
    levers: ["audience targeting", "creative refresh cadence"],
    phase: ["grow"],
    def: "Value of sales-accepted opportunities whose first touch was a paid media ad, created in the period",
    tree: {
      stem: "paid_pipeline",
      noun: "Paid-media-sourced pipeline",
      rule: "valued when sales accepts it",
      model: "fct_paid_pipeline",
      facets: ["region", "channel", "segment", "industry", "persona", "product", "cohort", "plan"],
    },
  },
  {
    id: "launch_influenced_pipeline",
    name: "Launch-influenced pipeline",
    ws: "positioning",
    type: "input",
    feeds: "new_logo_arr",
    unit: "currency",
    direction: "up",
    owner: "pmm",
    source: "salesforce",
    traces: "pipeline",
    base: 1_200_000,
    target: 2_000_000,
    horizon: "short",
    levers: ["launch tiering", "launch sales kits"],
    phase: ["get_set", "grow"],
    def: "Value of opportunities created in the period with a touch on a launch campaign in the 90 days before",
    tree: {
      stem: "launch_pipeline",
      noun: "Launch-influenced pipeline",
      rule: "valued when the opportunity opens",
      model: "fct_launch_pipeline",
      facets: ["product", "region", "segment", "industry", "persona", "cohort", "plan", "channel"],
    },
  },
  // Pricing and packaging
  {
    id: "paid_seats",
    name: "Paid seats",
    ws: "pricing_packaging",
    type: "input",
    feeds: "expansion_arr",
    unit: "count",
    direction: "up",
    owner: "product",
    source: "salesforce",
    traces: "revenue",
    base: 48_000,
    target: 56_000,
    horizon: "short",
    levers: ["seat-based packaging", "admin invite flows"],
    phase: ["monthly"],
    def: "Seats under paid contracts on the last day of the period",
    tree: {
      stem: "paid_seats",
      noun: "Paid seats",
      rule: "counted on the last day of the period",
      model: "fct_seats",
      facets: ["region", "segment", "plan", "product", "industry", "persona", "cohort", "channel"],
    },
  },
  {
    id: "self_serve_upgrades",
    name: "Self-serve upgrades",
    ws: "pricing_packaging",
    type: "input",
    feeds: "expansion_arr",
    unit: "count",
    direction: "up",
    owner: "product",
    source: "amplitude",
    traces: "revenue",
    base: 320,
    target: 420,
    horizon: "short",
    levers: ["upgrade prompts at plan limits", "pricing page tests"],
    phase: ["grow"],
    def: "Plan upgrades completed in the product without a sales touch in the period",
    tree: {
      stem: "upgrades",
      noun: "Self-serve upgrades",
      rule: "counted when the new plan is billed",
      model: "fct_upgrades",
      facets: ["plan", "region", "segment", "product", "industry", "persona", "cohort", "channel"],
    },
  },
  {
    id: "discount_depth",
    name: "Average discount depth",
    ws: "pricing_packaging",
    type: "input",
    feeds: "gross_margin",
    unit: "percent",
    direction: "down",
    owner: "sales",
    source: "salesforce",
    traces: "revenue",
    base: 18,
    target: 13,
    horizon: "short",
    levers: ["discount approval matrix", "value-based pricing training"],
    phase: ["monthly"],
    def: "ARR-weighted mean discount off list price on deals closed won in the period",
  },
  {
    id: "price_realization",
    name: "Price realization",
    ws: "pricing_packaging",
    type: "input",
    feeds: "gross_margin",
    unit: "percent",
    direction: "up",
    owner: "finance",
    source: "salesforce",
    traces: "revenue",
    base: 88,
    target: 93,
    horizon: "long",
    levers: ["list price update", "packaging tiers"],
    phase: ["strategize"],
    def: "Contracted ARR as a share of the same contracts valued at list price, deals closed won in the period",
  },
  {
    id: "trial_to_paid_conversion",
    name: "Trial-to-paid conversion",
    ws: "pricing_packaging",
    type: "input",
    feeds: "new_logo_arr",
    unit: "percent",
    direction: "up",
    owner: "product",
    source: "amplitude",
    traces: "revenue",
    base: 14,
    target: 18,
    horizon: "short",
    levers: ["trial nurture sequence", "sales assist for high-intent trials"],
    phase: ["grow"],
    count: "paid_trial_accounts",
    def: "Share of trials started in the period that became paid accounts within 30 days",
  },
];

/** The count companion of the one rate KPI: not a KPI itself, shown on the same report. */
const COMPANION = {
  id: "paid_trial_accounts",
  name: "Trials turned paid",
  ws: null,
  type: "input",
  feeds: "new_logo_arr",
  unit: "count",
  direction: "up",
  owner: "product",
  source: "amplitude",
  traces: "revenue",
  levers: ["trial nurture sequence", "in-trial upgrade offers"],
  phase: ["grow"],
  def: "Trials started in the period that became paid accounts within 30 days",
  tree: {
    stem: "paid_trials",
    noun: "Trials turned paid",
    rule: "counted when the first invoice is paid",
    model: "fct_trials",
    facets: ["region", "segment", "channel", "product", "industry", "persona", "cohort", "plan"],
  },
};

const TRADEOFFS = [
  ["net_revenue_retention", "gross_margin", "retention bought with discounts and free services"],
  ["new_logo_arr", "cac_payback", "growth bought with unprofitable acquisition spend"],
  ["expansion_arr", "logo_churn", "expansion pushed onto accounts that then leave"],
  ["weekly_active_accounts", "time_to_value", "activity driven by nudges while new accounts wait longer for value"],
];

/** Exec view and pre-read: all four tradeoff sides except expansion; covers all three dimensions. */
const EXEC_METRICS = ["net_revenue_retention", "gross_margin", "new_logo_arr", "cac_payback", "weekly_active_accounts", "time_to_value"];
const PMM_VIEW = ["competitive_deals_won", "sales_confidence", "share_of_search", "message_resonance", "launch_influenced_pipeline", "customer_references", "price_realization"];
const PARTNER_VIEW = ["qualified_opportunities", "marketing_sourced_pipeline", "activated_workspaces", "onboarding_completion", "renewals_booked", "expansion_pipeline"];

// OKRs: [id, name, level, owner, period, kind, aligns, [kr metric ids]]
const OKRS = [
  ["company_growth", "Grow new business efficiently", "company", "leadership", "2026-H2", "committed", null, ["new_logo_arr", "cac_payback", "gross_margin"]],
  ["company_retention", "Keep and grow our customers", "company", "leadership", "2026-H2", "committed", null, ["net_revenue_retention", "weekly_active_accounts", "logo_churn"]],
  ["pmm_positioning", "Win the category narrative", "team", "pmm", "2026-Q4", "aspirational", "company_growth", ["share_of_search", "message_resonance", "competitive_deals_won"]],
  ["pmm_assistant_launch", "Land the AI assistant launch", "team", "pmm", "2026-Q4", "committed", "company_retention", ["assistant_weekly_accounts", "launch_influenced_pipeline"]],
  [
    "marketing_pipeline",
    "Fill the pipeline with buyers who fit",
    "team",
    "marketing",
    "2026-Q4",
    "committed",
    "company_growth",
    ["marketing_sourced_pipeline", "demo_requests", "trial_signups"],
  ],
  ["sales_execution", "Close more of the pipeline, faster", "team", "sales", "2026-Q4", "committed", "company_growth", ["deals_won", "days_to_close", "average_deal_size"]],
  [
    "product_activation",
    "Get new accounts to value fast",
    "team",
    "product",
    "2026-H2",
    "committed",
    "company_retention",
    ["activated_workspaces", "onboarding_completion", "time_to_value", "integrations_connected"],
  ],
  [
    "success_retention",
    "Protect and expand the base",
    "team",
    "success",
    "2026-Q4",
    "committed",
    "company_retention",
    ["at_risk_accounts", "expansion_pipeline", "relationship_nps"],
  ],
  ["finance_pricing", "Price for margin", "team", "finance", "2026-H2", "aspirational", "company_growth", ["discount_depth", "price_realization"]],
];

// Facets of the breakdown trees: [id part, label in names, phrase in definitions].
const FACETS = {
  region: {
    plural: "region",
    values: [
      ["na", "North America", "in North America"],
      ["emea", "EMEA", "in EMEA"],
      ["apac", "APAC", "in APAC"],
      ["latam", "LATAM", "in Latin America"],
      ["anz", "ANZ", "in Australia and New Zealand"],
    ],
  },
  segment: {
    plural: "segment",
    values: [
      ["smb", "SMB", "from SMB accounts"],
      ["mid_market", "mid-market", "from mid-market accounts"],
      ["enterprise", "enterprise", "from enterprise accounts"],
      ["strategic", "strategic", "from strategic accounts"],
      ["public", "public sector", "from public sector accounts"],
    ],
  },
  channel: {
    plural: "channel",
    values: [
      ["organic_search", "organic search", "sourced through organic search"],
      ["paid_search", "paid search", "sourced through paid search"],
      ["paid_social", "paid social", "sourced through paid social"],
      ["partner", "partner", "sourced through partners"],
      ["field_events", "field events", "sourced through field events"],
      ["outbound", "outbound", "sourced through outbound"],
      ["webinar", "webinars", "sourced through webinars"],
      ["referral", "referral", "sourced through customer referrals"],
      ["review_sites", "review sites", "sourced through software review sites"],
    ],
  },
  industry: {
    plural: "industry",
    values: [
      ["fintech", "fintech", "in fintech"],
      ["healthcare", "healthcare", "in healthcare"],
      ["retail", "retail", "in retail"],
      ["manufacturing", "manufacturing", "in manufacturing"],
      ["software", "software", "in software"],
      ["education", "education", "in education"],
      ["media", "media", "in media"],
      ["logistics", "logistics", "in logistics"],
    ],
  },
  product: {
    plural: "product line",
    values: [
      ["core", "core platform", "on the core platform"],
      ["analytics", "analytics", "on the analytics add-on"],
      ["assistant", "AI assistant", "on the AI assistant"],
      ["integrations", "integrations hub", "on the integrations hub"],
      ["mobile", "mobile", "on the mobile app"],
    ],
  },
  persona: {
    plural: "buyer persona",
    values: [
      ["revops", "RevOps", "led by RevOps buyers"],
      ["marketing_ops", "marketing ops", "led by marketing ops buyers"],
      ["it_admin", "IT admins", "led by IT admin buyers"],
      ["finance_lead", "finance leads", "led by finance buyers"],
      ["line_manager", "line managers", "led by line manager buyers"],
    ],
  },
  cohort: {
    plural: "signup cohort",
    values: [
      ["c2024h2", "2024-H2 cohort", "from the 2024-H2 signup cohort"],
      ["c2025q1", "2025-Q1 cohort", "from the 2025-Q1 signup cohort"],
      ["c2025q2", "2025-Q2 cohort", "from the 2025-Q2 signup cohort"],
      ["c2025q3", "2025-Q3 cohort", "from the 2025-Q3 signup cohort"],
      ["c2025q4", "2025-Q4 cohort", "from the 2025-Q4 signup cohort"],
      ["c2026h1", "2026-H1 cohort", "from the 2026-H1 signup cohort"],
    ],
  },
  plan: {
    plural: "plan",
    values: [
      ["free", "free plan", "on the free plan"],
      ["starter", "starter plan", "on the starter plan"],
      ["team", "team plan", "on the team plan"],
      ["business", "business plan", "on the business plan"],
      ["enterprise_plan", "enterprise plan", "on the enterprise plan"],
    ],
  },
};

const LEVER_SUFFIX = ["playbook", "campaigns", "enablement", "offer test", "targeting", "content"];
const NON_EXEC = ["pmm", "sales", "product", "marketing", "success"];
const DELIVERABLES = ["messaging", "launch", "enablement", "competitive_intel", "campaign"];

// ---------------------------------------------------------------------------
// Building metric declarations.

function initials(name) {
  return name
    .split(/[^A-Za-z]+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase())
    .join("");
}

function isoDate(rng, y0, y1) {
  const y = rng.int(y0, y1);
  const m = rng.int(1, 12);
  const d = rng.int(1, 28);
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** A measure name dbt accepts (lowercase snake_case, no `.`): `fct_trials.count` fails `dbt parse`. */
function dbtMeasure(text) {
  return text
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/_+/g, "_")
    .replace(/^_|_$/g, "");
}

function kpiDecl(k, inputsOf, isKpi, rng) {
  const props = [P.word("type", k.type)];
  if (k.dimension) props.push(P.word("dimension", k.dimension));
  props.push(P.word("traces", k.traces), P.word("unit", k.unit), P.word("direction", k.direction), P.ref("owner", k.owner), P.ref("source", k.source), P.str("definition", k.def));
  if (k.formula) props.push(P.formula(k.formula));
  // A KPI with a formula is computed from it; one measure or the other (`dbt-export`).
  else props.push(P.str("measure", dbtMeasure(`${k.tree?.model ?? "fct_kpis"}_${k.id}`)));
  if (isKpi) props.push(P.refs("agreed_by", ["sales", "product", "finance"]));
  if (k.base !== undefined) {
    props.push(P.baseline(k.unit, k.base, k.source, "2025-Q3"), P.target(k.unit, k.target, "2026-Q4"));
  }
  props.push(P.word("cadence", "weekly"));
  if (k.horizon) props.push(P.word("horizon", k.horizon));
  if (k.type === "output") props.push(P.refs("inputs", inputsOf.get(k.id)));
  else props.push(P.strs("levers", k.levers));
  if (k.count) props.push(P.ref("count", k.count));
  props.push(P.refs("phase", k.phase));
  if (k.aliases) props.push(P.strs("aliases", k.aliases));
  const since = isoDate(rng, 2023, 2024);
  props.push(P.raw("since", since, since));
  props.push(P.word("status", "active"));
  return decl("metric", k.id, k.name, props, { doc: k.doc });
}

/** Splits `budget` descendants among the children of a node; returns per-child descendant counts (never 1). */
function splitBudget(budget, facetSize, levelsLeft, rng) {
  if (budget <= facetSize && (budget <= 5 || levelsLeft <= 1)) return new Array(budget).fill(0);
  const need = Math.ceil(Math.pow(budget, 1 / Math.max(1, levelsLeft)));
  let k = Math.min(facetSize, Math.max(need, rng.int(2, 5)));
  if (budget - k === 1) k = k > 2 ? k - 1 : k + 1;
  const rest = budget - k;
  const w = Array.from({ length: k }, () => 0.5 + rng.next());
  const sw = w.reduce((a, b) => a + b, 0);
  const d = w.map((x) => Math.floor((rest * x) / sw));
  let left = rest - d.reduce((a, b) => a + b, 0);
  for (let i = 0; left > 0; i = (i + 1) % k, left--) d[i]++;
  // No child may have exactly one descendant (a one-term formula): pair them up.
  const ones = [];
  for (let i = 0; i < k; i++) if (d[i] === 1) ones.push(i);
  while (ones.length >= 2) {
    const a = ones.pop();
    const b = ones.pop();
    d[a] = 2;
    d[b] = 0;
  }
  if (ones.length === 1) {
    const i = ones[0];
    const j = d.findIndex((x, idx) => idx !== i && x >= 2);
    if (j < 0) throw new Error("internal: cannot split the tree budget"); // rest !== 1 rules this out
    d[i] = 0;
    d[j]++;
  }
  return d;
}

/** Builds the breakdown tree under one root KPI; pushes node declarations in depth-first order. */
function buildTree(root, budget, ctx) {
  const { rng, out, pad } = ctx;
  const t = root.tree;
  const facets = t.facets;
  const shortAlias = initials(t.noun);

  // path: the [facet key, facet value] pairs from the root down to this node.
  function node(level, path, descendants) {
    const seq = String(ctx.seq++).padStart(pad, "0");
    const [part, , phrase] = path[path.length - 1][1];
    const id = `${t.stem}_${part}_${seq}`;
    // Names and definitions show the last facet (the number keeps names unique).
    const labels = path[path.length - 1][1][1];
    const name = `${t.noun} — ${labels} (${seq})`;
    const props = [];
    const isLeaf = descendants === 0;
    const owner = rng.chance(0.8) ? root.owner : rng.pick(NON_EXEC);
    const def = isLeaf ? `${t.noun} ${phrase}, ${t.rule}` : `${t.noun} ${phrase}, by ${FACETS[facets[level + 1]]?.plural ?? "slice"}`;
    props.push(
      P.word("type", "input"),
      P.word("traces", root.traces),
      P.word("unit", root.unit),
      P.word("direction", root.direction),
      P.ref("owner", owner),
      P.ref("source", root.source),
      P.str("definition", def),
    );
    const slot = props.length;
    // Leaves name their dbt measure; sums are computed from their formula.
    if (isLeaf) props.push(P.str("measure", dbtMeasure(`${t.model}_${root.unit === "currency" ? "amount" : "count"}`)));
    if (isLeaf && rng.chance(0.5)) {
      const { base, target } = leafValues(root, level, rng);
      props.push(P.baseline(root.unit, base, root.source, "2025-Q3"), P.target(root.unit, target, "2026-Q4"));
    }
    props.push(P.word("cadence", "weekly"));
    const lever = `${path[path.length - 1][1][1]} ${rng.pick(LEVER_SUFFIX)}`;
    props.push(P.strs("levers", rng.chance(0.3) ? [rng.pick(root.levers), lever] : [lever]));
    props.push(P.refs("phase", root.phase));
    if (rng.chance(0.3)) props.push(P.refs("deliverable", [rng.pick(DELIVERABLES)]));
    if (rng.chance(0.6)) props.push(P.strs("aliases", [`${shortAlias}-${seq}`]));
    const since = isoDate(rng, 2023, 2025);
    props.push(P.raw("since", since, since));
    props.push(P.word("status", "active"));
    const d = decl("metric", id, name, props);
    out.push(d);
    if (!isLeaf) {
      props.splice(slot, 0, P.formula(children(level + 1, path, descendants)));
    }
    return id;
  }

  function children(level, path, budget) {
    const facetKey = facets[level] ?? "slice";
    const values = facetValues(facetKey, level);
    const levelsLeft = facets.length - level;
    const split = splitBudget(budget, values.length, levelsLeft, rng);
    // Pick distinct facet values for the siblings.
    const start = rng.int(0, values.length - 1);
    const ids = [];
    split.forEach((desc, i) => {
      const v = values[(start + i) % values.length];
      ids.push(node(level, [...path, [facetKey, v]], desc));
    });
    return ids;
  }

  return budget > 0 ? children(0, [], budget) : [];
}

function facetValues(key, level) {
  if (FACETS[key]) return FACETS[key].values;
  // Beyond the named facets (only for very large N): numbered slices.
  return Array.from({ length: 12 }, (_, i) => [`slice${level}_${i + 1}`, `slice ${level}.${i + 1}`, `in slice ${level}.${i + 1}`]);
}

function leafValues(root, level, rng) {
  const scale = Math.pow(0.35, level + 1);
  let base;
  if (root.unit === "currency") base = Math.max(5, Math.round(((root.base ?? 1_000_000) * scale * (0.5 + rng.next())) / 1000)) * 1000;
  else base = Math.max(8, Math.round((root.base ?? 1000) * scale * (0.5 + rng.next())));
  const g = 0.06 + rng.next() * 0.3;
  let target;
  if (root.unit === "currency") {
    const step = Math.max(1000, Math.round((base * g) / 1000) * 1000);
    target = root.direction === "up" ? base + step : Math.max(1000, base - step);
  } else {
    const step = Math.max(1, Math.round(base * g));
    target = root.direction === "up" ? base + step : Math.max(0, base - step);
  }
  return { base, target };
}

// ---------------------------------------------------------------------------
// The JSON Schema of the twin documents.

function buildJsonSchema() {
  const id = { type: "string", pattern: "^[A-Za-z_][A-Za-z0-9_]*$" };
  const ids = { type: "array", items: { $ref: "#/definitions/id" } };
  const nonEmptyIds = { type: "array", minItems: 1, items: { $ref: "#/definitions/id" } };
  const str = { type: "string" };
  const strs = { type: "array", items: { type: "string" } };
  const en = (...values) => ({ type: "string", enum: values });
  const enList = (...values) => ({ type: "array", items: { type: "string", enum: values } });
  const obj = (required, properties) => ({ type: "object", additionalProperties: false, required, properties });
  const date = { type: "string", pattern: "^\\d{4}-\\d{2}-\\d{2}$" };
  const period = { type: "string", pattern: "^(?:FY\\d{4}|\\d{4}(?:-(?:Q[1-4]|H[12]|\\d{2}))?|\\d{4}-\\d{2}-\\d{2})$" };
  const duration = { type: "string", pattern: "^\\d+(?:\\.\\d+)?(?:h|d|w|mo|q|y)$" };
  const units = ["count", "percent", "currency", "ratio", "score", "duration"];
  const rhythm = en("weekly", "biweekly", "monthly", "quarterly", "annually");
  const deliverables = ["messaging", "launch", "enablement", "competitive_intel", "campaign"];
  const traces = ["revenue", "pipeline", "customer_value"];
  const ref = (name) => ({ $ref: `#/definitions/${name}` });
  const listOf = (name) => ({ type: "array", items: ref(name) });

  const definitions = {
    id,
    blueprint: obj(["id", "maturity", "sales_cycle"], {
      id: ref("id"),
      name: str,
      doc: str,
      maturity: { type: "integer", minimum: 1, maximum: 5 },
      sales_cycle: ref("duration"),
      currency: { type: "string", pattern: "^[A-Z]{3}$" },
      north_star: ref("id"),
      source_of_truth: ref("id"),
      fiscal_year_start: { type: "string", pattern: "^\\d{4}-\\d{2}$" },
      signoff: ids,
    }),
    team: obj(["id", "role"], { id: ref("id"), name: str, doc: str, role: en("pmm", "sales", "product", "finance", "marketing", "exec", "success", "other") }),
    source: obj(["id", "kind"], {
      id: ref("id"),
      name: str,
      doc: str,
      kind: en("crm", "product_analytics", "web_analytics", "ad_platform", "survey", "finance", "pmm_tool", "warehouse", "spreadsheet"),
      refresh: en("realtime", "hourly", "daily", "weekly", "monthly", "manual"),
      feeds: ref("id"),
      owner: ref("id"),
    }),
    workstream: obj(["id", "owner", "kpis"], { id: ref("id"), name: str, doc: str, owner: ref("id"), kpis: nonEmptyIds, deliverables: enList(...deliverables) }),
    quantity: obj(["value", "unit"], { value: { type: "number" }, unit: en(...units), from: ref("id"), over: ref("period") }),
    targetValue: obj(["value", "unit"], { value: { type: "number" }, unit: en(...units), by: ref("period") }),
    metric: {
      type: "object",
      additionalProperties: false,
      required: ["id", "type", "owner"],
      properties: {
        id: ref("id"),
        name: str,
        doc: str,
        type: en("output", "input"),
        dimension: en("retention", "engagement", "monetization"),
        traces: { oneOf: [en(...traces), enList(...traces)] },
        unit: en(...units),
        direction: en("up", "down"),
        owner: ref("id"),
        source: ref("id"),
        definition: str,
        formula: { type: "string", minLength: 1 },
        measure: str,
        agreed_by: ids,
        baseline: ref("quantity"),
        target: ref("targetValue"),
        cadence: en("daily", "weekly", "monthly", "quarterly"),
        inputs: ids,
        levers: strs,
        count: ref("id"),
        phase: enList("discover", "strategize", "define", "get_set", "grow", "monthly"),
        deliverable: enList(...deliverables),
        horizon: en("short", "long"),
        aliases: strs,
        cumulative: { type: "boolean" },
        since: ref("date"),
        status: en("active", "proposed", "retired"),
        replaced_by: ref("id"),
      },
      allOf: [
        // `dimension` is required on outputs; `levers` belong to inputs, `inputs` to outputs.
        { if: { properties: { type: { const: "output" } }, required: ["type"] }, then: { properties: { dimension: true, levers: false }, required: ["dimension"] } },
        { if: { properties: { type: { const: "input" } }, required: ["type"] }, then: { properties: { inputs: false } } },
      ],
    },
    tradeoff: obj(["primary", "guard"], { primary: ref("id"), guard: ref("id"), why: str, limit: { type: "number" } }),
    keyResult: obj(["metric", "from", "to"], {
      metric: ref("id"),
      from: { type: "number" },
      to: { type: "number" },
      by: ref("period"),
      current: obj(["value"], { value: { type: "number" }, on: ref("date") }),
    }),
    okr: obj(["id", "owner", "period"], {
      id: ref("id"),
      name: str,
      doc: str,
      level: en("company", "team"),
      owner: ref("id"),
      period: ref("period"),
      kind: en("committed", "aspirational"),
      aligns: ref("id"),
      krs: listOf("keyResult"),
    }),
    attribution: obj(["id", "models"], {
      id: ref("id"),
      name: str,
      doc: str,
      models: { type: "array", minItems: 1, items: en("single_touch", "self_reported", "mta", "mmm", "incrementality") },
      mta_method: en("first_touch", "last_touch", "linear", "position_based", "time_decay", "data_driven"),
      lookback: ref("duration"),
      conversions: obj(["value", "per"], { value: { type: "number", minimum: 0 }, per: en("day", "week", "month", "year") }),
      history: ref("duration"),
      annual_spend: obj(["value", "currency"], { value: { type: "number", minimum: 0 }, currency: { type: "string", pattern: "^[A-Z]{3}$" } }),
      rationale: str,
    }),
    launch: obj(["id", "tier", "date"], {
      id: ref("id"),
      name: str,
      doc: str,
      tier: en("T0", "T1", "T2", "T3"),
      date: ref("date"),
      attribution: ref("id"),
      owner: ref("id"),
      awareness: ids,
      engagement: ids,
      adoption: ids,
      revenue: ids,
    }),
    forum: obj(["id", "every"], {
      id: ref("id"),
      name: str,
      doc: str,
      every: rhythm,
      day: en("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
      audience: ids,
      decides: str,
    }),
    report: obj(["id", "forum", "lead", "metrics"], { id: ref("id"), name: str, doc: str, forum: ref("id"), lead: ref("duration"), metrics: nonEmptyIds, owner: ref("id") }),
    view: obj(["id", "audience", "metrics"], { id: ref("id"), name: str, audience: nonEmptyIds, metrics: nonEmptyIds }),
    dashboard: obj(["id"], { id: ref("id"), name: str, doc: str, source: ref("id"), views: listOf("view") }),
    experiment: {
      type: "object",
      additionalProperties: false,
      required: ["id", "metric", "baseline", "traffic"],
      properties: {
        id: ref("id"),
        name: str,
        doc: str,
        metric: ref("id"),
        baseline: { type: "number" },
        expect: { type: "number" },
        mde: obj(["value", "kind"], { value: { type: "number" }, kind: en("absolute", "relative") }),
        sd: { type: "number" },
        traffic: obj(["value", "per"], { value: { type: "number", minimum: 0 }, per: en("day", "week", "month", "year") }),
        arms: { type: "integer", minimum: 2 },
        alpha: { type: "number", exclusiveMinimum: 0, exclusiveMaximum: 1 },
        power: { type: "number", exclusiveMinimum: 0, exclusiveMaximum: 1 },
        holdout: obj(["share", "for"], { share: { type: "number" }, for: ref("duration") }),
        status: en("planned", "running", "won", "lost", "shipped"),
      },
      oneOf: [
        { properties: { expect: true }, required: ["expect"] },
        { properties: { mde: true }, required: ["mde"] },
      ],
    },
    review: obj(["id", "every", "owner"], { id: ref("id"), name: str, doc: str, every: rhythm, owner: ref("id"), last: ref("date") }),
    date,
    period,
    duration,
  };

  return {
    $schema: "http://json-schema.org/draft-07/schema#",
    $id: "https://pmm.dev/schemas/bench-twin.schema.json",
    title: "pmm workspace file (YAML/JSON twin of one .pmm file)",
    type: "object",
    additionalProperties: false,
    minProperties: 1,
    properties: {
      blueprint: ref("blueprint"),
      teams: listOf("team"),
      sources: listOf("source"),
      workstreams: listOf("workstream"),
      metrics: listOf("metric"),
      tradeoffs: listOf("tradeoff"),
      okrs: listOf("okr"),
      attributions: listOf("attribution"),
      launches: listOf("launch"),
      forums: listOf("forum"),
      reports: listOf("report"),
      dashboards: listOf("dashboard"),
      experiments: listOf("experiment"),
      reviews: listOf("review"),
    },
    definitions,
  };
}

// ---------------------------------------------------------------------------
// The generator.

/** Generates the workspace: `.pmm` files, the YAML and JSON twins, the JSON Schema and counts. */
export function generate({ metrics = 10000, seed = 1 } = {}) {
  const N = Math.floor(metrics);
  if (!(N >= MIN_METRICS)) throw new RangeError(`generate: metrics must be at least ${MIN_METRICS}, got ${metrics}`);
  const rng = prng(seed);
  const kpiIds = new Set(KPIS.map((k) => k.id));

  // Breakdown trees: every count/currency input that sums segments roots one.
  const roots = [...KPIS.filter((k) => k.tree), COMPANION];
  const treeTotal = N - KPIS.length - 1;
  const budgets = splitRoots(treeTotal, roots.length, rng);
  const pad = Math.max(4, String(N - KPIS.length - 1).length);
  const ctx = { rng, out: [], pad, seq: 1 };
  const formulaOf = new Map();
  const treeDecls = [];
  roots.forEach((r, i) => {
    ctx.out = [];
    const childIds = buildTree(r, budgets[i], ctx);
    if (childIds.length) formulaOf.set(r.id, childIds);
    treeDecls.push(...ctx.out);
  });

  // Outputs list the inputs that feed them.
  const inputsOf = new Map();
  for (const k of [...KPIS, COMPANION]) {
    if (k.type !== "input") continue;
    if (!inputsOf.has(k.feeds)) inputsOf.set(k.feeds, []);
    inputsOf.get(k.feeds).push(k.id);
  }

  const kpiDecls = [...KPIS, COMPANION].map((k) => kpiDecl({ ...k, formula: formulaOf.get(k.id) }, inputsOf, kpiIds.has(k.id), rng));
  const allMetrics = [...kpiDecls, ...treeDecls];
  if (allMetrics.length !== N) throw new Error(`internal: built ${allMetrics.length} metrics, wanted ${N}`);

  // Non-metric declarations.
  const workspaceDecls = [
    decl(
      "blueprint",
      "acme",
      "Acme PMM measurement",
      [
        P.int("maturity", 4),
        P.raw("sales_cycle", "45d", "45d"),
        P.word("currency", "USD"),
        P.ref("north_star", "net_revenue_retention"),
        P.ref("source_of_truth", "warehouse"),
        P.refs("signoff", ["sales", "product", "finance"]),
      ],
      { doc: "Acme: B2B workflow software, 45-day median sales cycle, warehouse-first data." },
    ),
    ...TEAMS.map(([id, name, role]) => decl("team", id, name, [P.word("role", role)], { inline: true })),
    ...SOURCES.map(([id, name, kind, owner]) =>
      decl(
        "source",
        id,
        name,
        kind === "warehouse"
          ? [P.word("kind", kind), P.word("refresh", "hourly"), P.ref("owner", owner)]
          : [P.word("kind", kind), P.word("refresh", "hourly"), P.ref("feeds", "warehouse"), P.ref("owner", owner)],
        { inline: true },
      ),
    ),
  ];
  const tradeoffDecls = TRADEOFFS.map(([a, b, why]) => ({
    kind: "tradeoff",
    text: `tradeoff ${a} vs ${b} { why: ${pmmString(why)} }\n`,
    json: { primary: a, guard: b, why },
  }));

  const workstreamDecls = WORKSTREAMS.map(([id, name, owner, deliv]) => {
    const kpis = KPIS.filter((k) => k.ws === id).map((k) => k.id);
    const props = [P.ref("owner", owner), P.refs("kpis", kpis)];
    if (deliv.length) props.push(P.refs("deliverables", deliv));
    return decl("workstream", id, name, props);
  });

  const byId = new Map([...KPIS, COMPANION].map((k) => [k.id, k]));
  const okrDecls = OKRS.map(([id, name, level, owner, period, kind, aligns, krs]) => {
    const props = [P.word("level", level), P.ref("owner", owner), P.raw("period", period, period), P.word("kind", kind)];
    if (aligns) props.push(P.ref("aligns", aligns));
    const krJson = [];
    const members = krs.map((mid) => {
      const k = byId.get(mid);
      const cur = currentValue(k, rng);
      krJson.push({ metric: mid, from: k.base, to: k.target, by: "2026-Q4", current: { value: cur, on: "2026-11-10" } });
      return { text: `kr ${mid}: ${fmtValue(k.unit, k.base)} -> ${fmtValue(k.unit, k.target)} by 2026-Q4 { current: ${fmtValue(k.unit, cur)} on 2026-11-10 }` };
    });
    const d = decl("okr", id, name, props, { members });
    d.json = { ...declJson(d), krs: krJson };
    return d;
  });

  const forumDecls = [
    decl("forum", "wbr", "Weekly business review", [
      P.word("every", "weekly"),
      P.word("day", "monday"),
      P.refs("audience", ["pmm", "sales", "marketing", "product"]),
      P.str("decides", "where next week's pipeline and adoption effort goes"),
    ]),
    decl("forum", "mbr", "Monthly business review", [
      P.word("every", "monthly"),
      P.word("day", "tuesday"),
      P.refs("audience", ["leadership", "pmm", "finance", "success"]),
      P.str("decides", "budget shifts between programs and the next month's priorities"),
    ]),
  ];
  const reportSpec = [
    ["exec_preread", "Executive pre-read", "mbr", "pmm", EXEC_METRICS],
    ...WORKSTREAMS.map(([id, name, owner]) => {
      const ms = KPIS.filter((k) => k.ws === id).map((k) => k.id);
      if (ms.includes("trial_to_paid_conversion")) ms.push(COMPANION.id);
      const forum = ["revenue_outcomes", "customer_value", "positioning"].includes(id) ? "mbr" : "wbr";
      return [`${id}_review`, `${name} review`, forum, owner, ms];
    }),
  ];
  const reportDecls = reportSpec.map(([id, name, forum, owner, ms]) =>
    decl("report", id, name, [P.ref("forum", forum), P.raw("lead", "48h", "48h"), P.refs("metrics", ms), P.ref("owner", owner)]),
  );
  const views = [
    ["exec", "Executive", ["leadership"], EXEC_METRICS],
    ["pmm_team", "PMM team", ["pmm"], PMM_VIEW],
    ["cross_functional", "Cross-functional", ["sales", "product", "marketing", "success"], PARTNER_VIEW],
  ];
  const dashboard = decl("dashboard", "pmm_scorecard", "PMM scorecard", [P.ref("source", "warehouse")], {
    members: views.map(([vid, vname, aud, ms]) => ({ text: `view ${vid} ${pmmString(vname)} { audience: [${aud.join(", ")}]  metrics: [${ms.join(", ")}] }` })),
  });
  dashboard.json = {
    id: "pmm_scorecard",
    name: "PMM scorecard",
    source: "warehouse",
    views: views.map(([vid, vname, aud, ms]) => ({ id: vid, name: vname, audience: aud, metrics: ms })),
  };

  const attribution = decl("attribution", "blended", "Blended attribution", [
    P.refs("models", ["mmm", "mta", "incrementality"]),
    P.word("mta_method", "position_based"),
    P.raw("lookback", "90d", "90d"),
    P.raw("conversions", "900/month", { value: 900, per: "month" }),
    P.raw("history", "156w", "156w"),
    P.raw("annual_spend", "$8M", { value: 8_000_000, currency: "USD" }),
    P.str("rationale", "45-day B2B cycle at maturity 4: MMM for budget, position-based MTA for channel tactics, holdouts for proof"),
  ]);
  const launch = decl("launch", "assistant_ga", "AI assistant general availability", [
    P.word("tier", "T1"),
    P.raw("date", "2026-09-15", "2026-09-15"),
    P.ref("attribution", "blended"),
    P.ref("owner", "pmm"),
    P.refs("engagement", ["assistant_weekly_accounts"]),
    P.refs("adoption", ["activated_workspaces"]),
    P.refs("revenue", ["launch_influenced_pipeline"]),
  ]);
  const review = decl("review", "quarterly", "Quarterly metric review", [P.word("every", "quarterly"), P.ref("owner", "pmm"), P.raw("last", "2026-10-15", "2026-10-15")]);

  // Lay out: 20 metrics a file; the governance declarations ride along in the first three files.
  const nFiles = Math.ceil(N / PER_FILE);
  const fpad = Math.max(3, String(nFiles - 1).length);
  const extras = [
    { before: workspaceDecls, after: tradeoffDecls, topic: "workspace" },
    { before: workstreamDecls, after: okrDecls, topic: "kpis" },
    { before: [forumDecls[0], forumDecls[1]], after: [...reportDecls, dashboard, attribution, launch, review], topic: "reporting" },
  ];
  const rootOf = (id) => {
    for (const r of roots) if (id.startsWith(r.tree.stem + "_")) return r.id;
    return "metrics";
  };

  const files = [];
  const yamlFiles = [];
  const jsonFiles = [];
  for (let f = 0; f < nFiles; f++) {
    const ms = allMetrics.slice(f * PER_FILE, (f + 1) * PER_FILE);
    const ex = extras[f] ?? { before: [], after: [], topic: rootOf(ms[0].id) };
    const base = `${String(f).padStart(fpad, "0")}_${ex.topic}`;
    const all = [...ex.before, ...ms, ...ex.after];
    let text = `# Generated by test/bench/generate.mjs (seed ${seed}, ${N} metrics), valid with --today ${TODAY_NOTE}\n`;
    const doc = {};
    for (const d of all) {
      text += "\n" + (d.text ?? renderDecl(d));
      const key = d.kind === "blueprint" ? "blueprint" : PLURAL[d.kind];
      const j = d.kind === "tradeoff" ? d.json : declJson(d);
      if (key === "blueprint") doc.blueprint = j;
      else (doc[key] ??= []).push(j);
    }
    // Fixed key order, independent of the order declarations appear in.
    const ordered = {};
    for (const k of DOC_KEYS) if (doc[k] !== undefined) ordered[k] = doc[k];
    files.push({ path: `${base}.pmm`, text });
    yamlFiles.push({ path: `${base}.yaml`, text: toYaml(ordered) });
    jsonFiles.push({ path: `${base}.json`, text: toJson(ordered) });
  }

  return {
    files,
    yaml: yamlFiles,
    json: jsonFiles,
    jsonSchema: buildJsonSchema(),
    stats: {
      metrics: allMetrics.length,
      files: files.length,
      kpis: KPIS.length,
      workstreams: WORKSTREAMS.length,
      outputs: KPIS.filter((k) => k.type === "output").length,
      treeRoots: roots.length,
      maxDepth: maxDepth(allMetrics),
      propertiesPerMetric: allMetrics.reduce((a, d) => a + d.props.length, 0) / allMetrics.length,
    },
  };
}

const PLURAL = {
  team: "teams",
  source: "sources",
  workstream: "workstreams",
  metric: "metrics",
  tradeoff: "tradeoffs",
  okr: "okrs",
  attribution: "attributions",
  launch: "launches",
  forum: "forums",
  report: "reports",
  dashboard: "dashboards",
  experiment: "experiments",
  review: "reviews",
};
const DOC_KEYS = [
  "blueprint",
  "teams",
  "sources",
  "workstreams",
  "metrics",
  "tradeoffs",
  "okrs",
  "attributions",
  "launches",
  "forums",
  "reports",
  "dashboards",
  "experiments",
  "reviews",
];

/** Splits the tree budget among the roots, never giving a root exactly one descendant. */
function splitRoots(total, n, rng) {
  const w = Array.from({ length: n }, () => 0.6 + rng.next() * 0.8);
  const sw = w.reduce((a, b) => a + b, 0);
  const b = w.map((x) => Math.floor((total * x) / sw));
  let left = total - b.reduce((a, c) => a + c, 0);
  for (let i = 0; left > 0; i = (i + 1) % n, left--) b[i]++;
  const ones = [];
  for (let i = 0; i < n; i++) if (b[i] === 1) ones.push(i);
  while (ones.length >= 2) {
    const a = ones.pop();
    const c = ones.pop();
    b[a] = 2;
    b[c] = 0;
  }
  if (ones.length === 1) {
    const i = ones[0];
    const j = b.findIndex((x, idx) => idx !== i && x >= 2);
    if (j >= 0) {
      b[i] = 0;
      b[j]++;
    } else b[i] = 1; // total === 1: a single one-term formula, only reachable at tiny N
  }
  return b;
}

function currentValue(k, rng) {
  const p = 0.3 + rng.next() * 0.5;
  const raw = k.base + (k.target - k.base) * p;
  switch (k.unit) {
    case "currency":
      return Math.round(raw / 10_000) * 10_000;
    case "percent":
      return Math.round(raw * 10) / 10;
    case "duration":
      return k.base >= 60 && k.base % 30 === 0 ? Math.round(raw / 30) * 30 : Math.round(raw);
    default:
      return Math.round(raw);
  }
}

function maxDepth(metricDecls) {
  const kids = new Map();
  for (const d of metricDecls) {
    const f = d.props.find(([k]) => k === "formula");
    if (f) kids.set(d.id, f[2].split(" + "));
  }
  const memo = new Map();
  const depth = (id) => {
    if (memo.has(id)) return memo.get(id);
    const c = kids.get(id);
    const v = c ? 1 + Math.max(...c.map(depth)) : 0;
    memo.set(id, v);
    return v;
  };
  let m = 0;
  for (const id of kids.keys()) m = Math.max(m, depth(id));
  return m;
}

// ---------------------------------------------------------------------------
// CLI.

function parseArgs(argv) {
  const o = { metrics: 10000, seed: 1, out: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === "--metrics" || a === "-n") o.metrics = Number(val());
    else if (a === "--seed") o.seed = Number(val());
    else if (a === "--out" || a === "-o") o.out = val();
    else if (a === "--help" || a === "-h") o.help = true;
    else throw new Error(`unknown argument ${a}`);
  }
  return o;
}

function main() {
  let o;
  try {
    o = parseArgs(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`generate: ${e.message}\n`);
    process.exit(2);
  }
  if (o.help || !o.out) {
    process.stdout.write("usage: node test/bench/generate.mjs --metrics N [--seed S] --out DIR\n");
    process.exit(o.help ? 0 : 2);
  }
  const t0 = performance.now();
  const r = generate({ metrics: o.metrics, seed: o.seed });
  const t1 = performance.now();
  const out = resolve(o.out);
  const write = (sub, list) => {
    const dir = join(out, sub);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    let bytes = 0;
    for (const f of list) {
      writeFileSync(join(dir, f.path), f.text);
      bytes += Buffer.byteLength(f.text);
    }
    return bytes;
  };
  const sizes = { pmm: write("pmm", r.files), yaml: write("yaml", r.yaml), json: write("json", r.json) };
  writeFileSync(join(out, "schema.json"), JSON.stringify(r.jsonSchema, null, 2) + "\n");
  const mb = (b) => `${(b / 1e6).toFixed(2)} MB`;
  process.stdout.write(
    `generated ${r.stats.metrics} metrics in ${r.stats.files} files (${r.stats.kpis} KPIs, tree depth ${r.stats.maxDepth}, ${r.stats.propertiesPerMetric.toFixed(1)} properties/metric) in ${(t1 - t0).toFixed(0)} ms\n` +
      `  ${out}/pmm  ${mb(sizes.pmm)}\n  ${out}/yaml ${mb(sizes.yaml)}\n  ${out}/json ${mb(sizes.json)}\n`,
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
