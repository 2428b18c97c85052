// Public API of @pmm/core: text in, values out. No I/O.
export * from "./ast/nodes.js";
export * from "./diagnostics.js";
export * from "./text/span.js";
export * from "./text/line-index.js";
export { decodeUtf8, MAX_FILE_BYTES, tooLargeMessage, type Decoded, type DecodeError } from "./text/utf8.js";
export { lex, Lexer, type LexResult, type PmmToken } from "./syntax/lexer.js";
export { parse, Parser, type ParseResult } from "./syntax/parse.js";
export * from "./schema/kinds.js";
export { ARTICLE, describeType } from "./schema/describe.js";
export * from "./workspace/values.js";
export * from "./workspace/periods.js";
export { parseSource, decodeText, type SourceFile, type FileContents } from "./syntax/source.js";
export { Program, prop, declLabel, anchorOf, type Reference, type KpiUse } from "./workspace/program.js";
export { MetricModel, MetricStore, type Column } from "./workspace/metrics.js";
export type { ValueIssue } from "./workspace/validate.js";
export { fileSuppressions, type Suppression } from "./workspace/suppressions.js";
export { Workspace, checkWorkspace, type WorkspaceFile, type WorkspaceOptions, type WorkspaceCheckOptions, type CheckResult } from "./project/workspace.js";
export { Catalog, STD_PATH } from "./std/catalog.js";
export { checkProgram, RULES_BY_ID, type CheckOptions, type RuleConfig } from "./check/run.js";
export { RULES } from "./check/rules/index.js";
export { fill, defineRule, type Rule, type RuleMeta, type RuleOption, type Report, type RuleContext } from "./check/rule.js";
export { closest, Suggester } from "./util/suggest.js";
export { formatNumber, formatCount } from "./util/numbers.js";
export { configSchema, CONFIG_SCHEMA_ID } from "./check/config-schema.js";
export * from "./model/sample-size.js";
export * from "./model/attribution-recommendation.js";
export * from "./model/okr-scores.js";
export { metricTree, type MetricTreeOptions } from "./model/metric-tree.js";
export * from "./model/agreements.js";
export { experimentSampleSize, type ExperimentSampleSize } from "./model/experiment.js";
export {
  parseReadings,
  parseWorkspaceReadings,
  type Readings,
  type ReadingPoint,
  type ReadingsProblem,
  type ReadingsOptions,
  type ReadingsMetric,
  type ReadingsGrain,
} from "./model/readings.js";
export { okrPeriod, type OkrPeriod } from "./check/helpers/okr.js";
export { fiscalStartMonth } from "./model/fiscal.js";
export { RHYTHM_DAYS, CADENCE_DAYS } from "./model/cadence.js";
export { format, isFormatFailure, DEFAULT_LINE_WIDTH, type FormatOptions, type Formatted, type FormatFailure } from "./format/format.js";
export { formatRange, type RangeEdit, type RangeEdits } from "./format/format-range.js";
export { scaffold, type ScaffoldOptions, type ScaffoldFile } from "./init/scaffold.js";
export { ciWorkflow, CI_PROVIDERS, type CiOptions, type CiProvider } from "./init/ci.js";
export type * from "./compile/types.js";
export { compileBlueprint, compileDbtSource, blueprintText, type CompileOptions, type DbtSource } from "./compile/compile.js";
export { BLUEPRINT_SCHEMA, BLUEPRINT_SCHEMA_ID } from "./compile/blueprint-schema.js";
export { BlueprintValidator, validateBlueprint, type BlueprintValidation } from "./compile/validate.js";
export { renderReport, escapeHtml } from "./compile/render.js";
export { exportDbt, dbtName, isDbtName, jinjaVerbatim, type DbtExport, type DbtExportOptions, type DbtMetric, type DbtNote, type DbtSkip } from "./compile/dbt.js";
export { parseDbtManifest, MAX_MANIFEST_BYTES, type DbtManifest, type DbtManifestMeasure, type DbtManifestMetric, type DbtManifestResult } from "./compile/dbt-manifest.js";
export { diffBlueprints } from "./compile/diff.js";
export { formatQuantity, formatPeriod } from "./compile/format-values.js";
export { readConfig, configKeyPosition, EMPTY_CONFIG, MAX_ALIAS_COUNT, type ProjectConfig, type ConfigProblem, type ConfigRead } from "./project/config.js";
export { CONFIG_NAME, findConfig, isPmmPath, leftOut, pmmFilesUnder, projectFiles, type ProjectFs } from "./project/files.js";
