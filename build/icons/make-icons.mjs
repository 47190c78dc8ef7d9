// Draws the app icon (a dark rounded square with a light "L" and a lathe chuck) and writes the
// PNGs electron-builder packages: icon.png for macOS and Windows (it derives .icns and .ico from
// it) and the NxN.png set for Linux. Run once after changing the drawing: node build/icons/make-icons.mjs
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));

/** Every shape is laid out on a 512-unit canvas and scaled to the output size. */
const canvas = 512;
const background = { top: [45, 47, 52], bottom: [24, 25, 28] };
const glyph = [232, 232, 232];
const accent = [79, 193, 255];

function insideRoundedSquare(x, y) {
  const [min, max, radius] = [32, 480, 96];
  if (x < min || x > max || y < min || y > max) return false;
  const cx = Math.min(Math.max(x, min + radius), max - radius);
  const cy = Math.min(Math.max(y, min + radius), max - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

function insideL(x, y) {
  const stem = x >= 150 && x <= 218 && y >= 112 && y <= 400;
  const foot = x >= 150 && x <= 376 && y >= 332 && y <= 400;
  return stem || foot;
}

/** The chuck: a ring with three jaws pointing at its centre. */
function insideChuck(x, y) {
  const [cx, cy] = [330, 190];
  const distance = Math.hypot(x - cx, y - cy);
  if (distance >= 40 && distance <= 64) return true;
  if (distance > 40 || distance < 22) return false;
  const angle = Math.atan2(y - cy, x - cx);
  return [-Math.PI / 2, Math.PI / 6, (5 * Math.PI) / 6].some((jaw) => Math.abs(Math.atan2(Math.sin(angle - jaw), Math.cos(angle - jaw))) < 0.13);
}

function sample(x, y) {
  if (!insideRoundedSquare(x, y)) return [0, 0, 0, 0];
  if (insideL(x, y)) return [...glyph, 1];
  if (insideChuck(x, y)) return [...accent, 1];
  const t = (y - 32) / 448;
  return [...background.top.map((top, channel) => top + (background.bottom[channel] - top) * t), 1];
}

/** RGBA pixels, 4×4 supersampled so the edges are smooth at every size. */
function render(size) {
  const pixels = Buffer.alloc(size * size * 4);
  const grid = 4;
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      let [r, g, b, a] = [0, 0, 0, 0];
      for (let sy = 0; sy < grid; sy += 1) {
        for (let sx = 0; sx < grid; sx += 1) {
          const x = ((px + (sx + 0.5) / grid) * canvas) / size;
          const y = ((py + (sy + 0.5) / grid) * canvas) / size;
          const [sr, sg, sb, sa] = sample(x, y);
          r += sr * sa;
          g += sg * sa;
          b += sb * sa;
          a += sa;
        }
      }
      const offset = (py * size + px) * 4;
      pixels[offset] = a ? Math.round(r / a) : 0;
      pixels[offset + 1] = a ? Math.round(g / a) : 0;
      pixels[offset + 2] = a ? Math.round(b / a) : 0;
      pixels[offset + 3] = Math.round((a / (grid * grid)) * 255);
    }
  }
  return pixels;
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function encodePng(size, pixels) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y += 1) pixels.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const large = encodePng(512, render(512));
writeFileSync(join(here, 'icon.png'), large);
writeFileSync(join(here, '512x512.png'), large);
writeFileSync(join(here, '256x256.png'), encodePng(256, render(256)));
console.log('wrote icon.png, 512x512.png and 256x256.png');
