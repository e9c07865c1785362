/** Characters XML 1.0 cannot hold at all, even escaped. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly the characters being refused.
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;

/** Text for an XML element or a quoted attribute. */
export function escapeXml(text: string): string {
  if (NOT_XML.test(text)) throw new Error(`Cannot put a control character into XML: ${JSON.stringify(text)}`);
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Windows files (.reg, .ps1, .admx, .adml) end their lines with CR LF. */
export const crlf = (text: string) => text.replace(/\r?\n/g, '\r\n');

/** A one-line comment: no line breaks, whatever the schema's description holds. */
export const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();
