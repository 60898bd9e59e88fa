import { Secret, type ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';

/**
 * `-c stripeSecretName=ocop-market/dev/stripe`: the Secrets Manager secret (JSON
 * `{ "secretKey": "sk_…", "webhookSecret": "whsec_…" }`, created by the operator, never in the repo)
 * the API reads Stripe's keys from. Without it the stack has no card payments and the site hides
 * the card option (docs/payments.md).
 */
export const STRIPE_SECRET_CONTEXT = 'stripeSecretName';

/**
 * A secret name Secrets Manager accepts, and one a partial ARN (name without the random suffix,
 * which is all an import by name knows) still finds: it must not itself end in `-` + 6 characters.
 */
export function parseStripeSecretName(value: unknown): string {
  if (typeof value !== 'string' || !/^[\w/+=.@-]{1,512}$/.test(value) || /-[A-Za-z0-9]{6}$/.test(value)) {
    throw new Error(
      `-c ${STRIPE_SECRET_CONTEXT} must be a Secrets Manager secret name such as ocop-market/dev/stripe (letters, digits, /_+=.@-; not ending in -XXXXXX), got ${JSON.stringify(value)}`,
    );
  }
  return value;
}

/** The imported secret when the context names one; nothing is created, so synth stays offline. */
export function stripeSecret(scope: Construct, id: string): ISecret | undefined {
  const name = scope.node.tryGetContext(STRIPE_SECRET_CONTEXT) as unknown;
  if (name === undefined || name === '') return undefined;
  return Secret.fromSecretNameV2(scope, id, parseStripeSecretName(name));
}
