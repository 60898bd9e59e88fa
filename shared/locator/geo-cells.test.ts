import { describe, expect, it } from 'vitest';
import { cellsToSearch, haversineKm } from './geo-cells';

describe('haversineKm', () => {
  it('measures Hà Nội – TP. Hồ Chí Minh at about 1,140 km and a point to itself at 0', () => {
    expect(haversineKm(21.0285, 105.8542, 10.7769, 106.7009)).toBeGreaterThan(1130);
    expect(haversineKm(21.0285, 105.8542, 10.7769, 106.7009)).toBeLessThan(1150);
    expect(haversineKm(16.05, 108.2, 16.05, 108.2)).toBe(0);
  });
});

describe('cellsToSearch', () => {
  it('reads at most 9 cells, finer cells for smaller circles', () => {
    const small = cellsToSearch(21.03, 105.85, 2);
    const city = cellsToSearch(21.03, 105.85, 15);
    const region = cellsToSearch(21.03, 105.85, 120);
    const country = cellsToSearch(21.03, 105.85, 500);
    expect([small.precision, city.precision, region.precision, country.precision]).toEqual([5, 4, 3, 2]);
    for (const s of [small, city, region, country]) expect(s.cells.length).toBeLessThanOrEqual(9);
  });
});
