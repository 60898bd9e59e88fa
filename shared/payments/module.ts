import { defineModule } from '../module/define-module';
import { cardPaymentsFromConfig } from './card-payments';
import type { CardPaymentProvider } from './card-provider';

declare module '../services' {
  interface Services {
    /**
     * Card payments through Stripe Checkout (docs/payments.md); undefined when no Stripe key is
     * configured, and then the card option is hidden (never a broken button).
     */
    cardPayments?: CardPaymentProvider;
  }
}

/**
 * Payment providers only: no routes and no items of its own. The Stripe webhook route and the
 * orders' payment state belong to the orders capability, which calls `services.cardPayments`.
 */
export const paymentsModule = defineModule({
  name: 'payments',
  keyPrefixes: [],
  services: (deps) => ({ cardPayments: cardPaymentsFromConfig(deps.config, deps.logger, { clock: deps.clock }) }),
});
