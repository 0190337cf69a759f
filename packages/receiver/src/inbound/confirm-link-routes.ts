import { Hono } from 'hono';
import type { ReceiverEnv } from '../routes/env.js';
import {
  CONFIRM_LINK_PATH,
  type ConfirmLinkContext,
  type LinkState,
  confirmByLink,
  inspectConfirmLink,
} from './confirm-link.js';
import { fillPlaceholders } from '@messenger-optin/sdk';
import { replyLocale, replyText } from './replies.js';
import { replyLocales } from './reply-locales.js';

/**
 * GET|POST /v1/inbound/confirm/:token (docs/inbound.md#e-mail-confirmation-link). GET shows the
 * question and a button and changes nothing (mail scanners and link previews open URLs); the
 * button's POST confirms. Answers: 200 page, 404 unknown link, 410 used, expired or withdrawn.
 */
export function confirmLinkRoutes(ctx: ConfirmLinkContext): Hono<ReceiverEnv> {
  const app = new Hono<ReceiverEnv>();
  const path = `${CONFIRM_LINK_PATH}:token`;
  app.get(path, async (c) => page(ctx, await inspectConfirmLink(ctx, c.req.param('token'))));
  app.post(path, async (c) => page(ctx, await confirmByLink(ctx, c.req.param('token'))));
  return app;
}

const STATUS: Record<LinkState['status'], 200 | 404 | 410> = {
  valid: 200,
  confirmed: 200,
  already_confirmed: 200,
  unknown: 404,
  used: 410,
  expired: 410,
  withdrawn: 410,
};

const escapeHtml = (text: string): string =>
  text.replace(
    /[&<>"']/g,
    (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] ?? char,
  );

function page(ctx: ConfirmLinkContext, state: LinkState): Response {
  const locale = replyLocale('locale' in state ? state.locale : null, ctx.config.locale);
  const t = replyLocales[locale].confirmPage;
  const company = ctx.config.company ?? '';
  const purpose = 'purpose' in state ? (state.purpose ?? replyLocales[locale].purpose) : '';
  let heading = t.title;
  let body: string;
  switch (state.status) {
    case 'valid':
      // No action attribute: the form posts back to this very URL, token included.
      body = `<p>${escapeHtml(fillPlaceholders(t.question, { purpose, company }))}</p>
<form method="post"><button type="submit">${escapeHtml(t.button)}</button></form>`;
      break;
    case 'confirmed':
      heading = t.done;
      body = `<p>${escapeHtml(replyText('confirmation', locale, { company, purpose, channel: state.channel }))}</p>`;
      break;
    case 'already_confirmed':
      body = `<p>${escapeHtml(t.already)}</p>`;
      break;
    default:
      body = `<p>${escapeHtml(t[state.status])}</p>`;
  }
  const html = `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(heading)}${company ? ` – ${escapeHtml(company)}` : ''}</title>
</head>
<body>
<main>
<h1>${escapeHtml(heading)}</h1>
${body}
</main>
</body>
</html>
`;
  return new Response(html, {
    status: STATUS[state.status],
    headers: {
      'content-type': 'text/html; charset=utf-8',
      // No script, no style, no outside resource; the form may post only here.
      'content-security-policy':
        "default-src 'none'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
      // The token is in the URL: it must not travel on in a Referer, nor stay in a cache.
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'x-robots-tag': 'noindex',
    },
  });
}
