import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../http/app-env';
import { AppError } from '../http/errors';
import { errorResponse } from '../http/error-schema';
import { applyCardEvent } from './card-events';

export const WEBHOOK_PATH = '/payments/stripe/webhook';

const webhookRoute = createRoute({
  tags: ['payments'],
  method: 'post',
  path: WEBHOOK_PATH,
  summary: "Stripe's webhook: the signature is verified on the raw body, events are deduplicated by id",
  description:
    'Body: a Stripe event as Stripe sends it, header `Stripe-Signature`. Not declared as a schema on purpose: validating would parse the JSON, and the signature covers the exact bytes.',
  responses: {
    200: { content: { 'application/json': { schema: z.object({ received: z.literal(true), outcome: z.enum(['applied', 'duplicate', 'ignored']) }).openapi('WebhookAck') } }, description: 'Acknowledged' },
    400: errorResponse('WEBHOOK_SIGNATURE_INVALID'),
    404: errorResponse('CARD_PAYMENTS_DISABLED: no Stripe key is configured'),
    413: errorResponse('PAYLOAD_TOO_LARGE'),
  },
});

export function webhookRoutes() {
  const app = new OpenAPIHono<AppEnv>();
  // The raw bytes, as signed (the 64 KB API body limit applies; Stripe's events are a few KB).
  app.openapi(webhookRoute, async (c) => {
    const services = c.get('services');
    const provider = services.cardPayments;
    if (!provider) throw new AppError(404, 'CARD_PAYMENTS_DISABLED', 'Thanh toán thẻ chưa được bật');
    const raw = await c.req.text();
    const event = await provider.parseWebhook(raw, c.req.header('stripe-signature'));
    const outcome = await applyCardEvent(services, event);
    return c.json({ received: true as const, outcome }, 200);
  });
  return app;
}
