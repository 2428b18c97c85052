// The text of packages/core/src/generated/config-validator.ts: the config
// schema compiled once, at build time, with ajv's standalone code generator
// (compiling it at every CLI start would cost hundreds of milliseconds).
// Pure, so the sync test can compare it with the file.
import Ajv2020Module from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import standaloneModule from "ajv/dist/standalone/index.js";

const Ajv2020 = Ajv2020Module.default ?? Ajv2020Module;
const addFormats = addFormatsModule.default ?? addFormatsModule;
const standaloneCode = standaloneModule.default ?? standaloneModule;

/** The generated module's text for a config schema. */
export function configValidatorModule(schema) {
  const ajv = new Ajv2020({ strict: false, inlineRefs: false, code: { source: true, esm: true } });
  addFormats(ajv);
  let code = standaloneCode(ajv, ajv.compile(schema)).replace(/^"use strict";/, "");
  // The runtime helpers are CommonJS, whose default export bundlers and test
  // runners read differently: inline the one helper, name-import the formats.
  const imports = new Set();
  code = code.replace(/require\("([^"]+)"\)(\.[\w.]+)/g, (_, spec, rest) => {
    if (spec === "ajv/dist/runtime/ucs2length" && rest === ".default") return "ucs2length";
    if (spec === "ajv-formats/dist/formats" && rest.startsWith(".fullFormats.")) {
      imports.add('import { fullFormats } from "ajv-formats/dist/formats.js";');
      return rest.slice(1);
    }
    throw new Error(`unexpected runtime dependency in ajv standalone output: ${spec}${rest}`);
  });
  if (/require\(/.test(code)) throw new Error("unexpected require() in ajv standalone output");
  // Wrapped in a function so that loading the CLI only scans it; the validator is built on first use.
  const exported = /^export const validate = (\w+);export default \w+;/.exec(code);
  if (!exported) throw new Error("unexpected ajv standalone output");
  const body = code.slice(exported[0].length);
  return (
    "// @ts-nocheck\n" +
    "// Generated from configSchema() by scripts/gen-config-schema.mjs (ajv standalone code): do not edit.\n" +
    `${[...imports].join("\n")}\n\n` +
    "/** Length in code points, as JSON Schema counts `minLength` (ajv's runtime helper). */\n" +
    "function ucs2length(str) {\n  let length = 0;\n  for (let pos = 0; pos < str.length; length++) {\n    const c = str.charCodeAt(pos++);\n    if (c >= 0xd800 && c <= 0xdbff && pos < str.length && (str.charCodeAt(pos) & 0xfc00) === 0xdc00) pos++;\n  }\n  return length;\n}\n\n" +
    "/** Builds the validator of pmm.config.yaml (the published config schema). */\n" +
    `export function configValidator() {\n${body}\nreturn ${exported[1]};\n}\n`
  );
}
