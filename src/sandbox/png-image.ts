import { deflateSync } from 'node:zlib';

/** An RGB picture to draw on, top-left origin, 3 bytes a pixel. */
export interface RgbCanvas {
  width: number;
  height: number;
  pixels: Uint8Array;
}

export type Rgb = readonly [number, number, number];

export function createCanvas(width: number, height: number, background: Rgb): RgbCanvas {
  const pixels = new Uint8Array(width * height * 3);
  for (let at = 0; at < pixels.length; at += 3) pixels.set(background, at);
  return { width, height, pixels };
}

export function setPixel(canvas: RgbCanvas, x: number, y: number, colour: Rgb): void {
  const px = Math.round(x);
  const py = Math.round(y);
  if (px < 0 || py < 0 || px >= canvas.width || py >= canvas.height) return;
  canvas.pixels.set(colour, (py * canvas.width + px) * 3);
}

/** A line `thickness` pixels wide, drawn as squares along its length (enough for a chart). */
export function drawLine(
  canvas: RgbCanvas,
  from: { x: number; y: number },
  to: { x: number; y: number },
  colour: Rgb,
  thickness = 1,
): void {
  const steps = Math.max(1, Math.ceil(Math.hypot(to.x - from.x, to.y - from.y)));
  const half = Math.floor(thickness / 2);
  for (let step = 0; step <= steps; step++) {
    const x = from.x + ((to.x - from.x) * step) / steps;
    const y = from.y + ((to.y - from.y) * step) / steps;
    for (let dx = -half; dx < thickness - half; dx++)
      for (let dy = -half; dy < thickness - half; dy++) setPixel(canvas, x + dx, y + dy, colour);
  }
}

/**
 * The canvas as a PNG file (8-bit RGB, no interlace, every row unfiltered): the signature, IHDR, one zlib
 * IDAT and IEND, each chunk with its CRC-32, as the PNG specification lays them out.
 */
export function encodePng(canvas: RgbCanvas): Uint8Array {
  const rowBytes = canvas.width * 3;
  const raw = Buffer.alloc((rowBytes + 1) * canvas.height);
  for (let y = 0; y < canvas.height; y++) {
    raw[y * (rowBytes + 1)] = 0;
    raw.set(canvas.pixels.subarray(y * rowBytes, (y + 1) * rowBytes), y * (rowBytes + 1) + 1);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(canvas.width, 0);
  header.writeUInt32BE(canvas.height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return new Uint8Array(
    Buffer.concat([
      signature,
      chunk('IHDR', header),
      chunk('IDAT', deflateSync(raw, { level: 9 })),
      chunk('IEND', Buffer.alloc(0)),
    ]),
  );
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length, 0);
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed), 0);
  return Buffer.concat([length, typed, crc]);
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** CRC-32 (ISO 3309) as PNG uses it; node:zlib has crc32 only from Node 20.15/22.2. */
function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (crcTable[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
