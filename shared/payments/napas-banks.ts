import pkg from 'vietnam-qr-pay';
import type { Bank } from 'vietnam-qr-pay';

// CommonJS package: its named exports come through the default import.
const { BanksObject, VietQRStatus } = pkg;

/** A NAPAS member bank a storefront can receive VietQR transfers at. */
export interface NapasBank {
  /** The 6-digit NAPAS BIN (the bank's id inside a VietQR payload). */
  bin: string;
  /** The library's short code ("VCB"). */
  code: string;
  /** "Vietcombank" */
  shortName: string;
  /** "Ngân hàng TMCP Ngoại Thương Việt Nam" */
  name: string;
}

/**
 * Banks from vietnam-qr-pay's list: a BIN, not deprecated (Ocean Bank, LienVietPostBank: their BIN
 * now belongs to MBV, LPBank), and not marked NOT_SUPPORTED for VietQR. RECEIVE_ONLY banks stay: the
 * storefront's account only receives. Two entries sharing a BIN (DongA Bank, now Vikki Bank) keep
 * the one with the better VietQR status, so a BIN names one bank.
 */
function buildList(): readonly NapasBank[] {
  const byBin = new Map<string, Bank>();
  for (const bank of Object.values(BanksObject)) {
    if (!/^\d{6}$/.test(bank.bin) || bank.deprecated || bank.vietQRStatus === VietQRStatus.NOT_SUPPORTED) continue;
    const seen = byBin.get(bank.bin);
    if (!seen || bank.vietQRStatus > seen.vietQRStatus) byBin.set(bank.bin, bank);
  }
  return [...byBin.values()]
    .map((b) => Object.freeze({ bin: b.bin, code: b.code, shortName: b.shortName, name: b.name }))
    .sort((a, b) => a.shortName.localeCompare(b.shortName, 'vi', { sensitivity: 'base' }));
}

const banks = buildList();
const byBin = new Map(banks.map((b) => [b.bin, b]));

/** Sorted by shortName: the dashboard's bank <select>. */
export function napasBanks(): NapasBank[] {
  return [...banks];
}

export function bankByBin(bin: string): NapasBank | undefined {
  return byBin.get(bin);
}
