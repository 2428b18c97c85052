// Validates a compiled blueprint against the published schema (ajv, draft 2020-12, compiled once per BlueprintValidator, on first use).
import type { ErrorObject, ValidateFunction } from "ajv";
import { BLUEPRINT_SCHEMA } from "./blueprint-schema.js";

/** The result of validating a blueprint: ok, or the schema errors as `path: message` lines. */
export type BlueprintValidation = { readonly ok: true } | { readonly ok: false; readonly errors: readonly string[] };

async function compile(): Promise<ValidateFunction> {
  const { Ajv2020 } = await import("ajv/dist/2020.js");
  const formats = await import("ajv-formats");
  // Under NodeNext the typings put ajv-formats's function at `.default`; bundlers may hand over either.
  const mod = formats.default as unknown as { default?: typeof formats.default } & typeof formats.default;
  const addFormats = typeof mod === "function" ? mod : mod.default!;
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  return ajv.compile(BLUEPRINT_SCHEMA);
}

/** One ajv error as a line: `/metrics/0/unit: must be equal to one of the allowed values`. */
function errorLine(e: ErrorObject): string {
  return `${e.instancePath || "/"}: ${e.message ?? "is invalid"}`;
}

/**
 * Validates values against the blueprint schema. The schema is compiled on the
 * first `validate` and kept for the next ones, so a caller that validates
 * several blueprints holds one validator. ajv is loaded then too, not when the
 * CLI starts (loading it costs tens of milliseconds).
 */
export class BlueprintValidator {
  private compiled: Promise<ValidateFunction> | undefined;

  /** Validates one value. */
  async validate(value: unknown): Promise<BlueprintValidation> {
    this.compiled ??= compile();
    const validate = await this.compiled;
    if (validate(value)) return { ok: true };
    return { ok: false, errors: (validate.errors ?? []).map(errorLine) };
  }
}

/** Validates one value against the blueprint schema with a validator of its own (see BlueprintValidator). */
export function validateBlueprint(value: unknown): Promise<BlueprintValidation> {
  return new BlueprintValidator().validate(value);
}
