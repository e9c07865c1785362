import { describe, expect, it } from 'vitest';
import { applySettingsChange, isStaleImport, lockedField, SettingsChangeSchema } from '../../../lib/settings/changes';
import { mergeSettings, type SettingSources } from '../../../lib/settings/merge';
import { DEFAULT_SETTINGS, type Settings } from '../../../lib/settings/schema';
import {
  exportFileName,
  exportSettings,
  FILE_FORMAT,
  type ImportedSettings,
  MAX_FILE_BYTES,
  parseImport,
  planImport,
} from '../../../lib/settings/transfer';
import { ACME, DECLINED, HOSTED, PSA, SERVICE } from './examples';

const settings = (partial: Partial<Settings>): Settings => ({ ...DEFAULT_SETTINGS, ...partial });
const file = (values: Record<string, unknown>) => JSON.stringify({ format: FILE_FORMAT, version: 1, ...values });
const LOCAL: SettingSources = {
  instanceOrigin: 'local',
  integrationId: 'local',
  haloOrigins: 'local',
  show: 'local',
  siteConnections: 'local',
};
const OTHER = { instanceOrigin: 'https://other.immy.bot', integrationId: 7 };

function imported(text: string): ImportedSettings {
  const read = parseImport(text);
  if (!read.ok) throw new Error(read.error);
  return read.imported;
}

function errorOf(text: string): string {
  const read = parseImport(text);
  if (read.ok) throw new Error(`Imported: ${JSON.stringify(read.imported)}`);
  return read.error;
}

describe('exportSettings', () => {
  it('writes the policy’s keys, a format and a version, and never the “Not here” answers', () => {
    const text = exportSettings(
      settings({ immybot: ACME, haloOrigins: [HOSTED, PSA], declinedOrigins: [DECLINED], show: 'both' }),
    );
    expect(JSON.parse(text)).toEqual({
      format: 'immybot-technician-tools-settings',
      version: 1,
      immybotInstance: 'https://acme.immy.bot',
      integrationId: 619,
      haloSites: [HOSTED, PSA],
      show: 'both',
    });
    expect(text).not.toContain(DECLINED);
    expect(text).toContain('\n  "version": 1,\n');
  });

  it('leaves defaults out, so importing the file never clears what the importer set', () => {
    expect(JSON.parse(exportSettings(DEFAULT_SETTINGS))).toEqual({ format: FILE_FORMAT, version: 1 });
  });

  it('suggests a file name after the instance', () => {
    expect(exportFileName(settings({ immybot: ACME }))).toBe('technician-tools-settings-acme.json');
    expect(exportFileName(DEFAULT_SETTINGS)).toBe('technician-tools-settings.json');
  });
});

describe('parseImport: a good file', () => {
  it('reads every value into the settings’ canonical form', () => {
    expect(
      imported(
        file({
          immybotInstance: 'ACME.immy.bot',
          integrationId: 619,
          haloSites: ['acme.halopsa.com', 'https://psa.example.com/ticket?id=5', SERVICE],
          show: 'sidePanel',
        }),
      ),
    ).toEqual({
      instanceOrigin: ACME.instanceOrigin,
      integrationId: 619,
      haloOrigins: [HOSTED, PSA, SERVICE],
      show: 'sidePanel',
    });
  });

  it('takes the Integration ID from a pasted Technician Tools URL, as the options page and the policy do', () => {
    expect(imported(file({ immybotInstance: 'https://acme.immy.bot/technician-pod/psa/619/ticket/$FAULTID' }))).toEqual(
      { instanceOrigin: ACME.instanceOrigin, integrationId: 619 },
    );
  });

  it('reads a file with only some settings, or none', () => {
    expect(imported(file({ show: 'page' }))).toEqual({ show: 'page' });
    expect(imported(file({}))).toEqual({});
  });

  it('lists a site written two ways once', () => {
    expect(imported(file({ haloSites: ['acme.halopsa.com', HOSTED, `${HOSTED}/ticket?id=1`] }))).toEqual({
      haloOrigins: [HOSTED],
    });
  });
});

describe('parseImport: a bad file changes nothing and says what is wrong', () => {
  it.each<[string, Record<string, unknown>, string]>([
    [
      'an http instance',
      { immybotInstance: 'http://acme.immy.bot' },
      'ImmyBot instance: ImmyBot only answers on https://',
    ],
    [
      'a foreign instance',
      { immybotInstance: 'acme.immy.bot.evil.test' },
      'ImmyBot instance: acme.immy.bot.evil.test is not an ImmyBot instance',
    ],
    ['an instance that is not text', { immybotInstance: 42 }, 'ImmyBot instance: it must be text'],
    ['an empty instance', { immybotInstance: '' }, 'ImmyBot instance: Enter your ImmyBot address'],
    [
      'an id that is not a number',
      { integrationId: 'abc' },
      'Integration ID: The Integration ID is a whole number from 1 to 2147483647.',
    ],
    ['id 0', { integrationId: 0 }, 'Integration ID: The Integration ID is a whole number from 1 to 2147483647.'],
    ['id 1.5', { integrationId: 1.5 }, 'Integration ID: The Integration ID is a whole number'],
    ['id 2147483648', { integrationId: 2147483648 }, 'Integration ID: The Integration ID is a whole number'],
    ['an id that is a list', { integrationId: [619] }, 'Integration ID: it must be a whole number, like 619.'],
    ['sites that are not a list', { haloSites: HOSTED }, 'HaloPSA sites: it must be a list of HaloPSA sites.'],
    [
      'one http site among good ones',
      { haloSites: [HOSTED, 'http://psa.example.com'] },
      'HaloPSA sites: "http://psa.example.com" cannot be used. HaloPSA must be reached over https://',
    ],
    ['a wildcard site', { haloSites: ['*.halopsa.com'] }, 'HaloPSA sites: "*.halopsa.com" cannot be used. Wildcards'],
    ['an ImmyBot address as a site', { haloSites: ['acme.immy.bot'] }, 'That is an ImmyBot address'],
    ['a site that is not text', { haloSites: [42] }, 'HaloPSA sites: 42 cannot be used. Each address must be text'],
    [
      'an unknown place',
      { show: 'sidebar' },
      'Show Technician Tools: "sidebar" is not one of page, sidePanel, both or window.',
    ],
    ['a place in another case', { show: 'SidePanel' }, 'Show Technician Tools: "SidePanel" is not one of'],
    ['null for a place', { show: null }, 'Show Technician Tools: null is not one of'],
  ])('%s', (_, values, message) => {
    expect(errorOf(file({ immybotInstance: ACME.instanceOrigin, integrationId: 619, ...values }))).toContain(message);
  });

  it('refuses a whole file for one bad value among good ones', () => {
    expect(parseImport(file({ immybotInstance: 'acme', integrationId: 'abc', haloSites: [HOSTED] })).ok).toBe(false);
  });

  it.each<[string, unknown, string]>([
    ['version 2', 2, 'This settings file is version 2; this extension reads version 1.'],
    ['version 0', 0, 'is version 0;'],
    ['a version written as text', '1', 'is version "1";'],
    ['no version', undefined, 'This settings file does not say its "version"; this extension reads version 1.'],
  ])('refuses %s', (_, version, message) => {
    expect(errorOf(JSON.stringify({ format: FILE_FORMAT, version, show: 'page' }))).toContain(message);
  });

  it.each<[string, unknown]>([
    ['no format', { version: 1, show: 'page' }],
    ['another format', { format: 'chrome-bookmarks', version: 1 }],
    ['the format in another case', { format: FILE_FORMAT.toUpperCase(), version: 1 }],
  ])('refuses a file with %s', (_, value) => {
    expect(errorOf(JSON.stringify(value))).toBe(
      'This file is not a Technician Tools settings file: its "format" must be "immybot-technician-tools-settings".',
    );
  });

  it.each(['', 'not json', '{"format": ', "{ format: 'x' }", '\u0000', '{"a":1}}'])(
    'refuses text that is not JSON: %j',
    (text) => {
      expect(errorOf(text)).toBe('This file is not a settings file: it is not valid JSON.');
    },
  );

  it.each(['null', '[]', '42', '"settings"', 'true'])('refuses JSON that is not an object: %s', (text) => {
    expect(errorOf(text)).toBe('This file is not a settings file: it holds JSON, but not an object of settings.');
  });

  it('names the keys it does not know, and the ones it does', () => {
    expect(errorOf(file({ show: 'page', declinedOrigins: [DECLINED], token: 'x' }))).toBe(
      'This file has settings Technician Tools does not know: "declinedOrigins", "token". A settings file holds only format, version, immybotInstance, integrationId, haloSites, show, siteConnections.',
    );
    // Settings' own names are not the file's: the file speaks the policy's.
    expect(errorOf(file({ instanceOrigin: ACME.instanceOrigin }))).toContain('"instanceOrigin"');
    expect(errorOf('{"format":"immybot-technician-tools-settings","version":1,"__proto__":{"show":"page"}}')).toContain(
      '"__proto__"',
    );
  });

  it('refuses a huge file before parsing it', () => {
    const padding = ' '.repeat(MAX_FILE_BYTES);
    expect(errorOf(`${file({ show: 'page' })}${padding}`)).toBe(
      'This file is too big for a settings file (over 64 KB).',
    );
    // Counted in bytes: 30,000 “€” are 90,000 bytes in UTF-8.
    expect(errorOf(file({ show: 'page', note: '€'.repeat(30_000) }))).toContain('too big');
    // Just under the limit is read (and refused for what it holds, not its size).
    const under = file({ show: 'page' });
    expect(parseImport(under + ' '.repeat(MAX_FILE_BYTES - under.length)).ok).toBe(true);
  });

  it('caps the number of sites', () => {
    const sites = Array.from({ length: 501 }, (_, i) => `https://t${i}.halopsa.com`);
    expect(errorOf(file({ haloSites: sites }))).toBe(
      'HaloPSA sites: a settings file lists at most 500 sites; this one lists 501.',
    );
    expect(imported(file({ haloSites: sites.slice(0, 500) })).haloOrigins).toHaveLength(500);
  });
});

/** Imports a file into `before` (local settings, no policy) the way the options page and the background do. */
function importInto(before: Settings, text: string): Settings {
  const planned = planImport(before, mergeSettings(before, {}).sources, imported(text));
  if (!planned.ok) throw new Error(planned.error);
  const { change } = planned.plan;
  return change ? applySettingsChange(before, SettingsChangeSchema.parse(change)) : before;
}

describe('export, then import', () => {
  it.each<[string, Settings]>([
    [
      'everything set',
      settings({
        immybot: ACME,
        haloOrigins: [HOSTED, PSA, SERVICE],
        show: 'sidePanel',
        siteConnections: { [PSA]: { ...ACME, integrationId: 620 }, [SERVICE]: OTHER },
      }),
    ],
    ['a connection only', settings({ immybot: ACME })],
    ['sites only', settings({ haloOrigins: ['http://localhost:3000', PSA] })],
    ['the defaults', DEFAULT_SETTINGS],
  ])('gives the same settings: %s', (_, exported) => {
    expect(importInto(DEFAULT_SETTINGS, exportSettings(exported))).toEqual(exported);
    // Into a browser that had other settings, too: every exported value replaces its own.
    const other = settings({ immybot: OTHER, haloOrigins: [DECLINED], show: 'page' });
    const into = importInto(other, exportSettings(exported));
    expect(into).toEqual({
      immybot: exported.immybot ?? OTHER,
      haloOrigins: exported.haloOrigins.length > 0 ? exported.haloOrigins : [DECLINED],
      declinedOrigins: [],
      show: exported.show ?? 'page',
      siteConnections: exported.siteConnections,
    });
  });

  it('a listed site loses its “Not here” answer; other answers stay', () => {
    const before = settings({ declinedOrigins: [DECLINED, 'https://fabrikam.haloitsm.com'] });
    expect(importInto(before, file({ haloSites: [DECLINED] }))).toEqual(
      settings({ haloOrigins: [DECLINED], declinedOrigins: ['https://fabrikam.haloitsm.com'] }),
    );
  });
});

describe('planImport: what will change', () => {
  const before = settings({ immybot: OTHER, haloOrigins: [HOSTED, DECLINED], show: 'page' });
  const plan = (text: string, current = before, sources = LOCAL) => {
    const planned = planImport(current, sources, imported(text));
    if (!planned.ok) throw new Error(planned.error);
    return planned.plan;
  };

  it('says each change in the options page’s words', () => {
    expect(
      plan(file({ immybotInstance: 'acme', integrationId: 619, haloSites: [HOSTED, PSA, SERVICE], show: 'both' })),
    ).toEqual({
      change: {
        kind: 'importSettings',
        connection: { from: OTHER, to: ACME },
        addSites: [PSA, SERVICE],
        removeSites: [DECLINED],
        show: { from: 'page', to: 'both' },
      },
      changes: [
        'ImmyBot instance: https://other.immy.bot → https://acme.immy.bot',
        'Integration ID: 7 → 619',
        `HaloPSA sites: adds ${PSA} and ${SERVICE}, removes ${DECLINED}`,
        'Show Technician Tools: Beside the ticket → Both',
      ],
      locked: [],
    });
  });

  it('says “not set” and the browser’s default for what was never set', () => {
    expect(
      plan(file({ immybotInstance: 'acme', integrationId: 619, show: 'sidePanel' }), DEFAULT_SETTINGS).changes,
    ).toEqual([
      'ImmyBot instance: not set → https://acme.immy.bot',
      'Integration ID: not set → 619',
      'Show Technician Tools: this browser’s default → In the side panel',
    ]);
  });

  it('lists nothing, and sends nothing, when the file matches the settings', () => {
    expect(plan(exportSettings(before))).toEqual({ change: null, changes: [], locked: [] });
    // The same sites in another order are the same list.
    expect(plan(file({ haloSites: [DECLINED, HOSTED] })).change).toBeNull();
    expect(plan(file({})).change).toBeNull();
  });

  it('sends only what changes', () => {
    expect(plan(file({ immybotInstance: OTHER.instanceOrigin, integrationId: 7, show: 'both' })).change).toEqual({
      kind: 'importSettings',
      show: { from: 'page', to: 'both' },
    });
    expect(plan(file({ haloSites: [] }))).toMatchObject({
      change: { kind: 'importSettings', removeSites: [HOSTED, DECLINED] },
      changes: [`HaloPSA sites: removes ${HOSTED} and ${DECLINED}`],
    });
    expect(plan(file({ haloSites: [HOSTED, DECLINED, PSA] })).change).toEqual({
      kind: 'importSettings',
      addSites: [PSA],
    });
  });

  it('completes half a connection with this browser’s other half', () => {
    expect(plan(file({ integrationId: 619 })).change).toEqual({
      kind: 'importSettings',
      connection: { from: OTHER, to: { instanceOrigin: OTHER.instanceOrigin, integrationId: 619 } },
    });
    expect(plan(file({ immybotInstance: 'acme' })).change?.connection?.to).toEqual({ ...ACME, integrationId: 7 });
  });

  it('refuses half a connection where there is no other half', () => {
    expect(planImport(DEFAULT_SETTINGS, LOCAL, { integrationId: 619 })).toEqual({
      ok: false,
      error:
        'ImmyBot instance: this file sets the Integration ID but not the ImmyBot instance, and none is set here yet. Add "immybotInstance" to the file.',
    });
    expect(planImport(DEFAULT_SETTINGS, LOCAL, { instanceOrigin: ACME.instanceOrigin })).toEqual({
      ok: false,
      error:
        'Integration ID: this file sets the ImmyBot instance but not the Integration ID, and none is set here yet. Add "integrationId" to the file.',
    });
  });
});

describe('planImport, then settings change in another tab, then Apply', () => {
  const shown = settings({ immybot: OTHER, haloOrigins: [HOSTED, DECLINED], show: 'page' });
  const text = file({ immybotInstance: 'acme', integrationId: 619, haloSites: [HOSTED, PSA], show: 'both' });
  const planned = planImport(shown, LOCAL, imported(text));
  if (!planned.ok || !planned.plan.change) throw new Error('no change');
  const change = SettingsChangeSchema.parse(planned.plan.change);

  it('a site listed after the plan survives Apply; the site the plan removes is removed', () => {
    // Turned on from the toolbar popup while the list was shown.
    const since = applySettingsChange(shown, { kind: 'addSite', origin: SERVICE });
    expect(isStaleImport(change, since)).toBe(false);
    expect(applySettingsChange(since, change)).toEqual(
      settings({ immybot: ACME, haloOrigins: [HOSTED, SERVICE, PSA], show: 'both' }),
    );
  });

  it('a site removed after the plan stays removed, and one the plan adds is added once', () => {
    const since = settings({ ...shown, haloOrigins: [PSA] });
    expect(applySettingsChange(since, change).haloOrigins).toEqual([PSA]);
  });

  it('an instance changed after the plan makes it stale; planning again lists the change from the new value', () => {
    const since = settings({ ...shown, immybot: { instanceOrigin: 'https://beta.immy.bot', integrationId: 7 } });
    expect(isStaleImport(change, since)).toBe(true);
    const again = planImport(since, LOCAL, imported(text));
    if (!again.ok) throw new Error(again.error);
    expect(again.plan.changes[0]).toBe('ImmyBot instance: https://beta.immy.bot → https://acme.immy.bot');
    expect(isStaleImport(SettingsChangeSchema.parse(again.plan.change), since)).toBe(false);
  });

  it('a place chosen after the plan makes it stale too', () => {
    expect(isStaleImport(change, settings({ ...shown, show: 'sidePanel' }))).toBe(true);
  });
});

describe('planImport: what the organization set', () => {
  const policy = { instanceOrigin: 'https://org.immy.bot', haloOrigins: [PSA], show: 'sidePanel' as const };
  const local = settings({ immybot: OTHER, haloOrigins: [HOSTED], show: 'page' });
  const { settings: current, sources } = mergeSettings(local, policy);
  const planned = planImport(current, sources, {
    instanceOrigin: ACME.instanceOrigin,
    integrationId: 619,
    haloOrigins: [HOSTED, SERVICE],
    show: 'both',
  });

  it('keeps the managed values, says so, and still imports the rest', () => {
    expect(planned).toEqual({
      ok: true,
      plan: {
        change: {
          kind: 'importSettings',
          connection: {
            from: { instanceOrigin: 'https://org.immy.bot', integrationId: 7 },
            to: { instanceOrigin: 'https://org.immy.bot', integrationId: 619 },
          },
        },
        changes: ['Integration ID: 7 → 619'],
        locked: [
          'ImmyBot instance: stays https://org.immy.bot, as your organization set it.',
          'HaloPSA sites: stays the list your organization made, as your organization set it.',
          'Show Technician Tools: stays In the side panel, as your organization set it.',
        ],
      },
    });
  });

  it('plans a change the writer accepts', () => {
    if (!planned.ok || !planned.plan.change) throw new Error('no change');
    expect(lockedField(planned.plan.change, policy)).toBeNull();
  });

  it('says nothing of a managed value the file agrees with', () => {
    expect(planImport(current, sources, { instanceOrigin: 'https://org.immy.bot', show: 'sidePanel' })).toEqual({
      ok: true,
      plan: { change: null, changes: [], locked: [] },
    });
  });
});
