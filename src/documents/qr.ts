/**
 * QR codes for the printed guides, the window posters and the kiosk: an SVG drawn from the
 * `qrcode` package's module matrix (no canvas, no network), so a document stays self-contained.
 * Templates take it as a data URI in an <img>, which Handlebars escapes like any other text.
 */
import QRCode from 'qrcode';

export interface QrOptions {
  /** Quiet zone in modules (the standard asks for 4). */
  readonly margin?: number;
}

/** The QR code of `text` as an SVG document, one unit per module, black on white. */
export function qrSvg(text: string, options: QrOptions = {}): string {
  const margin = options.margin ?? 4;
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const size = qr.modules.size;
  const data = qr.modules.data;
  let path = '';
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      if (data[y * size + x]) path += `M${x + margin} ${y + margin}h1v1h-1z`;
    }
  }
  const full = size + margin * 2;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${full} ${full}" shape-rendering="crispEdges"><rect width="${full}" height="${full}" fill="#fff"/><path d="${path}" fill="#000"/></svg>`;
}

/** The same QR code as a data: URI for an <img src>. */
export function qrDataUri(text: string, options: QrOptions = {}): string {
  return `data:image/svg+xml;base64,${Buffer.from(qrSvg(text, options)).toString('base64')}`;
}
