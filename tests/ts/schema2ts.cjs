// Reference types for the tsc judge: pydantic JSON Schemas → TypeScript with
// json-schema-to-typescript, many schemas in one node process.
//
// stdin:  {"<name>": <JSON Schema>, ...}
// stdout: {"<name>": {"ts": "<module text>"} | {"error": "<message>"}, ...}
//
// Each schema is wrapped as the `root` property of an object titled `JudgeRoot`, so the
// reference type of any schema (model, list, union, $ref to a recursive model) is
// `JudgeRoot["root"]`. json-schema-to-typescript 16 ignores three JSON Schema 2020-12
// keywords pydantic emits; they are rewritten to their draft-07 meaning first:
//   prefixItems (fixed tuples)          → items: [...] + additionalItems
//   propertyNames: enum / const / $ref  → optional `properties`, no other keys
//   readOnly                            → (ignored: tsjudge strips `readonly` on our side)
// A schema with no shape keyword at all (`{}`, pydantic's Any) becomes `unknown`, and
// minItems/maxItems of homogeneous arrays are dropped: json-schema-to-typescript would turn
// `list[X]` with `min_length=1` into `[X, ...X[]]`; the interfaces keep `X[]` + `@minItems`.
"use strict";
const { compile } = require("json-schema-to-typescript");

const OPTIONS = {
  bannerComment: "",
  additionalProperties: false, // pydantic omits it for extra="ignore": no index signature
  declareExternallyReferenced: true,
  format: false,
  unknownAny: true,
  strictIndexSignatures: false,
};

function resolveLocal(ref, defs) {
  const prefix = "#/$defs/";
  return ref.startsWith(prefix) ? defs[ref.slice(prefix.length)] : undefined;
}

function keyNames(names, defs) {
  const target = names.$ref ? resolveLocal(names.$ref, defs) || {} : names;
  if ("const" in target) return [target.const];
  if (Array.isArray(target.enum)) return target.enum;
  return null;
}

const SCHEMA_MAPS = ["properties", "patternProperties", "$defs", "definitions"];
const SCHEMA_LISTS = ["anyOf", "oneOf", "allOf", "prefixItems"];
const SCHEMA_ONES = ["items", "additionalItems", "additionalProperties", "not", "propertyNames",
  "contentSchema"];
const SHAPE_KEYWORDS = ["type", "$ref", "anyOf", "oneOf", "allOf", "enum", "const", "not",
  "properties", "patternProperties", "additionalProperties", "items", "prefixItems", "tsType"];

function mapValues(obj, fn) {
  return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, fn(v)]));
}

// Rewrite one schema (and its subschemas) to what json-schema-to-typescript understands.
function rewrite(schema, defs) {
  if (schema === null || typeof schema !== "object" || Array.isArray(schema)) return schema;
  const out = { ...schema };
  const sub = (s) => rewrite(s, defs);
  for (const k of SCHEMA_MAPS) if (out[k]) out[k] = mapValues(out[k], sub);
  for (const k of SCHEMA_LISTS) if (Array.isArray(out[k])) out[k] = out[k].map(sub);
  for (const k of SCHEMA_ONES) {
    if (k in out) out[k] = Array.isArray(out[k]) ? out[k].map(sub) : sub(out[k]);
  }
  // Length limits of homogeneous arrays stay documentation (`@minItems`), not tuple types.
  if (out.items && !Array.isArray(out.items) && !Array.isArray(out.prefixItems)) {
    delete out.minItems;
    delete out.maxItems;
  }
  if (Array.isArray(out.prefixItems)) {
    const rest = out.items;
    out.items = out.prefixItems;
    out.additionalItems = rest === undefined ? false : rest;
    delete out.prefixItems;
  }
  if (out.propertyNames && typeof out.additionalProperties === "object") {
    const names = keyNames(out.propertyNames, defs);
    if (names) {
      out.properties = Object.fromEntries(
        names.map((n) => [String(n), structuredClone(out.additionalProperties)]),
      );
      out.additionalProperties = false;
      delete out.propertyNames;
    }
  }
  // `{}` (pydantic's Any) means any value; with a title json-schema-to-typescript would
  // declare an empty object interface for it instead.
  if (!SHAPE_KEYWORDS.some((k) => k in out)) out.tsType = "unknown";
  return out;
}

// `--raw` leaves the schemas as pydantic wrote them: tests/test_tsjudge_adjustments.py shows
// with it what json-schema-to-typescript makes of each keyword the rewrite adjusts.
const RAW = process.argv.includes("--raw");

async function convert(schema) {
  const defs = schema.$defs || {};
  const { $defs, ...root } = schema;
  const adjust = RAW ? (s) => s : (s) => rewrite(s, defs);
  const wrapper = {
    title: "JudgeRoot",
    type: "object",
    properties: { root: adjust(root) },
    required: ["root"],
    additionalProperties: false,
    $defs: mapValues(defs, adjust),
  };
  return compile(wrapper, "JudgeRoot", OPTIONS);
}

async function main() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  const schemas = JSON.parse(Buffer.concat(chunks).toString("utf8"));
  const result = {};
  for (const [name, schema] of Object.entries(schemas)) {
    try {
      result[name] = { ts: await convert(schema) };
    } catch (err) {
      result[name] = { error: String((err && err.stack) || err) };
    }
  }
  process.stdout.write(JSON.stringify(result));
}

main().catch((err) => {
  process.stderr.write(String((err && err.stack) || err));
  process.exit(1);
});
