// Properties of the formatter over random valid files built from the grammar
// (grammar/LANGUAGE.md sections 3–4), over the examples and over the messy acme copy:
// formatting is idempotent and keeps the token stream and the comments.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lex } from "../syntax/lexer.js";
import { Parser } from "../syntax/parse.js";
import { format } from "./format.js";
import { checkWorkspace } from "../project/workspace.js";
import { parseSource } from "../syntax/source.js";
import { fileSuppressions } from "../workspace/suppressions.js";
import type { Span } from "../text/span.js";

const RUNS = 300;
/** One parser for the whole file, as a caller formatting many files keeps one. */
const parser = new Parser();

/** A piece of a generated file: a token image, or a place where a comment may go. */
type Piece = string;

const NAMES = ["a", "win_rate", "x1", "net_revenue_retention", "_hidden", "pmm", "sales", "B2", "warehouse"];
const KINDS = ["blueprint", "team", "source", "workstream", "metric", "okr", "attribution", "launch", "forum", "report", "dashboard", "experiment", "review"];
const LITERALS = [
  "42",
  "1_200",
  "3.5",
  "3.5k",
  "2M",
  "1B",
  "25%",
  "0.5%",
  "2pp",
  "3x",
  "$6M",
  "€300k",
  "£1.5k",
  "$12",
  "24h",
  "45d",
  "12w",
  "6mo",
  "2q",
  "1y",
  "800/day",
  "650/month",
  "3/week",
  "2026-09-15",
  "2026",
  "FY2026",
  "2026-H2",
  "2026-Q3",
  "2026-09",
  '"a string"',
  '"esc \\" \\\\ \\n \\t \\u{20AC}"',
  '""',
  '"""over\n  two lines"""',
  "true",
  "false",
];
const PERIODS = ["2026", "FY2026", "2026-H2", "2026-Q3", "2026-09", "2026-09-15"];

const name = fc.constantFrom(...NAMES);
// a property name may be a kind word
const propName = fc.oneof(name, fc.constantFrom(...KINDS));
const literal = fc.constantFrom(...LITERALS);

const { expr } = fc.letrec<{ expr: Piece[]; factor: Piece[] }>((tie) => ({
  factor: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    literal.map((l) => [l]),
    name.map((n) => [n]),
    tie("expr").map((e) => ["(", ...(e as Piece[]), ")"]),
    tie("factor").map((f) => ["-", ...(f as Piece[])]),
  ),
  expr: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    tie("factor") as fc.Arbitrary<Piece[]>,
    fc.tuple(tie("factor") as fc.Arbitrary<Piece[]>, fc.constantFrom("+", "-", "*", "/"), tie("expr") as fc.Arbitrary<Piece[]>).map(([a, op, b]) => [...a, op, ...b]),
  ),
}));

const modifier: fc.Arbitrary<Piece[]> = fc.oneof(
  name.map((n) => ["from", n]),
  fc.constantFrom(...PERIODS).map((p) => ["over", p]),
  fc.constantFrom(...PERIODS).map((p) => ["by", p]),
  fc.constantFrom("12mo", "180d").map((d) => ["for", d]),
  fc.constant(["on", "2026-10-31"]),
);
const phrase: fc.Arbitrary<Piece[]> = fc.tuple(expr, fc.array(modifier, { maxLength: 2 })).map(([e, ms]) => [...e, ...ms.flat()]);
const list: fc.Arbitrary<Piece[]> = fc.tuple(fc.array(phrase, { maxLength: 4 }), fc.boolean()).map(([items, trailing]) => {
  const out: Piece[] = ["["];
  items.forEach((it, i) => {
    if (i > 0) out.push(",");
    out.push(...it);
  });
  if (trailing && items.length) out.push(",");
  out.push("]");
  return out;
});
const property: fc.Arbitrary<Piece[]> = fc.tuple(propName, fc.oneof(phrase, list)).map(([n, v]) => [n, ":", ...v]);
const block = (member: fc.Arbitrary<Piece[]>): fc.Arbitrary<Piece[]> => fc.array(member, { maxLength: 5 }).map((ms) => ["{", ...ms.flat(), "}"]);
const kr: fc.Arbitrary<Piece[]> = fc
  .tuple(name, expr, expr, fc.option(fc.constantFrom(...PERIODS)), fc.option(block(property)))
  .map(([n, a, b, by, blk]) => ["kr", n, ":", ...a, "->", ...b, ...(by ? ["by", by] : []), ...(blk ?? [])]);
const view: fc.Arbitrary<Piece[]> = fc.tuple(name, fc.option(fc.constant('"View title"')), block(property)).map(([n, t, b]) => ["view", n, ...(t ? [t] : []), ...b]);
const member = fc.oneof({ arbitrary: property, weight: 5 }, { arbitrary: kr, weight: 2 }, { arbitrary: view, weight: 1 });
const declaration: fc.Arbitrary<Piece[]> = fc.oneof(
  {
    arbitrary: fc
      .tuple(fc.constantFrom(...KINDS), name, fc.option(fc.constant('"Title"')), fc.option(name), fc.option(block(member)))
      .map(([k, n, t, from, b]) => [k, n, ...(t ? [t] : []), ...(from ? ["from", "std", ".", from] : []), ...(b ?? [])]),
    weight: 6,
  },
  { arbitrary: fc.tuple(name, name, fc.option(block(property))).map(([a, b, blk]) => ["tradeoff", a, "vs", b, ...(blk ?? [])]), weight: 1 },
);

const TIGHT = new Set(["{", "}", "[", "]", "(", ")", ",", ":"]);
const commentText = fc.string({ maxLength: 20 }).map((s) => s.replace(/[\r\n]/g, " "));
// what goes between two tokens: whitespace, line breaks, comments
const gap = (eol: string): fc.Arbitrary<string> =>
  fc.oneof(
    { arbitrary: fc.constantFrom(" ", "  ", "\t", " \t "), weight: 6 },
    { arbitrary: fc.constantFrom(eol, `${eol}  `, `${eol}${eol}`, `${eol}${eol}${eol}    `), weight: 3 },
    { arbitrary: commentText.map((c) => ` #${c}${eol}`), weight: 1 },
    { arbitrary: fc.tuple(commentText, fc.constantFrom("#", "##", "# pmm-ignore kpi-count: ")).map(([c, m]) => `${eol}${m}${c}${eol}`), weight: 1 },
    // a suppression after code, as in `} # pmm-ignore …`: it covers what starts on the next line
    { arbitrary: fc.tuple(commentText, fc.constantFrom(eol, `${eol}${eol}`)).map(([c, after]) => ` # pmm-ignore kpi-count: ${c}${after}`), weight: 1 },
  );

/** A random valid file: declarations whose tokens are joined by random gaps. */
const file: fc.Arbitrary<string> = fc.constantFrom("\n", "\r\n").chain((eol) =>
  fc.array(declaration, { maxLength: 5 }).chain((decls) => {
    const pieces = decls.flat();
    return fc
      .tuple(
        fc.array(gap(eol), { minLength: pieces.length + 1, maxLength: pieces.length + 1 }),
        fc.array(fc.boolean(), { minLength: pieces.length + 1, maxLength: pieces.length + 1 }),
      )
      .map(([gaps, tight]) => {
        let out = gaps[0]!.includes("#") ? gaps[0]! : "";
        pieces.forEach((p, i) => {
          if (i > 0) {
            const canTouch = TIGHT.has(p) || TIGHT.has(pieces[i - 1]!);
            out += canTouch && tight[i] && !gaps[i]!.includes("#") ? "" : gaps[i]!;
          }
          out += p;
        });
        return out + gaps[pieces.length]!;
      });
  }),
);

function tokensOf(text: string): string[] {
  return lex(text).tokens.map((t) => `${t.tokenType.name} ${t.image}`);
}
function commentsOf(text: string): string[] {
  return lex(text).comments.map((c) => c.text.replace(/[ \t\f\v\ufeff]+$/, ""));
}

/** Formats, checks both properties and returns the output. */
function check(input: string): string {
  const r = format(input, { parser });
  if ("errors" in r) throw new Error(`format failed: ${JSON.stringify(r.errors)}\n${input}`);
  expect(tokensOf(r.text)).toEqual(tokensOf(input));
  expect(commentsOf(r.text)).toEqual(commentsOf(input));
  const again = format(r.text, { parser });
  expect(again).toEqual({ text: r.text, changed: false });
  return r.text;
}

describe("format properties", () => {
  it("generated files are valid (the generator follows the grammar)", () => {
    fc.assert(
      fc.property(file, (text) => {
        expect(parser.parse(text).errors).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });

  it("is idempotent and keeps tokens and comments on random valid files", () => {
    fc.assert(
      fc.property(file, (text) => {
        const out = check(text);
        // a final newline, no trailing spaces outside strings, line ends kept
        if (out !== "") expect(out.endsWith("\n")).toBe(true);
        if (!text.includes('"""')) {
          expect(out).not.toMatch(/[ \t]\r?\n/);
          if (text.includes("\r\n")) expect(out.replace(/\r\n/g, "")).not.toContain("\n");
          else expect(out).not.toContain("\r");
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("keeps what every `# pmm-ignore` covers (the same declaration or property before and after)", () => {
    // each suppression as: its comment, and the index of the node it covers in file order (-1: none)
    const covered = (text: string): string[] => {
      const f = parseSource("a.pmm", text);
      const nodes: Span[] = [];
      for (const d of f.ast.declarations) {
        nodes.push(d.span);
        for (const m of d.members) {
          nodes.push(m.span);
          if (m.type !== "property") for (const q of m.properties) nodes.push(q.span);
        }
      }
      return fileSuppressions(f).map((x) => `${x.span.start >= 0 ? x.file.text.slice(x.span.start, x.span.end).trimEnd() : ""} -> ${x.target ? nodes.indexOf(x.target) : -1}`);
    };
    let trailing = 0;
    fc.assert(
      fc.property(file, (text) => {
        const out = check(text);
        if (/[^\s] # pmm-ignore/.test(text)) trailing++;
        expect(covered(out)).toEqual(covered(text));
      }),
      { numRuns: RUNS },
    );
    // the generator does put suppressions after code
    expect(trailing).toBeGreaterThan(RUNS / 10);
  }, 60_000);

  it("keeps the declaration a `} # pmm-ignore` covers when it sets off a multi-line block", () => {
    const text =
      "team a {\n  role: pmm\n} # pmm-ignore kpi-count: covers b\nteam b { role: pmm }\nteam c { role: pmm } # pmm-ignore kpi-count: covers d\nmetric d {\n  type: input\n}\n";
    const r = format(text);
    expect(r).toEqual({
      text: "team a {\n  role: pmm\n} # pmm-ignore kpi-count: covers b\nteam b { role: pmm }\nteam c { role: pmm } # pmm-ignore kpi-count: covers d\nmetric d {\n  type: input\n}\n",
      changed: false,
    });
  });

  const ROOT = new URL("../../../../", import.meta.url).pathname;
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const n of readdirSync(dir).sort()) {
      const p = join(dir, n);
      if (statSync(p).isDirectory()) walk(p);
      else if (n.endsWith(".pmm")) files.push(p);
    }
  };
  walk(join(ROOT, "examples"));
  walk(join(ROOT, "packages/core/fixtures/format"));

  for (const f of files) {
    it(`is idempotent and keeps tokens and comments: ${f.slice(ROOT.length)}`, () => {
      check(readFileSync(f, "utf8"));
    });
  }

  it("keeps tokens and comments when the examples are reindented at random", () => {
    const texts = files.map((f) => readFileSync(f, "utf8"));
    fc.assert(
      fc.property(fc.constantFrom(...texts), fc.array(fc.constantFrom("", " ", "    ", "\t", "\n"), { minLength: 50, maxLength: 50 }), (text, pads) => {
        let n = 0;
        const messy = text.replace(/\n/g, () => `\n${pads[n++ % pads.length]!}`);
        check(messy);
      }),
      { numRuns: 200 },
    );
  });

  it("changes no finding of `pmm check` on the messy acme copy and keeps every doc comment on its declaration", () => {
    const text = readFileSync(join(ROOT, "packages/core/fixtures/format/messy-acme/input.pmm"), "utf8");
    const out = check(text);
    const findings = (t: string): string[] =>
      checkWorkspace([{ path: "acme.pmm", contents: t }], { today: "2026-11-23", rules: new Map(), vanityTerms: [] }).diagnostics.map(
        (d) => `${d.rule} ${d.severity} ${d.message}`,
      );
    const before = findings(text);
    expect(before).toEqual([]);
    expect(findings(out)).toEqual(before);
    const docs = (t: string): string[] => parser.parse(t).ast.declarations.map((d) => `${d.kind} ${d.id?.name ?? ""}: ${d.doc ?? "-"}`);
    expect(docs(out)).toEqual(docs(text));
    expect(docs(text).filter((d) => !d.endsWith(": -")).length).toBeGreaterThan(40);
  });
});
