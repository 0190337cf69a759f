import { describe, expect, it } from 'vitest';
import { checkWidgetConfig } from './check-widget-config.js';
import { endpointOnPageProblem } from './endpoint-on-page.js';
import { endpointProblem } from './url-problems.js';

describe('endpoint URL problems', () => {
  it('takes a path or an http(s) URL, never one without a scheme or of another scheme', () => {
    expect(endpointProblem('/v1/events')).toBeUndefined();
    expect(endpointProblem('https://consent.example.com/v1/events')).toBeUndefined();
    expect(endpointProblem('//consent.example.com/v1/events')).toContain('leaves out the scheme');
    expect(endpointProblem('javascript:alert(1)')).toContain('only http(s)');
  });

  it('refuses an http: endpoint on a page served over https (mixed content: every event lost)', () => {
    const problem = endpointOnPageProblem('http://consent.example.com/v1/events', 'https://shop.example/');
    expect(problem).toBe(
      '"http://consent.example.com/v1/events" is http: on an https: page; browsers block it (mixed content), so no consent event would arrive; serve the receiver over https: https://consent.example.com/v1/events',
    );
  });

  it('lets the same endpoint through on an http page, a relative one anywhere, and loopback receivers', () => {
    expect(
      endpointOnPageProblem('http://consent.example.com/v1/events', 'http://shop.example/'),
    ).toBeUndefined();
    expect(endpointOnPageProblem('/v1/events', 'https://shop.example/')).toBeUndefined();
    expect(
      endpointOnPageProblem('https://consent.example.com/v1/events', 'https://shop.example/'),
    ).toBeUndefined();
    for (const local of [
      'http://localhost:8787/v1/events',
      'http://127.0.0.1:8787/v1/events',
      'http://[::1]/e',
      'http://app.localhost/e',
    ])
      expect(endpointOnPageProblem(local, 'https://shop.example/'), local).toBeUndefined();
    expect(
      endpointOnPageProblem('http://localhost.evil.example/v1/events', 'https://shop.example/'),
    ).toContain('mixed content');
  });

  it('is a config error of checkWidgetConfig on an https page, naming the endpoint option', () => {
    const config = {
      company: 'Firma GmbH',
      channels: [{ type: 'whatsapp', phone: '+49 170 1234567' }],
      privacyPolicy: 'https://firma.de/datenschutz',
      purpose: 'News',
      endpoint: 'http://consent.example.com/v1/events',
    };
    expect(checkWidgetConfig(config, { url: 'http://shop.example/' }).ok).toBe(true);
    const refused = checkWidgetConfig(config, { url: 'https://shop.example/newsletter' });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.issues).toHaveLength(1);
    expect(refused.issues[0]?.path).toBe('endpoint');
    expect(refused.issues[0]?.message).toMatch(
      /^endpoint: "http:\/\/consent\.example\.com\/v1\/events" is http: on an https: page/,
    );
  });
});
