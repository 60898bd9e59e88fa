import { describe, expect, it } from 'vitest';
import { insideVietnam } from './vietnam-bounds';

describe('insideVietnam', () => {
  it.each([
    ['Hà Nội', 21.028, 105.854],
    ['TP. Hồ Chí Minh', 10.776, 106.701],
    ['Đà Nẵng', 16.054, 108.202],
    ['Hà Giang', 22.823, 104.984],
    ['Móng Cái', 21.524, 107.966],
    ['Điện Biên Phủ', 21.386, 103.023],
    ['Mường Lát (Thanh Hóa)', 20.525, 104.6],
    ['Kỳ Sơn (Nghệ An)', 19.4, 104.15],
    ['Khe Sanh', 16.63, 106.73],
    ['Đà Lạt', 11.94, 108.44],
    ['Tây Ninh', 11.31, 106.1],
    ['Hà Tiên', 10.38, 104.48],
    ['Mũi Cà Mau', 8.6, 104.72],
    ['Phú Quốc', 10.227, 103.964],
    ['Côn Đảo', 8.683, 106.607],
    ['Lý Sơn', 15.38, 109.12],
    ['Bạch Long Vĩ', 20.13, 107.73],
    ['Hoàng Sa (đảo Phú Lâm)', 16.834, 112.338],
    ['Trường Sa', 8.644, 111.92],
  ])('takes %s', (_name, lat, lng) => {
    expect(insideVietnam(lat, lng)).toBe(true);
  });

  it.each([
    ['Bangkok', 13.756, 100.502],
    ['Vientiane', 17.975, 102.633],
    ['Luang Prabang', 19.889, 102.135],
    ['Savannakhet', 16.55, 104.75],
    ['Phnom Penh', 11.556, 104.928],
    ['Kampot', 10.61, 104.18],
    ['Guangzhou', 23.129, 113.264],
    ['Nanning', 22.817, 108.366],
    ['Manila', 14.6, 120.98],
    ['Singapore', 1.352, 103.82],
    ['lat/lng swapped (Hà Nội)', 105.854, 21.028],
    ['the equator', 0, 0],
  ])('refuses %s', (_name, lat, lng) => {
    expect(insideVietnam(lat, lng)).toBe(false);
  });
});
