import { Hono } from 'hono';
import type { AppEnv } from '../../shared/http/app-env';
import { LivestreamIdSchema } from '../../shared/livestream/schemas';
import { listLivestreams, livestreamDetail } from '../../shared/livestream/service';
import { livestreamNotFound } from '../../shared/livestream/errors';
import { assetsOf } from '../http';
import { sendPage } from '../render';
import { LivePage } from './live-page';
import { LivestreamListPage } from './livestream-list-page';
import { LIVESTREAMS_PATH } from './paths';
import { producerLiveRoutes } from './producer-routes';

/** Lives open and close by the clock: revalidated on every view, never served stale. */
const LIVE_CACHE = 'no-cache';

export function livestreamWebRoutes() {
  const web = new Hono<AppEnv>();
  web.get(LIVESTREAMS_PATH, async (c) => {
    const services = c.get('services');
    const [live, upcoming, ended] = await Promise.all([
      listLivestreams(services, { status: 'live', limit: 24 }),
      listLivestreams(services, { status: 'upcoming', limit: 24 }),
      listLivestreams(services, { status: 'ended', limit: 12 }),
    ]);
    return sendPage(c, <LivestreamListPage assets={assetsOf(c)} live={live} upcoming={upcoming} ended={ended} />, { cache: LIVE_CACHE });
  });
  web.get(`${LIVESTREAMS_PATH}/:id`, async (c) => {
    const id = c.req.param('id');
    if (!LivestreamIdSchema.safeParse(id).success) throw livestreamNotFound();
    const live = await livestreamDetail(c.get('services'), id);
    return sendPage(c, <LivePage assets={assetsOf(c)} live={live} />, { cache: LIVE_CACHE });
  });
  web.route('/', producerLiveRoutes());
  return web;
}
