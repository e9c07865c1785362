import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';

/**
 * The files in a zip, by path, read from its central directory (no `unzip` binary needed). Handles what WXT's zips
 * hold: stored or deflated entries, no encryption, no zip64. Folder entries (paths ending in "/") are left out.
 */
export function readZip(path: string): Map<string, Buffer> {
  const zip = readFileSync(path);
  // The end-of-central-directory record: 22 bytes plus a comment of up to 65535, at the very end.
  let end = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error(`${path} is not a zip (no end of central directory)`);
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const files = new Map<string, Buffer>();
  for (let n = 0; n < count; n++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`${path}: bad central directory entry ${n}`);
    const flags = zip.readUInt16LE(at + 8);
    const method = zip.readUInt16LE(at + 10);
    const compressedSize = zip.readUInt32LE(at + 20);
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const localHeader = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extraLength + commentLength;
    if (name.endsWith('/')) continue;
    if (flags & 1) throw new Error(`${path}: ${name} is encrypted`);
    if (zip.readUInt32LE(localHeader) !== 0x04034b50) throw new Error(`${path}: bad local header for ${name}`);
    const dataStart = localHeader + 30 + zip.readUInt16LE(localHeader + 26) + zip.readUInt16LE(localHeader + 28);
    const data = zip.subarray(dataStart, dataStart + compressedSize);
    const content = method === 0 ? Buffer.from(data) : method === 8 ? inflateRawSync(data) : null;
    if (!content) throw new Error(`${path}: ${name} uses compression method ${method}`);
    if (content.length !== size)
      throw new Error(`${path}: ${name} is ${content.length} bytes, the directory says ${size}`);
    if (files.has(name)) throw new Error(`${path}: ${name} is in the zip twice`);
    files.set(name, content);
  }
  return files;
}
