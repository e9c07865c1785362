/*
 * Strict little readers for the rollout kit's files, so its unit tests need no Windows, macOS or PowerShell: an XML
 * parser that refuses what is not well-formed, a property-list reader on top of it, a .reg reader, and a PowerShell
 * tokenizer that checks quotes, comments and brackets balance.
 */

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: (XmlElement | string)[];
}

const NAME = /^[A-Za-z_:][\w.:-]*/;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(text: string, at: number): string {
  return text.replace(/&([^;]*);|&/g, (whole, body: string | undefined) => {
    if (body === undefined) throw new Error(`XML: a bare & near offset ${at}`);
    if (body in ENTITIES) return ENTITIES[body];
    const numeric = /^#(?:x([0-9a-fA-F]+)|([0-9]+))$/.exec(body);
    if (!numeric) throw new Error(`XML: unknown entity ${whole} near offset ${at}`);
    return String.fromCodePoint(numeric[1] ? Number.parseInt(numeric[1], 16) : Number(numeric[2]));
  });
}

/** Parses a whole XML document: declaration, comments, a DOCTYPE without internal subset, exactly one root. */
export function parseXml(text: string): { root: XmlElement; doctype?: string } {
  let at = 0;
  let doctype: string | undefined;
  let root: XmlElement | undefined;
  const stack: XmlElement[] = [];
  const fail = (why: string): never => {
    throw new Error(`XML: ${why} at offset ${at}: ${JSON.stringify(text.slice(at, at + 40))}`);
  };
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the characters XML 1.0 refuses.
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(text)) fail('a control character');
  if (text.startsWith('<?xml')) {
    const end = text.indexOf('?>');
    if (end < 0 || !/^<\?xml version="1\.0"( encoding="(utf|UTF)-8")?\?>$/.test(text.slice(0, end + 2)))
      fail('a bad XML declaration');
    at = end + 2;
  }
  while (at < text.length) {
    if (text.startsWith('<!--', at)) {
      const end = text.indexOf('-->', at + 4);
      if (end < 0) fail('an unclosed comment');
      if (text.slice(at + 4, end).includes('--')) fail('"--" inside a comment');
      at = end + 3;
    } else if (text.startsWith('<!DOCTYPE', at)) {
      if (root || stack.length) fail('a DOCTYPE after the root');
      const end = text.indexOf('>', at);
      if (end < 0 || text.slice(at, end).includes('[')) fail('a DOCTYPE this reader does not take');
      doctype = text.slice(at, end + 1);
      at = end + 1;
    } else if (text.startsWith('<![CDATA[', at)) {
      if (!stack.length) fail('CDATA outside the root');
      const end = text.indexOf(']]>', at);
      if (end < 0) fail('unclosed CDATA');
      stack[stack.length - 1].children.push(text.slice(at + 9, end));
      at = end + 3;
    } else if (text.startsWith('<?', at) || text.startsWith('<!', at)) {
      fail('a processing instruction or declaration');
    } else if (text.startsWith('</', at)) {
      const name = NAME.exec(text.slice(at + 2))?.[0] ?? fail('a closing tag without a name');
      const open = stack.pop();
      if (!open || open.name !== name) fail(`</${name}> closes <${open?.name ?? 'nothing'}>`);
      at += 2 + name.length;
      while (/\s/.test(text[at] ?? '')) at++;
      if (text[at] !== '>') fail('a closing tag without ">"');
      at++;
    } else if (text[at] === '<') {
      const name = NAME.exec(text.slice(at + 1))?.[0] ?? fail('a tag without a name');
      at += 1 + name.length;
      const element: XmlElement = { name, attributes: {}, children: [] };
      for (;;) {
        const space = /^\s*/.exec(text.slice(at))?.[0].length ?? 0;
        at += space;
        if (text.startsWith('/>', at) || text[at] === '>') break;
        if (!space) fail('attributes without a space between them');
        const attribute = /^([A-Za-z_:][\w.:-]*)\s*=\s*("([^"<]*)"|'([^'<]*)')/.exec(text.slice(at));
        if (!attribute) fail(`a bad attribute in <${name}>`);
        const [whole, attributeName, , double, single] = attribute as RegExpExecArray;
        if (attributeName in element.attributes) fail(`attribute ${attributeName} twice in <${name}>`);
        element.attributes[attributeName] = decodeEntities(double ?? single ?? '', at);
        at += whole.length;
      }
      if (stack.length) stack[stack.length - 1].children.push(element);
      else if (root) fail('a second root element');
      else root = element;
      if (text.startsWith('/>', at)) at += 2;
      else {
        at++;
        stack.push(element);
      }
    } else {
      const end = text.indexOf('<', at) < 0 ? text.length : text.indexOf('<', at);
      const raw = text.slice(at, end);
      if (raw.includes('>') && raw.includes(']]>')) fail('"]]>" in text');
      if (stack.length) stack[stack.length - 1].children.push(decodeEntities(raw, at));
      else if (raw.trim()) fail('text outside the root');
      at = end;
    }
  }
  if (stack.length) fail(`<${stack[stack.length - 1].name}> is never closed`);
  if (!root) return fail('no root element');
  return { root, doctype };
}

export const elements = (parent: XmlElement, name?: string): XmlElement[] =>
  parent.children.filter((c): c is XmlElement => typeof c !== 'string' && (!name || c.name === name));
export const child = (parent: XmlElement, name: string): XmlElement => {
  const found = elements(parent, name);
  if (found.length !== 1) throw new Error(`<${parent.name}> has ${found.length} <${name}>, not one`);
  return found[0];
};
export const textOf = (element: XmlElement): string =>
  element.children.map((c) => (typeof c === 'string' ? c : textOf(c))).join('');
/** Every element below `element`, depth first. */
export const descendants = (element: XmlElement): XmlElement[] =>
  elements(element).flatMap((c) => [c, ...descendants(c)]);

/** A property-list value: integers and reals kept apart, so a test can check the type each key was written as. */
export type PlistValue =
  | { type: 'string'; value: string }
  | { type: 'integer'; value: number }
  | { type: 'real'; value: number }
  | { type: 'boolean'; value: boolean }
  | { type: 'array'; value: PlistValue[] }
  | { type: 'dict'; value: Map<string, PlistValue> };

/** Reads a plist document (Apple's DTD): one value under <plist version="1.0">. */
export function parsePlist(text: string): PlistValue {
  const { root, doctype } = parseXml(text);
  if (
    doctype !== '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">'
  )
    throw new Error(`plist: unexpected DOCTYPE ${doctype}`);
  if (root.name !== 'plist' || root.attributes.version !== '1.0')
    throw new Error('plist: root is not <plist version="1.0">');
  const [only, ...more] = elements(root);
  if (!only || more.length) throw new Error('plist: <plist> must hold exactly one value');
  return plistValue(only);
}

function plistValue(element: XmlElement): PlistValue {
  const onlyText = () => {
    if (elements(element).length) throw new Error(`plist: <${element.name}> holds elements`);
    return textOf(element);
  };
  switch (element.name) {
    case 'string':
      return { type: 'string', value: onlyText() };
    case 'integer': {
      const text = onlyText();
      if (!/^[+-]?\d+$/.test(text)) throw new Error(`plist: <integer>${text}</integer>`);
      return { type: 'integer', value: Number(text) };
    }
    case 'real': {
      const text = onlyText();
      if (!Number.isFinite(Number(text)) || !text.trim()) throw new Error(`plist: <real>${text}</real>`);
      return { type: 'real', value: Number(text) };
    }
    case 'true':
    case 'false':
      if (element.children.length) throw new Error(`plist: <${element.name}/> must be empty`);
      return { type: 'boolean', value: element.name === 'true' };
    case 'array':
      if (element.children.some((c) => typeof c === 'string' && c.trim())) throw new Error('plist: text in <array>');
      return { type: 'array', value: elements(element).map(plistValue) };
    case 'dict': {
      if (element.children.some((c) => typeof c === 'string' && c.trim())) throw new Error('plist: text in <dict>');
      const items = elements(element);
      const map = new Map<string, PlistValue>();
      for (let i = 0; i < items.length; i += 2) {
        if (items[i].name !== 'key' || !items[i + 1]) throw new Error('plist: a <dict> must alternate <key> and value');
        const key = textOf(items[i]);
        if (map.has(key)) throw new Error(`plist: key ${key} twice`);
        map.set(key, plistValue(items[i + 1]));
      }
      return { type: 'dict', value: map };
    }
    default:
      throw new Error(`plist: <${element.name}> is not a property-list type`);
  }
}

export interface RegValue {
  kind: 'REG_SZ' | 'REG_DWORD';
  data: string | number;
}
export interface RegFile {
  /** Keys in the order they appear, with their values. */
  keys: Map<string, Map<string, RegValue>>;
  /** Keys the file deletes ([-…]), in order, with the key written just after each (if any). */
  deleted: string[];
  order: string[];
}

/** Reads a .reg file as regedit writes it: UTF-16LE with a BOM, CRLF, version 5.00, REG_SZ and dword values. */
export function parseReg(bytes: Uint8Array): RegFile {
  if (bytes[0] !== 0xff || bytes[1] !== 0xfe) throw new Error('.reg: no UTF-16LE byte-order mark');
  const text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (/\r(?!\n)|(?<!\r)\n/.test(text)) throw new Error('.reg: a line break that is not CRLF');
  const lines = text.split('\r\n');
  if (lines[0] !== 'Windows Registry Editor Version 5.00') throw new Error(`.reg: header ${JSON.stringify(lines[0])}`);
  const file: RegFile = { keys: new Map(), deleted: [], order: [] };
  let current: Map<string, RegValue> | undefined;
  for (const [n, line] of lines.entries()) {
    if (n === 0 || line === '' || line.startsWith(';')) continue;
    const section = /^\[(-?)(HKEY_(?:LOCAL_MACHINE|CURRENT_USER)\\[^\]]+)\]$/.exec(line);
    if (section) {
      const [, minus, path] = section;
      if (minus) {
        file.deleted.push(path);
        file.order.push(`-${path}`);
        current = undefined;
      } else {
        if (file.keys.has(path)) throw new Error(`.reg: [${path}] twice`);
        current = new Map();
        file.keys.set(path, current);
        file.order.push(path);
      }
      continue;
    }
    const value = /^"((?:[^"\\]|\\.)*)"=(?:"((?:[^"\\]|\\.)*)"|dword:([0-9a-f]{8}))$/.exec(line);
    if (!value) throw new Error(`.reg line ${n + 1}: ${JSON.stringify(line)}`);
    if (!current) throw new Error(`.reg line ${n + 1}: a value outside a key`);
    const unescapeReg = (s: string) => s.replace(/\\(.)/g, '$1');
    const name = unescapeReg(value[1]);
    if (current.has(name)) throw new Error(`.reg line ${n + 1}: value ${name} twice`);
    current.set(
      name,
      value[3] !== undefined
        ? { kind: 'REG_DWORD', data: Number.parseInt(value[3], 16) }
        : { kind: 'REG_SZ', data: unescapeReg(value[2]) },
    );
  }
  return file;
}

/**
 * Walks a PowerShell script as its tokenizer would for quoting: comments (# and <# #>), single-quoted strings
 * ('' and the typographic quotes PowerShell also takes), double-quoted strings (` escapes, $( ) subexpressions
 * holding code) and here-strings. Throws where a string, comment or bracket is left open or closed wrongly.
 */
export function checkPowerShell(script: string): void {
  let at = 0;
  const SINGLE = /['\u2018\u2019\u201a\u201b]/;
  const fail = (why: string): never => {
    const line = script.slice(0, at).split('\n').length;
    throw new Error(`PowerShell: ${why} (line ${line})`);
  };
  const code = (closer: string | null): void => {
    const stack: string[] = [];
    const pairs: Record<string, string> = { '(': ')', '{': '}', '[': ']' };
    while (at < script.length) {
      const c = script[at];
      if (script.startsWith('<#', at)) {
        const end = script.indexOf('#>', at + 2);
        if (end < 0) fail('an unclosed <# comment');
        at = end + 2;
      } else if (c === '#') {
        const end = script.indexOf('\n', at);
        at = end < 0 ? script.length : end;
      } else if (script.startsWith("@'", at) || script.startsWith('@"', at)) {
        const quote = script[at + 1];
        const end = script.indexOf(`\n${quote}@`, at);
        if (end < 0) fail('an unclosed here-string');
        at = end + 3;
      } else if (SINGLE.test(c)) {
        at++;
        for (;;) {
          if (at >= script.length) fail('an unclosed single-quoted string');
          if (SINGLE.test(script[at])) {
            if (SINGLE.test(script[at + 1] ?? '')) at += 2;
            else break;
          } else at++;
        }
        at++;
      } else if (c === '"') {
        at++;
        for (;;) {
          if (at >= script.length) fail('an unclosed double-quoted string');
          if (script[at] === '`') at += 2;
          else if (script.startsWith('$(', at)) {
            at += 2;
            code(')');
          } else if (script[at] === '"') {
            if (script[at + 1] === '"') at += 2;
            else break;
          } else at++;
        }
        at++;
      } else if (c === '`') {
        at += 2;
      } else if (c in pairs) {
        stack.push(pairs[c]);
        at++;
      } else if (c === ')' || c === '}' || c === ']') {
        if (stack.length === 0 && closer === c) {
          at++;
          return;
        }
        if (stack.pop() !== c) fail(`an unexpected ${c}`);
        at++;
      } else at++;
    }
    if (stack.length) fail(`${stack.length} bracket(s) left open, the last wants ${stack[stack.length - 1]}`);
    if (closer) fail(`a $( subexpression left open`);
  };
  code(null);
}

/** Every file a kit holds, by its path in `.output/rollout/`, sorted. */
export const KIT_FILES = [
  'README.md',
  'firefox/policies.json',
  'linux/immybot-technician-tools.json',
  'macos/immybot-technician-tools-chrome.mobileconfig',
  'macos/immybot-technician-tools-edge.mobileconfig',
  'windows/Install-TechnicianTools.ps1',
  'windows/PolicyDefinitions/en-US/immybot-technician-tools-chrome.adml',
  'windows/PolicyDefinitions/en-US/immybot-technician-tools-edge.adml',
  'windows/PolicyDefinitions/immybot-technician-tools-chrome.admx',
  'windows/PolicyDefinitions/immybot-technician-tools-edge.admx',
  'windows/immybot-technician-tools.reg',
].sort();
