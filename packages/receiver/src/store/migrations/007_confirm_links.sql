-- One-time confirmation links for e-mail opt-ins (docs/inbound.md#e-mail-confirmation-link). A
-- sender address can be forged, so an e-mail opt-in waits in awaiting_reply until the sender
-- answers "Ja" or opens this link and presses the button. Only the SHA-256 of the token is kept:
-- a copy of this table cannot confirm anything. (Numbered 007: 005 and 006 belong to other work;
-- the runner applies whatever is not yet in schema_migrations, gaps included.)
CREATE TABLE inbound_confirm_links (
  token_sha256    text        PRIMARY KEY CHECK (token_sha256 ~ '^[0-9a-f]{64}$'),
  subscription_id uuid        NOT NULL REFERENCES subscriptions (subscription_id),
  -- The opt-in message the link answers; the confirmed entry points to it.
  inbound_id      uuid        NOT NULL,
  created_at      timestamptz NOT NULL,
  expires_at      timestamptz NOT NULL,
  used_at         timestamptz
);
CREATE INDEX inbound_confirm_links_subscription_idx ON inbound_confirm_links (subscription_id);
