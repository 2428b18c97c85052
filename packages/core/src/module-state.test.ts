// No module-level mutable state in core: what a module holds at its top level cannot change after load.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const SRC = new URL(".", import.meta.url).pathname;

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, e.name);
    if (e.isDirectory()) out.push(...sourceFiles(path));
    else if (e.name.endsWith(".ts") && !e.name.endsWith(".test.ts") && !e.name.endsWith(".d.ts")) out.push(path);
  }
  return out.sort();
}

/** The expression under parentheses, `as T` and `satisfies T`. */
function bare(e: ts.Expression): ts.Expression {
  while (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isSatisfiesExpression(e)) e = e.expression;
  return e;
}

/** The name of a type annotation's reference (`ReadonlyMap<K, V>` → `ReadonlyMap`), or undefined. */
function typeName(t: ts.TypeNode | undefined): string | undefined {
  return t && ts.isTypeReferenceNode(t) ? t.typeName.getText() : undefined;
}

/** True for a `readonly T[]`, `readonly [..]` or `ReadonlyArray<T>` annotation. */
function readonlyArrayType(t: ts.TypeNode | undefined): boolean {
  if (!t) return false;
  if (ts.isTypeOperatorNode(t) && t.operator === ts.SyntaxKind.ReadonlyKeyword) return true;
  return typeName(t) === "ReadonlyArray";
}

/** True for `[…] as const`. */
function asConst(e: ts.Expression): boolean {
  while (ts.isParenthesizedExpression(e) || ts.isSatisfiesExpression(e)) e = e.expression;
  return ts.isAsExpression(e) && ts.isTypeReferenceNode(e.type) && e.type.typeName.getText() === "const";
}

/** The read-only type a top-level collection must be declared as (none exists for the weak ones). */
const COLLECTIONS: ReadonlyMap<string, string | undefined> = new Map([
  ["Map", "ReadonlyMap"],
  ["Set", "ReadonlySet"],
  ["WeakMap", undefined],
  ["WeakSet", undefined],
]);

/** Arrays: `[…]`, `new Array(…)`, typed arrays. */
function isArray(e: ts.Expression): boolean {
  return (
    ts.isArrayLiteralExpression(e) ||
    (ts.isNewExpression(e) && ts.isIdentifier(e.expression) && /^(Array|(Ui|I)nt(8|16|32)Array|Uint8ClampedArray|Float(32|64)Array)$/.test(e.expression.text))
  );
}

const MUTATORS: ReadonlySet<string> = new Set(["push", "pop", "shift", "unshift", "splice", "sort", "reverse", "fill", "copyWithin", "set"]);

/**
 * The names written to inside a function or class (so after the module has
 * loaded): `x[i] = …`, `x.length = …`, `delete x[i]`, `x.push(…)` and the other
 * mutating array methods. Writes in top-level statements fill a table while
 * the module loads, which is no state.
 */
function writtenLater(file: ts.SourceFile): Set<string> {
  const names = new Set<string>();
  const target = (e: ts.Expression): void => {
    if ((ts.isElementAccessExpression(e) || (ts.isPropertyAccessExpression(e) && e.name.text === "length")) && ts.isIdentifier(e.expression)) names.add(e.expression.text);
  };
  const visit = (node: ts.Node, inside: boolean): void => {
    if (inside) {
      if (ts.isBinaryExpression(node) && node.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && node.operatorToken.kind <= ts.SyntaxKind.LastAssignment) target(node.left);
      else if (ts.isDeleteExpression(node)) target(node.expression);
      else if (
        (ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) &&
        (node.operator === ts.SyntaxKind.PlusPlusToken || node.operator === ts.SyntaxKind.MinusMinusToken)
      )
        target(node.operand);
      else if (
        ts.isCallExpression(node) &&
        ts.isPropertyAccessExpression(node.expression) &&
        ts.isIdentifier(node.expression.expression) &&
        MUTATORS.has(node.expression.name.text)
      )
        names.add(node.expression.expression.text);
    }
    const later = inside || ts.isFunctionLike(node) || ts.isClassLike(node);
    ts.forEachChild(node, (child) => visit(child, later));
  };
  visit(file, false);
  return names;
}

/**
 * The module-level state of one file, as `path:line: what`: a top-level `let`
 * or `var`; a top-level `const` Map or Set not declared `ReadonlyMap` or
 * `ReadonlySet` (the type then forbids every write), or a WeakMap or WeakSet;
 * a top-level `const` array not declared read-only that a function or class
 * writes to.
 */
export function moduleStateProblems(path: string, text: string): string[] {
  const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const later = writtenLater(file);
  const problems: string[] = [];
  const at = (node: ts.Node, what: string) => problems.push(`${path}:${file.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${what}`);
  for (const statement of file.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    const list = statement.declarationList;
    const constant = (list.flags & ts.NodeFlags.Const) !== 0;
    for (const d of list.declarations) {
      const name = d.name.getText();
      if (!constant) {
        at(d, `top-level \`${list.flags & ts.NodeFlags.Let ? "let" : "var"} ${name}\``);
        continue;
      }
      if (!d.initializer) continue;
      const init = bare(d.initializer);
      if (ts.isNewExpression(init) && ts.isIdentifier(init.expression) && COLLECTIONS.has(init.expression.text)) {
        const readonly = COLLECTIONS.get(init.expression.text);
        if (!readonly || typeName(d.type) !== readonly) at(d, `top-level \`const ${name} = new ${init.expression.text}\` not typed ${readonly ?? "read-only"}`);
      } else if (isArray(init) && !readonlyArrayType(d.type) && !asConst(d.initializer) && later.has(name)) {
        at(d, `top-level array \`${name}\` written to after load`);
      }
    }
  }
  return problems;
}

describe("module state", () => {
  it("no core source file holds mutable state at its top level", () => {
    const problems = sourceFiles(SRC).flatMap((path) => moduleStateProblems(relative(SRC, path), readFileSync(path, "utf8")));
    expect(problems).toEqual([]);
  });

  it("the check finds each kind of module-level state, and allows read-only constants and tables filled at load", () => {
    const text = [
      "let a = 1;",
      "var b = 2;",
      "export let c: number | undefined;",
      "const d = new Map<string, number>();",
      "const e: Map<string, number> = new Map();",
      "const f = new WeakMap<object, number>();",
      "const g: Set<string> = new Set();",
      "const h: string[] = [];",
      "function addH(x: string) { h.push(x); }",
      "const i = [1, 2];",
      "const setI = (k: number) => { i[k] = 0; };",
      "const j = new Uint8Array(4);",
      "class K { bump() { j[0]++; } }",
      "const ok1: ReadonlyMap<string, number> = new Map([['a', 1]]);",
      "const ok2: ReadonlySet<string> = new Set(['a']);",
      "const ok3: readonly string[] = ['a'];",
      "const ok4 = ['a', 'b'] as const;",
      "const ok5 = 3;",
      "const ok6: string[] = [];",
      "for (const x of ['a']) ok6.push(x);",
      "const ok7 = new Uint8Array(4);",
      "ok7[0] = 1;",
      "const ok8 = [1, 2];",
      "function read() { return ok8[0]; }",
      "function f2() { let local = 1; const m = new Map(); return [local, m]; }",
    ].join("\n");
    expect(moduleStateProblems("x.ts", text)).toEqual([
      "x.ts:1: top-level `let a`",
      "x.ts:2: top-level `var b`",
      "x.ts:3: top-level `let c`",
      "x.ts:4: top-level `const d = new Map` not typed ReadonlyMap",
      "x.ts:5: top-level `const e = new Map` not typed ReadonlyMap",
      "x.ts:6: top-level `const f = new WeakMap` not typed read-only",
      "x.ts:7: top-level `const g = new Set` not typed ReadonlySet",
      "x.ts:8: top-level array `h` written to after load",
      "x.ts:10: top-level array `i` written to after load",
      "x.ts:12: top-level array `j` written to after load",
    ]);
  });
});
