// Inlay hints: an experiment's sample size and days of traffic after its
// `traffic` value, and each key result's score after its line.
import { baselineOf, experimentSampleSize, scoreKeyResult, type SourceFile } from "@pmm/core";
import { type InlayHint, type InlayHintParams } from "vscode-languageserver/node";
import { formatNumber } from "../describe.js";
import { toPosition, toSpan } from "../positions.js";
import type { Session } from "../session.js";

/** The inlay hints of one file within `[start, end]`. */
export function fileInlayHints(file: SourceFile, start: number, end: number, baselines: (metric: string) => number | undefined = () => undefined): InlayHint[] {
  const out: Array<{ at: number; hint: InlayHint }> = [];
  const add = (at: number, label: string, tooltip: string): void => {
    if (at < start || at > end) return;
    out.push({ at, hint: { position: toPosition(file, at), label, paddingLeft: true, tooltip } });
  };
  for (const d of file.ast.declarations) {
    if (d.kind === "experiment") {
      const traffic = d.properties.find((p) => p.name.name === "traffic");
      const s = experimentSampleSize(d);
      if (traffic?.value && s) {
        add(
          traffic.value.span.end,
          `n = ${formatNumber(s.n, 0)} per arm · ${formatNumber(s.days, 0)} ${s.days === 1 ? "day" : "days"}`,
          `${s.arms} arms, α ${s.alpha}, power ${s.power} (${s.kind}): ${formatNumber(s.n * s.arms, 0)} visitors at ${formatNumber(s.perDay)}/day`,
        );
      }
    }
    if (d.kind === "okr") {
      for (const kr of d.keyResults) {
        const s = scoreKeyResult(kr, baselines(kr.metric.name));
        if (s.score === null) continue;
        // after the kr's first line (its `{ current: … }` may continue below)
        const line = file.lines.position(kr.span.start).line;
        const at = Math.min(file.lines.lineEnd(line), kr.span.end);
        add(
          at,
          `score ${s.score.toFixed(2)} (${s.band})`,
          "(current − start) / (goal − start), clamped to 0–1 (a ceiling or floor: 1 while it holds; a milestone: 1 when done); red < 0.4 ≤ yellow < 0.7 ≤ green",
        );
      }
    }
  }
  return out.sort((a, b) => a.at - b.at).map((x) => x.hint);
}

/** Answers `textDocument/inlayHint`. */
export function inlayHints(session: Session, params: InlayHintParams): InlayHint[] {
  const file = session.file(params?.textDocument?.uri);
  if (!file) return [];
  const span = toSpan(file, params.range) ?? { start: 0, end: file.text.length };
  return fileInlayHints(file, span.start, span.end, baselineOf(session.program()));
}
