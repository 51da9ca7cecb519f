/**
 * Thumbnail benchmark: the processing job's default thumbnail (makeThumbnail 512 px JPEG, with its
 * header probe and limits) against a bare sharp resize of the same 12 MP JPEG, in the same run.
 * Prints median times and their ratio; asserts nothing.
 *
 *   node --import tsx scripts/bench/thumbnails.ts [runs]
 */
import { pathToFileURL } from 'node:url';
import sharp from 'sharp';
import { makeThumbnail } from '../../shared/media/thumbnail.js';

const WIDTH = 4000;
const HEIGHT = 3000;
const WARM_UP_RUNS = 2;

/** A photo-like 4000x3000 JPEG: smooth gradients plus mild noise, about the size a phone writes. */
async function twelveMegapixelJpeg(): Promise<Buffer> {
  const pixels = Buffer.alloc(WIDTH * HEIGHT * 3);
  let seed = 1;
  for (let y = 0; y < HEIGHT; y++) {
    for (let x = 0; x < WIDTH; x++) {
      seed = (seed * 1103515245 + 12345) >>> 0;
      const noise = (seed >>> 27) - 16;
      const offset = (y * WIDTH + x) * 3;
      pixels[offset] = clamp((x * 255) / WIDTH + noise);
      pixels[offset + 1] = clamp((y * 255) / HEIGHT + noise);
      pixels[offset + 2] = clamp(128 + 100 * Math.sin(x / 150) * Math.cos(y / 110) + noise);
    }
  }
  return sharp(pixels, { raw: { width: WIDTH, height: HEIGHT, channels: 3 } })
    .jpeg({ quality: 90 })
    .toBuffer();
}

function clamp(value: number): number {
  return Math.max(0, Math.min(255, Math.round(value)));
}

async function timed(work: () => Promise<Buffer>): Promise<{ ms: number; bytes: number }> {
  const start = performance.now();
  const output = await work();
  return { ms: performance.now() - start, bytes: output.length };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export async function benchThumbnails(runs = 10): Promise<void> {
  const input = await twelveMegapixelJpeg();
  const pipeline = async () => (await makeThumbnail(input, { size: 512, format: 'jpeg' })).data;
  const baseline = () => sharp(input).resize(512, 512, { fit: 'inside' }).jpeg().toBuffer();

  for (let i = 0; i < WARM_UP_RUNS; i++) {
    await pipeline();
    await baseline();
  }
  const pipelineRuns: { ms: number; bytes: number }[] = [];
  const baselineRuns: { ms: number; bytes: number }[] = [];
  // Interleaved so drift in machine load hits both sides alike.
  for (let i = 0; i < runs; i++) {
    pipelineRuns.push(await timed(pipeline));
    baselineRuns.push(await timed(baseline));
  }

  const pipelineMs = median(pipelineRuns.map((r) => r.ms));
  const baselineMs = median(baselineRuns.map((r) => r.ms));
  const lines = [
    `thumbnails: ${WIDTH}x${HEIGHT} JPEG input (${(input.length / 1024 / 1024).toFixed(1)} MiB), 512 px JPEG output, median of ${runs} runs after ${WARM_UP_RUNS} warm-up`,
    `  makeThumbnail (probe + limits + rotate + resize + flatten + jpeg): ${pipelineMs.toFixed(1)} ms, ${pipelineRuns[0].bytes} bytes`,
    `  bare sharp resize + jpeg (baseline):                              ${baselineMs.toFixed(1)} ms, ${baselineRuns[0].bytes} bytes`,
    `  ratio makeThumbnail / baseline: ${(pipelineMs / baselineMs).toFixed(2)}`,
  ];
  process.stdout.write(lines.join('\n') + '\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const runs = Number(process.argv[2] ?? 10);
  await benchThumbnails(Number.isInteger(runs) && runs > 0 ? runs : 10);
}
