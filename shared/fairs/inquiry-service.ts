import { randomBytes } from 'node:crypto';
import type { Principal } from '../identity/principal';
import type { ThrottlePolicy } from '../identity/throttle-policy';
import type { Services } from '../services';
import { vietnamCalendarDate } from '../time/vietnam-time';
import { boothNotFound, fairNotFound, inquiryNotFound, notExhibitor, RateLimited } from './errors';
import type { Inquiry, InquiryStatus } from './inquiry';
import type { InquiryInput } from './schemas';

/** Inquiries per client address: enough for a trade delegation sharing one network, not for a bot. */
export const INQUIRY_LIMIT = 10;
export const INQUIRY_THROTTLE: ThrottlePolicy = { freeFailures: INQUIRY_LIMIT, windowMs: 60 * 60_000, maxLockMs: 60 * 60_000 };

const newInquiryId = (now: Date) => `inq-${now.getTime().toString(36)}${randomBytes(5).toString('hex')}`;

/**
 * Counts the client's inquiry on the identity throttle counters (atomic ADD, shared/identity/
 * throttle-store.ts) and refuses with 429 RATE_LIMITED once it has sent INQUIRY_LIMIT within the
 * window (the window slides from its last counted inquiry).
 */
async function countInquiry(services: Services, clientIp: string): Promise<void> {
  const ref = { scope: 'inq' as const, value: clientIp };
  const now = services.clock.now();
  const [record] = await services.identity.throttles.read([ref]);
  if (record && record.failures >= INQUIRY_LIMIT && record.lastFailureAt > now.getTime() - INQUIRY_THROTTLE.windowMs) {
    throw new RateLimited(Math.max(1, Math.ceil((record.lastFailureAt + INQUIRY_THROTTLE.windowMs - now.getTime()) / 1000)));
  }
  await services.identity.throttles.recordFailure(ref, now, INQUIRY_THROTTLE);
}

/**
 * A business buyer's inquiry to a booth of a public fair (open or live). A filled honeypot gets the
 * same receipt and nothing is stored, so a bot learns nothing. Writes the inquiry and the booth's
 * inquiry counter of the day in one transaction.
 */
export async function submitInquiry(services: Services, clientIp: string, fairId: string, boothNo: number, input: InquiryInput): Promise<{ id: string; status: InquiryStatus }> {
  await countInquiry(services, clientIp);
  const now = services.clock.now();
  const id = newInquiryId(now);
  if (input.website && input.website.trim() !== '') {
    services.logger.info('fair inquiry honeypot', { fairId, boothNo });
    return { id, status: 'new' };
  }
  const [fair, booth] = await Promise.all([services.fairs.get(fairId), services.fairs.booth(fairId, boothNo)]);
  if (!fair || fair.status === 'draft' || fair.status === 'closed') throw fairNotFound();
  if (!booth) throw boothNotFound();
  const at = now.toISOString();
  const inquiry: Inquiry = {
    id,
    fairId,
    boothNo,
    producerId: booth.producerId,
    company: input.company,
    country: input.country,
    contactName: input.contactName,
    contactEmail: input.contactEmail,
    product: input.product,
    quantity: input.quantity,
    status: 'new',
    messages: [{ from: 'buyer', text: input.message, at }],
    createdAt: at,
    updatedAt: at,
  };
  await services.fairs.putInquiry(inquiry, vietnamCalendarDate(now));
  return { id, status: 'new' };
}

function exhibitorOf(principal: Principal, producerId?: string): string {
  if (principal.role === 'producer' && principal.producerId) return principal.producerId;
  if (principal.role === 'admin' && producerId) return producerId;
  throw notExhibitor();
}

/** The exhibitor's inbox (1 Query of its GSI2 partition), optionally one status. */
export async function inquiryInbox(services: Services, principal: Principal, status?: InquiryStatus, producerId?: string): Promise<Inquiry[]> {
  const items = await services.fairs.inbox(exhibitorOf(principal, producerId));
  return status ? items.filter((i) => i.status === status) : items;
}

/** A reply in the thread (status → replied), or a status change (new/replied/closed); its own inquiries only. */
export async function answerInquiry(services: Services, principal: Principal, id: string, change: { text?: string | undefined; status?: InquiryStatus | undefined }): Promise<Inquiry> {
  const inquiry = await services.fairs.getInquiry(id);
  if (!inquiry) throw inquiryNotFound();
  const producerId = exhibitorOf(principal, inquiry.producerId);
  if (inquiry.producerId !== producerId) throw notExhibitor();
  const at = services.clock.now().toISOString();
  const status = change.status ?? (change.text ? 'replied' : inquiry.status);
  const updated = await services.fairs.addMessage(id, producerId, change.text ? { from: 'exhibitor', text: change.text, at } : undefined, status, at);
  if (!updated) throw inquiryNotFound();
  return updated;
}
