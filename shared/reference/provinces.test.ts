import { describe, expect, it } from 'vitest';
import { issuerLabel, provinceLabel } from './labels';
import { provinceByCode, provinceFor, provinceForName, provinces } from './provinces';
import { groupForLegacyName, productGroups } from './taxonomy';

describe('provinces (2025 structure)', () => {
  it('has the 34 units: 28 provinces and 6 cities', () => {
    expect(provinces).toHaveLength(34);
    expect(provinces.filter((p) => p.type === 'city')).toHaveLength(6);
  });

  it('maps legacy names to today\'s province, accent- and tone-placement-insensitively', () => {
    expect(provinceForName('Trà Vinh')?.code).toBe('86');
    expect(provinceForName('tra vinh')?.name).toBe('Vĩnh Long');
    expect(provinceForName('Hoà Bình')?.code).toBe('25');
    expect(provinceForName('Thừa Thiên Huế')?.code).toBe('46');
    expect(provinceForName('TP.HCM')?.code).toBe('79');
    expect(provinceForName('Tỉnh Kiên Giang')?.code).toBe('91');
  });

  it('never guesses a bare code: the scheme decides (old 80 Long An → 80 Tây Ninh, old 82 Tiền Giang → 82 Đồng Tháp)', () => {
    expect(provinceFor('80', '2025')?.name).toBe('Tây Ninh');
    expect(provinceFor('72', '2004')?.name).toBe('Tây Ninh');
    expect(provinceFor('84', '2004')?.name).toBe('Vĩnh Long');
    expect(provinceFor('01', '2004')?.name).toBe('Hà Nội');
  });

  it('labels provinces and merged issuers', () => {
    expect(provinceLabel(provinceByCode('86')!)).toBe('tỉnh Vĩnh Long');
    expect(provinceLabel(provinceByCode('01')!)).toBe('thành phố Hà Nội');
    expect(provinceLabel(provinceByCode('79')!)).toBe('TP. Hồ Chí Minh');
    expect(issuerLabel('UBND tỉnh Trà Vinh', 'Trà Vinh')).toBe('UBND tỉnh Trà Vinh (nay thuộc tỉnh Vĩnh Long)');
    expect(issuerLabel('UBND tỉnh Nghệ An', 'Nghệ An')).toBe('UBND tỉnh Nghệ An');
    expect(issuerLabel('Bộ Nông nghiệp và Môi trường')).toBe('Bộ Nông nghiệp và Môi trường');
  });
});

describe('product taxonomy (reference data)', () => {
  it('has the six OCOP groups, group 6 being a service', () => {
    expect(productGroups.map((g) => g.number)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(productGroups.filter((g) => g.isService).map((g) => g.code)).toEqual(['tourism']);
  });

  it('maps legacy (490/2018) group names instead of rejecting them', () => {
    expect(groupForLegacyName('Vải và may mặc')?.code).toBe('handicraft');
  });
});
