import { describe, expect, it } from 'vitest';
import { isValidId, MAX_ID, parseId } from '../../lib/ids';

describe('isValidId', () => {
  it.each([1, 619, MAX_ID])('accepts %s', (value) => {
    expect(isValidId(value)).toBe(true);
  });

  it.each([0, -1, 1.5, MAX_ID + 1, NaN, Infinity, -Infinity, '619', null, undefined, 619n, [619]])(
    'rejects %s',
    (value) => {
      expect(isValidId(value)).toBe(false);
    },
  );
});

describe('parseId', () => {
  it.each([
    ['619', 619],
    [' 0619 ', 619],
    ['1', 1],
    ['2147483647', MAX_ID],
    ['\t42\n', 42],
  ])('reads %j as %d', (text, expected) => {
    expect(parseId(text)).toBe(expected);
  });

  it.each([
    '',
    ' ',
    '0',
    '000',
    '-5',
    '+5',
    '1e3',
    '0x10',
    '1.5',
    '619; x',
    '6 19',
    '2147483648',
    '99999999999999999999',
    '１２３',
    'abc',
  ])('rejects %j', (text) => {
    expect(parseId(text)).toBeNull();
  });
});
