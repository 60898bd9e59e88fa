import { describe, expect, it, vi } from 'vitest';
import { moduleList } from '../../app/modules';
import { ConfigSchema, configFromEnv, type AppConfig } from '../../shared/config';
import { cardPaymentsConfigured, cardPaymentsFromConfig, LazyStripeCardProvider } from '../../shared/payments/card-payments';
import { paymentsModule } from '../../shared/payments/module';
import type { ServiceDeps } from '../../shared/services';
import { ManualClock } from '../../shared/time/clock';
import { FakeStripeHttpClient, signedStripeEvent, stripeEvent } from '../support/fake-stripe';
import { silentLogger } from '../support/test-services';

const SECRET_KEY = 'sk_test_51OcopMarketFakeKeyForTestsOnly';
const WEBHOOK_SECRET = 'whsec_ocopMarketTestSigningSecret';
const ARN = 'arn:aws:secretsmanager:ap-southeast-1:123456789012:secret:ocop-market/dev/stripe-AbCdEf';
const config = (extra: Record<string, unknown> = {}): AppConfig => ConfigSchema.parse({ tableName: 'ocop-local', stage: 'test', ...extra });
const secretJson = (value: unknown) => async () => new TextEncoder().encode(JSON.stringify(value));
const clock = new ManualClock('2026-11-23T03:00:00Z');
const checkout = {
  orderId: 'ord_01',
  amountVnd: 150_000,
  lines: [{ name: 'Gian hàng A — 1 sản phẩm', amountVnd: 150_000 }],
  successUrl: 'https://cho-ocop.vn/don-hang/ord_01',
  cancelUrl: 'https://cho-ocop.vn/don-hang/ord_01',
  expiresAt: Math.floor(clock.now().getTime() / 1000) + 3600,
};

describe('card payments configuration', () => {
  it('is off without a key: no provider, no card option', () => {
    expect(cardPaymentsConfigured(config())).toBe(false);
    expect(cardPaymentsFromConfig(config(), silentLogger())).toBeUndefined();
  });

  it('reads STRIPE_SECRET_KEY / STRIPE_WEBHOOK_SECRET (local) and STRIPE_SECRET_ARN (AWS) from the environment', async () => {
    const local = configFromEnv({ TABLE_NAME: 'ocop-local', STRIPE_SECRET_KEY: SECRET_KEY, STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET });
    expect(local).toMatchObject({ stripeSecretKey: SECRET_KEY, stripeWebhookSecret: WEBHOOK_SECRET });
    expect(cardPaymentsConfigured(local)).toBe(true);
    const http = new FakeStripeHttpClient();
    const provider = cardPaymentsFromConfig(local, silentLogger(), { httpClient: http, clock });
    expect(provider).toBeInstanceOf(LazyStripeCardProvider);
    await provider!.createCheckout(checkout);
    expect(http.requests.map((r) => r.headers.authorization)).toEqual([`Bearer ${SECRET_KEY}`]);

    const aws = configFromEnv({ TABLE_NAME: 'ocop-local', STRIPE_SECRET_ARN: ARN });
    expect(aws.stripeSecretArn).toBe(ARN);
    expect(cardPaymentsConfigured(aws)).toBe(true);
    expect(configFromEnv({ TABLE_NAME: 'ocop-local', STRIPE_SECRET_KEY: '', STRIPE_WEBHOOK_SECRET: '' }).stripeSecretKey).toBeUndefined();
  });

  it('refuses a key without its webhook secret (no payment would ever be confirmed), or values that are not Stripe keys', () => {
    expect(() => config({ stripeSecretKey: SECRET_KEY })).toThrow(/STRIPE_WEBHOOK_SECRET/);
    expect(() => config({ stripeWebhookSecret: WEBHOOK_SECRET })).toThrow(/go together/);
    expect(() => config({ stripeSecretKey: 'pk_test_publishable', stripeWebhookSecret: WEBHOOK_SECRET })).toThrow(/sk_test_/);
    // The message names the setting, never the value.
    let message = '';
    try {
      config({ stripeSecretKey: 'sk_test_has spaces', stripeWebhookSecret: WEBHOOK_SECRET });
    } catch (error) {
      message = String(error);
    }
    expect(message).toMatch(/STRIPE_SECRET_KEY/);
    expect(message).not.toContain('has spaces');
  });
});

describe('the Stripe secret in Secrets Manager (STRIPE_SECRET_ARN)', () => {
  it('is read once per container, on init, and then serves every call', async () => {
    const load = vi.fn(secretJson({ secretKey: SECRET_KEY, webhookSecret: WEBHOOK_SECRET }));
    const http = new FakeStripeHttpClient();
    const provider = cardPaymentsFromConfig(config({ stripeSecretArn: ARN }), silentLogger(), { load, httpClient: http, clock });
    expect(provider).toBeInstanceOf(LazyStripeCardProvider);
    expect(load).toHaveBeenCalledTimes(1); // warmed right away
    expect(load).toHaveBeenCalledWith(ARN);

    const session = await provider!.createCheckout(checkout);
    expect(session.sessionId).toMatch(/^cs_test_/);
    expect(http.requests[0]!.headers.authorization).toBe(`Bearer ${SECRET_KEY}`);
    await provider!.refund({ paymentIntentId: 'pi_test_1', amountVnd: 1000, idempotencyKey: 'r1' });
    const event = stripeEvent('checkout.session.expired', { id: 'cs_test_1', object: 'checkout.session', metadata: { orderId: 'ord_01' } });
    const { body, signature } = signedStripeEvent(event, WEBHOOK_SECRET, { timestamp: Math.floor(clock.now().getTime() / 1000) });
    expect(await provider!.parseWebhook(body, signature)).toEqual({ id: event.id, type: 'expired', orderId: 'ord_01', sessionId: 'cs_test_1' });
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('retries a failed read on the next call instead of caching the failure', async () => {
    const load = vi
      .fn<(arn: string) => Promise<Uint8Array>>()
      .mockRejectedValueOnce(Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' }))
      .mockImplementation(secretJson({ secretKey: SECRET_KEY, webhookSecret: WEBHOOK_SECRET }));
    const provider = cardPaymentsFromConfig(config({ stripeSecretArn: ARN }), silentLogger(), { load, httpClient: new FakeStripeHttpClient(), clock })!;
    await expect(provider.createCheckout(checkout)).rejects.toThrow('Rate exceeded');
    expect((await provider.createCheckout(checkout)).sessionId).toMatch(/^cs_test_/);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('says what shape the secret must have, without repeating its value', async () => {
    const cases: [() => Promise<Uint8Array>, RegExp][] = [
      [async () => new TextEncoder().encode('sk_test_plainStringNotJson'), /not JSON/],
      [secretJson({ secretKey: '', webhookSecret: '' }), /secretKey, webhookSecret/],
      [secretJson({ secretKey: 'sk_test_leakme', webhookSecret: 'whsec' }), /webhookSecret/],
    ];
    for (const [load, reason] of cases) {
      const provider = cardPaymentsFromConfig(config({ stripeSecretArn: ARN }), silentLogger(), { load })!;
      const error = await provider.refund({ paymentIntentId: 'pi_1', amountVnd: 1, idempotencyKey: 'k' }).then(
        () => new Error('resolved'),
        (e: unknown) => e as Error,
      );
      expect(error.message).toMatch(/must be JSON \{ "secretKey"/);
      expect(error.message).toMatch(reason);
      expect(error.message).not.toMatch(/plainStringNotJson|leakme/);
    }
  });
});

describe('the payments module', () => {
  const deps = (c: AppConfig) => ({ config: c, clock, logger: silentLogger() }) as unknown as ServiceDeps;

  it('builds services.cardPayments only when Stripe is configured, owns no items and no routes', () => {
    expect(paymentsModule.services(deps(config()))).toEqual({ cardPayments: undefined });
    const on = paymentsModule.services(deps(config({ stripeSecretKey: SECRET_KEY, stripeWebhookSecret: WEBHOOK_SECRET })));
    expect(on.cardPayments).toBeInstanceOf(LazyStripeCardProvider);
    expect(paymentsModule.keyPrefixes).toEqual([]);
    expect(paymentsModule).not.toHaveProperty('api');
  });

  it('is registered before the catalogue (whose pages own /)', () => {
    const names = moduleList.map((m) => m.name);
    expect(names).toContain('payments');
    expect(names.indexOf('payments')).toBeLessThan(names.indexOf('catalog'));
  });
});
