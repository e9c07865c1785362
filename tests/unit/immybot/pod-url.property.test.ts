import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { faultIdFromUrl } from '../../../lib/halo/ticket';
import { isValidId, MAX_ID } from '../../../lib/ids';
import { parseInstance } from '../../../lib/immybot/instance';
import { podUrl } from '../../../lib/immybot/pod-url';

const CANONICAL_ORIGIN = /^https:\/\/[a-z0-9]([a-z0-9-]*[a-z0-9])?\.immy\.bot$/;
const POD_PATH = /^\/technician-pod\/psa\/(\d+)\/ticket\/(\d+)$/;

/** Pieces people (and attackers) put into the instance field. */
const piece = fc.constantFrom(
  'https://',
  'http://',
  'HTTPS://',
  'javascript:',
  'ftp://',
  '//',
  'acme',
  'ACME',
  'my-shop',
  '-',
  '.',
  'immy.bot',
  '.immy.bot',
  'immy',
  '.bot',
  'evil.test',
  '.evil.test',
  '@',
  'user:pw@',
  '/',
  '\\',
  ':',
  ':443',
  ':8443',
  '?',
  '#',
  '%',
  '%2e',
  '%2F',
  ' ',
  '\t',
  '/technician-pod/psa/',
  '/settings/integrations/',
  '619',
  '0',
  '2147483648',
  '/ticket/',
  '$FAULTID',
  'é',
  'ａｃｍｅ',
  'xn--',
  '\u200b',
  '\u0000',
  '\u{1F600}',
);
const instanceInput = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc.webUrl().map((url) => url.replace(/^https?:\/\/[^/]+/, 'https://acme.immy.bot')),
  fc.array(piece, { maxLength: 12 }).map((parts) => parts.join('')),
  fc
    .tuple(fc.array(piece, { maxLength: 4 }), fc.string(), fc.array(piece, { maxLength: 4 }))
    .map(([a, s, b]) => a.join('') + s + b.join('')),
);

describe('parseInstance (property)', () => {
  it('never throws, and only ever yields a canonical https://<label>.immy.bot origin', () => {
    fc.assert(
      fc.property(instanceInput, (input) => {
        const result = parseInstance(input);
        if (!result.ok) {
          expect(result.error).toMatch(/\S/);
          return;
        }
        expect(result.instanceOrigin).toMatch(CANONICAL_ORIGIN);
        expect(new URL(result.instanceOrigin).origin).toBe(result.instanceOrigin);
        if (result.integrationId !== undefined) expect(isValidId(result.integrationId)).toBe(true);
        // Saving and re-reading the origin gives the same origin.
        expect(parseInstance(result.instanceOrigin)).toEqual({ ok: true, instanceOrigin: result.instanceOrigin });
      }),
      {
        numRuns: 2000,
        examples: [
          ['https://acme.immy.bot/technician-pod/psa/%/ticket/1'],
          ['https://acme.immy.bot/settings/integrations/%zz'],
          ['xn--a'],
          ['xn--immy'],
          ['https://ácme.immy.bot'],
          ['ａｃｍｅ.immy.bot'],
          ['https://acme.immy.bot\\@evil.test'],
          ['https://acme%2eimmy.bot'],
        ],
      },
    );
  });
});

/** Origins an admin can actually save: whatever parseInstance accepts. */
const configuredOrigin = fc
  .oneof(fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,20}[a-z0-9])?$/), instanceInput)
  .map((input) => parseInstance(input))
  .filter((r) => r.ok)
  .map((r) => (r.ok ? r.instanceOrigin : ''));

const integrationId = fc.oneof(
  fc.integer({ min: 1, max: MAX_ID }),
  fc.integer(),
  fc.double(),
  fc.constantFrom(0, -1, 1.5, NaN, Infinity, MAX_ID, MAX_ID + 1),
);

/** Whatever a tab's URL may be, real ticket URLs included. */
const tabUrl = fc.oneof(
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc.string(),
  fc
    .tuple(
      fc.constantFrom('https://acme.halopsa.com', 'https://psa.example.com:8443', 'http://10.0.0.5'),
      fc.constantFrom('/ticket', '/tickets', '/ticket/', '/portal/ticket', '/config/tickets/tickettype', '/kb'),
      fc.oneof(
        fc.nat().map(String),
        fc.string(),
        fc.constantFrom('0', '-5', '1e3', '2147483648', '99999999999999999999'),
      ),
      fc.constantFrom('', '&showmenu=false', '&id=7', '&viewid=1'),
    )
    .map(([origin, path, id, rest]) => `${origin}${path}?id=${encodeURIComponent(id)}${rest}`),
);

/** What the options page saves for `text`; the plain demo origin when it refuses. */
function savedOrigin(text: string): string {
  const result = parseInstance(text);
  return result.ok ? result.instanceOrigin : 'https://acme.immy.bot';
}

describe('podUrl (property)', () => {
  it('throws, or returns a URL on the configured origin with a numeric Technician Tools path', () => {
    fc.assert(
      fc.property(configuredOrigin, integrationId, tabUrl, (origin, integration, url) => {
        const faultId = faultIdFromUrl(url);
        if (faultId !== null) expect(isValidId(faultId)).toBe(true);
        const shouldThrow = faultId === null || !isValidId(integration);
        let built: string | undefined;
        try {
          built = podUrl(origin, integration, faultId as number);
        } catch (error) {
          expect(error).toBeInstanceOf(TypeError);
          expect(shouldThrow).toBe(true);
          return;
        }
        expect(shouldThrow).toBe(false);
        const parsed = new URL(built);
        expect(parsed.origin).toBe(origin);
        expect(parsed.search + parsed.hash).toBe('');
        const match = POD_PATH.exec(parsed.pathname);
        expect(match).not.toBeNull();
        expect(Number(match?.[1])).toBe(integration);
        expect(Number(match?.[2])).toBe(faultId);
      }),
      { numRuns: 1000, examples: [[savedOrigin('xn--a'), 619, 'https://acme.halopsa.com/ticket?id=2152']] },
    );
  });

  it('finds ticket ids in real ticket URLs', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: MAX_ID }),
        fc.constantFrom('/ticket', '/tickets', '/Tickets/'),
        (id, path) => {
          const faultId = faultIdFromUrl(`https://acme.halopsa.com${path}?viewid=1&id=${id}`);
          expect(faultId).toBe(id);
          expect(podUrl('https://acme.immy.bot', 619, faultId as number)).toBe(
            `https://acme.immy.bot/technician-pod/psa/619/ticket/${id}`,
          );
        },
      ),
    );
  });
});
