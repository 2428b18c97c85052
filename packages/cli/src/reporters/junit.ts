import type { Diagnostic } from "@pmm/core";
import { rangeOf, type Reporter } from "./types.js";

/** Escapes text for XML content and attribute values; drops characters XML 1.0 cannot hold. */
export function escapeXml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

/** The name of the test case that holds workspace findings with no file. */
const WORKSPACE_CASE = "(workspace)";

/**
 * `--format junit`: one test suite, one test case per file checked (passed
 * when clean), one `<failure>` per finding with its rule, line and message.
 */
export const junit: Reporter = ({ diagnostics, files, paths }) => {
  const byFile = new Map<string, Diagnostic[]>();
  for (const p of paths) byFile.set(p, []);
  for (const d of diagnostics) {
    const key = d.file ?? WORKSPACE_CASE;
    const list = byFile.get(key) ?? [];
    list.push(d);
    byFile.set(key, list);
  }
  const names = [...byFile.keys()].sort((a, b) => (a === WORKSPACE_CASE ? -1 : b === WORKSPACE_CASE ? 1 : a < b ? -1 : a > b ? 1 : 0));
  const failed = names.filter((n) => byFile.get(n)!.length > 0).length;
  const lines: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  lines.push(`<testsuites name="pmm" tests="${names.length}" failures="${failed}" errors="0">`);
  lines.push(`  <testsuite name="pmm check" tests="${names.length}" failures="${failed}" errors="0" skipped="0">`);
  for (const name of names) {
    const found = byFile.get(name)!;
    const fileAttr = name === WORKSPACE_CASE ? "" : ` file="${escapeXml(name)}"`;
    const open = `    <testcase classname="pmm" name="${escapeXml(name)}"${fileAttr}`;
    if (!found.length) {
      lines.push(`${open}/>`);
      continue;
    }
    lines.push(`${open}>`);
    for (const d of found) {
      const r = rangeOf(d, files);
      const where = r ? `${d.file}:${r.start.line}:${r.start.column}` : (d.file ?? "workspace");
      const attrs = `message="${escapeXml(d.message)}" type="${escapeXml(d.rule)}"${r ? ` line="${r.start.line}" column="${r.start.column}"` : ""}`;
      lines.push(`      <failure ${attrs}>${escapeXml(`${where} ${d.severity} ${d.rule}: ${d.message}`)}</failure>`);
    }
    lines.push("    </testcase>");
  }
  lines.push("  </testsuite>");
  lines.push("</testsuites>");
  return `${lines.join("\n")}\n`;
};
