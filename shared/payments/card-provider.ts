/**
 * The card-payment port the orders capability talks to. One backend (Stripe Checkout, VND is
 * zero-decimal) in AWS and locally when a secret key is configured; absent otherwise, and then the
 * card option is hidden (never a broken button).
 */
export interface CheckoutRequest {
  orderId: string;
  /** The order's card total in integer VND (sum of the card sub-orders, shipping included). */
  amountVnd: number;
  /** What the Stripe page lists: one line per sub-order ("Gian hàng X — 3 sản phẩm"). */
  lines: readonly { name: string; amountVnd: number }[];
  /** Absolute URLs back to the order page. */
  successUrl: string;
  cancelUrl: string;
  customerEmail?: string | undefined;
  /** Epoch seconds; Stripe needs ≥ 30 minutes from now. */
  expiresAt: number;
}

export interface CheckoutSession {
  sessionId: string;
  url: string;
}

export interface RefundRequest {
  paymentIntentId: string;
  amountVnd: number;
  /** Stripe's Idempotency-Key: a retried cancel refunds once. */
  idempotencyKey: string;
  reason?: string | undefined;
}

/** A verified webhook event, reduced to what orders act on. */
export type CardPaymentEvent =
  | { id: string; type: 'paid'; orderId: string; sessionId: string; paymentIntentId: string; amountVnd: number }
  | { id: string; type: 'expired' | 'failed'; orderId: string; sessionId: string }
  | { id: string; type: 'refunded'; paymentIntentId: string; amountVnd: number }
  /** Verified but nothing orders need (other event types): acknowledged with 200. */
  | { id: string; type: 'ignored'; stripeType: string };

export interface CardPaymentProvider {
  createCheckout(request: CheckoutRequest): Promise<CheckoutSession>;
  refund(request: RefundRequest): Promise<{ refundId: string }>;
  /** Throws InvalidInput 400 WEBHOOK_SIGNATURE_INVALID when the signature does not verify. */
  parseWebhook(rawBody: string, signatureHeader: string | undefined): Promise<CardPaymentEvent>;
}
