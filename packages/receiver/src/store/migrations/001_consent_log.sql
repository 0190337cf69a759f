-- Consent log v1. Plain SQL that runs unchanged on PGlite and PostgreSQL 15+.

-- One hash chain per site (page.origin). The row is the chain head and doubles as the per-site
-- lock: appends take it FOR UPDATE, so concurrent requests and several receiver processes append
-- one after the other and the chain never forks.
CREATE TABLE sites (
  site        text PRIMARY KEY,
  head_seq    bigint NOT NULL DEFAULT 0,
  head_hash   text   NOT NULL
);

-- The append-only chain. Kind 'event' rows are consent events as sent by the SDK; 'confirmation'
-- rows are inbound messages reported by the messaging system; 'erasure' rows record an erasure.
-- payload is the canonical JSON of the stored record without personal content (message, ref):
-- those live in personal_data behind a salted commitment, so erasing them leaves every chained
-- byte untouched. Text, not jsonb: the hash covers these exact bytes.
CREATE TABLE entries (
  entry_id    uuid PRIMARY KEY,
  site        text        NOT NULL REFERENCES sites (site),
  seq         bigint      NOT NULL,
  kind        text        NOT NULL CHECK (kind IN ('event', 'confirmation', 'erasure')),
  consent_id  uuid        NOT NULL,
  type        text        NOT NULL,
  channel     text,
  received_at timestamptz NOT NULL,
  payload     text        NOT NULL,
  prev_hash   text        NOT NULL,
  hash        text        NOT NULL,
  UNIQUE (site, seq)
);
CREATE INDEX entries_consent_idx ON entries (consent_id);

-- Erasable content. commitment (in the chained payload) = sha256(salt || canonical {message, ref});
-- deleting this row deletes the salt too, which leaves the commitment unlinkable.
CREATE TABLE personal_data (
  entry_id    uuid PRIMARY KEY REFERENCES entries (entry_id),
  consent_id  uuid NOT NULL,
  salt        text NOT NULL,
  message     text,
  ref         text
);
CREATE INDEX personal_data_ref_idx ON personal_data (ref);
CREATE INDEX personal_data_consent_idx ON personal_data (consent_id);

-- Each notice text once, by the sha256 of its exact UTF-8 bytes.
CREATE TABLE notices (
  sha256        text PRIMARY KEY,
  notice_id     text        NOT NULL,
  locale        text        NOT NULL,
  version       text        NOT NULL,
  text          text        NOT NULL,
  first_seen_at timestamptz NOT NULL
);

-- Tombstones: a consent listed here has had its personal content erased; late events for it are
-- stored without personal content.
CREATE TABLE erasures (
  consent_id  uuid PRIMARY KEY,
  erased_at   timestamptz NOT NULL,
  entry_id    uuid NOT NULL REFERENCES entries (entry_id)
);
