import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/**
 * Order ids: "dh" + 9 base32 time characters (ms, sortable for ~1,000 years) + 7 random ones.
 * Short enough to be the bank-transfer content ("OCOP DH…-2" fits VietQR's 25 characters) and to read
 * out on the phone, random enough that one shopper cannot guess another's order.
 */
export function newOrderId(at: Date): string {
  let time = at.getTime();
  let head = '';
  for (let i = 0; i < 9; i++) {
    head = ALPHABET[time % 32]! + head;
    time = Math.floor(time / 32);
  }
  const bytes = randomBytes(7);
  let tail = '';
  for (const b of bytes) tail += ALPHABET[b % 32]!;
  return `dh${head}${tail}`;
}

export const ORDER_ID_PATTERN = /^dh[0-9a-z]{16}$/;
export const SUB_ORDER_ID_PATTERN = /^(dh[0-9a-z]{16})-(\d{1,2})$/;

/** Sub-order n of an order: its id names its order, so it is found with one key, no index. */
export const subOrderId = (orderId: string, n: number) => `${orderId}-${n}`;

export function parseSubOrderId(id: string): { orderId: string; n: number } | undefined {
  const m = SUB_ORDER_ID_PATTERN.exec(id);
  return m ? { orderId: m[1]!, n: Number(m[2]) } : undefined;
}

/** What the buyer types as transfer content: ASCII, ≤ 25 characters, the sub-order's code. */
export const transferPurpose = (subId: string) => `OCOP ${subId.replace('-', ' ').toUpperCase()}`;
