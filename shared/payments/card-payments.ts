import type { Logger } from '@aws-lambda-powertools/logger';
import type Stripe from 'stripe';
import { z } from 'zod';
import type { AppConfig } from '../config';
import { loadFromSecretsManager, type SecretLoader } from '../identity/session-secret';
import type { Clock } from '../time/clock';
import type { CardPaymentEvent, CardPaymentProvider, CheckoutRequest, CheckoutSession, RefundRequest } from './card-provider';

/** The Secrets Manager value behind STRIPE_SECRET_ARN (docs/payments.md). */
export const StripeSecretSchema = z.object({
  secretKey: z.string().regex(/^(sk|rk)_(test|live)_\w+$/),
  webhookSecret: z.string().regex(/^whsec_\w+$/),
});
export type StripeKeys = z.infer<typeof StripeSecretSchema>;

/**
 * Whether card payments are offered at all, known without reading any secret: pages show the card
 * option only then (equivalently, `services.cardPayments !== undefined`).
 */
export function cardPaymentsConfigured(config: AppConfig): boolean {
  return Boolean((config.stripeSecretKey && config.stripeWebhookSecret) || config.stripeSecretArn);
}

export interface CardPaymentsOptions {
  /** Reads the secret by ARN; the default is Secrets Manager (loaded only when needed). */
  load?: SecretLoader;
  /** Tests: a fake transport (tests/support/fake-stripe.ts). */
  httpClient?: Stripe.HttpClient;
  clock?: Clock;
}

/** Parses the secret's JSON; the message never repeats the value. */
export function parseStripeSecret(bytes: Uint8Array, origin: string): StripeKeys {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    json = undefined;
  }
  const parsed = StripeSecretSchema.safeParse(json);
  if (!parsed.success) {
    const fields = json && typeof json === 'object' ? parsed.error.issues.map((i) => i.path.join('.')).join(', ') : 'not JSON';
    throw new Error(`Stripe secret ${origin} must be JSON { "secretKey": "sk_…", "webhookSecret": "whsec_…" } (${fields})`);
  }
  return parsed.data;
}

const pick = ({ httpClient, clock }: CardPaymentsOptions) => ({
  ...(httpClient ? { httpClient } : {}),
  ...(clock ? { clock } : {}),
});

/**
 * The port, each method first awaiting the Stripe provider: the keys (from the configuration, or read
 * from Secrets Manager once per container) and the SDK itself, which is imported only then, so a
 * deployment without card payments never loads it. A failed read is logged and retried on the next
 * call rather than cached, like the session secret.
 */
export class LazyStripeCardProvider implements CardPaymentProvider {
  #pending: Promise<CardPaymentProvider> | undefined;

  constructor(
    /** 'environment' or the secret's ARN: for logs. */
    readonly source: string,
    private readonly keys: () => Promise<StripeKeys>,
    private readonly logger: Logger,
    private readonly options: CardPaymentsOptions = {},
  ) {}

  #provider(): Promise<CardPaymentProvider> {
    this.#pending ??= Promise.all([this.keys(), import('./stripe-provider')])
      .then(([keys, { StripeCardProvider }]) => {
        this.logger.info('card payments on (Stripe Checkout)', { source: this.source, mode: keys.secretKey.includes('_live_') ? 'live' : 'test' });
        return new StripeCardProvider({ ...keys, ...pick(this.options) });
      })
      .catch((error: unknown) => {
        this.#pending = undefined;
        this.logger.error('card payments: could not set up Stripe', {
          source: this.source,
          message: error instanceof Error ? error.message : String(error),
        });
        throw error;
      });
    return this.#pending;
  }

  /** Starts the set-up now (during the Lambda's init) without waiting for it. */
  warm(): void {
    void this.#provider().catch(() => undefined);
  }

  async createCheckout(request: CheckoutRequest): Promise<CheckoutSession> {
    return (await this.#provider()).createCheckout(request);
  }

  async refund(request: RefundRequest): Promise<{ refundId: string }> {
    return (await this.#provider()).refund(request);
  }

  async parseWebhook(rawBody: string, signatureHeader: string | undefined): Promise<CardPaymentEvent> {
    return (await this.#provider()).parseWebhook(rawBody, signatureHeader);
  }
}

/**
 * `services.cardPayments`: Stripe with the keys from the configuration (local runs), else with the
 * secret named by STRIPE_SECRET_ARN (AWS; fetched right away, during init), else undefined: no card
 * payments, and the card option is hidden. Synchronous, like every services factory.
 */
export function cardPaymentsFromConfig(config: AppConfig, logger: Logger, options: CardPaymentsOptions = {}): CardPaymentProvider | undefined {
  const { stripeSecretKey: secretKey, stripeWebhookSecret: webhookSecret, stripeSecretArn: arn } = config;
  if (secretKey && webhookSecret) {
    return new LazyStripeCardProvider('environment', () => Promise.resolve({ secretKey, webhookSecret }), logger, options);
  }
  if (arn) {
    const load = options.load ?? loadFromSecretsManager;
    const provider = new LazyStripeCardProvider(arn, async () => parseStripeSecret(await load(arn), arn), logger, options);
    provider.warm();
    return provider;
  }
  return undefined;
}
