import { describe, expect, it } from 'vitest';
import { parseRequest } from '../../../lib/messaging/protocol';

describe('parseRequest', () => {
  it('accepts openOptions', () => {
    expect(parseRequest({ type: 'openOptions' })).toEqual({ type: 'openOptions' });
  });

  it('passes on only the known fields', () => {
    expect(parseRequest({ type: 'openOptions', url: 'https://evil.test', extra: 1 })).toEqual({ type: 'openOptions' });
  });

  it.each([
    null,
    undefined,
    'openOptions',
    '{"type":"openOptions"}',
    42,
    true,
    [],
    ['openOptions'],
    [{ type: 'openOptions' }],
    {},
    { type: 'OpenOptions' },
    { type: 'openOptions ' },
    { type: 'openoptions' },
    { type: 'executeScript' },
    { type: 'fetch', url: 'https://evil.test' },
    { type: '' },
    { type: null },
    { type: 1 },
    { type: ['openOptions'] },
    { kind: 'openOptions' },
  ])('rejects %j', (message) => {
    expect(parseRequest(message)).toBeNull();
  });
});
