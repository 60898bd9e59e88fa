import { randomBytes } from 'node:crypto';
import Stripe from 'stripe';

/** One request the SDK sent, as Stripe would have received it. */
export interface RecordedStripeRequest {
  host: string;
  method: string;
  /** Path without the query string, e.g. `/v1/checkout/sessions`. */
  path: string;
  /** The form-encoded body, decoded to flat keys: `line_items[0][price_data][unit_amount]`. */
  body: Record<string, string>;
  idempotencyKey: string | undefined;
  headers: Record<string, string>;
}

type Json = Record<string, unknown>;

const stripeId = (prefix: string) => `${prefix}_test_${randomBytes(12).toString('base64url').replace(/[-_]/g, 'x')}`;

/** A canned answer, shaped like the SDK's own Node/fetch responses. */
class FakeStripeResponse extends Stripe.HttpClientResponse {
  constructor(
    status: number,
    headers: Record<string, string>,
    private readonly json: unknown,
  ) {
    super(status, headers);
  }
  override getRawResponse(): unknown {
    return this.json;
  }
  override toStream(): unknown {
    throw new Error('fake Stripe: streams are not supported');
  }
  override toJSON(): Promise<unknown> {
    return Promise.resolve(this.json);
  }
}

/**
 * A `Stripe.HttpClient` that never touches the network: it records every request and answers
 * `POST /v1/checkout/sessions` and `POST /v1/refunds` like Stripe (test mode) does, including
 * idempotent replays (same key + same body → the same object, `Idempotent-Replayed: true`; same key +
 * another body → 400 idempotency_error). Anything else is Stripe's 404 for an unknown URL.
 */
export class FakeStripeHttpClient extends Stripe.HttpClient {
  readonly requests: RecordedStripeRequest[] = [];
  readonly #replays = new Map<string, { body: string; status: number; json: unknown }>();
  readonly #failures: { status: number; error: Json }[] = [];

  override getClientName(): string {
    return 'fake-stripe';
  }

  /** The next request answers this error instead (e.g. 402 card_error, 429 rate_limit, 500 api_error). */
  failNext(status: number, error: Json): void {
    this.#failures.push({ status, error });
  }

  override async makeRequest(
    host: string,
    _port: string,
    rawPath: string,
    method: string,
    headers: Record<string, string | number | string[]>,
    requestData: string,
  ): Promise<Stripe.HttpClientResponse> {
    const flatHeaders = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), String(v)]));
    const path = rawPath.split('?')[0] ?? rawPath;
    const idempotencyKey = flatHeaders['idempotency-key'];
    const body = Object.fromEntries(new URLSearchParams(requestData ?? ''));
    this.requests.push({ host, method, path, body, idempotencyKey, headers: flatHeaders });

    const failure = this.#failures.shift();
    if (failure) return this.#answer(failure.status, { error: failure.error });

    const replayKey = idempotencyKey ? `${method} ${path} ${idempotencyKey}` : undefined;
    const earlier = replayKey ? this.#replays.get(replayKey) : undefined;
    if (earlier) {
      if (earlier.body !== requestData) {
        return this.#answer(400, {
          error: {
            type: 'idempotency_error',
            message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${idempotencyKey}' if you meant to execute a different request.`,
          },
        });
      }
      return this.#answer(earlier.status, earlier.json, { 'idempotent-replayed': 'true' });
    }

    const [status, json] = this.#route(method, path, body);
    if (replayKey && status < 500) this.#replays.set(replayKey, { body: requestData, status, json });
    return this.#answer(status, json);
  }

  /** The requests to one endpoint, e.g. `requestsTo('/v1/refunds')`. */
  requestsTo(path: string): RecordedStripeRequest[] {
    return this.requests.filter((r) => r.path === path);
  }

  #answer(status: number, json: unknown, extra: Record<string, string> = {}): FakeStripeResponse {
    return new FakeStripeResponse(
      status,
      { 'content-type': 'application/json', 'request-id': stripeId('req'), 'stripe-version': Stripe.API_VERSION, ...extra },
      json,
    );
  }

  #route(method: string, path: string, body: Record<string, string>): [number, unknown] {
    if (method === 'POST' && path === '/v1/checkout/sessions') return [200, checkoutSessionFrom(body)];
    if (method === 'POST' && path === '/v1/refunds') return [200, refundFrom(body)];
    return [404, { error: { type: 'invalid_request_error', message: `Unrecognized request URL (${method}: ${path}).` } }];
  }
}

/** Reads `prefix[0][a][b]`-style keys back into line items. */
function lineItems(body: Record<string, string>): { name: string; amount: number; quantity: number }[] {
  const items: { name: string; amount: number; quantity: number }[] = [];
  for (let i = 0; body[`line_items[${i}][quantity]`] !== undefined; i++) {
    items.push({
      name: body[`line_items[${i}][price_data][product_data][name]`] ?? '',
      amount: Number(body[`line_items[${i}][price_data][unit_amount]`]),
      quantity: Number(body[`line_items[${i}][quantity]`]),
    });
  }
  return items;
}

function metadataOf(body: Record<string, string>, prefix: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = new RegExp(`^${prefix.replace(/[[\]]/g, '\\$&')}\\[([^\\]]+)\\]$`);
  for (const [key, value] of Object.entries(body)) {
    const m = re.exec(key);
    if (m) out[m[1]!] = value;
  }
  return out;
}

/** A Checkout Session as Stripe returns it on create (status open, payment_status unpaid). */
export function checkoutSessionFrom(body: Record<string, string>): Json {
  const id = stripeId('cs');
  const total = lineItems(body).reduce((sum, l) => sum + l.amount * l.quantity, 0);
  return checkoutSessionObject({
    id,
    url: `https://checkout.stripe.com/c/pay/${id}#fidkdWxOYHwnPyd1blpxYHZxWjA0`,
    amount_subtotal: total,
    amount_total: total,
    currency: body.currency ?? null,
    client_reference_id: body.client_reference_id ?? null,
    customer_email: body.customer_email ?? null,
    expires_at: Number(body.expires_at),
    locale: body.locale ?? null,
    metadata: metadataOf(body, 'metadata'),
    success_url: body.success_url ?? null,
    cancel_url: body.cancel_url ?? null,
  });
}

/** A complete-looking `checkout.session` object; override what a test cares about. */
export function checkoutSessionObject(overrides: Json = {}): Json {
  const id = (overrides.id as string | undefined) ?? stripeId('cs');
  const now = Math.floor(Date.now() / 1000);
  return {
    id,
    object: 'checkout.session',
    amount_subtotal: 150_000,
    amount_total: 150_000,
    cancel_url: null,
    client_reference_id: null,
    created: now,
    currency: 'vnd',
    customer: null,
    customer_email: null,
    expires_at: now + 3600,
    livemode: false,
    locale: 'vi',
    metadata: {},
    mode: 'payment',
    payment_intent: null,
    payment_method_types: ['card'],
    payment_status: 'unpaid',
    status: 'open',
    success_url: null,
    url: `https://checkout.stripe.com/c/pay/${id}`,
    ...overrides,
  };
}

/** A refund as Stripe returns it on create (card refunds start `succeeded` in test mode). */
export function refundFrom(body: Record<string, string>): Json {
  return {
    id: stripeId('re'),
    object: 'refund',
    amount: Number(body.amount),
    charge: stripeId('ch'),
    created: Math.floor(Date.now() / 1000),
    currency: 'vnd',
    metadata: metadataOf(body, 'metadata'),
    payment_intent: body.payment_intent ?? null,
    reason: body.reason ?? null,
    status: 'succeeded',
  };
}

/** A `charge` object, for `charge.refunded` events. */
export function chargeObject(overrides: Json = {}): Json {
  return {
    id: stripeId('ch'),
    object: 'charge',
    amount: 150_000,
    amount_captured: 150_000,
    amount_refunded: 0,
    captured: true,
    created: Math.floor(Date.now() / 1000),
    currency: 'vnd',
    livemode: false,
    metadata: {},
    paid: true,
    payment_intent: stripeId('pi'),
    refunded: false,
    status: 'succeeded',
    ...overrides,
  };
}

/** A snapshot event envelope as Stripe posts it to a webhook endpoint. */
export function stripeEvent(type: string, object: Json, overrides: Json = {}): Json {
  return {
    id: stripeId('evt'),
    object: 'event',
    api_version: Stripe.API_VERSION,
    created: Math.floor(Date.now() / 1000),
    data: { object },
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
    ...overrides,
  };
}

/**
 * The body and `Stripe-Signature` header Stripe would send for this payload, signed offline with
 * the SDK's own test helper. `timestamp` (epoch seconds) defaults to now.
 */
export function signedStripeEvent(payload: unknown, secret: string, options: { timestamp?: number } = {}): { body: string; signature: string } {
  const body = typeof payload === 'string' ? payload : JSON.stringify(payload);
  const signature = Stripe.webhooks.generateTestHeaderString({
    payload: body,
    secret,
    ...(options.timestamp === undefined ? {} : { timestamp: options.timestamp }),
  });
  return { body, signature };
}
