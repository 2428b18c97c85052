// The published JSON Schema (draft 2020-12) of the compiled blueprint; `pmm schema` prints it and docs/blueprint.schema.json holds a copy.

/** The schema's versioned `$id`, also written as the blueprint's `$schema`. */
export const BLUEPRINT_SCHEMA_ID = "https://pmm.dev/schemas/blueprint/v2.json";

/** A JSON Schema node. */
type Schema = { readonly [key: string]: unknown };

const str = (description: string): Schema => ({ type: "string", description });
const nstr = (description: string): Schema => ({ type: ["string", "null"], description });
const int = (description: string, minimum = 0): Schema => ({ type: "integer", minimum, description });
const bool = (description: string): Schema => ({ type: "boolean", description });
const ref = (def: string, description: string): Schema => ({ $ref: `#/$defs/${def}`, description });
const nref = (def: string, description: string): Schema => ({ anyOf: [{ $ref: `#/$defs/${def}` }, { type: "null" }], description });
const list = (items: Schema, description: string): Schema => ({ type: "array", items, description });
const ids = (description: string): Schema => list({ $ref: "#/$defs/id" }, description);
const strs = (description: string): Schema => list({ type: "string" }, description);
const date = (description: string): Schema => ({ $ref: "#/$defs/date", description });
const ndate = (description: string): Schema => ({ anyOf: [{ $ref: "#/$defs/date" }, { type: "null" }], description });
const nid = (description: string): Schema => ({ anyOf: [{ $ref: "#/$defs/id" }, { type: "null" }], description });
const en = (values: readonly string[], description: string): Schema => ({ enum: [...values], description });
const nen = (values: readonly string[], description: string): Schema => ({ enum: [...values, null], description });

/** An object with every property required and no others. */
function obj(description: string, properties: Record<string, Schema>, optional: readonly string[] = []): Schema {
  return {
    type: "object",
    description,
    properties,
    required: Object.keys(properties).filter((k) => !optional.includes(k)),
    additionalProperties: false,
  };
}

const BAND = ["red", "yellow", "green"];
const TEAM_REFS = "ids of teams";

/** The blueprint JSON Schema. */
export const BLUEPRINT_SCHEMA: Schema = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: BLUEPRINT_SCHEMA_ID,
  title: "pmm blueprint",
  ...obj(
    "The compiled measurement blueprint of a pmm workspace (`pmm compile`): the eight outputs of the PMM measurement playbook plus every metric's resolved definition and the diagnostics, for dashboards to draw. Numbers carry their units; periods are inclusive date ranges.",
    {
      $schema: { const: BLUEPRINT_SCHEMA_ID, description: "The URI of this schema, versioned." },
      version: {
        const: 2,
        description:
          "The blueprint format version; changes only with the schema's `$id` (2: the constellation is one graph of nodes and edges by id instead of nested input trees).",
      },
      today: date("The date the workspace was checked against, present only when `--today` (or the config's `today`) was given."),
      blueprint: ref("blueprintInfo", "The workspace's `blueprint` declaration: name, maturity, sales cycle, currency, north star, source of truth."),
      constellation: ref("constellation", "Output 1: output metrics by dimension with their tradeoff guards, and the metric graph once as nodes and edges by id."),
      okrs: ref("okrs", "Output 2: objectives with key results, scores and score bands, and the alignment tree."),
      dashboards: list({ $ref: "#/$defs/dashboard" }, "Output 3: dashboards and their stakeholder views, each metric's full definition inline."),
      cadence: ref("cadence", "Output 4: forums with schedule, the reports that land before them with lead time, and the KPIs each reviews."),
      attribution: ref("attribution", "Output 5: declared attribution plans with rationale, the decision table's recommendation, and any mismatch."),
      deliverables: ref("deliverables", "Output 6: metrics by deliverable type and by launch tier level."),
      launches: list(
        { $ref: "#/$defs/launchReport" },
        "Every launch with its tier, date, status against `today`, KPIs by stage (awareness → engagement → adoption → revenue) and tracking status, in declaration order.",
      ),
      experiments: list(
        { $ref: "#/$defs/experiment" },
        "Every experiment with its hypothesis, metric, sample size needed against the traffic, holdout and status, in declaration order.",
      ),
      targets: list({ $ref: "#/$defs/target" }, "Output 7: every KPI's baseline (value, source, period) and target (value, by), in declaration order."),
      integrations: ref("integrations", "Output 8: each data source with its kind, refresh, what it feeds, which metrics need it and freshness gaps."),
      metrics: list({ $ref: "#/$defs/metric" }, "Every workspace metric with its resolved properties (catalog entry merged), in declaration order."),
      readings: nref("readings", "The warehouse readings given with `--readings`; null without them."),
      diagnostics: ref("diagnostics", "The findings of `pmm check` on the workspace: counts by severity and by rule, and each finding."),
    },
    ["today"],
  ),
  $defs: {
    id: { type: "string", pattern: "^[A-Za-z_][A-Za-z0-9_]*$", description: "A declaration id as written in the workspace." },
    date: { type: "string", pattern: "^\\d{4}-\\d{2}-\\d{2}$", format: "date", description: "An ISO calendar date, YYYY-MM-DD." },
    period: obj("A span of calendar days, both ends inclusive: `2026-Q4` is 2026-10-01 to 2026-12-31.", {
      start: date("The first day of the period."),
      end: date("The last day of the period."),
    }),
    quantity: {
      description:
        "A number with its unit. Plain numbers take the unit of the metric they measure; money carries its ISO 4217 currency (plain numbers on currency metrics get the blueprint's); durations are in days; rates are per period as written.",
      oneOf: [
        obj("A plain number: a count, a percentage (as shown: 25 is 25%), percentage points, a ratio, a score, a multiple, or a unitless number.", {
          value: { type: "number", description: "The number as written, magnitude suffixes applied." },
          unit: en(["count", "percent", "pp", "ratio", "score", "multiple", "number"], "The number's unit."),
        }),
        obj("An amount of money.", {
          value: { type: "number", description: "The amount, magnitude suffixes applied (`$6M` is 6000000)." },
          unit: { const: "currency", description: "Marks an amount of money." },
          currency: { type: "string", pattern: "^[A-Z]{3}$", description: "ISO 4217 currency code." },
        }),
        obj(
          "A duration in days (h = 1/24, w = 7, mo = 30, q = 91, y = 365).",
          {
            value: { type: "number", description: "The number of days." },
            unit: { const: "days", description: "Marks a duration in days." },
            as_written: { type: "string", description: "The duration as the workspace writes it (`60d`, `12mo`); absent for plain numbers of a duration metric." },
          },
          ["as_written"],
        ),
        obj("A rate per period, as written (`650/month`).", {
          value: { type: "number", description: "The amount per period." },
          unit: en(["per_day", "per_week", "per_month", "per_year"], "The period of the rate."),
        }),
      ],
    },
    band: nen(BAND, "Score band: red below 0.4, yellow from 0.4, green from 0.7; null when there is no score."),
    score: { type: ["number", "null"], minimum: 0, maximum: 1, description: "Score from 0 to 1 (rounded to four places); null when it cannot be computed." },
    formula: {
      description: "A formula as an expression tree.",
      oneOf: [
        obj("A metric named in the formula.", { type: { const: "metric", description: "Node kind." }, id: ref("id", "The metric's id.") }),
        obj("A literal number.", { type: { const: "number", description: "Node kind." }, value: ref("quantity", "The number with its unit.") }),
        obj("A negation.", { type: { const: "neg", description: "Node kind." }, operand: ref("formula", "The negated expression.") }),
        obj("A binary operation.", {
          type: { const: "binary", description: "Node kind." },
          op: en(["+", "-", "*", "/"], "The operator."),
          left: ref("formula", "The left operand."),
          right: ref("formula", "The right operand."),
        }),
      ],
    },
    blueprintInfo: obj("The workspace's `blueprint` declaration (fields are null when there is none).", {
      id: nid("The blueprint's id."),
      name: nstr("The blueprint's display name."),
      doc: nstr("The `##` doc comment above the blueprint."),
      maturity: { type: ["integer", "null"], minimum: 1, maximum: 5, description: "Data maturity, 1 (spreadsheets) to 5 (warehouse and experiments)." },
      sales_cycle: nref("quantity", "Median sales cycle, in days."),
      currency: { type: "string", description: "ISO 4217 code of plain amounts (USD when unset)." },
      north_star: nid("The north-star metric."),
      source_of_truth: nid("The source every KPI should reach."),
      fiscal_year_start: {
        type: "integer",
        minimum: 1,
        maximum: 12,
        description: "First month (1–12) of the fiscal year; `FY2026` ends the month before it in 2026 (January when unset).",
      },
      signoff: ids(`The teams that must agree on revenue and pipeline definitions (the \`signoff\` list, else every sales, product and finance team): ${TEAM_REFS}.`),
    }),
    constellationNode: obj("A metric of the constellation graph.", {
      metric: ref("id", "The metric's id."),
      name: str("The metric's display name."),
      type: nen(["output", "input"], "The metric's type."),
      depth: { type: ["integer", "null"], minimum: 0, description: "Fewest edges from an output metric down to this one (0 for outputs); null when no output reaches it." },
    }),
    constellationEdge: obj("An edge of the constellation graph: `from` is driven by `to`.", {
      from: ref("id", "The driven metric."),
      to: ref("id", "The metric that drives it."),
      via: en(["inputs", "formula"], "Listed in `from`'s `inputs`, or named in `from`'s formula."),
    }),
    tradeoff: obj("A tradeoff pair: a primary metric and the guard watched opposite it.", {
      primary: ref("id", "The primary metric."),
      guard: ref("id", "The guard metric."),
      why: nstr("What the guard protects against."),
      limit: nref("quantity", "The value the guard must stay within."),
    }),
    constellation: obj("The metric constellation.", {
      north_star: nid("The north-star metric."),
      dimensions: list(
        obj("One dimension with its output metrics.", {
          dimension: nen(["retention", "engagement", "monetization"], "The dimension; null groups outputs without a valid dimension."),
          outputs: list(
            obj("An output metric of the dimension.", {
              metric: ref("id", "The output metric."),
              name: str("Its display name."),
              north_star: bool("True for the blueprint's north star."),
              inputs: ids("The metrics directly under it: the targets of its edges, in order (the whole graph is in `nodes` and `edges`)."),
              guards: list(
                obj("A guard watched opposite this output.", {
                  metric: ref("id", "The guard metric."),
                  name: str("Its display name."),
                  why: nstr("What the guard protects against."),
                  limit: nref("quantity", "The value the guard must stay within."),
                }),
                "The guards of the tradeoffs this output is primary of.",
              ),
              guards_for: ids("The primaries this output is the guard of."),
            }),
            "Output metrics of the dimension, in declaration order.",
          ),
        }),
        "Retention, engagement and monetization in that order (always present, possibly empty), then outputs without a valid dimension if any.",
      ),
      missing_dimensions: strs("Dimensions no output metric covers."),
      nodes: list({ $ref: "#/$defs/constellationNode" }, "Every workspace metric once, in declaration order, with its depth below the nearest output."),
      edges: list(
        { $ref: "#/$defs/constellationEdge" },
        "Every `inputs` and formula edge once, by id: each metric's `inputs` in order, then the metrics its formula names (a metric's own id and repeats left out; cycles are kept as edges, `input-cycle` reports them).",
      ),
      tradeoffs: list({ $ref: "#/$defs/tradeoff" }, "Every tradeoff pair whose two metrics resolve, in declaration order."),
    }),
    keyResult: obj("A key result: `kr METRIC: FROM -> TO by PERIOD { current: VALUE on DATE }`, or one of the other forms (`form`).", {
      form: en(
        ["move", "target", "change", "hold", "milestone"],
        "What it asks for: `move` FROM -> TO; `target` -> TO with no stated start; `change` ±CHANGE from the metric's baseline; `hold` at most / at least a bound; `milestone` done or not by the deadline.",
      ),
      metric: nid("The metric the key result measures; null for a milestone."),
      milestone: nstr("A milestone's name (local to its objective); null for the other forms."),
      name: str("The key result's own title, else the metric's display name, else the milestone's name."),
      from: nref("quantity", "The stated starting value (`move` only)."),
      to: nref("quantity", "The value to reach (`move`, `target`), or the ceiling or floor (`hold`)."),
      change: {
        anyOf: [
          obj("A change from the metric's baseline.", {
            value: ref("quantity", "The change, signed: `-35%` is -35 percent."),
            relative: bool("True when a percent of the starting value (`-35%`), false when absolute (`+30`, `+4pp`)."),
          }),
          { type: "null" },
        ],
        description: "The change asked for (`change` only).",
      },
      bound: nen(["at_most", "at_least"], "A ceiling (`at_most`) or a floor (`at_least`) to hold (`hold` only)."),
      start: {
        type: ["number", "null"],
        description:
          "The number progress is measured from, in the metric's unit: FROM, else the metric's baseline (`target`, `change`); null when unknown, for `hold` and milestones.",
      },
      goal: {
        type: ["number", "null"],
        description: "The number to reach, in the metric's unit: TO, the start moved by the change, or the bound of a `hold`; null when unknown and for milestones.",
      },
      by: nref("period", "When it is due (the whole period: `by 2026-Q4` is on or before 2026-12-31)."),
      current: nref("quantity", "The latest reading (null for a milestone: see `done`)."),
      current_on: ndate("The date of the latest reading."),
      current_source: nen(
        ["declared", "readings"],
        "Where `current` comes from: the key result's own `current`, or (without one) the latest warehouse reading dated in its period (`by`, else the objective's period); null when there is none.",
      ),
      done: { type: ["boolean", "null"], description: "A milestone's reading: true when `done`, false when `pending`, null when none or not a milestone." },
      score: ref("score", "(current − start) / (goal − start), clamped to 0–1; a `hold` scores 1 within its bound, else 0; a milestone 1 when done, else 0."),
      band: ref("band", "The score's band."),
    }),
    objective: obj("An objective.", {
      id: ref("id", "The objective's id."),
      name: nstr("Its display name."),
      doc: nstr("Its doc comment."),
      level: nen(["company", "team"], "Company or team objective."),
      owner: nid("The owning team."),
      period: nref("period", "The period it runs over."),
      kind: nen(["committed", "aspirational"], "Committed or aspirational."),
      aligns: nid("The objective it supports."),
      score: ref("score", "The mean of its scored key results."),
      band: ref("band", "The objective score's band."),
      key_results: list({ $ref: "#/$defs/keyResult" }, "Its key results, in order."),
    }),
    alignment: obj("An objective in the alignment tree.", {
      objective: ref("id", "The objective."),
      aligned: list({ $ref: "#/$defs/alignment" }, "The objectives that align to it."),
    }),
    okrs: obj("The OKR structure.", {
      objectives: list({ $ref: "#/$defs/objective" }, "Every objective, in declaration order."),
      alignment: list({ $ref: "#/$defs/alignment" }, "Objectives that align to no other objective, each with the tree aligned beneath it."),
    }),
    baseline: obj("A historical starting value.", {
      value: nref("quantity", "The value."),
      source: nid("The source it was read from."),
      period: nref("period", "The period it covers."),
    }),
    targetValue: obj("Where a metric should be.", {
      value: nref("quantity", "The value."),
      by: nref("period", "When it is due."),
    }),
    metric: obj("A workspace metric, its catalog entry merged (own properties win).", {
      id: ref("id", "The metric's id."),
      name: str("Display name: its own, else the catalog entry's, else the id."),
      doc: nstr("The `##` doc comment above the declaration."),
      from: nstr("The catalog entry it starts from (`std.win_rate`)."),
      inherited: strs("Properties that come from the catalog entry."),
      type: nen(["output", "input"], "Output (a result) or input (a lever)."),
      dimension: nen(["retention", "engagement", "monetization"], "Its own dimension."),
      dimensions: strs("Its dimensions: its own, or those of the outputs it feeds."),
      traces: strs("What it traces to: revenue, pipeline, customer_value."),
      unit: nen(["count", "percent", "currency", "ratio", "score", "duration"], "The unit of its values."),
      direction: nen(["up", "down"], "Which way is better."),
      owner: nid("The accountable team."),
      source: nid("The source it is read from."),
      definition: nstr("How it is computed, in words."),
      formula: nref("formula", "The formula that counts, as a tree: its own, or the catalog's when every name in it is a workspace metric."),
      formula_text: nstr("The formula as canonical text."),
      measure: nstr("The dbt semantic-layer measure that computes it."),
      agreed_by: ids(`The teams that signed the definition: its own \`agreed_by\`, then those of every review that agreed it with a group (\`definitions\`); ${TEAM_REFS}.`),
      baseline: nref("baseline", "Its baseline."),
      target: nref("targetValue", "Its target."),
      cadence: nen(["daily", "weekly", "monthly", "quarterly"], "How often it is refreshed and looked at."),
      inputs: ids("The input metrics listed in `inputs`."),
      feeds: ids("The output metrics that list it in their `inputs`."),
      levers: strs("What the team does to move it."),
      count: nid("Its absolute-count companion."),
      phase: strs("PMM phases where it matters."),
      deliverable: strs("Deliverable types it measures."),
      horizon: nen(["short", "long"], "Short-term performance or long-term health."),
      aliases: strs("Other names people use for it."),
      cumulative: bool("A running total that only grows."),
      since: ndate("When tracking started."),
      status: en(["active", "proposed", "retired"], "Whether it is in use (active when unset)."),
      replaced_by: nid("The metric replacing a retired one."),
      rate: bool("The catalog marks it a rate."),
      vanity: bool("The catalog marks it a vanity metric."),
      kpi: bool("It is a KPI: in a workstream's `kpis`, measured by a key result, or on a dashboard view."),
      workstreams: ids("The workstreams that list it as a KPI."),
    }),
    dashboard: obj("A dashboard.", {
      id: ref("id", "The dashboard's id."),
      name: nstr("Its display name."),
      doc: nstr("Its doc comment."),
      source: nid("The source it reads."),
      views: list(
        obj("A stakeholder view.", {
          id: ref("id", "The view's id (local to its dashboard)."),
          name: nstr("Its title."),
          audience: ids(`Who it is for: ${TEAM_REFS}.`),
          audience_roles: strs("The roles of those teams, sorted."),
          metrics: list({ $ref: "#/$defs/metric" }, "The metrics it shows, each with its full definition."),
          context: ids("Metrics it shows beside them as context or guards (`context`); they are not KPIs."),
        }),
        "Its views, in order.",
      ),
    }),
    report: obj("A report: the pre-read that lands before a forum.", {
      id: ref("id", "The report's id."),
      name: nstr("Its display name."),
      doc: nstr("Its doc comment."),
      forum: nid("The forum it feeds."),
      lead: nref("quantity", "How long before the meeting it lands, in days."),
      lead_hours: { type: ["number", "null"], description: "The same lead time in hours." },
      owner: nid("The team that writes it."),
      metrics: ids("The metrics it shows."),
      kpis: ids("Those of its metrics that are KPIs."),
    }),
    forum: obj("A forum where decisions are made.", {
      id: ref("id", "The forum's id."),
      name: nstr("Its display name."),
      doc: nstr("Its doc comment."),
      every: nen(["weekly", "biweekly", "monthly", "quarterly", "annually"], "How often it meets."),
      every_days: { type: ["integer", "null"], description: "Days between meetings: weekly 7, biweekly 14, monthly 31, quarterly 92, annually 366." },
      day: nen(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"], "The day it meets."),
      audience: ids(`Who attends: ${TEAM_REFS}.`),
      decides: nstr("What it decides."),
      reports: list({ $ref: "#/$defs/report" }, "The reports that feed it."),
      kpis: ids("The KPIs its reports review."),
    }),
    cadence: obj("The reporting cadence.", {
      forums: list({ $ref: "#/$defs/forum" }, "Every forum with its reports."),
      unscheduled_reports: list({ $ref: "#/$defs/report" }, "Reports whose forum does not resolve."),
      reviews: list(
        obj("A metric review cycle.", {
          id: ref("id", "The review's id."),
          name: nstr("Its display name."),
          every: nen(["weekly", "biweekly", "monthly", "quarterly", "annually"], "How often metrics are reviewed."),
          every_days: { type: ["integer", "null"], description: "Days between reviews." },
          owner: nid("The team that runs it."),
          last: ndate("When the last review happened."),
          next_due: ndate("The last review plus one period; null without `last` or `every`, or when it would fall after 9999-12-31."),
        }),
        "The review, retire and replace cycles.",
      ),
      unreviewed_kpis: ids("KPIs that appear in no report."),
    }),
    attribution: obj("Attribution: the declared plans and the decision table's recommendation.", {
      plans: list(
        obj("A declared attribution plan.", {
          id: ref("id", "The plan's id."),
          name: nstr("Its display name."),
          doc: nstr("Its doc comment."),
          models: strs("The models blended."),
          mta_method: nstr("How multi-touch attribution splits credit."),
          lookback: nref("quantity", "How far back touches count, in days."),
          conversions: nref("quantity", "Conversions per period available to the models."),
          history: nref("quantity", "Spend history for the mix model, in days."),
          annual_spend: nref("quantity", "Yearly marketing spend."),
          rationale: nstr("Why this blend fits."),
          launches: ids("The launches measured with it."),
          mismatch: {
            anyOf: [
              obj("How the plan differs from the recommendation.", {
                missing_models: strs("Recommended models the plan lacks."),
                extra_models: strs("Models the plan has that the recommendation does not."),
                mta_method: {
                  anyOf: [obj("The MTA method differs.", { declared: nstr("The plan's method."), recommended: str("The recommended method.") }), { type: "null" }],
                  description: "The MTA method when it differs from the recommended one; null otherwise.",
                },
              }),
              { type: "null" },
            ],
            description: "Differences from the recommendation; null when the plan matches it (or there is no recommendation).",
          },
        }),
        "Every declared plan.",
      ),
      recommendation: {
        anyOf: [
          obj("The decision table's cell for the blueprint's sales cycle and maturity.", {
            cycle_band: en(["≤ 30d", "31–90d", "91–180d", "> 180d"], "The sales-cycle row."),
            maturity_band: en(["1–2", "3", "4–5"], "The maturity column."),
            models: strs("The recommended models."),
            mta_method: nstr("The recommended MTA method, when the cell names one."),
            note: str("What the cell means in words."),
          }),
          { type: "null" },
        ],
        description: "The recommendation; null without a sales cycle and maturity.",
      },
    }),
    launch: obj("A launch with its metrics by level.", {
      id: ref("id", "The launch's id."),
      name: nstr("Its display name."),
      tier: nen(["T0", "T1", "T2", "T3"], "Its tier."),
      date: ndate("Its go-live date."),
      owner: nid("The team that runs it."),
      attribution: nid("Its attribution plan."),
      awareness: ids("Awareness-level metrics."),
      engagement: ids("Engagement-level metrics."),
      adoption: ids("Adoption-level metrics."),
      revenue: ids("Revenue-level metrics."),
      missing_levels: strs("Levels its tier needs that have no metric."),
    }),
    deliverables: obj("PMM metrics by deliverable type and launch tier.", {
      by_type: list(
        obj("One deliverable type.", {
          type: en(["messaging", "launch", "enablement", "competitive_intel", "campaign"], "The deliverable type."),
          metrics: ids("Metrics whose `deliverable` lists it."),
          workstreams: ids("Workstreams whose `deliverables` list it."),
        }),
        "The five types in order.",
      ),
      by_launch_tier: list(
        obj("One launch tier.", {
          tier: en(["T0", "T1", "T2", "T3"], "The tier."),
          levels: strs("The levels the tier needs."),
          launches: list({ $ref: "#/$defs/launch" }, "Its launches."),
        }),
        "T0 to T3 in order.",
      ),
      workstreams: list(
        obj("A workstream.", {
          id: ref("id", "The workstream's id."),
          name: nstr("Its display name."),
          owner: nid("The team that runs it."),
          deliverables: strs("What it delivers."),
          kpis: ids("Its KPIs."),
        }),
        "Every workstream.",
      ),
    }),
    target: obj("A KPI's baseline and target.", {
      metric: ref("id", "The KPI."),
      name: str("Its display name."),
      owner: nid("The accountable team."),
      direction: nen(["up", "down"], "Which way is better."),
      workstreams: ids("The workstreams it is a KPI of."),
      baseline: nref("baseline", "Its baseline: value, source, period."),
      target: nref("targetValue", "Its target: value, by."),
      latest: nref("latestReading", "Its latest warehouse reading (`--readings`); null without one."),
    }),
    latestReading: obj("A metric's latest warehouse reading.", {
      date: date("The first day of the reading's period."),
      value: ref("quantity", "The value, in the metric's unit."),
    }),
    readings: obj("The warehouse readings given with `--readings` (docs/readings.md).", {
      grain: nen(["day", "week", "month", "quarter"], "The grain of the time column (`metric_time__week`)."),
      series: list(
        obj("One metric's readings.", {
          metric: ref("id", "The metric."),
          points: list(
            obj("One reading.", {
              date: date("The first day of the period."),
              value: { type: "number", description: "The value in the metric's unit (percentages as shown: 29 is 29%)." },
            }),
            "Its readings, oldest first.",
          ),
        }),
        "One series per metric with readings, in metric declaration order.",
      ),
    }),
    launchReport: obj("A launch as the report shows it: its KPIs by stage of the launch KPI hierarchy and whether they are tracked.", {
      id: ref("id", "The launch's id."),
      name: nstr("Its display name."),
      doc: nstr("The `##` doc comment above it."),
      tier: nen(["T0", "T1", "T2", "T3"], "Its tier."),
      date: ndate("Its go-live date."),
      owner: nid("The team that runs it."),
      attribution: nid("Its attribution plan."),
      status: nen(["upcoming", "live"], "Against `today`: `upcoming` before its date, `live` from it; null without `today` or a date."),
      stages: list(
        obj("One stage of the hierarchy.", {
          stage: en(["awareness", "engagement", "adoption", "revenue"], "The stage."),
          required: bool("True when the launch's tier needs a metric at this stage."),
          metrics: list(
            obj("A metric of the stage.", {
              metric: ref("id", "The metric."),
              name: str("Its display name."),
              since: ndate("Its `since` date."),
              tracking: en(["before_launch", "after_launch", "unknown"], "Tracked since on or before go-live, only from after it, or unknown (no `since`)."),
              latest: nref("latestReading", "Its latest warehouse reading; null without one."),
            }),
            "The stage's metrics, as listed.",
          ),
        }),
        "Awareness, engagement, adoption and revenue, in that order (always all four).",
      ),
      tracking: en(["tracked", "gaps"], "`tracked` when every stage the tier needs has a metric and none is tracked only from after go-live; otherwise `gaps`."),
    }),
    experiment: obj("An experiment: hypothesis, metric, sample size needed against the traffic, holdout, status.", {
      id: ref("id", "The experiment's id."),
      name: nstr("Its display name."),
      hypothesis: nstr("The `##` doc comment above it: the hypothesis in the team's words."),
      metric: nid("The metric the test moves."),
      metric_name: nstr("That metric's display name."),
      baseline: nref("quantity", "The metric's value before the test."),
      expect: nref("quantity", "The value hoped for."),
      mde: nref("quantity", "The minimum detectable effect."),
      traffic: nref("quantity", "Eligible traffic per period."),
      sample_size: {
        anyOf: [
          obj("What the test needs (two-sided test at `alpha` with `power`).", {
            kind: en(["proportions", "means"], "Two proportions, or two means (with `sd`)."),
            per_arm: int("Sample size per arm.", 1),
            arms: int("Number of arms.", 2),
            total: int("Sample size over every arm.", 1),
            days: int("Days of traffic to reach it.", 0),
            alpha: { type: "number", description: "Significance level." },
            power: { type: "number", description: "Statistical power." },
          }),
          { type: "null" },
        ],
        description: "The sample size and days of traffic; null when the values cannot be read.",
      },
      holdout: {
        anyOf: [
          obj("A long-term holdout.", {
            share: nref("quantity", "The share held out."),
            duration: nref("quantity", "How long it stays out."),
          }),
          { type: "null" },
        ],
        description: "Its holdout; null without one.",
      },
      status: nen(["planned", "running", "won", "lost", "shipped"], "Where the test stands."),
    }),
    integrations: obj("Data integration requirements.", {
      source_of_truth: nid("The blueprint's source of truth."),
      sources: list(
        obj("A data source.", {
          id: ref("id", "The source's id."),
          name: nstr("Its display name."),
          doc: nstr("Its doc comment."),
          kind: nstr("What kind of system it is."),
          refresh: en(["realtime", "hourly", "daily", "weekly", "monthly", "manual", "unknown"], "How often its data is refreshed; `unknown` when `refresh` is not set."),
          feeds: nid("The source it loads into."),
          fed_by: ids("Sources that load into it."),
          owner: nid("The team that owns it."),
          reaches_source_of_truth: bool("It is the source of truth or reaches it through `feeds`."),
          metrics: ids("Metrics read from it."),
          dashboards: ids("Dashboards that read it."),
          freshness_gaps: list(
            obj("A metric looked at more often than the source is refreshed.", {
              metric: ref("id", "The metric."),
              cadence: str("The metric's cadence."),
              refresh: str("The source's refresh."),
            }),
            "Metrics whose cadence is more frequent than the refresh (`manual` counts as monthly; none when the refresh is unknown).",
          ),
        }),
        "Every source.",
      ),
    }),
    diagnostics: obj("The findings of the check.", {
      counts: obj("Findings by severity.", {
        error: int("Errors."),
        warning: int("Warnings."),
        info: int("Infos."),
        hint: int("Hints."),
      }),
      by_rule: {
        type: "object",
        description: "Findings per rule id, keys sorted.",
        propertyNames: { pattern: "^[a-z][a-z0-9-]*$" },
        additionalProperties: { type: "integer", minimum: 1 },
      },
      findings: list(
        obj("One finding.", {
          rule: str("The rule id."),
          severity: en(["error", "warning", "info", "hint"], "Its severity."),
          message: str("The message."),
          file: nstr("The file, as the check saw it; null for a workspace finding without a blueprint."),
          line: { type: ["integer", "null"], minimum: 1, description: "1-based line of its start." },
          column: { type: ["integer", "null"], minimum: 1, description: "1-based column of its start, in UTF-16 code units." },
          declaration: nstr("The enclosing declaration's id."),
        }),
        "Every finding, sorted by file and position.",
      ),
    }),
  },
};
