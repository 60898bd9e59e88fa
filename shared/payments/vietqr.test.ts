import pkg from 'vietnam-qr-pay';
import { describe, expect, it } from 'vitest';
import { BankAccountSchema, bankAccountHolderName, type BankAccount } from './bank-account';
import { bankByBin, napasBanks, vietQrPayment, vietQrSvg } from './vietqr';

const { QRPay, BanksObject } = pkg;

const account: BankAccount = { bankBin: BanksObject.vietcombank.bin, accountNumber: '0011001234567', accountName: 'HTX MAT ONG BAC HA' };

/** CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF), as EMVCo specifies: an independent check of the library's. */
function crc16(text: string): string {
  let crc = 0xffff;
  for (const byte of Buffer.from(text, 'utf8')) {
    crc ^= byte << 8;
    for (let i = 0; i < 8; i++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc.toString(16).toUpperCase().padStart(4, '0');
}

describe('NAPAS bank list', () => {
  it('lists banks with a 6-digit BIN, one per BIN, sorted by short name', () => {
    const banks = napasBanks();
    expect(banks.length).toBeGreaterThan(40);
    expect(banks.every((b) => /^\d{6}$/.test(b.bin))).toBe(true);
    expect(new Set(banks.map((b) => b.bin)).size).toBe(banks.length);
    const names = banks.map((b) => b.shortName);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'vi', { sensitivity: 'base' })));
    expect(banks.find((b) => b.bin === '970436')).toMatchObject({ shortName: 'Vietcombank', code: 'VCB' });
  });

  it('leaves out banks without a BIN or not on VietQR, and deprecated names of a shared BIN', () => {
    expect(napasBanks().some((b) => b.code === 'BIDC')).toBe(false);
    expect(bankByBin('970449')?.shortName).toBe('LPBank');
    expect(bankByBin('970414')?.shortName).toBe('MBV');
    expect(bankByBin('000000')).toBeUndefined();
    expect(bankByBin('')).toBeUndefined();
  });

  it('returns a copy: callers cannot reorder the shared list', () => {
    napasBanks().reverse();
    expect(napasBanks()[0]?.shortName).toBe('AB Bank');
  });
});

describe('bank account schema', () => {
  it('normalises the holder name and the account number, and refuses a BIN outside the list', () => {
    expect(bankAccountHolderName('  Hợp tác xã   Mật ong Đông ')).toBe('HOP TAC XA MAT ONG DONG');
    expect(BankAccountSchema.parse({ bankBin: '970436', accountNumber: '0011 0012-34567', accountName: 'Hợp tác xã Mật ong' })).toEqual({
      bankBin: '970436',
      accountNumber: '0011001234567',
      accountName: 'HOP TAC XA MAT ONG',
    });
    for (const bad of [
      { ...account, bankBin: '123456' },
      { ...account, bankBin: '97043' },
      { ...account, accountNumber: '12345' },
      { ...account, accountNumber: '12345abc' },
      { ...account, accountName: 'A' },
      { ...account, accountName: 'HTX <b>' },
      { ...account, extra: 'x' },
    ]) {
      expect(BankAccountSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });
});

describe('vietQrPayment', () => {
  const payment = vietQrPayment({ bank: account, amountVnd: 150_000, purpose: 'OCOP DH123 ABC' });

  it('builds a dynamic VietQR that the library decodes back to the same bank, account, amount and purpose', () => {
    expect(payment).toMatchObject({ bankBin: '970436', bankName: 'Vietcombank', accountNumber: '0011001234567', accountName: 'HTX MAT ONG BAC HA', amountVnd: 150_000, purpose: 'OCOP DH123 ABC' });
    const decoded = new QRPay(payment.payload);
    expect(decoded.isValid).toBe(true);
    expect(decoded.initMethod).toBe('12'); // dynamic: one amount, one payment
    expect(decoded.provider.name).toBe('VIETQR');
    expect(decoded.provider.service).toBe('QRIBFTTA'); // to an account number
    expect(decoded.consumer.bankBin).toBe('970436');
    expect(decoded.consumer.bankNumber).toBe('0011001234567');
    expect(decoded.amount).toBe('150000');
    expect(decoded.currency).toBe('704'); // VND
    expect(decoded.nation).toBe('VN');
    expect(decoded.additionalData.purpose).toBe('OCOP DH123 ABC');
  });

  it('ends with a correct CRC-16; changing any character makes it invalid', () => {
    const body = payment.payload.slice(0, -4);
    expect(body.endsWith('6304')).toBe(true);
    expect(payment.payload.slice(-4)).toBe(crc16(body));
    const at = payment.payload.indexOf('0011001234567') + 3;
    const tampered = payment.payload.slice(0, at) + (payment.payload[at] === '9' ? '8' : '9') + payment.payload.slice(at + 1);
    expect(tampered).not.toBe(payment.payload);
    expect(new QRPay(tampered).isValid).toBe(false);
    const amountTampered = payment.payload.replace('5406150000', '5406950000');
    expect(new QRPay(amountTampered).isValid).toBe(false);
    const crcTampered = body + (payment.payload.endsWith('0') ? '1' : '0') + payment.payload.slice(-3);
    expect(new QRPay(crcTampered).isValid).toBe(false);
  });

  it('refuses a purpose banks would not carry', () => {
    for (const purpose of ['', 'Thanh toán đơn hàng', 'DH-123', 'A'.repeat(26), 'OCOP\nDH1', 'ĐH123']) {
      expect(() => vietQrPayment({ bank: account, amountVnd: 10_000, purpose }), JSON.stringify(purpose)).toThrow(RangeError);
    }
    expect(vietQrPayment({ bank: account, amountVnd: 10_000, purpose: 'A'.repeat(25) }).purpose).toHaveLength(25);
  });

  it('refuses an amount that is not a whole number of đồng above 0', () => {
    for (const amountVnd of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 10 ** 13]) {
      expect(() => vietQrPayment({ bank: account, amountVnd, purpose: 'OCOP' }), String(amountVnd)).toThrow(RangeError);
    }
    expect(new QRPay(vietQrPayment({ bank: account, amountVnd: 1, purpose: 'OCOP' }).payload).amount).toBe('1');
  });

  it('refuses a bank outside the NAPAS list or a malformed account number', () => {
    expect(() => vietQrPayment({ bank: { ...account, bankBin: '123456' }, amountVnd: 10_000, purpose: 'OCOP' })).toThrow(RangeError);
    expect(() => vietQrPayment({ bank: { ...account, accountNumber: '12 34' }, amountVnd: 10_000, purpose: 'OCOP' })).toThrow(RangeError);
  });
});

describe('vietQrSvg', () => {
  it('draws the payload as an SVG image', async () => {
    const svg = await vietQrSvg(vietQrPayment({ bank: account, amountVnd: 10_000, purpose: 'OCOP KIEM TRA' }).payload);
    expect(svg.trimStart().startsWith('<svg')).toBe(true);
    expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(svg).toMatch(/viewBox="0 0 \d+ \d+"/);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    expect(svg).not.toContain('<script');
  });
});
