-- Site owner's console (docs/console.md): a per-consent projection for the funnel and the subscriber
-- list, CRM webhooks with a durable outbox, and the record of retention runs. Reads only 001's
-- entries table, so it applies with or without the inbound tables.

-- One row per consent: when it first reached each funnel step. Kept by a statement trigger on
-- entries, so every writer (events, admin confirm, inbound, erasure) updates it in its own
-- transaction and the funnel and list never scan the chain. Holds no personal data: the ref stays in
-- personal_data, where erasure removes it.
CREATE TABLE consent_states (
  consent_id        uuid PRIMARY KEY,
  site              text        NOT NULL,
  channel           text,
  purpose           text,
  notice_version    text,
  widget_shown_at   timestamptz,
  notice_shown_at   timestamptz,
  consent_given_at  timestamptz,
  link_opened_at    timestamptz,
  confirmed_at      timestamptz,
  withdrawn_at      timestamptz,
  erased_at         timestamptz,
  last_at           timestamptz NOT NULL,
  -- A consent is a subscriber from its consent_given (web) or its confirmation, whichever came first.
  subscribed_at     timestamptz GENERATED ALWAYS AS (least(consent_given_at, confirmed_at)) STORED,
  state             text GENERATED ALWAYS AS (
    CASE
      WHEN withdrawn_at IS NOT NULL THEN 'withdrawn'
      WHEN confirmed_at IS NOT NULL THEN 'confirmed'
      WHEN consent_given_at IS NOT NULL THEN 'pending'
      ELSE 'visitor'
    END) STORED
);
CREATE INDEX consent_states_list_idx ON consent_states (subscribed_at DESC, consent_id DESC)
  WHERE subscribed_at IS NOT NULL;
CREATE INDEX consent_states_channel_idx ON consent_states (channel, state, subscribed_at DESC, consent_id DESC)
  WHERE subscribed_at IS NOT NULL;
CREATE INDEX consent_states_state_idx ON consent_states (state, subscribed_at DESC, consent_id DESC)
  WHERE subscribed_at IS NOT NULL;

-- CRM / newsletter endpoints (Standard Webhooks). The secret is needed to sign, so it is stored as
-- issued; whoever reads this table can forge deliveries to these endpoints.
CREATE TABLE webhook_endpoints (
  id              uuid PRIMARY KEY,
  url             text        NOT NULL,
  events          text[]      NOT NULL,
  secret          text        NOT NULL,
  include_address boolean     NOT NULL DEFAULT false,
  created_at      timestamptz NOT NULL,
  disabled_at     timestamptz,
  disabled_reason text
);

-- One row per (endpoint, event): written in the transaction that records the event, so a crash
-- between the state change and the delivery loses nothing. order_key is the subscriber (or the
-- consent before there is one): rows of one key go out in id order.
CREATE TABLE webhook_outbox (
  id               bigserial PRIMARY KEY,
  endpoint_id      uuid        NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
  message_id       text        NOT NULL,
  event_type       text        NOT NULL,
  order_key        text        NOT NULL,
  consent_id       uuid,
  data             jsonb       NOT NULL,
  occurred_at      timestamptz NOT NULL,
  -- The exact bytes of the first attempt, so every retry signs and sends the same body.
  body             text,
  status           text        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'dead')),
  attempts         integer     NOT NULL DEFAULT 0,
  next_attempt_at  timestamptz NOT NULL,
  leased_until     timestamptz,
  last_status      integer,
  last_error       text,
  delivered_at     timestamptz,
  UNIQUE (endpoint_id, message_id)
);
CREATE INDEX webhook_outbox_due_idx ON webhook_outbox (next_attempt_at) WHERE status = 'pending';
CREATE INDEX webhook_outbox_order_idx ON webhook_outbox (endpoint_id, order_key, id) WHERE status = 'pending';
CREATE INDEX webhook_outbox_dead_idx ON webhook_outbox (id) WHERE status = 'dead';

-- Queues one event for every enabled endpoint that subscribed to its type. Called by the trigger
-- below and by code that records state changes in its own transaction (enqueueWebhook in
-- src/webhooks/enqueue.ts); message_id makes a second call for the same change a no-op.
CREATE FUNCTION console_enqueue_webhook(p_type text, p_message_id text, p_order_key text,
  p_consent_id uuid, p_data jsonb, p_at timestamptz) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE queued integer;
BEGIN
  INSERT INTO webhook_outbox (endpoint_id, message_id, event_type, order_key, consent_id, data,
    occurred_at, next_attempt_at)
  SELECT e.id, p_message_id, p_type, p_order_key, p_consent_id, p_data, p_at, p_at
  FROM webhook_endpoints e
  WHERE e.disabled_at IS NULL AND p_type = ANY (e.events)
  ON CONFLICT (endpoint_id, message_id) DO NOTHING;
  GET DIAGNOSTICS queued = ROW_COUNT;
  RETURN queued;
END $$;

-- Folds a statement's new entries into consent_states and queues the webhooks of the state changes
-- it caused: the first confirmation, the first withdrawal of a subscriber, a rights request.
-- Entry types: events from the widget, 'confirmation' (admin API), and the inbound entries
-- 'confirmed', 'withdrawn', 'access_requested', 'erasure_requested', 'erasure'/'erased'.
CREATE FUNCTION console_track_entries() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  -- Webhooks first, while consent_states still holds the state before this statement. Only when an
  -- endpoint exists: the common case costs one EXISTS.
  IF EXISTS (SELECT 1 FROM webhook_endpoints WHERE disabled_at IS NULL) THEN
    PERFORM console_enqueue_webhook('subscriber.confirmed', 'confirmed:' || n.consent_id,
        coalesce(n.payload::jsonb ->> 'subscriberId', n.consent_id::text), n.consent_id,
        jsonb_build_object('subscriberId', n.payload::jsonb ->> 'subscriberId',
          'via', coalesce(n.payload::jsonb ->> 'via', 'admin')),
        n.received_at)
    FROM (SELECT DISTINCT ON (consent_id) consent_id, payload, received_at FROM new_entries
          WHERE consent_id IS NOT NULL AND type IN ('confirmation', 'confirmed')
          ORDER BY consent_id, seq) n
    LEFT JOIN consent_states s ON s.consent_id = n.consent_id
    WHERE s.confirmed_at IS NULL AND s.withdrawn_at IS NULL;

    -- A withdrawal is news to a CRM only for a consent that was (or just got) confirmed.
    PERFORM console_enqueue_webhook('subscriber.withdrawn', 'withdrawn:' || n.consent_id,
        coalesce(n.payload::jsonb ->> 'subscriberId', n.consent_id::text), n.consent_id,
        jsonb_build_object('subscriberId', n.payload::jsonb ->> 'subscriberId',
          'reason', coalesce(n.payload::jsonb ->> 'reason', 'widget')),
        n.received_at)
    FROM (SELECT DISTINCT ON (consent_id) consent_id, payload, received_at FROM new_entries
          WHERE consent_id IS NOT NULL AND type IN ('withdrawal_requested', 'withdrawn')
          ORDER BY consent_id, seq) n
    LEFT JOIN consent_states s ON s.consent_id = n.consent_id
    WHERE s.withdrawn_at IS NULL
      AND (s.confirmed_at IS NOT NULL OR EXISTS (SELECT 1 FROM new_entries c
           WHERE c.consent_id = n.consent_id AND c.type IN ('confirmation', 'confirmed')));

    PERFORM console_enqueue_webhook('rights.requested', 'rights:' || e.entry_id,
        coalesce(e.payload::jsonb ->> 'subscriberId', e.consent_id::text, e.entry_id::text), e.consent_id,
        jsonb_build_object('requestId', e.payload::jsonb ->> 'requestId',
          'subscriberId', e.payload::jsonb ->> 'subscriberId',
          'kind', CASE e.type WHEN 'access_requested' THEN 'access' ELSE 'erasure' END,
          'dueAt', e.payload::jsonb ->> 'dueAt'),
        e.received_at)
    FROM new_entries e WHERE e.type IN ('access_requested', 'erasure_requested');
  END IF;

  INSERT INTO consent_states AS s (consent_id, site, channel, purpose, notice_version, widget_shown_at,
    notice_shown_at, consent_given_at, link_opened_at, confirmed_at, withdrawn_at, erased_at, last_at)
  SELECT consent_id, min(site), min(channel),
    min(payload::jsonb ->> 'purpose') FILTER (WHERE type = 'consent_given'),
    min(payload::jsonb -> 'notice' ->> 'version') FILTER (WHERE type = 'consent_given'),
    min(received_at) FILTER (WHERE type = 'widget_shown'),
    min(received_at) FILTER (WHERE type = 'notice_shown'),
    min(received_at) FILTER (WHERE type = 'consent_given'),
    min(received_at) FILTER (WHERE type = 'link_opened'),
    min(received_at) FILTER (WHERE type IN ('confirmation', 'confirmed')),
    min(received_at) FILTER (WHERE type IN ('withdrawal_requested', 'withdrawn')),
    min(received_at) FILTER (WHERE type IN ('erasure', 'erased')),
    max(received_at)
  FROM new_entries WHERE consent_id IS NOT NULL
  GROUP BY consent_id
  ON CONFLICT (consent_id) DO UPDATE SET
    channel          = coalesce(s.channel, excluded.channel),
    purpose          = coalesce(s.purpose, excluded.purpose),
    notice_version   = coalesce(s.notice_version, excluded.notice_version),
    widget_shown_at  = least(s.widget_shown_at, excluded.widget_shown_at),
    notice_shown_at  = least(s.notice_shown_at, excluded.notice_shown_at),
    consent_given_at = least(s.consent_given_at, excluded.consent_given_at),
    link_opened_at   = least(s.link_opened_at, excluded.link_opened_at),
    confirmed_at     = least(s.confirmed_at, excluded.confirmed_at),
    withdrawn_at     = least(s.withdrawn_at, excluded.withdrawn_at),
    erased_at        = greatest(s.erased_at, excluded.erased_at),
    last_at          = greatest(s.last_at, excluded.last_at);
  RETURN NULL;
END $$;

CREATE TRIGGER console_track_entries AFTER INSERT ON entries
  REFERENCING NEW TABLE AS new_entries FOR EACH STATEMENT EXECUTE FUNCTION console_track_entries();

-- Entries stored before this migration.
INSERT INTO consent_states (consent_id, site, channel, purpose, notice_version, widget_shown_at,
  notice_shown_at, consent_given_at, link_opened_at, confirmed_at, withdrawn_at, erased_at, last_at)
SELECT consent_id, min(site), min(channel),
  min(payload::jsonb ->> 'purpose') FILTER (WHERE type = 'consent_given'),
  min(payload::jsonb -> 'notice' ->> 'version') FILTER (WHERE type = 'consent_given'),
  min(received_at) FILTER (WHERE type = 'widget_shown'),
  min(received_at) FILTER (WHERE type = 'notice_shown'),
  min(received_at) FILTER (WHERE type = 'consent_given'),
  min(received_at) FILTER (WHERE type = 'link_opened'),
  min(received_at) FILTER (WHERE type IN ('confirmation', 'confirmed')),
  min(received_at) FILTER (WHERE type IN ('withdrawal_requested', 'withdrawn')),
  min(received_at) FILTER (WHERE type IN ('erasure', 'erased')),
  max(received_at)
FROM entries GROUP BY consent_id;

-- Each retention run (docs/console.md#retention): when, why, what it erased.
CREATE TABLE retention_runs (
  id                 bigserial PRIMARY KEY,
  trigger            text        NOT NULL,
  started_at         timestamptz NOT NULL,
  finished_at        timestamptz,
  unconfirmed_days   integer     NOT NULL,
  withdrawn_days     integer     NOT NULL,
  erased_unconfirmed integer     NOT NULL DEFAULT 0,
  erased_withdrawn   integer     NOT NULL DEFAULT 0,
  error              text
);
