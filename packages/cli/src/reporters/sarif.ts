import { createHash } from "node:crypto";
import { RULES, type Diagnostic, type SourceFile } from "@pmm/core";
import { REPOSITORY_URL, VERSION } from "../generated/rule-docs.js";
import { ruleDocsUrl, rulePage, ruleSummary } from "../rule-pages.js";
import { sarifLevel, spanRange, type Reporter } from "./types.js";

const SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

/** One `tool.driver.rules` entry per registered rule, with its docs page as help. */
function ruleDescriptors(): Record<string, unknown>[] {
  return RULES.map((rule) => {
    const page = rulePage(rule);
    return {
      id: rule.id,
      name: rule.id,
      shortDescription: { text: rule.meta.description },
      fullDescription: { text: ruleSummary(rule) },
      help: { text: page, markdown: page },
      helpUri: ruleDocsUrl(rule.id),
      defaultConfiguration: { level: sarifLevel(rule.meta.severity) },
      properties: { tags: ["pmm", ...(rule.meta.seed ? [rule.meta.seed] : [])] },
    };
  });
}

/**
 * A workspace path as a SARIF `artifactLocation.uri`: a relative URI
 * reference (RFC 3986), each segment percent-encoded as UTF-8 — `a b#c?d%20e.pmm`
 * is `a%20b%23c%3Fd%2520e.pmm` — so `#`, `?`, `%` and `:` stay part of the name.
 */
export function artifactUri(path: string): string {
  return path
    .split("/")
    .map((segment) =>
      encodeURIComponent(segment.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd")).replace(
        /[!'()*]/g,
        (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
      ),
    )
    .join("/");
}

/** A physical location, or null when the file is unknown. */
function physical(file: string, span: { start: number; end: number }, files: ReadonlyMap<string, SourceFile>): Record<string, unknown> | null {
  const r = spanRange(file, span, files);
  if (!r) return null;
  return {
    artifactLocation: { uri: artifactUri(file) },
    region: {
      startLine: r.start.line,
      startColumn: r.start.column,
      endLine: r.end.line,
      endColumn: r.end.column,
      charOffset: r.start.offset,
      charLength: r.end.offset - r.start.offset,
    },
  };
}

/** A stable fingerprint from what the baseline matches on (rule, file, declaration, message), never the line. */
function fingerprint(d: Diagnostic): string {
  return createHash("sha256")
    .update([d.rule, d.file ?? "", d.declaration ?? "", d.message].join("\u0000"))
    .digest("hex")
    .slice(0, 32);
}

/** `--format sarif`: SARIF 2.1.0 with one rule entry per registered rule; columns in UTF-16 code units. */
export const sarif: Reporter = ({ diagnostics, files }) => {
  const ruleIndex = new Map(RULES.map((r, i) => [r.id, i]));
  const seen = new Map<string, number>();
  const results = diagnostics.map((d) => {
    const loc = d.file && d.span ? physical(d.file, d.span, files) : null;
    const related = (d.related ?? []).flatMap((rel, i) => {
      const p = physical(rel.file, rel.span, files);
      return p ? [{ id: i + 1, physicalLocation: p, message: { text: rel.message } }] : [];
    });
    const fp = fingerprint(d);
    // Identical findings get distinct fingerprints by occurrence, so none is merged away.
    const n = (seen.get(fp) ?? 0) + 1;
    seen.set(fp, n);
    const index = ruleIndex.get(d.rule);
    return {
      ruleId: d.rule,
      ...(index !== undefined ? { ruleIndex: index } : {}),
      level: sarifLevel(d.severity),
      message: { text: d.message },
      ...(loc ? { locations: [{ physicalLocation: loc, ...(d.declaration !== null ? { logicalLocations: [{ name: d.declaration, kind: "declaration" }] } : {}) }] } : {}),
      ...(related.length ? { relatedLocations: related } : {}),
      partialFingerprints: { "pmmFinding/v1": `${fp}:${n}` },
      ...(d.severity === "info" || d.severity === "hint" ? { properties: { severity: d.severity } } : {}),
    };
  });
  const log = {
    $schema: SARIF_SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: { driver: { name: "pmm", version: VERSION, semanticVersion: VERSION, informationUri: REPOSITORY_URL, rules: ruleDescriptors() } },
        columnKind: "utf16CodeUnits",
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};
