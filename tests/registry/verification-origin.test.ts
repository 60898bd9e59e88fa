import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app/create-app';
import { publicOrigin } from '../../shared/http/public-origin';
import type { Services } from '../../shared/services';
import { qrPng, qrSvg } from '../../web/registry/qr';
import { createTestAccount } from '../authz/accounts';
import { createTestServices } from '../support/test-services';
import { postAs, recordBody, seedSubject } from './registry-fixtures';

const API_GATEWAY = 'https://a1b2c3d4e5.execute-api.ap-southeast-1.amazonaws.com';

/** Issue 10 point 9: codes printed on packaging must carry the site's origin, not the API's host. */
describe('verification QR codes on a deployed stage', () => {
  let services: Services;

  beforeAll(async () => {
    services = await createTestServices();
    const officer = await createTestAccount(services, 'officer', { provinceCode: '86' });
    await seedSubject(services, 'htx-qr-1', '86');
    const res = await postAs(createApp(services), '/api/registry/certificates', recordBody({ certificateNo: 'QR-2026-1', subjectId: 'htx-qr-1', productId: 'htx-qr-1-sp' }), officer.bearer);
    expect(res.status).toBe(201);
  });

  it('encodes the configured public origin, whatever host the Lambda is called on', async () => {
    const aws = createApp({ ...services, config: { ...services.config, stage: 'prod', trustForwardedHost: true, publicOrigins: ['https://cho-ocop.vn', 'https://d111111abcdef8.cloudfront.net'] } });
    const headers = { 'x-forwarded-host': 'evil.example' };
    const svg = await aws.request(`${API_GATEWAY}/xac-minh/QR-2026-1/qr.svg`, { headers });
    expect(svg.status).toBe(200);
    expect(await svg.text()).toBe(await qrSvg('https://cho-ocop.vn/xac-minh/QR-2026-1'));
    const png = await aws.request(`${API_GATEWAY}/xac-minh/QR-2026-1/qr.png`, { headers });
    expect(Buffer.from(await png.arrayBuffer()).equals(await qrPng('https://cho-ocop.vn/xac-minh/QR-2026-1'))).toBe(true);
  });

  it('never falls back to the request host outside local/test, and does locally', () => {
    expect(() => publicOrigin({ stage: 'dev', publicOrigins: [] }, `${API_GATEWAY}/xac-minh/QR-2026-1/qr.svg`)).toThrow(/PUBLIC_ORIGINS/);
    expect(() => publicOrigin({ stage: 'prod', publicOrigins: [] }, `${API_GATEWAY}/xac-minh/QR-2026-1/qr.svg`)).toThrow(/PUBLIC_ORIGINS/);
    expect(publicOrigin({ stage: 'local', publicOrigins: [] }, 'http://localhost:3000/xac-minh/x/qr.svg')).toBe('http://localhost:3000');
    expect(publicOrigin({ stage: 'dev', publicOrigins: ['https://cho-ocop.vn/'] }, `${API_GATEWAY}/x`)).toBe('https://cho-ocop.vn');
  });
});
