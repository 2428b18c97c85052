import { describe, expect, it } from "vitest";
import { keyOf, nearKey } from "./definition-conflict.js";

describe("definition-conflict name keys", () => {
  it("fold case and blank runs, and trim", () => {
    expect(keyOf("Pipeline  Created")).toBe("pipeline created");
    expect(keyOf(" pipeline created\t")).toBe("pipeline created");
    expect(keyOf("pipeline\ncreated")).toBe("pipeline created");
    expect(keyOf("pipeline-created")).not.toBe(keyOf("pipeline created"));
    expect(keyOf("   ")).toBe("");
  });

  it("near keys: the words of any script (astral letters too), singular, filler dropped, sorted; an alias part dropped", () => {
    expect(nearKey("Activated workspaces — retail (0060)")).toEqual({ key: "0060 activated retail workspace", base: "0060 activated retail workspace", qualifiers: 0 });
    expect(nearKey("Marketing qualified Leads (aka trial starts)")).toEqual({ key: "lead marketing", base: "lead", qualifiers: 1 });
    expect(nearKey("Léads nets 𝐀𝐁 x")).toEqual({ key: "léad net x 𝐀𝐁", base: "léad net x 𝐀𝐁", qualifiers: 0 });
    expect(nearKey("Classes of İnvoices")).toEqual({ key: "classe i nvoice", base: "classe i nvoice", qualifiers: 0 });
    expect(nearKey("the total")).toBeUndefined();
    expect(nearKey("Marketing")).toBeUndefined();
    // "sales" is a qualifier as "marketing" is (compared after it is made singular)
    expect(nearKey("Sales qualified leads")).toEqual({ key: "lead sale", base: "lead", qualifiers: 1 });
    // "signup" is filler, as "new" is; filler words count in the plural too
    expect(nearKey("New org signups")).toEqual({ key: "org", base: "org", qualifiers: 0 });
    expect(nearKey("Lead totals")).toEqual(nearKey("Total leads"));
  });
});
