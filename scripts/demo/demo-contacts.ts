import { slugify } from '../../shared/text/fold';
import type { DemoProducerSpec } from './demo-spec';
import { stableInt } from './ids';

/** Tax-office prefixes of the pre-2025 provinces the demo uses (the first digits of a tax code). */
const TAX_PREFIX: Record<string, string> = {
  'Hà Nội': '01', 'Hải Phòng': '02', 'Đà Nẵng': '04', 'Hưng Yên': '09', 'Thái Bình': '10', 'Bến Tre': '13',
  'Đồng Tháp': '14', 'Kiên Giang': '17', 'Cần Thơ': '18', 'Cà Mau': '20', 'Trà Vinh': '21', 'Sóc Trăng': '22',
  'Bắc Giang': '24', 'Ninh Bình': '27', 'Thanh Hóa': '28', 'Huế': '33', 'Quảng Nam': '40', 'Khánh Hòa': '42',
  'Ninh Thuận': '45', 'Thái Nguyên': '46', 'Hà Giang': '51', 'Yên Bái': '52', 'Lào Cai': '53', 'Sơn La': '55',
  'Quảng Ninh': '57', 'Lâm Đồng': '58', 'Đắk Lắk': '60', 'Bình Định': '41', 'Hải Dương': '08',
};

/** Vietnamese mobile prefixes (after +84): the schema takes 9-digit national numbers only. */
const MOBILE_PREFIXES = ['90', '91', '93', '94', '96', '97', '98', '86', '88', '89', '32', '33', '34', '35', '36', '37', '38', '39', '70', '76', '77', '78', '79', '81', '82', '83', '84', '85'];

function digits(salt: string, count: number): string {
  let out = '';
  for (let i = 0; out.length < count; i++) out += String(stableInt(`${salt}#${i}`, 0, 9999)).padStart(4, '0');
  return out.slice(0, count);
}

/** A made-up 10-digit tax code that starts like one issued where the subject registered. */
export function demoTaxCode(producer: DemoProducerSpec): string {
  const prefix = TAX_PREFIX[producer.legacyProvince] ?? '03';
  return prefix + digits(`${producer.name}#mst`, 10 - prefix.length);
}

/** A made-up mobile number in E.164. */
export function demoPhone(producer: DemoProducerSpec): string {
  const prefix = MOBILE_PREFIXES[stableInt(`${producer.name}#tel`, 0, MOBILE_PREFIXES.length - 1)] as string;
  return `+84${prefix}${digits(`${producer.name}#sdt`, 7)}`;
}

/**
 * Companies and co-ops get an address at example.com (reserved for examples, so no real inbox is
 * ever written to); households usually trade by phone and Zalo and get none.
 */
export function demoEmail(producer: DemoProducerSpec): string | undefined {
  if (producer.legalForm === 'household_business') return undefined;
  const words = slugify(producer.name)
    .split('-')
    .filter((w) => !['htx', 'cong', 'ty', 'tnhh', 'co', 'phan', 'to', 'hop', 'tac'].includes(w));
  return `${words.slice(0, 3).join('.')}@example.com`;
}
