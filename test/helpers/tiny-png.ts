import { createCanvas, encodePng } from '../../src/sandbox/png-image.ts';

/** A real PNG (signature, IHDR, zlib IDAT, IEND): a `width`×`height` grey image, as GetMetricWidgetImage sends. */
export function createTinyPng(width = 4, height = 3): Uint8Array {
  return encodePng(createCanvas(width, height, [0x80, 0x80, 0x80]));
}
