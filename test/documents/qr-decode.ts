// Reads a QR code as a phone would, for the tests of every QR the service prints.
import jsqr from 'jsqr';

type Decode = (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null;
// jsqr is a CommonJS bundle: its function is the module itself or its default, depending on the loader.
const jsQR = ((jsqr as unknown as { default?: unknown }).default ?? jsqr) as Decode;

/** Decodes RGBA pixels (a Chromium screenshot read with pngjs, or pixels drawn from an SVG). */
export function decodePixels(data: Uint8ClampedArray, width: number, height: number): string | null {
  return jsQR(data, width, height)?.data ?? null;
}

/** Decodes the SVG qrSvg draws (one unit square per dark module): drawn to pixels, then read. */
export function decodeSvg(svg: string): string | null {
  const size = Number(/viewBox="0 0 (\d+) \1"/.exec(svg)?.[1]);
  if (!(size > 20)) throw new Error(`不是 qrSvg 画出的二维码：${svg.slice(0, 80)}`);
  const scale = 6;
  const px = size * scale;
  const data = new Uint8ClampedArray(px * px * 4).fill(255);
  for (const m of svg.matchAll(/M(\d+) (\d+)h1v1h-1z/g)) {
    const [x, y] = [Number(m[1]), Number(m[2])];
    for (let dy = 0; dy < scale; dy++) {
      for (let dx = 0; dx < scale; dx++) {
        const i = ((y * scale + dy) * px + x * scale + dx) * 4;
        data[i] = data[i + 1] = data[i + 2] = 0;
      }
    }
  }
  return decodePixels(data, px, px);
}
