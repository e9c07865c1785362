// Draws the extension icon (public/icon/*.png) from code so it can be regenerated without image tools.
import { writeFileSync, mkdirSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function png(size: number, pixel: (x: number, y: number) => [number, number, number, number]): Buffer {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) raw.set(pixel(x, y), y * (size * 4 + 1) + 1 + x * 4);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const signature = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
  return Buffer.concat([
    signature,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// Coverage of a unit-square shape at (u, v), 4x4 supersampled for smooth edges.
function coverage(size: number, x: number, y: number, inside: (u: number, v: number) => boolean): number {
  let hits = 0;
  for (let i = 0; i < 4; i++)
    for (let j = 0; j < 4; j++) if (inside((x + (i + 0.5) / 4) / size, (y + (j + 0.5) / 4) / size)) hits++;
  return hits / 16;
}

const roundedSquare = (u: number, v: number) => {
  const r = 0.2;
  const dx = Math.max(0, Math.abs(u - 0.5) - (0.5 - r));
  const dy = Math.max(0, Math.abs(v - 0.5) - (0.5 - r));
  return dx * dx + dy * dy <= r * r;
};
// A pane docked beside a page: the product in one picture.
const mark = (u: number, v: number) =>
  (u > 0.2 && u < 0.46 && v > 0.24 && v < 0.76) ||
  (u > 0.54 && u < 0.8 && v > 0.24 && v < 0.76 && !(u > 0.6 && u < 0.74 && v > 0.36 && v < 0.7));

mkdirSync('public/icon', { recursive: true });
for (const size of [16, 32, 48, 128]) {
  const image = png(size, (x, y) => {
    const bg = coverage(size, x, y, roundedSquare);
    const fg = coverage(size, x, y, (u, v) => roundedSquare(u, v) && mark(u, v));
    const blend = (a: number, b: number) =>
      Math.round(a * (1 - fg / Math.max(bg, 1e-9)) + b * (fg / Math.max(bg, 1e-9)));
    return [blend(31, 255), blend(111, 255), blend(235, 255), Math.round(bg * 255)];
  });
  writeFileSync(`public/icon/${size}.png`, image);
}
