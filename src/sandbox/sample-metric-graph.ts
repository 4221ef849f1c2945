import { createCanvas, drawLine, encodePng, type Rgb, type RgbCanvas, setPixel } from './png-image.ts';

// The sandbox's answer to GetMetricWidgetImage: a picture shaped like CloudWatch's (a metric line, the
// alarm's threshold as a horizontal annotation) with SAMPLE written across it, so that no one reads it as
// their own metric. Drawn once, in code, instead of a binary file in the repository.

const width = 600;
const height = 250;
const plot = { left: 40, right: 585, top: 40, bottom: 225 };
const colours = {
  background: [255, 255, 255],
  grid: [232, 232, 232],
  axis: [150, 150, 150],
  metric: [31, 119, 180],
  threshold: [214, 39, 40],
  label: [170, 170, 170],
} as const satisfies Record<string, Rgb>;

/** 5×7 glyphs, one row a string, for the one word the picture says. */
const glyphs: Record<string, string[]> = {
  S: ['01111', '10000', '10000', '01110', '00001', '00001', '11110'],
  A: ['01110', '10001', '10001', '11111', '10001', '10001', '10001'],
  M: ['10001', '11011', '10101', '10101', '10001', '10001', '10001'],
  P: ['11110', '10001', '10001', '11110', '10000', '10000', '10000'],
  L: ['10000', '10000', '10000', '10000', '10000', '10000', '11111'],
  E: ['11111', '10000', '10000', '11110', '10000', '10000', '11111'],
};

/** 36 points (3 hours at 5 minutes), quiet at first, then climbing past the threshold as the alarm fires. */
export function sampleSeries(): number[] {
  return Array.from({ length: 36 }, (_, i) => {
    const wave = 8 * Math.sin(i / 2.3) + 4 * Math.sin(i / 0.9);
    return i < 28 ? 35 + wave : 35 + (i - 27) * 8 + wave / 2;
  });
}

export const sampleThreshold = 80;

export function drawSampleMetricGraph(): Uint8Array {
  const canvas = createCanvas(width, height, colours.background);
  const maxValue = 100;
  const yOf = (value: number) => plot.bottom - ((plot.bottom - plot.top) * value) / maxValue;
  for (let value = 0; value <= maxValue; value += 20) {
    const y = yOf(value);
    drawLine(canvas, { x: plot.left, y }, { x: plot.right, y }, value === 0 ? colours.axis : colours.grid);
  }
  drawLine(canvas, { x: plot.left, y: plot.top }, { x: plot.left, y: plot.bottom }, colours.axis);
  drawDashed(canvas, yOf(sampleThreshold));
  const series = sampleSeries();
  const step = (plot.right - plot.left) / (series.length - 1);
  series.slice(1).forEach((value, i) => {
    const from = { x: plot.left + i * step, y: yOf(series[i] ?? 0) };
    drawLine(
      canvas,
      from,
      { x: plot.left + (i + 1) * step, y: yOf(Math.min(value, maxValue)) },
      colours.metric,
      2,
    );
  });
  drawWord(canvas, 'SAMPLE', { x: plot.left + 8, y: 8, scale: 4 });
  return encodePng(canvas);
}

function drawDashed(canvas: RgbCanvas, y: number): void {
  for (let x = plot.left; x < plot.right; x += 12)
    drawLine(canvas, { x, y }, { x: Math.min(x + 7, plot.right), y }, colours.threshold, 2);
}

function drawWord(canvas: RgbCanvas, word: string, at: { x: number; y: number; scale: number }): void {
  [...word].forEach((letter, index) => {
    (glyphs[letter] ?? []).forEach((row, gy) => {
      [...row].forEach((bit, gx) => {
        if (bit !== '1') return;
        for (let dx = 0; dx < at.scale; dx++)
          for (let dy = 0; dy < at.scale; dy++) {
            const x = at.x + (index * 6 + gx) * at.scale + dx;
            setPixel(canvas, x, at.y + gy * at.scale + dy, colours.label);
          }
      });
    });
  });
}
