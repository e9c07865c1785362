import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Hostnames the sandbox answers for; the browser maps them to loopback with --host-resolver-rules. */
export const SANDBOX_CERT_NAMES = [
  '*.halopsa.com',
  'halopsa.com',
  '*.haloitsm.com',
  'haloitsm.com',
  '*.haloservicedesk.com',
  'haloservicedesk.com',
  '*.trial.usehalo.com',
  'trial.usehalo.com',
  '*.immy.bot',
  '*.example.test',
  'localhost',
];

/** A throwaway self-signed certificate for the sandbox hosts (the browser runs with --ignore-certificate-errors). */
export function makeCertificate(): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'immybot-sandbox-cert-'));
  try {
    const san = SANDBOX_CERT_NAMES.map((name) => `DNS:${name}`).join(',');
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '2',
        '-subj',
        '/CN=immybot-sandbox',
        '-addext',
        `subjectAltName=${san}`,
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'pipe' },
    );
    return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
