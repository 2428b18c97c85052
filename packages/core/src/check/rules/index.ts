import type { Rule } from "../rule.js";
import attributionConfidence from "./attribution-confidence.js";
import attributionData from "./attribution-data.js";
import attributionFit from "./attribution-fit.js";
import attributionMissing from "./attribution-missing.js";
import attributionRationale from "./attribution-rationale.js";
import baselineHistorical from "./baseline-historical.js";
import bidiControl from "./bidi-control.js";
import blueprintCount from "./blueprint-count.js";
import cadenceMatchesForum from "./cadence-matches-forum.js";
import compositeMetric from "./composite-metric.js";
import constellationCoverage from "./constellation-coverage.js";
import dbtDrift from "./dbt-drift.js";
import dbtExport from "./dbt-export.js";
import definitionConflict from "./definition-conflict.js";
import duplicateId from "./duplicate-id.js";
import execViewFocus from "./exec-view-focus.js";
import experimentHoldout from "./experiment-holdout.js";
import experimentSampleSize from "./experiment-sample-size.js";
import expiredSuppression from "./expired-suppression.js";
import inputActionable from "./input-actionable.js";
import inputCycle from "./input-cycle.js";
import invalidProperty from "./invalid-property.js";
import invalidSuppression from "./invalid-suppression.js";
import invalidValue from "./invalid-value.js";
import kpiCount from "./kpi-count.js";
import kpiReviewed from "./kpi-reviewed.js";
import kpiTotal from "./kpi-total.js";
import kpiTraceability from "./kpi-traceability.js";
import launchTierKpis from "./launch-tier-kpis.js";
import launchTrackingBefore from "./launch-tracking-before.js";
import longTermBalance from "./long-term-balance.js";
import maturityFit from "./maturity-fit.js";
import missingProperty from "./missing-property.js";
import northStarFixation from "./north-star-fixation.js";
import okrAlignment from "./okr-alignment.js";
import okrCount from "./okr-count.js";
import okrKeyResults from "./okr-key-results.js";
import okrMissed from "./okr-missed.js";
import okrTracking from "./okr-tracking.js";
import outputHasInputs from "./output-has-inputs.js";
import rateNeedsCount from "./rate-needs-count.js";
import reportBeforeMeeting from "./report-before-meeting.js";
import retiredMetricInUse from "./retired-metric-in-use.js";
import reviewCycle from "./review-cycle.js";
import sharedDefinition from "./shared-definition.js";
import singleSourceOfTruth from "./single-source-of-truth.js";
import sourceFreshness from "./source-freshness.js";
import stakeholderViews from "./stakeholder-views.js";
import staleReview from "./stale-review.js";
import syntax from "./syntax.js";
import targetConsistency from "./target-consistency.js";
import targetDirection from "./target-direction.js";
import tradeoffMonitored from "./tradeoff-monitored.js";
import unknownReference from "./unknown-reference.js";
import unusedDeclaration from "./unused-declaration.js";
import unusedSuppression from "./unused-suppression.js";
import vanityMetric from "./vanity-metric.js";
import wrongKindReference from "./wrong-kind-reference.js";

/** Every rule, sorted by id (a test keeps it sorted and complete). */
export const RULES: readonly Rule[] = [
  attributionConfidence,
  attributionData,
  attributionFit,
  attributionMissing,
  attributionRationale,
  baselineHistorical,
  bidiControl,
  blueprintCount,
  cadenceMatchesForum,
  compositeMetric,
  constellationCoverage,
  dbtDrift,
  dbtExport,
  definitionConflict,
  duplicateId,
  execViewFocus,
  experimentHoldout,
  experimentSampleSize,
  expiredSuppression,
  inputActionable,
  inputCycle,
  invalidProperty,
  invalidSuppression,
  invalidValue,
  kpiCount,
  kpiReviewed,
  kpiTotal,
  kpiTraceability,
  launchTierKpis,
  launchTrackingBefore,
  longTermBalance,
  maturityFit,
  missingProperty,
  northStarFixation,
  okrAlignment,
  okrCount,
  okrKeyResults,
  okrMissed,
  okrTracking,
  outputHasInputs,
  rateNeedsCount,
  reportBeforeMeeting,
  retiredMetricInUse,
  reviewCycle,
  sharedDefinition,
  singleSourceOfTruth,
  sourceFreshness,
  stakeholderViews,
  staleReview,
  syntax,
  targetConsistency,
  targetDirection,
  tradeoffMonitored,
  unknownReference,
  unusedDeclaration,
  unusedSuppression,
  vanityMetric,
  wrongKindReference,
];
