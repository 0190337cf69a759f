import { checkWidgetConfig, type WidgetConfig } from '@messenger-optin/sdk';
import { describe, expect, it } from 'vitest';
import { prepareFlow } from './prepare-flow.js';

function config(input: Record<string, unknown>): WidgetConfig {
  const result = checkWidgetConfig({
    company: 'Firma',
    purpose: 'News',
    privacyPolicy: 'https://firma.example/privacy',
    channels: [{ type: 'whatsapp', phone: '+49 170 1234567' }],
    ...input,
  });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.config;
}

const options = { withdraw: false, locale: 'de', platform: 'other' } as const;
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('prepareFlow', () => {
  it('builds the start message with a reference code, its link and the German notice', async () => {
    const widget = config({});
    const flow = await prepareFlow(widget, widget.channels[0]!, options);
    expect(flow.ref).toMatch(/^[0-9A-HJKMNP-TV-Z]{6}$/);
    expect(flow.message).toBe(`Start News Firma ${flow.ref}`);
    expect(flow.withdrawMessage).toBe('Stop News Firma');
    expect(flow.link.href).toBe(`https://wa.me/491701234567?text=Start%20News%20Firma%20${flow.ref}`);
    expect(flow.notice.locale).toBe('de');
    // The archived notice holds no visitor data; the shown one does.
    expect(flow.notice.text).not.toContain(flow.ref);
    expect(flow.notice.text).toContain('{message}');
    expect(flow.shown.firstLayer.map((block) => block.text).join(' ')).toContain(flow.message);
    expect(flow.shown.sha256).toBe(flow.notice.sha256);
    expect(flow.consentId).toMatch(uuid);
  });

  it('leaves the code out with reference="none" and uses the site owner keywords', async () => {
    const widget = config({ reference: 'none', keyword: 'Hallo News', withdrawKeyword: 'Ende' });
    const flow = await prepareFlow(widget, widget.channels[0]!, options);
    expect(flow.ref).toBe('');
    expect(flow.message).toBe('Hallo News Firma');
    expect(flow.withdrawMessage).toBe('Ende Firma');
  });

  it('links the withdraw message in withdraw mode, with the withdraw notice', async () => {
    const widget = config({});
    const flow = await prepareFlow(widget, widget.channels[0]!, { ...options, withdraw: true });
    expect(flow.link.href).toBe('https://wa.me/491701234567?text=Stop%20News%20Firma');
    expect(flow.link.message).toBe('Stop News Firma');
    expect(flow.notice.id).toContain('withdraw');
    // No code in the Stop message, so none for the withdrawal_requested event either.
    expect(flow.ref).toBe('');
  });

  it('gives a Telegram bot the payload and tells the notice so', async () => {
    const widget = config({ channels: [{ type: 'telegram', username: 'firma_bot' }] });
    const flow = await prepareFlow(widget, widget.channels[0]!, { ...options, locale: 'en-GB' });
    expect(flow.link.prefill).toBe('payload');
    expect(flow.link.href).toBe(`https://t.me/firma_bot?start=Start_News_Firma_${flow.ref}`);
    expect(flow.notice.locale).toBe('en');
    // START is the act: no message to send or copy, the code shown alone.
    expect(flow.shown.firstLayer[1]?.text).toContain(
      `Tap START there; nothing else is needed. Telegram then sends us your code ${flow.ref}`,
    );
  });

  it('uses the configured code length', async () => {
    const widget = config({ referenceLength: 8 });
    expect((await prepareFlow(widget, widget.channels[0]!, options)).ref).toHaveLength(8);
  });

  it('gives each tap its own consent id and code', async () => {
    const widget = config({});
    const [a, b] = await Promise.all([1, 2].map(() => prepareFlow(widget, widget.channels[0]!, options)));
    expect(a?.consentId).not.toBe(b?.consentId);
  });
});
