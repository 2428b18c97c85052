import { describe, expect, it } from "vitest";
import { keyOf } from "./definition-conflict.js";

describe("definition-conflict name keys", () => {
  it("fold case and blank runs, and trim", () => {
    expect(keyOf("Pipeline  Created")).toBe("pipeline created");
    expect(keyOf(" pipeline created\t")).toBe("pipeline created");
    expect(keyOf("pipeline\ncreated")).toBe("pipeline created");
    expect(keyOf("pipeline-created")).not.toBe(keyOf("pipeline created"));
    expect(keyOf("   ")).toBe("");
  });
});
