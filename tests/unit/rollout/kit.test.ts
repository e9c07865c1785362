import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GECKO_ID } from '../../../lib/gecko-id';
import { CHROME, CHROMIUM_BROWSERS, EDGE, extensionPolicyKey } from '../../../lib/rollout/browsers';
import { encodeKitFile, type KitFile, LINUX_POLICY_FILE, rolloutKit } from '../../../lib/rollout/kit';
import { macPolicyDomain } from '../../../lib/rollout/macos';
import { parameterName, parameterNames } from '../../../lib/rollout/powershell';
import { fitsType, readKitSchema, readPolicySchema, sampleValues } from '../../../lib/rollout/schema';
import { omaUriSettings, registryKind } from '../../../lib/rollout/windows';
import {
  checkPowerShell,
  child,
  descendants,
  elements,
  KIT_FILES,
  type PlistValue,
  parsePlist,
  parseReg,
  parseXml,
  textOf,
  type XmlElement,
} from './parsers';

const root = resolve(__dirname, '../../..');
const schema = JSON.parse(readFileSync(resolve(root, 'public/managed_schema.json'), 'utf8'));
const ID = 'abcdefghijklmnopabcdefghijklmnop';

/** The real schema plus one key of every other kind the kit writes: each must show up everywhere with no other edit. */
const extended = structuredClone(schema);
Object.assign(extended.properties, {
  allowPopups: { title: 'Allow pop-ups', description: 'A new boolean key.', type: 'boolean' },
  retryCount: { title: 'Retries', description: 'A new bounded integer.', type: 'integer', minimum: 1, maximum: 9 },
  zoomLevel: { title: 'Zoom', description: 'A new number.', type: 'number' },
  ticketTypes: {
    title: 'Ticket types',
    description: 'A new list of integers.',
    type: 'array',
    items: { type: 'integer' },
  },
});
const NEW_KEYS = ['allowPopups', 'retryCount', 'zoomLevel', 'ticketTypes'];

const kitFor = (s: unknown) => rolloutKit(s, { extensionId: ID, idSource: 'a test id', version: '0.0.0' });
const file = (kit: KitFile[], path: string): KitFile => {
  const found = kit.find((f) => f.path === path);
  if (!found) throw new Error(`The kit has no ${path}`);
  return found;
};
const attr = (element: XmlElement, name: string) => element.attributes[name];

describe('the schema the kit reads', () => {
  it('has the four keys with their types, in order', () => {
    expect(readKitSchema(schema).keys).toEqual([
      expect.objectContaining({ name: 'immybotInstance', type: 'string', title: 'ImmyBot instance' }),
      expect.objectContaining({ name: 'integrationId', type: 'integer' }),
      expect.objectContaining({ name: 'haloSites', type: 'list', item: 'string' }),
      expect.objectContaining({ name: 'show', type: 'string', allowed: ['page', 'sidePanel', 'both', 'window'] }),
    ]);
  });

  it('names no allowed values for show, so Chromium passes a typo on to be named; the kit takes them from the settings code', () => {
    expect(schema.properties.show).not.toHaveProperty('enum');
    expect(readKitSchema(schema, {}).keys.find((key) => key.name === 'show')).not.toHaveProperty('allowed');
    const withChoice = (spec: unknown) => ({ type: 'object', properties: { odd: spec } });
    expect(readPolicySchema(withChoice({ type: 'string' }), { odd: ['a', 'b'] })[0].allowed).toEqual(['a', 'b']);
    expect(() => readPolicySchema(withChoice({ type: 'integer' }), { odd: ['a'] })).toThrow(/"odd".*choices/);
  });

  it('refuses what it cannot write, naming the key', () => {
    const withKey = (spec: unknown) => ({ type: 'object', properties: { odd: spec } });
    expect(() => readPolicySchema(withKey({ type: 'object' }))).toThrow(/"odd".*type "object"/);
    expect(() => readPolicySchema(withKey({ type: 'array', items: { type: 'object' } }))).toThrow(/"odd"/);
    expect(() => readPolicySchema(withKey({ type: 'integer', enum: [1, 2] }))).toThrow(/"odd"/);
    expect(() => readPolicySchema({ type: 'object', properties: { 'bad name': { type: 'string' } } })).toThrow(
      /"bad name"/,
    );
    expect(() => readPolicySchema([])).toThrow(/expected/);
  });

  it('has the samples the kit promises (acme / 619 / acme.halopsa.com / page), each of its key’s type', () => {
    const keys = readKitSchema(schema).keys;
    expect(sampleValues(keys)).toEqual({
      immybotInstance: 'acme',
      integrationId: 619,
      haloSites: ['acme.halopsa.com'],
      show: 'page',
    });
    const more = readKitSchema(extended).keys;
    const values = sampleValues(more);
    for (const key of more) expect(fitsType(key, values[key.name]), key.name).toBe(true);
  });
});

describe('an object key (siteConnections): in no generated file, set by hand as the README says', () => {
  it('is read apart from the keys the kit writes', () => {
    expect(readKitSchema(schema).byHand).toEqual([
      expect.objectContaining({ name: 'siteConnections', title: 'Site connections' }),
    ]);
    expect(schema.properties.siteConnections.type).toBe('object');
  });

  it('no ADMX, ADML, .reg, script, profile or JSON file carries it; the README names it and how to set it', () => {
    for (const f of kitFor(schema)) {
      if (f.path === 'README.md') {
        expect(f.text).toContain('### Set by hand: keys whose value is an object');
        expect(f.text).toContain('| `siteConnections` | Site connections |');
        expect(f.text).toContain('a `REG_SZ` value `siteConnections` holding that JSON on one line');
      } else expect(f.text, f.path).not.toContain('siteConnections');
    }
  });

  it('a schema without object keys has no such README section', () => {
    const { siteConnections: _, ...properties } = schema.properties;
    expect(kitFor({ ...schema, properties }).find((f) => f.path === 'README.md')?.text).not.toContain('Set by hand');
  });
});

describe('the script’s parameters', () => {
  it('are the keys without their product word', () => {
    expect(readKitSchema(schema).keys.map((key) => parameterName(key.name))).toEqual([
      'Instance',
      'IntegrationId',
      'Sites',
      'Show',
    ]);
  });

  it('never take a name the script or PowerShell already uses', () => {
    expect(parameterName('test')).toBe('PolicyTest');
    expect(parameterName('input')).toBe('PolicyInput');
    expect(parameterName('verbose')).toBe('PolicyVerbose');
    expect(parameterName('haloBrowsers')).toBe('PolicyBrowsers');
    const twins = readPolicySchema({
      type: 'object',
      properties: { haloSites: { type: 'string' }, immybotSites: { type: 'string' } },
    });
    expect(() => parameterNames(twins)).toThrow(/haloSites and immybotSites/);
  });
});

for (const [label, source] of [
  ['the real schema', schema],
  ['the schema with a new key of every type', extended],
] as const) {
  describe(`the kit for ${label}`, () => {
    const kit = kitFor(source);
    const keys = readKitSchema(source).keys;
    const values = sampleValues(keys);

    it('holds the same files', () => {
      expect(kit.map((f) => f.path).sort()).toEqual(KIT_FILES);
    });

    for (const browser of CHROMIUM_BROWSERS) {
      it(`ADMX + ADML for ${browser.name}: well-formed, one policy per key with its type, every reference resolved`, () => {
        const base = `windows/PolicyDefinitions/immybot-technician-tools-${browser.id}`;
        const admxFile = file(kit, `${base}.admx`);
        const admlFile = file(kit, `${base.replace('PolicyDefinitions/', 'PolicyDefinitions/en-US/')}.adml`);
        for (const f of [admxFile, admlFile]) expect(f.text).not.toMatch(/(?<!\r)\n/); // CRLF throughout
        const admx = parseXml(admxFile.text).root;
        const adml = parseXml(admlFile.text).root;
        expect(admx.name).toBe('policyDefinitions');
        expect(adml.name).toBe('policyDefinitionResources');
        const ns = 'http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions';
        expect([attr(admx, 'xmlns'), attr(adml, 'xmlns')]).toEqual([ns, ns]);

        const strings = new Set(
          descendants(adml)
            .filter((e) => e.name === 'string')
            .map((e) => attr(e, 'id')),
        );
        const presentations = new Map(
          descendants(adml)
            .filter((e) => e.name === 'presentation')
            .map((e) => [attr(e, 'id'), e] as const),
        );
        // Every $(string.x) and $(presentation.x) in the ADMX exists in the ADML.
        for (const element of descendants(admx))
          for (const value of Object.values(element.attributes)) {
            const ref = /^\$\((string|presentation)\.(.+)\)$/.exec(value);
            if (ref?.[1] === 'string') expect(strings, `$(string.${ref[2]})`).toContain(ref[2]);
            if (ref?.[1] === 'presentation') expect([...presentations.keys()]).toContain(ref[2]);
          }
        const categories = descendants(child(admx, 'categories')).map((c) => attr(c, 'name'));
        const supported = descendants(child(admx, 'supportedOn')).filter((d) => d.name === 'definition');

        const policies = elements(child(admx, 'policies'), 'policy');
        expect(policies.map((p) => attr(p, 'name'))).toEqual(keys.map((k) => k.name));
        const policyKey = extensionPolicyKey(browser, ID);
        for (const key of keys) {
          const policy = policies.find((p) => attr(p, 'name') === key.name) as XmlElement;
          expect(attr(policy, 'key')).toBe(policyKey);
          expect(attr(policy, 'class')).toBe('Machine');
          expect(categories).toContain(attr(child(policy, 'parentCategory'), 'ref'));
          expect(supported.map((d) => attr(d, 'name'))).toContain(attr(child(policy, 'supportedOn'), 'ref'));
          if (key.type === 'boolean') {
            expect(attr(policy, 'valueName')).toBe(key.name);
            expect(attr(child(child(policy, 'enabledValue'), 'decimal'), 'value')).toBe('1');
            expect(attr(child(child(policy, 'disabledValue'), 'decimal'), 'value')).toBe('0');
            continue;
          }
          const [element, ...others] = elements(child(policy, 'elements'));
          expect(others).toEqual([]);
          expect(attr(element, 'id')).toBe(key.name);
          const control = elements(presentations.get(key.name) as XmlElement)[0];
          expect(attr(control, 'refId')).toBe(key.name);
          if (key.type === 'list') {
            // A list: values named 1, 2, 3 … in the key's own subkey (valuePrefix="" means no prefix).
            expect(element.name).toBe('list');
            expect(attr(element, 'key')).toBe(`${policyKey}\\${key.name}`);
            expect(attr(element, 'valuePrefix')).toBe('');
            expect(control.name).toBe('listBox');
          } else if (key.allowed) {
            expect(element.name).toBe('enum');
            expect(attr(element, 'valueName')).toBe(key.name);
            const items = elements(element, 'item').map((item) => textOf(child(child(item, 'value'), 'string')));
            expect(items).toEqual(key.allowed);
            expect(control.name).toBe('dropdownList');
          } else if (key.type === 'integer') {
            expect(element.name).toBe('decimal'); // REG_DWORD
            expect(attr(element, 'valueName')).toBe(key.name);
            expect(Number(attr(element, 'minValue'))).toBeGreaterThanOrEqual(key.minimum ?? 0);
            expect(Number(attr(element, 'maxValue'))).toBeLessThanOrEqual(key.maximum ?? 2_147_483_647);
            expect(control.name).toBe('decimalTextBox');
          } else {
            expect(element.name).toBe('text'); // REG_SZ
            expect(attr(element, 'valueName')).toBe(key.name);
            expect(control.name).toBe('textBox');
          }
        }
      });
    }

    it('.reg: UTF-16 with CRLF, every key with its registry type in both browsers, lists as values 1, 2, …', () => {
      const reg = parseReg(encodeKitFile(file(kit, 'windows/immybot-technician-tools.reg')));
      for (const browser of CHROMIUM_BROWSERS) {
        const path = `HKEY_LOCAL_MACHINE\\${extensionPolicyKey(browser, ID)}`;
        const policy = reg.keys.get(path);
        expect(policy, path).toBeDefined();
        for (const key of keys) {
          const value = values[key.name];
          if (key.type === 'list') {
            const list = reg.keys.get(`${path}\\${key.name}`);
            const items = value as (string | number | boolean)[];
            expect([...(list?.keys() ?? [])]).toEqual(items.map((_, n) => String(n + 1)));
            for (const [n, item] of items.entries())
              expect(list?.get(String(n + 1))).toEqual({
                kind: registryKind(key.item),
                data: registryKind(key.item) === 'REG_DWORD' ? Number(item) : String(item),
              });
            // The old list goes first, so a shorter list leaves nothing behind.
            const order = reg.order;
            expect(order.indexOf(`-${path}\\${key.name}`)).toBe(order.indexOf(`${path}\\${key.name}`) - 1);
          } else {
            expect(policy?.get(key.name), key.name).toEqual({
              kind: registryKind(key.type),
              data: registryKind(key.type) === 'REG_DWORD' ? Number(value) : String(value),
            });
          }
        }
      }
      expect(reg.keys.get(`HKEY_LOCAL_MACHINE\\${extensionPolicyKey(CHROME, ID)}`)?.get('integrationId')).toEqual({
        kind: 'REG_DWORD',
        data: 619,
      });
    });

    for (const browser of [CHROME, EDGE]) {
      it(`the ${browser.name} profile: a valid plist whose payload is the extension's domain with every key typed`, () => {
        const plist = parsePlist(file(kit, `macos/immybot-technician-tools-${browser.id}.mobileconfig`).text);
        const dict = (v: PlistValue | undefined) => {
          if (v?.type !== 'dict') throw new Error('not a dict');
          return v.value;
        };
        const top = dict(plist);
        expect(top.get('PayloadType')).toEqual({ type: 'string', value: 'Configuration' });
        expect(top.get('PayloadVersion')).toEqual({ type: 'integer', value: 1 });
        expect(top.get('PayloadScope')).toEqual({ type: 'string', value: 'System' });
        const content = top.get('PayloadContent');
        if (content?.type !== 'array') throw new Error('PayloadContent is not an array');
        expect(content.value).toHaveLength(1);
        const payload = dict(content.value[0]);
        expect(payload.get('PayloadType')).toEqual({ type: 'string', value: macPolicyDomain(browser, ID) });
        expect(payload.get('PayloadType')?.value).toBe(`${browser.bundleId}.extensions.${ID}`);
        const uuid = /^[0-9A-F]{8}-[0-9A-F]{4}-5[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}$/;
        for (const d of [top, payload]) {
          expect(d.get('PayloadUUID')?.value).toMatch(uuid);
          expect(d.get('PayloadIdentifier')?.type).toBe('string');
        }
        expect(top.get('PayloadUUID')).not.toEqual(payload.get('PayloadUUID'));
        const plistType = (type: string) =>
          type === 'integer' ? 'integer' : type === 'number' ? 'real' : type === 'boolean' ? 'boolean' : 'string';
        for (const key of keys) {
          const entry = payload.get(key.name);
          const value = values[key.name];
          if (key.type === 'list') {
            if (entry?.type !== 'array') throw new Error(`${key.name} is not an array`);
            expect(entry.value).toEqual(
              (value as unknown[]).map((item) => ({ type: plistType(key.item ?? 'string'), value: item })),
            );
          } else {
            expect(entry, key.name).toEqual({ type: plistType(key.type), value });
          }
        }
      });
    }

    it('Linux: JSON with every key, of its JSON type, under 3rdparty.extensions.<id>', () => {
      const json = JSON.parse(file(kit, LINUX_POLICY_FILE).text);
      expect(Object.keys(json)).toEqual(['3rdparty']);
      const policy = json['3rdparty'].extensions[ID];
      expect(policy).toEqual(values);
      for (const key of keys) expect(fitsType(key, policy[key.name]), key.name).toBe(true);
    });

    it('Firefox: policies.json with the add-on’s 3rdparty policy and its force-install entry', () => {
      const json = JSON.parse(file(kit, 'firefox/policies.json').text);
      const policy = json.policies['3rdparty'].Extensions[GECKO_ID];
      expect(policy).toEqual(values);
      for (const key of keys) expect(fitsType(key, policy[key.name]), key.name).toBe(true);
      expect(json.policies.ExtensionSettings[GECKO_ID]).toEqual({
        installation_mode: 'force_installed',
        install_url: `https://addons.mozilla.org/firefox/downloads/latest/${GECKO_ID}/latest.xpi`,
      });
    });

    it('the PowerShell script: UTF-8 with BOM and CRLF, balanced, one typed parameter and one row per key', () => {
      const script = file(kit, 'windows/Install-TechnicianTools.ps1');
      expect([...encodeKitFile(script).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(script.text).not.toMatch(/(?<!\r)\n/);
      const text = script.text.replace(/\r\n/g, '\n');
      checkPowerShell(text);
      const names = parameterNames(keys);
      const paramBlock = /\nparam\(\n([\s\S]*?)\n\)\n/.exec(text)?.[1] ?? '';
      for (const key of keys) {
        const name = names.get(key.name) as string;
        expect(paramBlock).toContain(`[${key.type === 'list' ? 'string[]' : 'string'}]$${name},`);
        expect(text).toContain(`.PARAMETER ${name}\n`);
        expect(text).toMatch(new RegExp(`@\\{ Key = '${key.name}'; Parameter = '${name}'; Type = '${key.type}';`));
        expect(text).toContain(`${name} = $${name}`);
      }
      for (const browser of CHROMIUM_BROWSERS) expect(text).toContain(`Key = '${browser.registryKey}'`);
      expect(text).toContain(`[string]$ExtensionId = '${ID}'`);
      expect(text).toContain("'\\3rdparty\\extensions\\' + $ExtensionId");
      expect(text).toContain("'\\ExtensionInstallForcelist'");
      expect(text).toContain('[Microsoft.Win32.RegistryView]::Registry64');
      // The exit codes the README promises.
      for (const code of [0, 1, 2, 3, 4]) expect(text).toMatch(new RegExp(`Code = ${code}\\b`));
    });

    it('the README names every key, its parameter and the id', () => {
      const readme = file(kit, 'README.md').text;
      const names = parameterNames(keys);
      for (const key of keys) {
        expect(readme).toContain(`| \`${key.name}\` | \`-${names.get(key.name)}\` |`);
      }
      expect(readme).toContain(ID);
      expect(readme).toContain('ImmyBot task');
      expect(readme).toContain('What was checked, and what could not be run here');
    });
  });
}

describe('a new key', () => {
  it('appears in every file of the kit, with no other edit', () => {
    const before = kitFor(schema);
    const after = kitFor(extended);
    for (const f of after) {
      const text = f.text;
      for (const key of NEW_KEYS) expect(text, `${key} in ${f.path}`).toContain(key);
      expect(before.find((b) => b.path === f.path)?.text).not.toContain('allowPopups');
    }
  });
});

describe('Intune custom OMA-URI rows', () => {
  it('install the Chrome ADMX, then set each key; a list as number&#xF000;entry pairs', () => {
    const keys = readKitSchema(schema).keys;
    const rows = omaUriSettings(
      keys,
      { ...sampleValues(keys), haloSites: ['a.halopsa.com', 'https://x.example?a&b'] },
      CHROME,
    );
    expect(rows[0].omaUri).toBe(
      './Device/Vendor/MSFT/Policy/ConfigOperations/ADMXInstall/ImmyBotTechnicianTools/Policy/immybot_technician_tools_chrome',
    );
    const byKey = Object.fromEntries(rows.slice(1).map((row) => [row.omaUri.split('/').pop(), row.value]));
    expect(rows[1].omaUri).toBe(
      './Device/Vendor/MSFT/Policy/Config/ImmyBotTechnicianTools~Policy~ImmyBotTechnicianTools/immybotInstance',
    );
    expect(byKey).toEqual({
      immybotInstance: '<enabled/><data id="immybotInstance" value="acme"/>',
      integrationId: '<enabled/><data id="integrationId" value="619"/>',
      haloSites:
        '<enabled/><data id="haloSites" value="1&#xF000;a.halopsa.com&#xF000;2&#xF000;https://x.example?a&amp;b"/>',
      show: '<enabled/><data id="show" value="page"/>',
    });
  });
});

describe('kit files as saved', () => {
  it('encodes UTF-16LE with a BOM, UTF-8 with and without', () => {
    expect([...encodeKitFile({ path: 'x', text: 'Aé', encoding: 'utf16le-bom', what: '' })]).toEqual([
      0xff, 0xfe, 0x41, 0, 0xe9, 0,
    ]);
    expect([...encodeKitFile({ path: 'x', text: 'é', encoding: 'utf8-bom', what: '' })]).toEqual([
      0xef, 0xbb, 0xbf, 0xc3, 0xa9,
    ]);
    expect([...encodeKitFile({ path: 'x', text: 'é', encoding: 'utf8', what: '' })]).toEqual([0xc3, 0xa9]);
  });

  it('refuses an id that is not a Chrome/Edge id', () => {
    expect(() => rolloutKit(schema, { extensionId: 'EXTENSION_ID', idSource: '', version: '' })).toThrow(/32 letters/);
  });

  it('escapes what the XML and .reg files could not hold as is', () => {
    const tricky = structuredClone(schema);
    tricky.properties.immybotInstance.title = 'A <b> & "quoted" title';
    const kit = kitFor(tricky);
    for (const f of kit.filter((k) => /\.(admx|adml|mobileconfig)$/.test(k.path)))
      expect(() => parseXml(f.text)).not.toThrow();
    const adml = file(kit, 'windows/PolicyDefinitions/en-US/immybot-technician-tools-chrome.adml').text;
    expect(adml).toContain('A &lt;b&gt; &amp; &quot;quoted&quot; title');
  });
});

/** The tests' own readers must refuse what they are there to catch. */
describe('the test readers', () => {
  it('parseXml refuses malformed XML', () => {
    for (const bad of [
      '<a><b></a></b>',
      '<a x="1" x="2"/>',
      '<a>&nbsp;</a>',
      '<a>x & y</a>',
      '<a/><b/>',
      '<a>',
      'text',
      '<a b=c/>',
    ])
      expect(() => parseXml(bad), bad).toThrow();
    expect(parseXml('<?xml version="1.0" encoding="utf-8"?>\n<!-- c -->\n<a b="&amp;"><c>&#x41;</c></a>').root).toEqual(
      {
        name: 'a',
        attributes: { b: '&' },
        children: [{ name: 'c', attributes: {}, children: ['A'] }],
      },
    );
  });

  it('parsePlist refuses a dict that does not alternate keys and values', () => {
    const doc = (body: string) =>
      `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">\n<plist version="1.0">${body}</plist>`;
    expect(() => parsePlist(doc('<dict><key>a</key></dict>'))).toThrow();
    expect(() => parsePlist(doc('<dict><string>a</string><string>b</string></dict>'))).toThrow();
    expect(() => parsePlist(doc('<integer>1.5</integer>'))).toThrow();
    expect(parsePlist(doc('<dict><key>a</key><true/></dict>'))).toEqual({
      type: 'dict',
      value: new Map([['a', { type: 'boolean', value: true }]]),
    });
  });

  it('parseReg refuses a file without the BOM, header or CRLF', () => {
    const utf16 = (text: string) => new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(text, 'utf16le'))]);
    expect(() => parseReg(utf16('REGEDIT4\r\n'))).toThrow(/header/);
    expect(() => parseReg(utf16('Windows Registry Editor Version 5.00\n[HKEY_LOCAL_MACHINE\\x]\n'))).toThrow(/CRLF/);
    expect(() => parseReg(utf16('Windows Registry Editor Version 5.00\r\n"a"="b"\r\n'))).toThrow(/outside/);
    expect(() =>
      parseReg(utf16('Windows Registry Editor Version 5.00\r\n[HKEY_LOCAL_MACHINE\\x]\r\n"a"=dword:1\r\n')),
    ).toThrow();
  });

  it('checkPowerShell finds open strings, comments and brackets', () => {
    for (const bad of ["'open", '"open', '<# open', 'if ($a) { $b', '$a = @(1, 2', '"$(open"', 'f ) ', "'it’s'"])
      expect(() => checkPowerShell(bad), bad).toThrow();
    expect(() =>
      checkPowerShell(`# it's fine\n<# it's "fine" #>\n$a = "it's $($b['x']) ok" + 'a''b' + "q""q"\n`),
    ).not.toThrow();
  });
});
