import { describe, expect, it } from "vitest";
import { escapeData, escapeProperty } from "./github.js";
import { escapeXml } from "./junit.js";

describe("github workflow-command escaping", () => {
  it("escapes %, CR and LF in messages, and also : and , in properties", () => {
    expect(escapeData("100% done\r\nnext: a, b")).toBe("100%25 done%0D%0Anext: a, b");
    expect(escapeProperty("100% done\r\nnext: a, b")).toBe("100%25 done%0D%0Anext%3A a%2C b");
    // `%` first, so an escape is never escaped twice.
    expect(escapeProperty("%3A")).toBe("%253A");
  });
});

describe("junit XML escaping", () => {
  it("escapes markup characters and drops characters XML cannot hold", () => {
    expect(escapeXml(`a & b < c > d "e" 'f'`)).toBe("a &amp; b &lt; c &gt; d &quot;e&quot; &apos;f&apos;");
    expect(escapeXml("nul\u0000bell\u0007 tab\tline\n")).toBe("nulbell tab\tline\n");
  });
});
