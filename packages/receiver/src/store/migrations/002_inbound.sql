-- Inbound messages from the messengers (docs/inbound.md): the visitor's own message confirms a web
-- consent, "Stop" withdraws it, a rights keyword is recorded as a request.
--
-- What is chained: message_received, confirmed, withdrawn, … entries in the existing per-site chain
-- (kind 'inbound'; entries about no single consent have no consent_id and, without a site, go to
-- the pseudo-site '_inbound'). They hold only keyed hashes of senders and message ids.
-- What is erasable: inbound_persons (reply addresses) and inbound_texts (message texts); the raw
-- provider message id in inbound_messages is replaced by its hash on erasure.

ALTER TABLE entries DROP CONSTRAINT IF EXISTS entries_kind_check;
ALTER TABLE entries ADD CONSTRAINT entries_kind_check
  CHECK (kind IN ('event', 'confirmation', 'erasure', 'inbound'));
ALTER TABLE entries ALTER COLUMN consent_id DROP NOT NULL;
-- The inbound message an entry is about: a proof bundle shows the message that confirmed or
-- withdrew its consent, also when that message's entry concerns several consents.
ALTER TABLE entries ADD COLUMN inbound_id uuid;
CREATE INDEX entries_inbound_idx ON entries (inbound_id) WHERE inbound_id IS NOT NULL;

-- One row per delivered message or provider signal. Providers retry and may deliver twice: the
-- unique key makes the second delivery a duplicate that is answered like the first.
CREATE TABLE inbound_messages (
  inbound_id          uuid PRIMARY KEY,
  provider            text        NOT NULL,
  provider_message_id text        NOT NULL,
  -- Telegram's update_id, kept because Telegram documents it for ignoring repeats.
  update_id           text,
  channel             text        NOT NULL,
  sender_hashes       text[]      NOT NULL,
  subscriber_id       uuid,
  trigger             text        NOT NULL,
  intent              text        NOT NULL,
  ref                 text,
  outcome             text        NOT NULL,
  provider_time       timestamptz,
  received_at         timestamptz NOT NULL,
  -- The message_received entry in the chain.
  entry_id            uuid,
  -- What a later reply needs (LINE reply token, Twilio To, WhatsApp phone_number_id), canonical JSON.
  reply_context       text,
  UNIQUE (provider, provider_message_id)
);
CREATE INDEX inbound_messages_subscriber_idx ON inbound_messages (subscriber_id);

-- Erasable: the address replies go to (chat id, wa_id, PSID, phone number, …), per sender hash.
CREATE TABLE inbound_persons (
  sender_hash   text PRIMARY KEY,
  channel       text        NOT NULL,
  provider      text        NOT NULL,
  address       text,
  subscriber_id uuid,
  first_seen_at timestamptz NOT NULL,
  last_seen_at  timestamptz NOT NULL
);
CREATE INDEX inbound_persons_subscriber_idx ON inbound_persons (subscriber_id);

-- Erasable: the raw text of a stored message (at most 4,096 characters). The chain holds the text
-- itself only when it adds no personal data, else its keyed hash.
CREATE TABLE inbound_texts (
  inbound_id uuid PRIMARY KEY REFERENCES inbound_messages (inbound_id) ON DELETE CASCADE,
  text       text NOT NULL
);

-- One person on one channel, or (before any message) nothing: pending consents without a message
-- are listed from the chain itself. status is the first of confirmed, unmatched, ambiguous,
-- withdrawn over the subscriber's subscriptions (awaiting_reply and pending before those).
CREATE TABLE subscribers (
  subscriber_id   uuid PRIMARY KEY,
  channel         text        NOT NULL,
  status          text        NOT NULL
    CHECK (status IN ('pending', 'awaiting_reply', 'confirmed', 'withdrawn', 'unmatched', 'ambiguous')),
  created_at      timestamptz NOT NULL,
  pending_since   timestamptz,
  confirmed_at    timestamptz,
  withdrawn_at    timestamptz,
  last_inbound_at timestamptz,
  erased_at       timestamptz
);
CREATE INDEX subscribers_list_idx ON subscribers (created_at, subscriber_id);

-- The keyed sender hashes of a subscriber (WhatsApp: wa_id and BSUID). Not personal data by
-- themselves; they are what links a later message to the subscriber.
CREATE TABLE subscriber_senders (
  sender_hash   text PRIMARY KEY,
  subscriber_id uuid NOT NULL REFERENCES subscribers (subscriber_id)
);
CREATE INDEX subscriber_senders_subscriber_idx ON subscriber_senders (subscriber_id);

-- A subscriber's consent links: one per web consent the person confirmed, was bound to by opening
-- the chat, or withdrew; and one without a consent for an opt-in that matched none (unmatched) or
-- several (ambiguous, with the candidates).
CREATE TABLE subscriptions (
  subscription_id       uuid PRIMARY KEY,
  subscriber_id         uuid        NOT NULL REFERENCES subscribers (subscriber_id),
  consent_id            uuid UNIQUE,
  site                  text,
  channel               text        NOT NULL,
  ref                   text,
  state                 text        NOT NULL
    CHECK (state IN ('pending', 'awaiting_reply', 'confirmed', 'withdrawn', 'unmatched', 'ambiguous')),
  candidate_consent_ids uuid[],
  -- The message that last changed the state.
  inbound_id            uuid,
  locale                text,
  purpose               text,
  notice_version        text,
  created_at            timestamptz NOT NULL,
  updated_at            timestamptz NOT NULL,
  confirmed_at          timestamptz,
  withdrawn_at          timestamptz
);
CREATE INDEX subscriptions_subscriber_idx ON subscriptions (subscriber_id);

-- Access and erasure requests (Art. 15, 17 GDPR), due one calendar month after receipt. A request
-- from someone who never subscribed has no subscriber; its sender hash finds the address.
CREATE TABLE rights_requests (
  request_id    uuid PRIMARY KEY,
  kind          text        NOT NULL CHECK (kind IN ('access', 'erasure')),
  subscriber_id uuid,
  sender_hash   text        NOT NULL,
  channel       text        NOT NULL,
  inbound_id    uuid        NOT NULL,
  status        text        NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  received_at   timestamptz NOT NULL,
  due_at        timestamptz NOT NULL,
  closed_at     timestamptz,
  resolution    text
);
CREATE INDEX rights_requests_status_idx ON rights_requests (status, due_at);

-- Replies waiting to be sent, written in the inbound transaction: a failed send never loses the
-- inbound record, and (inbound_id, kind) is unique, so a duplicate delivery never replies twice.
-- The address is read from inbound_persons at send time; an erased one drops the row.
CREATE TABLE inbound_outbox (
  id              uuid PRIMARY KEY,
  provider        text        NOT NULL,
  channel         text        NOT NULL,
  kind            text        NOT NULL,
  inbound_id      uuid        NOT NULL,
  sender_hash     text        NOT NULL,
  subscriber_id   uuid,
  locale          text        NOT NULL,
  text            text        NOT NULL,
  -- Provider context: LINE reply token, Twilio To, WhatsApp phone_number_id (canonical JSON).
  context         text        NOT NULL DEFAULT '{}',
  attempts        integer     NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL,
  leased_until    timestamptz,
  -- After this the provider refuses free-form messages (24 h service windows); null = none.
  window_ends_at  timestamptz,
  status          text        NOT NULL DEFAULT 'queued'
    CHECK (status IN ('queued', 'sent', 'failed', 'dropped')),
  last_error      text,
  created_at      timestamptz NOT NULL,
  sent_at         timestamptz,
  UNIQUE (inbound_id, kind)
);
CREATE INDEX inbound_outbox_due_idx ON inbound_outbox (next_attempt_at) WHERE status = 'queued';
