import type { Services } from '../services';
import { notifyFollowers } from './service';
import { effectiveStatus } from './window';

/** Lives open at once are few (each lasts ≤ 12 h); one Query of the active index reads them all. */
const ACTIVE_READ = 200;

export interface StartNoticeReport {
  checked: number;
  announced: number;
}

/**
 * A live the clock opened without anyone pressing "start" still tells its followers: every minute the
 * job reads the lives on now (1 Query), and for each not yet announced marks it (conditional on the
 * version it read, so two runs, or a run and a press of "start", announce it once) and then writes
 * the notices.
 */
export async function sendStartNotices(services: Services): Promise<StartNoticeReport> {
  const now = services.clock.now();
  const lives = await services.livestreams.openOrUpcoming(now, ACTIVE_READ);
  const due = lives.filter((l) => effectiveStatus(l, now) === 'live' && !l.startNoticeSentAt);
  let announced = 0;
  for (const live of due) {
    const next = { ...live, startNoticeSentAt: now.toISOString(), version: live.version + 1 };
    if (!(await services.livestreams.replace(live, next))) continue;
    await notifyFollowers(services, { ...next, updatedAt: now.toISOString() });
    announced++;
  }
  if (announced > 0) services.logger.info('live start notices sent', { announced });
  return { checked: lives.length, announced };
}
