import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../shared/http/app-env';
import { currentPrincipal } from '../../shared/identity/authenticate';
import { clientIp } from '../../shared/identity/client-ip';
import { recordVisit } from '../../shared/fairs/analytics';
import { boothNotFound, fairNotFound, RateLimited } from '../../shared/fairs/errors';
import { submitInquiry } from '../../shared/fairs/inquiry-service';
import { BoothNoSchema, FairIdSchema, InquiryInputSchema } from '../../shared/fairs/schemas';
import { boothDetail, fairDetail, listFairs } from '../../shared/fairs/service';
import { AppError } from '../../shared/http/errors';
import { readForm } from '../components/form/form-state';
import { assetsOf, formBodyLimit } from '../http';
import { NO_STORE, sendPage } from '../render';
import { consoleFairRoutes } from './console-routes';
import { BoothPage, FairLobbyPage, FairPage, HallPage, type InquiryFormState } from './public-pages';
import { FAIRS_PATH } from './paths';
import { producerFairRoutes } from './producer-routes';

/** Fairs open and close by the clock: revalidated on every view. */
const FAIR_CACHE = 'no-cache';

const fairIdOf = (c: Context) => {
  const id = c.req.param('id') ?? '';
  if (!FairIdSchema.safeParse(id).success) throw fairNotFound();
  return id;
};
const boothNoOf = (c: Context) => {
  const parsed = BoothNoSchema.safeParse(c.req.param('boothNo'));
  if (!parsed.success) throw boothNotFound();
  return parsed.data;
};
/** Who the unique-visitor count keys on (hashed with the fair and day before it is stored). */
const visitorOf = (c: Context<AppEnv>) => `${clientIp(c)}|${c.req.header('user-agent') ?? ''}`;

async function boothPage(c: Context<AppEnv>, inquiry: InquiryFormState, status: 200 | 201 | 400 | 429 = 200) {
  const services = c.get('services');
  const { fair, booth } = await boothDetail(services, currentPrincipal(c), fairIdOf(c), boothNoOf(c));
  return sendPage(c, <BoothPage assets={assetsOf(c)} fair={fair} booth={booth} now={services.clock.now()} inquiry={inquiry} />, { status, cache: status === 200 ? FAIR_CACHE : NO_STORE });
}

const inquiryFields = ['company', 'country', 'contactName', 'contactEmail', 'product', 'quantity', 'message', 'website'] as const;

export function fairWebRoutes() {
  const web = new Hono<AppEnv>();
  web.get(FAIRS_PATH, async (c) => {
    const services = c.get('services');
    const [live, upcoming, closed] = await Promise.all([listFairs(services, 'live', 24), listFairs(services, 'upcoming', 24), listFairs(services, 'closed', 12)]);
    return sendPage(c, <FairLobbyPage assets={assetsOf(c)} live={live} upcoming={upcoming} closed={closed} />, { cache: FAIR_CACHE });
  });
  web.get(`${FAIRS_PATH}/:id`, async (c) => {
    const services = c.get('services');
    const fair = await fairDetail(services, currentPrincipal(c), fairIdOf(c));
    if (fair.status !== 'draft') await recordVisit(services, fair, {}, visitorOf(c));
    return sendPage(c, <FairPage assets={assetsOf(c)} fair={fair} />, { cache: fair.status === 'draft' ? NO_STORE : FAIR_CACHE });
  });
  web.get(`${FAIRS_PATH}/:id/khu/:hallId`, async (c) => {
    const services = c.get('services');
    const fair = await fairDetail(services, currentPrincipal(c), fairIdOf(c));
    const hall = fair.halls.find((h) => h.id === c.req.param('hallId'));
    if (!hall) throw fairNotFound();
    if (fair.status !== 'draft') await recordVisit(services, fair, { hallId: hall.id }, visitorOf(c));
    return sendPage(c, <HallPage assets={assetsOf(c)} fair={fair} hall={hall} group={c.req.query('nhom') || undefined} province={c.req.query('tinh') || undefined} />, { cache: FAIR_CACHE });
  });
  web.get(`${FAIRS_PATH}/:id/gian/:boothNo`, async (c) => {
    const services = c.get('services');
    const fairId = fairIdOf(c);
    const boothNo = boothNoOf(c);
    const res = await boothPage(c, { values: {}, sent: c.req.query('da-gui') === '1' });
    const booth = await services.fairs.booth(fairId, boothNo);
    if (booth) await recordVisit(services, { id: fairId }, { hallId: booth.hallId, boothNo }, visitorOf(c));
    return res;
  });
  // The inquiry form, for browsers without scripts: the same service as the API (rate limit, honeypot).
  web.post(`${FAIRS_PATH}/:id/gian/:boothNo/lien-he`, formBodyLimit(), async (c) => {
    const fairId = fairIdOf(c);
    const boothNo = boothNoOf(c);
    const values = await readForm(c, inquiryFields);
    const parsed = InquiryInputSchema.safeParse({ ...values, website: values.website || undefined });
    if (!parsed.success) return boothPage(c, { values, error: 'Kiểm tra lại các ô: ' + parsed.error.issues.map((i) => i.message).join('; ') }, 400);
    try {
      await submitInquiry(c.get('services'), clientIp(c), fairId, boothNo, parsed.data);
    } catch (error) {
      if (error instanceof RateLimited) {
        c.header('Retry-After', String(error.retryAfterSeconds));
        return boothPage(c, { values, error: error.message }, 429);
      }
      if (error instanceof AppError && error.status === 400) return boothPage(c, { values, error: error.message }, 400);
      throw error;
    }
    c.header('Cache-Control', NO_STORE);
    return c.redirect(`${FAIRS_PATH}/${fairId}/gian/${boothNo}?da-gui=1`, 303);
  });
  web.route('/', consoleFairRoutes());
  web.route('/', producerFairRoutes());
  return web;
}
