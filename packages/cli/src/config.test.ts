import { describe, expect, it } from "vitest";
import { EMPTY_CONFIG, fileFilter, MAX_ALIAS_COUNT, parseConfig, withRuleFlags } from "./config.js";
import { UsageError } from "./io.js";

function fails(text: string): string {
  try {
    parseConfig(text, "pmm.config.yaml");
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return (e as Error).message;
  }
  throw new Error("expected a UsageError");
}

describe("parseConfig", () => {
  it("reads every key into a Config", () => {
    const c = parseConfig("rules:\n  syntax: warning\n  unknown-reference: { severity: error }\ninclude: [a/**]\nexclude: [b/**]\nvanity_terms: [reach]\ntoday: 2026-11-23\n", "x");
    expect([...c.rules]).toEqual([
      ["syntax", { severity: "warning" }],
      ["unknown-reference", { severity: "error" }],
    ]);
    expect(c.include).toEqual(["a/**"]);
    expect(c.exclude).toEqual(["b/**"]);
    expect(c.vanityTerms).toEqual(["reach"]);
    expect(c.today).toBe("2026-11-23");
  });

  it("treats an empty file or a comment-only file as the empty config", () => {
    expect(parseConfig("", "x")).toBe(EMPTY_CONFIG);
    expect(parseConfig("# nothing yet\n", "x")).toBe(EMPTY_CONFIG);
  });

  it("rejects a nine-level alias bomb in milliseconds without expanding it", () => {
    const levels = "abcdefghi";
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < levels.length; i++)
      lines.push(
        `${levels[i]}: &${levels[i]} [${Array(9)
          .fill(`*${levels[i - 1]}`)
          .join(",")}]`,
      );
    const started = performance.now();
    expect(fails(lines.join("\n"))).toBe(`pmm.config.yaml:2:8: YAML aliases expand too far (more than ${MAX_ALIAS_COUNT}); write the values out`);
    expect(performance.now() - started).toBeLessThan(200);
  });

  it("keeps `__proto__` an ordinary (unknown) key: no prototype pollution", () => {
    expect(fails("rules:\n  __proto__: { polluted: true }\n")).toBe("pmm.config.yaml:2:3: rules.__proto__ is not a rule; `pmm explain` lists the rules");
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });
});

describe("withRuleFlags", () => {
  it("keeps a rule's options when a flag changes its severity", () => {
    const base = parseConfig("rules:\n  syntax: { severity: warning }\n", "x");
    expect(withRuleFlags(base, ["syntax=off"]).rules.get("syntax")).toEqual({ severity: "off" });
    expect(withRuleFlags(base, [])).toBe(base);
  });
});

describe("fileFilter", () => {
  it("leaves out what include does not match and what exclude matches", () => {
    const out = fileFilter({ ...EMPTY_CONFIG, include: ["src/**"], exclude: ["src/old/**"] });
    expect(["src/a.pmm", "src/old/b.pmm", "c.pmm"].map(out)).toEqual([false, true, true]);
    expect(fileFilter(EMPTY_CONFIG)("anything.pmm")).toBe(false);
  });
});
