/** One cell of the attribution decision table (docs/rules/attribution-fit.md). */
export interface AttributionRecommendation {
  readonly models: readonly ("single_touch" | "self_reported" | "mta" | "mmm" | "incrementality")[];
  readonly mtaMethod: "position_based" | "data_driven" | null;
  /** The table's row and column, for messages and the compiled blueprint. */
  readonly cycleBand: "≤ 30d" | "31–90d" | "91–180d" | "> 180d";
  readonly maturityBand: "1–2" | "3" | "4–5";
  /** What the cell means in words. */
  readonly note: string;
}

/** Recommends a blend from the sales cycle (days) and data maturity (1–5). */
export function recommendAttribution(cycleDays: number, maturity: number): AttributionRecommendation {
  const cycleBand = cycleDays <= 30 ? "≤ 30d" : cycleDays <= 90 ? "31–90d" : cycleDays <= 180 ? "91–180d" : "> 180d";
  const maturityBand = maturity <= 2 ? "1–2" : maturity === 3 ? "3" : "4–5";
  const cell = (models: AttributionRecommendation["models"], mtaMethod: AttributionRecommendation["mtaMethod"], note: string): AttributionRecommendation => ({
    models,
    mtaMethod,
    cycleBand,
    maturityBand,
    note,
  });
  if (maturityBand === "1–2") {
    return cycleBand === "≤ 30d"
      ? cell(["single_touch", "incrementality"], null, "single-touch attribution with simple pre/post comparisons")
      : cell(["self_reported", "incrementality"], null, "self-reported attribution with simple pre/post comparisons");
  }
  if (maturityBand === "3") {
    if (cycleBand === "≤ 30d" || cycleBand === "31–90d") return cell(["mta", "incrementality"], "position_based", "position-based multi-touch attribution with holdout tests");
    if (cycleBand === "91–180d") return cell(["mmm", "mta", "incrementality"], "position_based", "a light marketing-mix model, multi-touch attribution and holdout tests");
    return cell(["mmm", "incrementality"], null, "a light marketing-mix model with holdout tests");
  }
  if (cycleBand === "≤ 30d") return cell(["mta", "incrementality"], "data_driven", "data-driven multi-touch attribution with holdout tests");
  return cell(["mmm", "mta", "incrementality"], null, "marketing-mix model for budget, multi-touch attribution for channel tactics, holdout tests for proof");
}
