import {
  type KeyObject,
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
} from 'node:crypto';
import { canonicalJson } from './chain.js';

/**
 * Ed25519 keys for signed chain heads (docs/receiver-security.md#signed-chain-heads). Ed25519, not
 * HMAC: the public key can be handed to an auditor, who can check signatures but not make them.
 */
export interface SigningKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** The public key as PEM (SPKI), what an auditor needs. */
  publicKeyPem: string;
  /** First 16 hex digits of the sha256 of the public key (DER): names the key in each signature. */
  keyId: string;
}

/** A head as signed: the message is canonical JSON of these fields. */
export interface HeadToSign {
  site: string;
  seq: number;
  hash: string;
  signedAt: string;
}

// PKCS#8 DER of an Ed25519 private key is this prefix and the 32-byte seed (RFC 8410).
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

function fromPrivateKey(privateKey: KeyObject): SigningKey {
  if (privateKey.asymmetricKeyType !== 'ed25519')
    throw new Error(`RECEIVER_SIGNING_KEY must be an Ed25519 key, got ${privateKey.asymmetricKeyType}`);
  const publicKey = createPublicKey(privateKey);
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return {
    privateKey,
    publicKey,
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    keyId: createHash('sha256').update(der).digest('hex').slice(0, 16),
  };
}

/**
 * Reads RECEIVER_SIGNING_KEY: a PKCS#8 PEM (`openssl genpkey -algorithm ed25519`) or the 32-byte
 * seed in base64url (what `messenger-optin-receiver keygen` prints).
 */
export function parseSigningKey(value: string): SigningKey {
  const text = value.trim();
  if (text.startsWith('-----BEGIN')) return fromPrivateKey(createPrivateKey(text));
  const seed = Buffer.from(text, 'base64url');
  if (seed.length !== 32)
    throw new Error(
      'RECEIVER_SIGNING_KEY is neither an Ed25519 private key in PEM nor a 32-byte seed in base64url; make one with `messenger-optin-receiver keygen`',
    );
  return fromPrivateKey(
    createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]), format: 'der', type: 'pkcs8' }),
  );
}

/** A fresh key: the seed for RECEIVER_SIGNING_KEY and the public key to give auditors. */
export function generateSigningKey(): { seed: string; key: SigningKey } {
  const { privateKey } = generateKeyPairSync('ed25519');
  const der = privateKey.export({ type: 'pkcs8', format: 'der' });
  return {
    seed: der.subarray(PKCS8_ED25519_PREFIX.length).toString('base64url'),
    key: fromPrivateKey(privateKey),
  };
}

/** The exact text that is signed: canonical JSON, so anyone can rebuild it from the fields. */
export function headMessage(head: HeadToSign): string {
  return canonicalJson({ hash: head.hash, seq: head.seq, signedAt: head.signedAt, site: head.site });
}

/** Signs a head; the signature is base64 of the 64 Ed25519 bytes over the UTF-8 message. */
export function signHead(key: SigningKey, head: HeadToSign): { message: string; signature: string } {
  const message = headMessage(head);
  return { message, signature: sign(null, Buffer.from(message, 'utf8'), key.privateKey).toString('base64') };
}

export function verifyHeadSignature(publicKey: KeyObject, message: string, signature: string): boolean {
  try {
    return verify(null, Buffer.from(message, 'utf8'), publicKey, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

/** Reads an auditor's public key (PEM, SPKI). */
export function parsePublicKey(pem: string): KeyObject {
  const key = createPublicKey(pem);
  if (key.asymmetricKeyType !== 'ed25519') throw new Error('the public key must be an Ed25519 key (PEM)');
  return key;
}
