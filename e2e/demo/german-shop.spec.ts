import { createHash } from 'node:crypto';
import type { APIRequestContext } from '@playwright/test';
import { expect, test } from './demo-fixture.js';
import type { RunningDemo } from './demo-process.js';
import { blockOutsideRequests, watchForProblems } from './demo-page-checks.js';

interface ConsentDetail {
  channel: string;
  consentId: string;
  ref: string;
  message: string;
  href: string;
}

interface EntryView {
  kind: string;
  type: string;
  consentId: string;
  record: { notice?: { sha256?: string; text?: string }; ref?: string; message?: string };
}

interface ProofBundle {
  consentId: string;
  events: EntryView[];
  notices: Array<{ sha256: string; id: string; locale: string; text: string }>;
  chain: { ok: boolean; checked: number };
}

test.describe.configure({ timeout: 60_000 });

function admin(request: APIRequestContext, demo: RunningDemo, path: string) {
  return request.get(new URL(path, demo.url).href, {
    headers: { authorization: `Bearer ${demo.adminToken}` },
  });
}

test('a visitor subscribes via WhatsApp on the German shop; the receiver holds the proof', async ({
  page,
  request,
  demo,
}) => {
  const problems = await watchForProblems(page);
  await blockOutsideRequests(page);
  const eventPosts: string[] = [];
  page.on('request', (sent) => {
    if (sent.url().includes('/v1/events')) eventPosts.push(sent.method());
  });

  await page.goto(demo.url);
  const whatsapp = page.getByRole('button', { name: 'WhatsApp' });
  await expect(whatsapp).toBeVisible();
  for (const name of ['Telegram', 'Threema', 'Signal']) {
    await expect(page.getByRole('button', { name })).toBeVisible();
  }
  // Nothing leaves the page before the visitor interacts, and nothing is stored.
  expect(eventPosts).toEqual([]);
  expect(await page.evaluate(() => localStorage.length + sessionStorage.length)).toBe(0);
  expect(await page.evaluate(async () => (await indexedDB.databases()).length)).toBe(0);
  expect(await page.context().cookies()).toEqual([]);

  const consentEvent = page.evaluate(
    () =>
      new Promise<ConsentDetail>((resolve) =>
        document.addEventListener('optin-consent', (event) => resolve((event as CustomEvent).detail), {
          once: true,
        }),
      ),
  );
  await whatsapp.click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Firma');
  const confirm = dialog.getByRole('button', { name: /WhatsApp öffnen/ });
  // require-checkbox: the confirm button waits for the tick.
  await expect(confirm).toBeDisabled();
  await dialog.getByRole('checkbox').check();
  await confirm.click();

  const consent = await consentEvent;
  expect(consent.channel).toBe('whatsapp');
  expect(consent.message).toBe(`Start News Firma ${consent.ref}`);
  expect(consent.href).toBe(`https://wa.me/491701234567?text=Start%20News%20Firma%20${consent.ref}`);

  // Desktop: the link phase shows the QR code and "open on this device" with the same link.
  const openHere = page.getByRole('link', { name: /Auf diesem Gerät öffnen/ });
  await expect(openHere).toBeVisible();
  await expect(openHere).toHaveAttribute('href', consent.href);

  // The receiver stored the flow: notice shown (with its text archived), consent given.
  let bundle: ProofBundle | undefined;
  await expect
    .poll(
      async () => {
        const response = await admin(request, demo, `/v1/consents/${consent.consentId}`);
        if (response.status() !== 200) return [];
        bundle = (await response.json()) as ProofBundle;
        return bundle.events.map((entry) => entry.type).sort();
      },
      { timeout: 15_000 },
    )
    .toEqual(expect.arrayContaining(['consent_given', 'notice_shown']));
  if (!bundle) throw new Error('no proof bundle');

  expect(bundle.consentId).toBe(consent.consentId);
  expect(bundle.chain.ok).toBe(true);
  expect(bundle.chain.checked).toBeGreaterThanOrEqual(2);
  const given = bundle.events.find((entry) => entry.type === 'consent_given');
  expect(given?.record.ref).toBe(consent.ref);
  expect(given?.record.message).toBe(consent.message);

  // The archived notice is the text the visitor saw: German, names the business and the provider,
  // and its sha256 is the one every event of the flow points to.
  expect(bundle.notices).toHaveLength(1);
  const notice = bundle.notices[0]!;
  expect(notice.locale).toBe('de');
  expect(notice.text).toContain('Firma');
  expect(notice.text).toContain('WhatsApp');
  // The archive keeps the template: the visitor's message stays behind the salted commitment.
  expect(notice.text).toContain('{message}');
  expect(notice.text).not.toContain(consent.message);
  expect(createHash('sha256').update(notice.text, 'utf8').digest('hex')).toBe(notice.sha256);
  expect(given?.record.notice?.sha256).toBe(notice.sha256);

  // The messaging system can find the consent by the code in the inbound message.
  // A code is unique within one site and channel, so the lookup names both.
  const site = encodeURIComponent(new URL(demo.url).origin);
  const byRef = await admin(request, demo, `/v1/consents?ref=${consent.ref}&site=${site}&channel=whatsapp`);
  expect(byRef.status()).toBe(200);
  expect(JSON.stringify(await byRef.json())).toContain(consent.consentId);

  // The deep link itself was never followed to the real WhatsApp.
  expect(eventPosts.length).toBeGreaterThan(0);
  expect(await problems()).toEqual([]);
});

test('the admin API refuses requests without the token', async ({ request, demo }) => {
  const response = await request.get(new URL('/v1/export', demo.url).href);
  expect([401, 403]).toContain(response.status());
});
