import { AppError, InvalidInput } from '../http/errors';

/** Every refusal names a stable code, so the upload form can say what to fix in Vietnamese. */
export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;
/** 40 MP is above any phone camera; a larger header is a decompression bomb, not a photo. */
export const MAX_IMAGE_PIXELS = 40_000_000;

export class ImageTooLarge extends AppError {
  constructor(bytes: number) {
    super(413, 'IMAGE_TOO_LARGE', `Ảnh lớn hơn ${MAX_IMAGE_BYTES / 1024 / 1024} MB`, { bytes, limitBytes: MAX_IMAGE_BYTES });
  }
}

export const notAnImage = (detail?: string) =>
  new InvalidInput('Tệp không phải là ảnh JPEG, PNG, WebP hoặc AVIF', 'IMAGE_NOT_AN_IMAGE', detail ? { detail } : undefined);

export const unsupportedImage = (format: string) =>
  new InvalidInput(`Định dạng ảnh ${format} chưa được hỗ trợ: hãy lưu ảnh dưới dạng JPEG`, 'IMAGE_UNSUPPORTED_TYPE', { format });

export const tooManyPixels = (width: number, height: number) =>
  new InvalidInput('Ảnh có quá nhiều điểm ảnh', 'IMAGE_TOO_MANY_PIXELS', { width, height, limitPixels: MAX_IMAGE_PIXELS });

export const corruptImage = () => new InvalidInput('Không đọc được ảnh: tệp bị hỏng hoặc không đầy đủ', 'IMAGE_CORRUPT');

/** Our storage failed, not the caller's file: retryable, and distinct from a 500 bug. */
export class MediaStoreUnavailable extends AppError {
  constructor() {
    super(503, 'MEDIA_STORE_UNAVAILABLE', 'Chưa lưu được ảnh, vui lòng thử lại');
  }
}
