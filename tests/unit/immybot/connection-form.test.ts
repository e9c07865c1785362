import { describe, expect, it } from 'vitest';
import { readConnectionForm } from '../../../lib/immybot/connection-form';

describe('readConnectionForm', () => {
  it.each([
    ['acme', '619'],
    ['https://ACME.immy.bot/', ' 619 '],
    ['https://acme.immy.bot/technician-pod/psa/619/ticket/$FAULTID', ''],
    ['https://acme.immy.bot/settings/integrations/619', '   '],
    // A typed ID wins over the one in a pasted URL.
    ['https://acme.immy.bot/technician-pod/psa/5/ticket/$FAULTID', '619'],
  ])('(%j, %j) → acme / 619', (instance, id) => {
    expect(readConnectionForm(instance, id)).toEqual({
      ok: true,
      connection: { instanceOrigin: 'https://acme.immy.bot', integrationId: 619 },
    });
  });

  it('reports both fields when both are wrong', () => {
    const result = readConnectionForm('http://acme.immy.bot', 'abc');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.instance).toMatch(/https:\/\//);
    expect(result.errors.integrationId).toMatch(/\S/);
  });

  it('reports only the instance when the ID is fine', () => {
    const result = readConnectionForm('acme.immy.bot.evil.test', '619');
    expect(result).toEqual({ ok: false, errors: { instance: expect.stringMatching(/\S/), integrationId: undefined } });
  });

  it('reports only the ID when the instance is fine', () => {
    expect(readConnectionForm('acme', '0')).toEqual({
      ok: false,
      errors: { instance: undefined, integrationId: expect.stringMatching(/\S/) },
    });
  });

  it('asks for the ID when the instance has none and the field is empty', () => {
    expect(readConnectionForm('acme', '')).toEqual({
      ok: false,
      errors: { instance: undefined, integrationId: expect.stringMatching(/Integration ID/) },
    });
  });

  it('does not borrow an ID from an invalid instance URL', () => {
    const result = readConnectionForm('http://acme.immy.bot/technician-pod/psa/619/ticket/1', '');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.instance).toMatch(/\S/);
    expect(result.errors.integrationId).toMatch(/\S/);
  });
});
