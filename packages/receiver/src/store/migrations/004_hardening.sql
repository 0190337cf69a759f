-- Signed chain heads (docs/receiver-security.md#signed-chain-heads). The receiver signs each site's
-- head now and then with a key kept outside the database; a later rewrite of the log (every hash
-- recomputed) no longer matches a head signed before it. `message` is the exact signed text.
CREATE TABLE signed_heads (
  site       text        NOT NULL REFERENCES sites (site),
  seq        bigint      NOT NULL,
  hash       text        NOT NULL,
  signed_at  timestamptz NOT NULL,
  key_id     text        NOT NULL,
  message    text        NOT NULL,
  signature  text        NOT NULL,
  PRIMARY KEY (site, seq, key_id)
);
