/** Days before expiry a producer is told (ocop.md §14.6), largest first. */
export const NOTICE_DAYS = [90, 30, 7] as const;
export type NoticeKind = 'd90' | 'd30' | 'd7' | 'expired';

const DAY_MS = 24 * 3600 * 1000;

/**
 * The one notice due for a certificate at `now`: the tightest threshold already reached. A job that
 * missed a day still sends the right notice (not every skipped one), and "expired" wins once the
 * validity instant has passed. Undefined while more than 90 days remain.
 */
export function dueNotice(expiresAt: string, now: Date): NoticeKind | undefined {
  const left = Date.parse(expiresAt) - now.getTime();
  if (left <= 0) return 'expired';
  for (const days of [...NOTICE_DAYS].reverse()) {
    if (left <= days * DAY_MS) return `d${days}` as NoticeKind;
  }
  return undefined;
}

export const noticeMessages: Record<NoticeKind, (no: string, expiresOn: string) => string> = {
  d90: (no, on) => `Chứng nhận OCOP ${no} hết hạn ngày ${on} (còn khoảng 90 ngày). Hãy đăng ký đánh giá, phân hạng lại.`,
  d30: (no, on) => `Chứng nhận OCOP ${no} hết hạn ngày ${on} (còn khoảng 30 ngày).`,
  d7: (no, on) => `Chứng nhận OCOP ${no} hết hạn ngày ${on} (còn 7 ngày). Sau ngày này sản phẩm sẽ tự ẩn khỏi chợ.`,
  expired: (no, on) => `Chứng nhận OCOP ${no} đã hết hạn ngày ${on}. Sản phẩm đã được ẩn cho đến khi được công nhận lại.`,
};
