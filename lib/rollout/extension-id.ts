import { createHash } from 'node:crypto';

/**
 * The Chrome/Edge id a build with manifest `key` = `keyBase64` gets: the first 16 bytes of the SHA-256 of the DER
 * public key, as hex digits mapped 0-f → a-p (Chromium's id_util.cc; docs/admin.md, "Pin the id").
 */
export function extensionIdFromKey(keyBase64: string): string {
  const text = keyBase64.replace(/\s+/g, '');
  const der = Buffer.from(text, 'base64');
  if (der.length < 32 || der.toString('base64').replace(/=+$/, '') !== text.replace(/=+$/, ''))
    throw new Error('EXTENSION_KEY is not a base64 DER public key (docs/admin.md, "Pin the id")');
  const hex = createHash('sha256').update(der).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + Number.parseInt(digit, 16))).join('');
}
