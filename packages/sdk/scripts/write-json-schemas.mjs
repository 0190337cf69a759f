#!/usr/bin/env node
// Writes the JSON Schema files published beside the zod schemas (package exports `./schema.json`
// and `./consent-event.schema.json`), generated from the built `dist/schema.js` so that they can
// never drift from what `parseWidgetConfig` and the receiver accept.
//
// Custom checks (phone numbers, http(s) URLs, …) have no JSON Schema form and are left out: the JSON
// Schema describes the shape for editors and other languages; the zod schema stays the authority.
import { readFileSync, writeFileSync } from 'node:fs';
import { toJSONSchema } from 'zod/mini';

const dist = new URL('../dist/', import.meta.url);
const { consentEventSchema, evidenceRules, widgetConfigSchema } = await import(
  new URL('schema.js', dist).href
);
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

const files = {
  // `io: 'input'`: what a site owner writes, so options with defaults are optional.
  'widget-config.schema.json': {
    schema: widgetConfigSchema,
    io: 'input',
    title: 'messenger-optin widget config',
  },
  'consent-event.schema.json': {
    schema: consentEventSchema,
    io: 'output',
    title: 'messenger-optin consent event v1',
  },
};

/**
 * The per-type evidence rules (a zod check, which JSON Schema cannot express by itself) as
 * `if type is … then these fields are required`, from the same table the zod schema reads.
 */
function evidenceConditions(rules) {
  const requiring = ([key, ...rest]) =>
    rest.length ? { required: [key], properties: { [key]: requiring(rest) } } : { required: [key] };
  return Object.entries(rules).map(([type, list]) => ({
    if: { required: ['type'], properties: { type: { const: type } } },
    then: { allOf: list.map(({ path }) => requiring(path)) },
  }));
}

for (const [fileName, { schema, io, title }] of Object.entries(files)) {
  const { $schema, ...rest } = toJSONSchema(schema, { io, target: 'draft-2020-12', unrepresentable: 'any' });
  const json = {
    $schema,
    $id: `https://unpkg.com/@messenger-optin/sdk@${version}/dist/${fileName}`,
    title,
    ...rest,
    ...(schema === consentEventSchema ? { allOf: evidenceConditions(evidenceRules) } : {}),
  };
  writeFileSync(new URL(fileName, dist), `${JSON.stringify(json, null, 2)}\n`);
  console.log(`wrote dist/${fileName}`);
}
