import { format } from "../format/format.js";
import { recommendAttribution } from "../model/attribution-recommendation.js";
import { Parser } from "../syntax/parse.js";

/** What `pmm init` is asked for. */
export interface ScaffoldOptions {
  /** Data maturity, 1 (spreadsheets) to 5 (warehouse and experiments). */
  readonly maturity: number;
  /** The median sales cycle in days (decides the attribution cell). */
  readonly cycleDays: number;
  /** The cycle as the user wrote it (`45d`, `6w`); written into the blueprint. Default `${cycleDays}d`. */
  readonly cycle?: string;
  /** Today's date (ISO); baselines, readings, review and launch dates are set relative to it. */
  readonly today: string;
}

/** One file of the scaffold, path relative to the workspace folder. */
export interface ScaffoldFile {
  readonly path: string;
  readonly text: string;
}

/** One metric of the starter constellation. */
interface MetricSpec {
  readonly id: string;
  readonly title: string;
  readonly doc: string;
  readonly std?: string;
  readonly output?: "retention" | "engagement" | "monetization";
  readonly traces?: string;
  readonly unit?: string;
  readonly direction?: "up" | "down";
  readonly owner: string;
  readonly source: string;
  readonly definition: string;
  readonly baseline: string;
  readonly target: string;
  /** A key-result reading between baseline and target. */
  readonly current: string;
  readonly cadence: "weekly" | "monthly";
  readonly inputs?: readonly string[];
  readonly levers?: readonly string[];
  readonly count?: string;
  readonly horizon?: "long";
}

const pad2 = (n: number): string => String(n).padStart(2, "0");

/** The dates the scaffold needs, all relative to today. */
function dates(today: string): { baselineOver: string; half: string; nextHalf: string; quarterStart: string; launch: string } {
  const [y, m] = today.split("-").map(Number) as [number, number];
  const q = Math.ceil(m / 3);
  const baselineOver = q === 1 ? `${y - 1}-Q4` : `${y}-Q${q - 1}`;
  const h = m <= 6 ? 1 : 2;
  const launchDay = new Date(`${today}T00:00:00Z`);
  launchDay.setUTCDate(launchDay.getUTCDate() + 42);
  return {
    baselineOver,
    half: `${y}-H${h}`,
    nextHalf: h === 1 ? `${y}-H2` : `${y + 1}-H1`,
    quarterStart: `${y}-${pad2(q * 3 - 2)}-01`,
    launch: launchDay.toISOString().slice(0, 10),
  };
}

function list(items: readonly string[]): string {
  return `[${items.join(", ")}]`;
}

function quoted(items: readonly string[]): string {
  return list(items.map((s) => JSON.stringify(s)));
}

/** The metric constellation for a maturity: three outputs (one per dimension) and the inputs that move them. */
function constellation(maturity: number): MetricSpec[] {
  const rich = maturity >= 3;
  const full = maturity >= 4;
  const metrics: MetricSpec[] = [
    {
      id: "arr",
      title: "Annual recurring revenue",
      doc: "Monetization output: what the business earns.",
      std: "arr",
      output: "monetization",
      traces: "revenue",
      owner: "finance",
      source: "billing",
      definition: "Annualised value of active subscriptions at month end, services excluded",
      baseline: "$4.2M",
      target: "$5.4M",
      current: "$4.8M",
      cadence: "monthly",
      inputs: ["win_rate", "deals_won", "share_of_search", ...(rich ? ["qualified_pipeline"] : []), ...(full ? ["sales_confidence"] : [])],
    },
    {
      id: "net_revenue_retention",
      title: "Net revenue retention",
      doc: "Retention output and north star: revenue kept from last year's customers.",
      std: "net_revenue_retention",
      output: "retention",
      traces: "revenue",
      owner: "finance",
      source: "billing",
      definition: "Recurring revenue today from customers paying 12 months ago, expansion included, net of contraction and churn, divided by their recurring revenue then",
      baseline: "98%",
      target: "103%",
      current: "100%",
      cadence: "monthly",
      inputs: ["time_to_value", "retained_customers", ...(rich ? ["expansion_arr"] : []), ...(full ? ["nps"] : [])],
      count: "retained_customers",
    },
    {
      id: "weekly_active_users",
      title: "Weekly active users",
      doc: "Engagement output: people who get value from the product.",
      std: "active_users",
      output: "engagement",
      traces: "customer_value",
      owner: "product",
      source: "analytics",
      definition: "Distinct users on paying accounts who completed a core action in the calendar week",
      baseline: "2_300",
      target: "3_000",
      current: "2_650",
      cadence: "weekly",
      inputs: ["time_to_value", ...(rich ? ["activated_accounts"] : [])],
    },
    {
      id: "win_rate",
      title: "Win rate",
      doc: "Share of decided deals won; `count` names its absolute companion.",
      std: "win_rate",
      owner: "sales",
      source: "crm",
      definition: "Deals closed won / deals closed won or lost, trailing 90 days",
      baseline: "21%",
      target: "25%",
      current: "23%",
      cadence: "weekly",
      levers: ["competitive battlecards", "win/loss interviews every month"],
      count: "deals_won",
    },
    {
      id: "deals_won",
      title: "Deals won",
      doc: "The absolute count behind win rate.",
      unit: "count",
      direction: "up",
      owner: "sales",
      source: "crm",
      definition: "New-customer deals closed won in the trailing 30 days",
      baseline: "9",
      target: "12",
      current: "10",
      cadence: "weekly",
      levers: ["mutual close plans", "deal reviews for every late-stage opportunity"],
    },
    {
      id: "time_to_value",
      title: "Time to value",
      doc: "Days from signature to first value; `direction: down` comes from the catalog.",
      std: "time_to_value",
      owner: "product",
      source: "analytics",
      definition: "Median days from signature to the account's first completed core action, accounts signed in the month",
      baseline: "18d",
      target: "12d",
      current: "15d",
      cadence: "monthly",
      levers: ["onboarding checklist", "kickoff call within two days of signature"],
    },
    {
      id: "retained_customers",
      title: "Retained customers",
      doc: "The absolute count behind net revenue retention.",
      unit: "count",
      direction: "up",
      owner: "pmm",
      source: "billing",
      definition: "Customers paying 12 months ago who still pay at month end",
      baseline: "140",
      target: "165",
      current: "150",
      cadence: "monthly",
      levers: ["renewal check-ins 90 days before term end", "customer newsletter on new features"],
    },
    {
      id: "share_of_search",
      title: "Share of search",
      doc: "Long-horizon brand demand: what short-term numbers miss.",
      std: "share_of_search",
      traces: "pipeline",
      owner: "pmm",
      source: "search_trends",
      definition: "Search interest in our brand terms / summed interest in ours and three named competitors', trailing 90 days",
      baseline: "6%",
      target: "8%",
      current: "7%",
      cadence: "monthly",
      horizon: "long",
      levers: ["category point-of-view content", "launch PR"],
    },
  ];
  if (rich) {
    metrics.push(
      {
        id: "qualified_pipeline",
        title: "Qualified pipeline",
        doc: "New pipeline that sales accepted, in money.",
        unit: "currency",
        direction: "up",
        traces: "pipeline",
        owner: "pmm",
        source: "crm",
        definition: "Amount of opportunities accepted by sales in the trailing 30 days",
        baseline: "$1.1M",
        target: "$1.4M",
        current: "$1.2M",
        cadence: "weekly",
        levers: ["campaigns on the two best-converting segments", "sales plays for each launch"],
      },
      {
        id: "activated_accounts",
        title: "Activated accounts",
        doc: "New accounts that reached their first value event.",
        unit: "count",
        direction: "up",
        owner: "product",
        source: "analytics",
        definition: "Accounts signed in the trailing 30 days that completed the activation checklist",
        baseline: "85",
        target: "110",
        current: "95",
        cadence: "weekly",
        levers: ["in-app onboarding guide", "activation webinar every week"],
      },
      {
        id: "expansion_arr",
        title: "Expansion ARR",
        doc: "Revenue added by existing customers.",
        unit: "currency",
        direction: "up",
        owner: "finance",
        source: "billing",
        definition: "Annualised value of upgrades and added seats on existing customers in the month",
        baseline: "$310k",
        target: "$400k",
        current: "$350k",
        cadence: "monthly",
        levers: ["upgrade campaigns to accounts near their plan limits", "packaging review twice a year"],
      },
    );
  }
  if (full) {
    metrics.push(
      {
        id: "sales_confidence",
        title: "Sales confidence",
        doc: "How ready sellers feel to pitch; surveyed after each enablement session.",
        std: "sales_confidence",
        owner: "pmm",
        source: "survey",
        definition: "Mean self-rating of quota-carrying reps, 1 to 5, of their confidence to position, demo and handle objections",
        baseline: "3.4",
        target: "4.2",
        current: "3.8",
        cadence: "monthly",
        levers: ["monthly enablement sessions", "objection-handling library"],
      },
      {
        id: "nps",
        title: "Net Promoter Score",
        doc: "Customer loyalty from the 0–10 recommend question.",
        std: "nps",
        owner: "product",
        source: "survey",
        definition: "Percentage of respondents answering 9 or 10 minus the percentage answering 0 to 6, customers surveyed in the month",
        baseline: "31",
        target: "40",
        current: "35",
        cadence: "monthly",
        levers: ["close the loop with every detractor within a week", "quarterly roadmap webinar"],
      },
    );
  }
  return metrics;
}

function metricText(m: MetricSpec, d: ReturnType<typeof dates>, signoff: readonly string[]): string {
  const lines = [`## ${m.doc}`, `metric ${m.id} ${JSON.stringify(m.title)}${m.std ? ` from std.${m.std}` : ""} {`];
  const p = (name: string, value: string): void => void lines.push(`  ${name}: ${value}`);
  p("type", m.output ? "output" : "input");
  if (m.output) p("dimension", m.output);
  if (m.traces) p("traces", m.traces);
  if (m.unit) p("unit", m.unit);
  if (m.direction) p("direction", m.direction);
  p("owner", m.owner);
  p("source", m.source);
  p("definition", JSON.stringify(m.definition));
  p("agreed_by", list(signoff));
  p("baseline", `${m.baseline} from ${m.source} over ${d.baselineOver}`);
  p("target", `${m.target} by ${d.nextHalf}`);
  p("cadence", m.cadence);
  if (m.horizon) p("horizon", m.horizon);
  if (m.inputs) p("inputs", list(m.inputs));
  if (m.levers) p("levers", quoted(m.levers));
  if (m.count) p("count", m.count);
  lines.push("}");
  return lines.join("\n");
}

/**
 * Generates a starter workspace sized to a data maturity: the files and
 * their texts, laid out as `pmm fmt` would. Pure: the caller writes them.
 * The result passes `pmm check` on `today` (baselines over the last full
 * quarter, key-result readings dated today, the review dated the start of
 * the current quarter) and for the attribution cell of the decision table.
 */
export function scaffold(options: ScaffoldOptions): ScaffoldFile[] {
  const { maturity, cycleDays, today } = options;
  const cycle = options.cycle ?? `${cycleDays}d`;
  const d = dates(today);
  const warehouse = maturity >= 3;
  const truth = warehouse ? "warehouse" : "workbook";
  const signoff = ["sales", "product", "finance"];
  const metrics = constellation(maturity);
  const byId = new Map(metrics.map((m) => [m.id, m]));
  const has = (id: string): boolean => byId.has(id);
  const rec = recommendAttribution(cycleDays, maturity);
  const files: ScaffoldFile[] = [];
  const add = (path: string, text: string): void => void files.push({ path, text });

  add(
    "blueprint.pmm",
    `# The measurement blueprint: one per workspace. \`pmm check\` reads every .pmm
# file under this folder as one workspace; ids are shared across files.
#
# Syntax in one breath: \`kind id "Title" { property: value }\`, \`#\` starts a
# comment, \`##\` right above a declaration documents it (shown on hover and
# copied into the compiled JSON). Lists are \`[a, b]\`; durations \`45d\`,
# money \`$4.2M\`, percentages \`25%\`, periods \`2026-Q3\` or \`2026-H2\`.

## Data maturity ${maturity} of 5 and a ${cycle} median sales cycle size everything else.
blueprint measurement "PMM measurement blueprint" {
  # 1 = spreadsheets … 5 = warehouse plus experiments; raise it as the data grows
  maturity: ${maturity}
  # median days from opportunity to close: it picks the attribution models
  sales_cycle: ${cycle}
  currency: USD
  north_star: net_revenue_retention
  # every KPI's source must reach this one through \`feeds\`
  source_of_truth: ${truth}
}
`,
  );

  add(
    "teams.pmm",
    `# Teams own metrics, sign off shared definitions and sit in forums. Roles:
# pmm, sales, product, finance, marketing, exec, success, other. Teams with
# role sales, product or finance must agree (\`agreed_by\`) every revenue KPI.

team pmm "Product Marketing" { role: pmm }
team sales "Sales" { role: sales }
team product "Product" { role: product }
team finance "Finance" { role: finance }
team leadership "Leadership" { role: exec }
`,
  );

  const sources = [
    warehouse
      ? `## The single source of truth: every number lands in the warehouse.
source warehouse "Data warehouse" {
  kind: warehouse
  refresh: ${maturity >= 4 ? "hourly" : "daily"}
  owner: product
}`
      : `## The single source of truth at this maturity: one shared workbook.
source workbook "Metrics workbook" {
  kind: spreadsheet
  refresh: weekly
  owner: pmm
}`,
    `source crm "CRM" {
  kind: crm
  refresh: daily
  feeds: ${truth}
  owner: sales
}`,
    `source analytics "Product analytics" {
  kind: product_analytics
  refresh: daily
  feeds: ${truth}
  owner: product
}`,
    `source billing "Billing" {
  kind: finance
  refresh: daily
  feeds: ${truth}
  owner: finance
}`,
    `source search_trends "Search trends" {
  kind: web_analytics
  refresh: weekly
  feeds: ${truth}
  owner: pmm
}`,
  ];
  if (has("nps")) {
    sources.push(`source survey "Customer and seller surveys" {
  kind: survey
  refresh: monthly
  feeds: ${truth}
  owner: pmm
}`);
  }
  add(
    "sources.pmm",
    `# Data sources. \`refresh\` must keep up with the \`cadence\` of the metrics
# read from a source, and \`feeds\` says where its data goes (rename these to
# your tools: Salesforce, HubSpot, Amplitude, Stripe, …).

${sources.join("\n\n")}
`,
  );

  const outputs = metrics.filter((m) => m.output);
  const inputs = metrics.filter((m) => !m.output);
  const experimentMetrics: string[] = [];
  if (maturity >= 2) {
    experimentMetrics.push(`## The conversion the pricing-page experiment tries to move.
metric signup_conversion "Trial sign-up conversion" {
  type: input
  unit: percent
  direction: up
  owner: pmm
  source: analytics
  definition: "Visitors of the pricing page who start a trial / visitors of the pricing page, same day"
  levers: ["pricing page copy", "plan comparison table"]
}`);
  }
  if (maturity >= 4) {
    experimentMetrics.push(`## The share of new accounts that finish onboarding.
metric onboarding_completion "Onboarding completion" {
  type: input
  unit: percent
  direction: up
  owner: product
  source: analytics
  definition: "Accounts that finished every onboarding step within 14 days / accounts created, same cohort"
  levers: ["onboarding checklist", "welcome emails"]
}`);
  }
  add(
    "metrics.pmm",
    `# The metric constellation: output metrics (what the business gets, one per
# dimension: retention, engagement, monetization), each with the input
# metrics that move it (\`inputs\`), and tradeoff pairs that keep one output
# from being bought with another. \`from std.NAME\` starts from a catalog
# entry (\`pmm explain std.NAME\`); properties written here override it.
#
# A baseline says where a number comes from and over which finished period:
# \`98% from billing over ${d.baselineOver}\`. A target says by when: \`by ${d.nextHalf}\`.
# Replace the example numbers with your own history.

# --- Outputs ------------------------------------------------------------------

${outputs.map((m) => metricText(m, d, signoff)).join("\n\n")}

# --- Inputs: what the team can move (\`levers\`) ---------------------------------

${inputs.map((m) => metricText(m, d, signoff)).join("\n\n")}
${experimentMetrics.length ? `\n${experimentMetrics.join("\n\n")}\n` : ""}
# --- Tradeoffs: primary \`vs\` guard; the guard travels with its primary ----------

tradeoff arr vs net_revenue_retention {
  why: "growth from poor-fit customers returns as churn a year later"
}

tradeoff net_revenue_retention vs weekly_active_users {
  why: "expansion sold as unused seats contracts at renewal"
}
`,
  );

  const workstreams = warehouse
    ? `## Revenue enablement: win more of the deals in the pipeline.
workstream revenue "Revenue enablement" {
  owner: pmm
  kpis: ${list(["win_rate", "deals_won", "qualified_pipeline", "share_of_search", ...(has("sales_confidence") ? ["sales_confidence"] : [])])}
  deliverables: [messaging, enablement, competitive_intel]
}

## Adoption and retention: get customers live sooner and keep them.
workstream adoption "Adoption and retention" {
  owner: pmm
  kpis: ${list(["time_to_value", "activated_accounts", "expansion_arr", "retained_customers", ...(has("nps") ? ["nps"] : [])])}
  deliverables: [launch, campaign]
}`
    : `## All PMM work in one workstream until the team grows.
workstream core "Product marketing" {
  owner: pmm
  kpis: [win_rate, deals_won, time_to_value, share_of_search]
  deliverables: [messaging, enablement]
}`;
  add(
    "workstreams.pmm",
    `# Workstreams group the KPIs a team answers for: 3 to 7 each. A KPI is a
# metric listed here, measured by a key result, or shown on a dashboard view;
# KPIs need a \`source\` and a \`definition\`.

${workstreams}
`,
  );

  const kr = (id: string): string => {
    const m = byId.get(id)!;
    return `  kr ${id}: ${m.baseline} -> ${m.target} by ${d.half} { current: ${m.current} on ${today} }`;
  };
  add(
    "okrs.pmm",
    `# OKRs: an objective with 2 to 5 key results. \`kr METRIC: FROM -> TO by PERIOD\`
# measures a metric; \`current: VALUE on DATE\` is the latest reading (keep it
# under 30 days old while the period runs). Team objectives \`aligns\` to a
# company objective.

## Company objective for the half.
okr company_growth "Grow revenue that stays" {
  level: company
  owner: leadership
  period: ${d.half}
  kind: committed
${["arr", "net_revenue_retention", ...(warehouse ? ["weekly_active_users"] : [])].map(kr).join("\n")}
}

## PMM objective, aligned to the company one.
okr pmm_win "Win more deals and get customers live sooner" {
  level: team
  owner: pmm
  period: ${d.half}
  kind: ${maturity >= 3 ? "aspirational" : "committed"}
  aligns: company_growth
${["win_rate", "time_to_value", ...(warehouse ? ["activated_accounts"] : [])].map(kr).join("\n")}
}
`,
  );

  const models = rec.models;
  const mta = models.includes("mta");
  const mmm = models.includes("mmm");
  const method = mta ? (rec.mtaMethod ?? (maturity >= 4 ? "data_driven" : "position_based")) : null;
  const lookback = Math.max(30, Math.ceil(cycleDays * 2));
  const attrLines = [
    `  models: ${list(models)}`,
    ...(method ? [`  mta_method: ${method}`] : []),
    "  # how far back a touch still counts: at least the sales cycle",
    `  lookback: ${lookback}d`,
    ...(mta ? ["  # multi-touch needs volume: 400 conversions a month or more for data-driven", "  conversions: 650/month"] : []),
    ...(mmm ? ["  # a mix model needs two years of weekly history and real spend", "  history: 130w", "  annual_spend: $6M"] : []),
    `  rationale: ${JSON.stringify(`${cycle} sales cycle at maturity ${maturity}: ${rec.note}`)}`,
  ];
  const launch = warehouse
    ? `

# Launches point at the attribution that proves them; a T2 launch tracks
# adoption (T1 adds engagement and revenue, T0 awareness too). Track the
# metrics before go-live so there is a baseline to compare against.

## The next launch: replace it with yours.
launch next_launch "Next feature launch" {
  tier: T2
  date: ${d.launch}
  owner: pmm
  attribution: blended
  adoption: [activated_accounts]
}`
    : "";
  add(
    "attribution.pmm",
    `# Attribution: how credit for pipeline and revenue is assigned. This is the
# cell of the decision table for a ${cycle} cycle at maturity ${maturity} (cycle
# ${rec.cycleBand}, maturity ${rec.maturityBand}): ${models.join(" + ")}.
# \`incrementality\` is a holdout test${maturity <= 2 ? " (at this maturity, a simple pre/post comparison)" : ""}.

## The blend this team uses, and why.
attribution blended "${models.map((x) => x.replace(/_/g, " ")).join(" + ")}" {
${attrLines.join("\n")}
}${launch}
`,
  );

  const weekly = metrics.filter((m) => m.cadence === "weekly" && !m.output && m.id !== "share_of_search").map((m) => m.id);
  const all = [...outputs, ...inputs].map((m) => m.id);
  const pmmView = warehouse
    ? ["win_rate", "deals_won", "qualified_pipeline", "activated_accounts", "time_to_value", "share_of_search"]
    : ["win_rate", "deals_won", "time_to_value", "share_of_search"];
  add(
    "cadence.pmm",
    `# Cadence: forums where decisions are made, reports that land before them
# (\`lead\` of 24h or more), and the dashboard with a view per audience. A
# forum meets no more often than the metrics it reviews are refreshed.

forum weekly_sync "Weekly pipeline sync" {
  every: weekly
  day: monday
  audience: [pmm, sales]
}

forum monthly_review "Monthly business review" {
  every: monthly
  day: tuesday
  audience: [leadership, pmm, sales, product, finance]
}

report weekly_pulse "Weekly pulse" {
  forum: weekly_sync
  lead: 24h
  metrics: ${list(weekly)}
}

## Every KPI is reviewed at least monthly.
report monthly_pack "Monthly pack" {
  forum: monthly_review
  lead: 48h
  metrics: ${list(all)}
}

## One dashboard on the source of truth, one view per audience.
dashboard main "PMM dashboard" {
  source: ${truth}
  view exec "Executive" {
    audience: [leadership]
    metrics: [arr, net_revenue_retention, weekly_active_users, retained_customers]
  }
  view team "PMM team" {
    audience: [pmm]
    metrics: ${list(pmmView)}
  }
  view partners "Sales and product" {
    audience: [sales, product, finance]
    metrics: [win_rate, deals_won, time_to_value, weekly_active_users]
  }
}
`,
  );

  add(
    "review.pmm",
    `# The metric review: at least quarterly, retire metrics nobody decides on and
# replace them (\`status: retired\` with \`replaced_by\`). Update \`last\` each time.

review quarterly "Quarterly metric review" {
  every: quarterly
  owner: pmm
  last: ${d.quarterStart}
}
`,
  );

  if (maturity >= 2) {
    const second =
      maturity >= 4
        ? `

## Does a shorter onboarding checklist get more accounts through it?
experiment short_onboarding "Shorter onboarding checklist" {
  metric: onboarding_completion
  baseline: 40%
  expect: 45%
  traffic: 300/day
  status: planned
  holdout: 10% for 12mo
}`
        : "";
    add(
      "experiments.pmm",
      `# Experiments: \`pmm check\` computes the sample size from \`baseline\`,
# \`expect\` (or \`mde\`) and \`traffic\`, and warns when the test needs more
# than 30 days. Keep a long \`holdout\` on anything you ship: many short-term
# lifts fade within a year.

## Does a clearer pricing page start more trials?
experiment pricing_page "Pricing page test" {
  metric: signup_conversion
  baseline: 4%
  expect: 5%
  traffic: 800/day
  status: planned
  holdout: 10% for 12mo
}${second}
`,
    );
  }

  const parser = new Parser();
  return files.map((f) => {
    const r = format(f.text, { parser });
    return "errors" in r ? f : { path: f.path, text: r.text };
  });
}
