import { isDeepStrictEqual } from 'node:util';
import { Conflict } from '../http/errors';
import type { Certificate } from './certificate';
import { nextRevision } from './certificate-revision';
import type { CertificateStore } from './certificate-store';

/** A handful: each retry follows a write that committed, so a queue of them drains quickly. */
export const MAX_ATTEMPTS = 6;

const RETRYABLE = new Set(['CERTIFICATE_CONFLICT', 'PRODUCT_CONFLICT']);

export const isLostRace = (error: unknown): error is Conflict => error instanceof Conflict && RETRYABLE.has(error.code);

/** A few milliseconds, random, so two writers that keep colliding drift apart. */
const pause = (attempt: number) => new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * attempt));

/**
 * Runs `attempt` again while it loses a race that a fresh read can settle, at most MAX_ATTEMPTS
 * times; `mayRetry` decides from the conflict (and whatever it re-reads) whether trying again is
 * still the caller's intent. Anything else, or the last conflict, goes to the caller.
 */
export async function retryLostRace<T>(attempt: () => Promise<T>, mayRetry: (conflict: Conflict) => Promise<boolean> = async () => true): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (error) {
      if (n >= MAX_ATTEMPTS || !isLostRace(error) || !(await mayRetry(error))) throw error;
      await pause(n);
    }
  }
}

/**
 * A product link bumps the certificate's revision and changes nothing else: a registry change that
 * lost to one may be rebuilt on the fresh read. A real change by someone else (any other field)
 * still answers 409, as before.
 */
export function onlyRevisionMoved(read: Certificate, fresh: Certificate): boolean {
  const { revision: _r, ...before } = read;
  const { revision: _f, ...now } = fresh;
  return isDeepStrictEqual(before, now);
}

/** A change being written: the version it is built on, and the version it writes. */
export interface PendingChange {
  read: Certificate;
  next: Certificate;
}

/**
 * The `mayRetry` of a certificate change: re-reads the certificate and, when only a link moved its
 * revision, moves `pending` onto the fresh read (same change, next revision).
 */
export function rebaseOnLinks(certificates: CertificateStore, pending: PendingChange): () => Promise<boolean> {
  return async () => {
    const fresh = await certificates.getCertificate(pending.read.certificateNo, { consistent: true });
    if (!fresh || !onlyRevisionMoved(pending.read, fresh)) return false;
    pending.read = fresh;
    pending.next = { ...pending.next, revision: nextRevision(fresh) };
    return true;
  };
}
