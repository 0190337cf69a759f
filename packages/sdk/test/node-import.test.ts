/// <reference types="node" />
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The BUILT package in plain Node, as a server would use it: no TypeScript, no `source` condition,
 * resolved through the package's own `exports` (Node lets a package import itself by name).
 * Needs the build first: `npx rollup -c rollup.config.mjs --configPackage sdk` (links) and
 * `pnpm --filter @messenger-optin/sdk run build` (JSON Schema files); `npm test` does both.
 */
const packageDir = fileURLToPath(new URL('..', import.meta.url));

function runNode(source: string): unknown {
  const output = execFileSync(process.execPath, ['--input-type=module', '-e', source], {
    cwd: packageDir,
    encoding: 'utf8',
    timeout: 20_000,
  });
  return JSON.parse(output);
}

describe('the built SDK in plain Node', () => {
  it('has been built', () => {
    expect(existsSync(`${packageDir}dist/index.js`), 'run the sdk build first').toBe(true);
  });

  it('builds the exact links', () => {
    const links = runNode(`
      import { deepLink, composeMessage } from '@messenger-optin/sdk';
      const message = composeMessage({ keyword: 'Start News', company: 'Müller & Co', ref: 'K7Q2' });
      const channels = [
        { type: 'whatsapp', phone: '+49 (0)170 123-4567' },
        { type: 'telegram', username: 'mueller_bot' },
        { type: 'signal', phone: '0049 170 1234567' },
        { type: 'line', id: '@mueller' },
      ];
      console.log(JSON.stringify(channels.map((channel) => deepLink(channel, message))));
    `);
    expect(links).toEqual([
      {
        href: 'https://wa.me/491701234567?text=Start%20News%20M%C3%BCller%20%26%20Co%20K7Q2',
        prefill: 'text',
        message: 'Start News Müller & Co K7Q2',
      },
      {
        href: 'https://t.me/mueller_bot?start=Start_News_Mueller_Co_K7Q2',
        prefill: 'payload',
        message: 'Start News Müller & Co K7Q2',
        payload: 'Start_News_Mueller_Co_K7Q2',
      },
      { href: 'https://signal.me/#p/+491701234567', prefill: 'none', message: 'Start News Müller & Co K7Q2' },
      {
        href: 'https://line.me/R/oaMessage/%40mueller/?Start%20News%20M%C3%BCller%20%26%20Co%20K7Q2',
        prefill: 'text',
        message: 'Start News Müller & Co K7Q2',
      },
    ]);
  });

  it('throws a ConfigError with issues', () => {
    const error = runNode(`
      import { deepLink, ConfigError } from '@messenger-optin/sdk';
      try { deepLink({ type: 'whatsapp', phone: '0170 123' }, 'Start'); }
      catch (error) { console.log(JSON.stringify({ isConfigError: error instanceof ConfigError, name: error.name, issues: error.issues })); }
    `);
    expect(error).toEqual({
      isConfigError: true,
      name: 'ConfigError',
      issues: [{ path: 'phone', message: expect.stringMatching(/^phone: "0170 123" has no country code/) }],
    });
  });

  it('validates a widget config through the schema entry', () => {
    const result = runNode(`
      import { parseWidgetConfig } from '@messenger-optin/sdk/schema';
      console.log(JSON.stringify(parseWidgetConfig({ company: 'Firma', purpose: 'News', channels: [{ type: 'sms', phone: '0170 1', provider: { name: 'V AG', country: 'DE', transfer: 'Keine.' } }], privacyPolicy: 'javascript:x' })));
    `);
    expect(result).toEqual({
      ok: false,
      issues: [
        { path: 'channels[0].phone', message: expect.stringContaining('has no country code') },
        { path: 'privacyPolicy', message: expect.stringContaining('only http(s) links are allowed') },
      ],
    });
  });

  it('publishes the JSON Schema of the widget config and the consent event', () => {
    const schemas = runNode(`
      import config from '@messenger-optin/sdk/schema.json' with { type: 'json' };
      import event from '@messenger-optin/sdk/consent-event.schema.json' with { type: 'json' };
      console.log(JSON.stringify({ config, event }));
    `) as { config: JsonSchema; event: JsonSchema };
    expect(schemas.config.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schemas.config.required).toEqual(['company', 'channels', 'privacyPolicy', 'purpose']);
    expect(schemas.config.properties.company?.description).toBe(
      'Business name as the visitor will see it in the messenger.',
    );
    expect(schemas.config.properties.layout?.default).toBe('inline');
    const channelTypes = schemas.config.properties.channels?.items?.oneOf?.map(
      (option) => option.properties.type?.const,
    );
    expect(channelTypes).toEqual([
      'whatsapp',
      'telegram',
      'messenger',
      'instagram',
      'viber',
      'threema',
      'signal',
      'sms',
      'line',
      'email',
    ]);
    expect(schemas.event.properties.schema?.const).toBe('messenger-optin/consent-event@1');
    expect(schemas.event.additionalProperties).toBe(false);
    // The evidence each type needs, from the table the zod schema reads (evidenceRules).
    const { allOf } = schemas.event as unknown as { allOf: { if: unknown; then: unknown }[] };
    expect(allOf).toContainEqual({
      if: { required: ['type'], properties: { type: { const: 'notice_shown' } } },
      then: { allOf: [{ required: ['notice'], properties: { notice: { required: ['text'] } } }] },
    });
    expect(allOf).toHaveLength(3);
  });
});

interface JsonSchema {
  $schema?: string;
  description?: string;
  default?: unknown;
  const?: unknown;
  required?: string[];
  additionalProperties?: boolean;
  properties: Record<string, JsonSchema | undefined>;
  items?: { oneOf?: JsonSchema[] };
}
