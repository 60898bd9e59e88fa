import pkg from 'vietnam-qr-pay';
import QRCode from 'qrcode';
import type { BankAccount } from './bank-account';
import { bankByBin } from './napas-banks';

export { bankByBin, napasBanks, type NapasBank } from './napas-banks';

// CommonJS package: its named exports come through the default import.
const { QRPay } = pkg;

/** What a buyer's banking app needs to pay one storefront by VietQR, and the payload to draw. */
export interface VietQrPayment {
  /** EMVCo / NAPAS VietQR string (dynamic: amount and purpose inside, CRC-16 last). */
  payload: string;
  bankBin: string;
  /** The bank's short name ("Vietcombank"), shown beside the QR. */
  bankName: string;
  accountNumber: string;
  accountName: string;
  amountVnd: number;
  /** The transfer content the bank app pre-fills: how the storefront matches the payment. */
  purpose: string;
}

/**
 * Transfer content banks pass through unchanged: ASCII letters, digits and spaces, at most 25
 * characters (some banks cut or refuse longer or accented content).
 */
const VIETQR_PURPOSE = /^[A-Za-z0-9 ]{1,25}$/;
/** The payload's amount field holds at most 13 characters. */
const MAX_AMOUNT_VND = 9_999_999_999_999;

/**
 * A dynamic VietQR (transfer to an account, amount and purpose fixed) built by vietnam-qr-pay;
 * never hand-written TLV. Throws RangeError for a purpose or amount the banks would not carry, or a
 * bank not in napasBanks().
 */
export function vietQrPayment(input: { bank: BankAccount; amountVnd: number; purpose: string }): VietQrPayment {
  const { bank, amountVnd, purpose } = input;
  if (!VIETQR_PURPOSE.test(purpose)) throw new RangeError(`VietQR purpose must be 1–25 ASCII letters, digits or spaces: ${JSON.stringify(purpose)}`);
  if (!Number.isSafeInteger(amountVnd) || amountVnd <= 0 || amountVnd > MAX_AMOUNT_VND) throw new RangeError(`VietQR amount must be a whole number of đồng above 0: ${amountVnd}`);
  const napas = bankByBin(bank.bankBin);
  if (!napas) throw new RangeError(`Not a NAPAS VietQR bank: ${bank.bankBin}`);
  if (!/^[0-9]{6,19}$/.test(bank.accountNumber)) throw new RangeError('VietQR account number must be 6–19 digits');
  const payload = QRPay.initVietQR({ bankBin: napas.bin, bankNumber: bank.accountNumber, amount: String(amountVnd), purpose }).build();
  return { payload, bankBin: napas.bin, bankName: napas.shortName, accountNumber: bank.accountNumber, accountName: bank.accountName, amountVnd, purpose };
}

/**
 * The payload as an SVG QR code, drawn as the certificate verification QR is (web/registry/qr.ts):
 * medium error correction, a 4-module quiet zone for banking apps' scanners.
 */
export function vietQrSvg(payload: string): Promise<string> {
  return QRCode.toString(payload, { errorCorrectionLevel: 'M', margin: 4, type: 'svg' });
}
