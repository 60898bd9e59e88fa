/**
 * Where a point of sale can be: Vietnam's land and sea, islands included, as a few boxes that follow
 * the land border in steps (a single box would take in Vientiane, Phnom Penh and half of Laos).
 * Coarse on purpose — it catches swapped lat/lng, a missing minus sign, a point typed in the wrong
 * country — not a cadastral check.
 */
export interface Box {
  readonly name: string;
  readonly south: number;
  readonly north: number;
  readonly west: number;
  readonly east: number;
}

export const vietnamBoxes: readonly Box[] = [
  { name: 'Bắc Bộ', south: 20.5, north: 23.4, west: 102.1, east: 108.1 },
  { name: 'Bắc Trung Bộ (và Bạch Long Vĩ)', south: 17.0, north: 20.5, west: 103.8, east: 107.8 },
  { name: 'Trung Bộ (và Lý Sơn)', south: 13.5, north: 17.0, west: 106.0, east: 109.5 },
  { name: 'Tây Nguyên, Đông Nam Bộ (và Phú Quý)', south: 10.3, north: 13.5, west: 105.8, east: 109.5 },
  { name: 'Đồng bằng sông Cửu Long (và Côn Đảo)', south: 8.3, north: 10.95, west: 104.4, east: 107.2 },
  { name: 'Phú Quốc, Thổ Chu', south: 9.2, north: 10.5, west: 103.4, east: 104.2 },
  { name: 'Hoàng Sa', south: 15.7, north: 17.2, west: 111.0, east: 113.0 },
  { name: 'Trường Sa', south: 6.0, north: 12.0, west: 111.5, east: 117.5 },
];

export function insideVietnam(lat: number, lng: number): boolean {
  return vietnamBoxes.some((b) => lat >= b.south && lat <= b.north && lng >= b.west && lng <= b.east);
}
