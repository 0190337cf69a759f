-- Inbound-only subscribers in the console (docs/console.md#inbound-only-subscribers) and the
-- retention of strangers' messages (docs/console.md#retention).

-- How a flagged opt-in (a subscription without a web consent) left the "to resolve" list when it was
-- not the person's own doing: 'dismissed' by the site owner, 'expired' by retention. NULL for every
-- other row. A dismissed or expired row is withdrawn and no longer counts as a subscriber.
ALTER TABLE subscriptions ADD COLUMN resolution text CHECK (resolution IN ('dismissed', 'expired'));
CREATE INDEX subscriptions_without_consent_idx ON subscriptions (subscriber_id) WHERE consent_id IS NULL;

-- A person who wrote on a messenger but has no web consent: none of their subscriptions has a
-- consent (unmatched, ambiguous, or withdrawn by "Stop" after that), at least one was not dismissed
-- or expired. Once linked to a web consent, the person is that consent's subscriber instead (the
-- consent_states row), so nobody counts twice. One row per subscriber: subscribedAt is the first
-- such opt-in, state the first of unmatched, ambiguous, withdrawn; ref is the code the person typed
-- (NULL after erasure).
CREATE VIEW console_inbound_subscribers AS
SELECT b.subscriber_id, b.channel,
  CASE
    WHEN bool_or(x.state = 'unmatched') THEN 'unmatched'
    WHEN bool_or(x.state = 'ambiguous') THEN 'ambiguous'
    ELSE 'withdrawn'
  END AS state,
  min(x.created_at) AS subscribed_at,
  CASE WHEN bool_and(x.state = 'withdrawn') THEN max(x.withdrawn_at) END AS withdrawn_at,
  b.erased_at,
  CASE WHEN b.erased_at IS NULL THEN
    (SELECT m.ref FROM inbound_messages m
     WHERE m.subscriber_id = b.subscriber_id AND m.ref IS NOT NULL AND m.intent = 'optin'
     ORDER BY m.received_at DESC LIMIT 1)
  END AS ref
FROM subscribers b
JOIN subscriptions x ON x.subscriber_id = b.subscriber_id AND x.consent_id IS NULL AND x.resolution IS NULL
WHERE NOT EXISTS (SELECT 1 FROM subscriptions w WHERE w.subscriber_id = b.subscriber_id AND w.consent_id IS NOT NULL)
GROUP BY b.subscriber_id, b.channel, b.erased_at;

-- Retention of strangers' messages: how many people's inbound data a run erased.
ALTER TABLE retention_runs ADD COLUMN erased_inbound integer NOT NULL DEFAULT 0;
