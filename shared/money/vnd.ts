/** VND has no minor unit (ISO 4217 exponent 0): amounts are integer đồng everywhere. */
const vndFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });

/** "150.000 ₫" — dot thousands separator, non-breaking space before the sign. */
export function formatVnd(amount: number): string {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`VND amount must be an integer, got ${amount}`);
  return `${vndFormat.format(amount)}\u00a0₫`;
}
