import { formatVnd } from '../money/vnd';

/** Price bands in integer đồng; `max` is exclusive. */
export const priceBands = [
  { code: 'duoi-100k', min: 0, max: 100_000 },
  { code: '100k-200k', min: 100_000, max: 200_000 },
  { code: '200k-500k', min: 200_000, max: 500_000 },
  { code: '500k-1tr', min: 500_000, max: 1_000_000 },
  { code: 'tu-1tr', min: 1_000_000, max: Number.POSITIVE_INFINITY },
] as const;
export type PriceBandCode = (typeof priceBands)[number]['code'];
export const priceBandCodes = priceBands.map((b) => b.code) as [PriceBandCode, ...PriceBandCode[]];

export function priceBandOf(priceVnd: number): PriceBandCode {
  return (priceBands.find((b) => priceVnd >= b.min && priceVnd < b.max) ?? priceBands[priceBands.length - 1]!).code;
}

export function priceBandLabel(code: PriceBandCode): string {
  const band = priceBands.find((b) => b.code === code)!;
  if (band.min === 0) return `Dưới ${formatVnd(band.max)}`;
  if (!Number.isFinite(band.max)) return `Từ ${formatVnd(band.min)}`;
  return `${formatVnd(band.min)} – ${formatVnd(band.max)}`;
}
