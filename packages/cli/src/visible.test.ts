import { describe, expect, it } from "vitest";
import { visible, visibleLines } from "./visible.js";

describe("visible", () => {
  it("shows control and bidi characters as escapes and keeps tabs and ordinary text", () => {
    expect(visible("a\u001b]0;t\u0007b\tc\u202ed\u2066e\u0085f\r\ng")).toBe("a\\u{1b}]0;t\\u{7}b\tc\\u{202e}d\\u{2066}e\\u{85}f\\u{d}\\u{a}g");
    expect(visible("café — “ok”")).toBe("café — “ok”");
  });

  it("never lets a text start a GitHub workflow command", () => {
    expect(visible("::error::x")).toBe("\\u{3a}:error::x");
    expect(visible("  ::warning::x")).toBe("  \\u{3a}:warning::x");
    expect(visible("a ##[error]x")).toBe("a \\u{23}#[error]x");
    expect(visible("a::b")).toBe("a::b");
    expect(visibleLines("ok\n::error::x\n")).toBe("ok\n\\u{3a}:error::x\n");
  });
});
