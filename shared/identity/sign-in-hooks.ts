import type { Context } from 'hono';
import type { AppEnv } from '../http/app-env';

/**
 * What another capability does right after a sign-in succeeded, on the same request (the cart
 * merges the guest cart into the account's and clears its cookie). Identity knows no capability:
 * a module's services factory provides `afterSignIn`, and both sign-in paths (API and form) run it.
 */
export type AfterSignIn = (c: Context<AppEnv>, accountId: string) => Promise<void>;

/** A hook that fails is logged and skipped: the sign-in itself has succeeded and stands. */
export async function runAfterSignIn(c: Context<AppEnv>, accountId: string): Promise<void> {
  for (const hook of c.get('services').afterSignIn ?? []) {
    try {
      await hook(c, accountId);
    } catch (error) {
      c.get('logger').warn('after-sign-in hook failed', { error: error instanceof Error ? error.message : String(error) });
    }
  }
}
