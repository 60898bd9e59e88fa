import QRCode from 'qrcode';

/** Medium error correction survives a scuffed label; the quiet zone is what scanners need to lock on. */
const options = { errorCorrectionLevel: 'M' as const, margin: 4 };

export function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { ...options, type: 'svg' });
}

/** 1024 px: sharp enough to print a few centimetres wide on packaging. */
export function qrPng(text: string): Promise<Buffer> {
  return QRCode.toBuffer(text, { ...options, type: 'png', width: 1024 });
}
