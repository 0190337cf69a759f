-- Daily rollup of the console's numbers (docs/console.md#how-it-stays-fast): per UTC day, site and
-- channel, how many consents first reached each funnel step that day, and how many subscribed that
-- day by their state now. Stats and the chart sum a few thousand of these rows instead of scanning
-- one consent_states row per consent. Kept in the same statement as consent_states, so the two
-- never disagree.
--
-- Metrics: the funnel steps (widget_shown … withdrawn) and state_pending, state_confirmed,
-- state_withdrawn (by subscribed_at's day). A consent's contribution is computed from its
-- consent_states row before and after each statement, and the difference is added: a first time
-- that moves earlier, a channel that becomes known, a state that changes all move their count.
-- The rows of one consent are all written under its site's chain lock, so these read-modify-write
-- steps of one consent never interleave; rows of different sites never share a rollup row.
CREATE TABLE console_daily (
  day     date   NOT NULL,
  site    text   NOT NULL,
  channel text   NOT NULL,
  metric  text   NOT NULL,
  n       bigint NOT NULL,
  PRIMARY KEY (day, site, channel, metric)
);

-- The trigger function of 003_console.sql, with the rollup added after its consent_states upsert.
CREATE OR REPLACE FUNCTION console_track_entries() RETURNS trigger
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

  -- consent_states and console_daily in one statement: `before` reads the rows as they were,
  -- `after` is what the upsert made of them, and their difference goes into the rollup.
  WITH agg AS (
    SELECT consent_id, min(site) AS site, min(channel) AS channel,
      min(payload::jsonb ->> 'purpose') FILTER (WHERE type = 'consent_given') AS purpose,
      min(payload::jsonb -> 'notice' ->> 'version') FILTER (WHERE type = 'consent_given') AS notice_version,
      min(received_at) FILTER (WHERE type = 'widget_shown') AS widget_shown_at,
      min(received_at) FILTER (WHERE type = 'notice_shown') AS notice_shown_at,
      min(received_at) FILTER (WHERE type = 'consent_given') AS consent_given_at,
      min(received_at) FILTER (WHERE type = 'link_opened') AS link_opened_at,
      min(received_at) FILTER (WHERE type IN ('confirmation', 'confirmed')) AS confirmed_at,
      min(received_at) FILTER (WHERE type IN ('withdrawal_requested', 'withdrawn')) AS withdrawn_at,
      min(received_at) FILTER (WHERE type IN ('erasure', 'erased')) AS erased_at,
      max(received_at) AS last_at
    FROM new_entries WHERE consent_id IS NOT NULL
    GROUP BY consent_id
  ), before AS (
    SELECT s.site, s.channel, s.widget_shown_at, s.notice_shown_at, s.consent_given_at, s.link_opened_at,
      s.confirmed_at, s.withdrawn_at, s.subscribed_at, s.state
    FROM consent_states s WHERE s.consent_id IN (SELECT consent_id FROM agg)
  ), after AS (
    INSERT INTO consent_states AS s (consent_id, site, channel, purpose, notice_version, widget_shown_at,
      notice_shown_at, consent_given_at, link_opened_at, confirmed_at, withdrawn_at, erased_at, last_at)
    SELECT consent_id, site, channel, purpose, notice_version, widget_shown_at, notice_shown_at,
      consent_given_at, link_opened_at, confirmed_at, withdrawn_at, erased_at, last_at
    FROM agg
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
      last_at          = greatest(s.last_at, excluded.last_at)
    RETURNING s.site, s.channel, s.widget_shown_at, s.notice_shown_at, s.consent_given_at, s.link_opened_at,
      s.confirmed_at, s.withdrawn_at, s.subscribed_at, s.state
  ), delta AS (
    SELECT (v.at AT TIME ZONE 'UTC')::date AS day, x.site, x.channel, v.metric, sum(x.sign) AS n
    FROM (SELECT 1 AS sign, * FROM after UNION ALL SELECT -1, * FROM before) x
    CROSS JOIN LATERAL (VALUES ('widget_shown', x.widget_shown_at), ('notice_shown', x.notice_shown_at),
      ('consent_given', x.consent_given_at), ('link_opened', x.link_opened_at), ('confirmed', x.confirmed_at),
      ('withdrawn', x.withdrawn_at), ('state_' || x.state, x.subscribed_at)) AS v(metric, at)
    WHERE x.channel IS NOT NULL AND v.at IS NOT NULL
    GROUP BY 1, 2, 3, 4 HAVING sum(x.sign) <> 0
  )
  INSERT INTO console_daily AS d (day, site, channel, metric, n)
  SELECT day, site, channel, metric, n FROM delta
  ON CONFLICT (day, site, channel, metric) DO UPDATE SET n = d.n + excluded.n;
  RETURN NULL;
END $$;

-- What was stored before this migration.
INSERT INTO console_daily (day, site, channel, metric, n)
SELECT (v.at AT TIME ZONE 'UTC')::date, s.site, s.channel, v.metric, count(*)
FROM consent_states s CROSS JOIN LATERAL (VALUES ('widget_shown', s.widget_shown_at), ('notice_shown', s.notice_shown_at),
      ('consent_given', s.consent_given_at), ('link_opened', s.link_opened_at), ('confirmed', s.confirmed_at),
      ('withdrawn', s.withdrawn_at), ('state_' || s.state, s.subscribed_at)) AS v(metric, at)
WHERE s.channel IS NOT NULL AND v.at IS NOT NULL
GROUP BY 1, 2, 3, 4;
