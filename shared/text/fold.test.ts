import { describe, expect, it } from 'vitest';
import { foldVietnamese, slugify } from './fold';

describe('Vietnamese folding', () => {
  it('strips tone and vowel marks and maps đ to d', () => {
    expect(foldVietnamese('Nước mắm Phú Quốc')).toBe('nuoc mam phu quoc');
    expect(foldVietnamese('Đắk Lắk')).toBe('dak lak');
  });

  it('treats old and new tone placement alike (Hòa / Hoà) and NFC or NFD input alike', () => {
    expect(foldVietnamese('Thanh Hóa')).toBe(foldVietnamese('Thanh Hoá'));
    expect(foldVietnamese('Trà Vinh'.normalize('NFD'))).toBe('tra vinh');
  });

  it('makes URL slugs', () => {
    expect(slugify('Chè Shan tuyết Hà Giang – 100 g!')).toBe('che-shan-tuyet-ha-giang-100-g');
  });
});
