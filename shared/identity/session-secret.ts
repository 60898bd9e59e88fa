import { randomBytes } from 'node:crypto';
import type { AppConfig } from '../config';

/**
 * Where the HS256 key for session tokens comes from. A port, so the app (and its tests) never need
 * AWS: tests and local runs hand in bytes; in AWS the key is read from Secrets Manager once per
 * container. The key is never in the repository.
 */
export interface SessionSecretSource {
  get(): Promise<Uint8Array>;
}

export const MIN_SECRET_BYTES = 32;

function checked(bytes: Uint8Array, origin: string): Uint8Array {
  if (bytes.length < MIN_SECRET_BYTES) throw new Error(`Session secret from ${origin} is shorter than ${MIN_SECRET_BYTES} bytes`);
  return bytes;
}

export function staticSessionSecret(secret: string | Uint8Array): SessionSecretSource {
  const bytes = checked(typeof secret === 'string' ? new TextEncoder().encode(secret) : secret, 'configuration');
  return { get: async () => bytes };
}

/** Reads a secret's value by ARN. The default loads the SDK only when it is needed (not in tests, not locally). */
export type SecretLoader = (arn: string) => Promise<Uint8Array>;

export const loadFromSecretsManager: SecretLoader = async (arn) => {
  const { SecretsManagerClient, GetSecretValueCommand } = await import('@aws-sdk/client-secrets-manager');
  const client = new SecretsManagerClient({});
  try {
    const out = await client.send(new GetSecretValueCommand({ SecretId: arn }));
    if (out.SecretString !== undefined) return new TextEncoder().encode(out.SecretString);
    if (out.SecretBinary !== undefined) return out.SecretBinary;
    throw new Error(`Secret ${arn} has no value`);
  } finally {
    client.destroy();
  }
};

/** Fetched once and kept; a failed fetch is retried on the next request rather than cached. */
export function secretsManagerSessionSecret(arn: string, load: SecretLoader = loadFromSecretsManager): SessionSecretSource & { warm(): void } {
  let pending: Promise<Uint8Array> | undefined;
  const get = () => {
    pending ??= load(arn)
      .then((bytes) => checked(bytes, arn))
      .catch((error: unknown) => {
        pending = undefined;
        throw error;
      });
    return pending;
  };
  return { get, warm: () => void get().catch(() => undefined) };
}

/**
 * The source for a configuration: the configured secret, else Secrets Manager by ARN (fetched right
 * away, during the Lambda's init), else — only for local and test stages — random bytes for this
 * process (sessions then end when it stops). Deployed stages without either fail on first use, so
 * anonymous pages keep working while sign-in reports the misconfiguration.
 */
export function sessionSecretFromConfig(config: AppConfig, load?: SecretLoader): SessionSecretSource {
  if (config.sessionSecret) return staticSessionSecret(config.sessionSecret);
  if (config.sessionSecretArn) {
    const source = secretsManagerSessionSecret(config.sessionSecretArn, load);
    source.warm();
    return source;
  }
  if (config.stage === 'local' || config.stage === 'test') return staticSessionSecret(randomBytes(MIN_SECRET_BYTES));
  return {
    get: () => Promise.reject(new Error(`No session secret for stage ${config.stage}: set SESSION_SECRET_ARN`)),
  };
}
