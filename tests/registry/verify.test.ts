import sharp from 'sharp';
import { qrSvg } from '../../web/registry/qr';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../app/create-app';
import { VerificationSchema } from '../../shared/registry/verification';
import type { Services } from '../../shared/services';
import { ManualClock } from '../../shared/time/clock';
import { createTestAccount, type TestAccount } from '../authz/accounts';
import { expectErrorShape } from '../support/error-shape';
import { createTestServices } from '../support/test-services';
import { postAs, recordBody, seedSubject } from './registry-fixtures';

describe('public verification page, JSON and QR', () => {
  const clock = new ManualClock('2026-11-23T03:00:00Z');
  let services: Services;
  let app: App;
  let officer: TestAccount;

  beforeAll(async () => {
    services = await createTestServices({ clock });
    app = createApp(services);
    officer = await createTestAccount(services, 'officer', { provinceCode: '86' });
    await seedSubject(services, 'htx-xm-1', '86');
    await seedSubject(services, 'htx-xm-2', '86');
    // A legacy Trà Vinh decision: the issuer is shown verbatim plus today's province.
    const legacy = { certificateNo: 'TV-2024-7', subjectId: 'htx-xm-1', productId: 'htx-xm-1-sp', decisionDate: '2024-03-15', decisionNo: '345/QĐ-UBND', issuingAuthority: 'UBND tỉnh Trà Vinh', issuerProvinceLegacyName: 'Trà Vinh' };
    expect((await postAs(app, '/api/registry/certificates', recordBody(legacy), officer.bearer)).status).toBe(201);
    expect((await postAs(app, '/api/registry/certificates', recordBody({ certificateNo: 'VL-2026-9', subjectId: 'htx-xm-2', productId: 'htx-xm-2-sp' }), officer.bearer)).status).toBe(201);
  });

  const verify = async (no: string) => VerificationSchema.parse(await (await app.request(`/api/verify/${no}`)).json());

  it('states a valid certificate with issuer, producer and listed product', async () => {
    clock.set('2026-11-23T03:00:00Z');
    const res = await app.request('/api/verify/TV-2024-7');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const v = VerificationSchema.parse(await res.json());
    expect(v).toMatchObject({
      state: 'valid',
      valid: true,
      stars: 4,
      issuingAuthority: 'UBND tỉnh Trà Vinh',
      issuer: 'UBND tỉnh Trà Vinh (nay thuộc tỉnh Vĩnh Long)',
      expiresOn: '2027-03-15',
      producer: { id: 'htx-xm-1' },
      products: [{ id: 'htx-xm-1-sp', listed: true }],
    });
    const page = await (await app.request('/xac-minh/TV-2024-7')).text();
    expect(page).toContain('Chứng nhận hợp lệ');
    expect(page).toContain('aria-label="OCOP 4 sao"');
    expect(page).toContain('UBND tỉnh Trà Vinh (nay thuộc tỉnh Vĩnh Long)');
  });

  it('turns expired at the expiry second (00:00 Vietnam time after expiresOn), with no badge', async () => {
    clock.set(new Date(Date.parse('2027-03-15T17:00:00Z') - 1));
    expect((await verify('TV-2024-7')).state).toBe('valid');
    clock.set('2027-03-15T17:00:00Z');
    const v = await verify('TV-2024-7');
    expect(v).toMatchObject({ state: 'expired', valid: false, stateLabel: 'Hết hạn', products: [{ listed: false }] });
    const page = await (await app.request('/xac-minh/TV-2024-7')).text();
    expect(page).toContain('Hết hạn');
    expect(page).not.toContain('aria-label="OCOP 4 sao"');
    clock.set('2026-11-23T03:00:00Z');
  });

  it('says "Đã thu hồi" right after a revocation', async () => {
    const res = await postAs(app, '/api/registry/certificates/VL-2026-9/revoke', { revocationDecisionNo: '9/QĐ-UBND', revokedOn: '2026-11-22', reason: 'Vi phạm nhãn mác' }, officer.bearer);
    expect(res.status).toBe(200);
    expect(await verify('VL-2026-9')).toMatchObject({ state: 'revoked', valid: false, stateLabel: 'Đã thu hồi', revocationDecisionNo: '9/QĐ-UBND' });
    const page = await (await app.request('/xac-minh/VL-2026-9')).text();
    expect(page).toContain('Đã thu hồi');
    expect(page).toContain('9/QĐ-UBND');
    expect(page).not.toContain('aria-label="OCOP 4 sao"');
  });

  it('answers an unknown number with 404 in the shared shape (JSON) and for the QR', async () => {
    const res = await app.request('/api/verify/KHONG-CO');
    expect(res.status).toBe(404);
    await expectErrorShape(res, 'CERTIFICATE_NOT_FOUND');
    expect((await app.request('/xac-minh/KHONG-CO/qr.png', { headers: { accept: 'application/json' } })).status).toBe(404);
  });

  it('serves a downloadable SVG QR code of the absolute verification URL', async () => {
    const res = await app.request('http://cho-ocop.test/xac-minh/TV-2024-7/qr.svg');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('image/svg+xml');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="ocop-TV-2024-7.svg"');
    const svg = await res.text();
    expect(svg).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    const meta = await sharp(Buffer.from(svg)).metadata();
    expect(meta.format).toBe('svg');
    // QR encoding is deterministic: the same matrix as the absolute URL's proves what is printed.
    expect(svg).toBe(await qrSvg('http://cho-ocop.test/xac-minh/TV-2024-7'));
    expect(svg).not.toBe(await qrSvg('/xac-minh/TV-2024-7'));
  });

  it('serves a PNG QR code that is a real, square PNG', async () => {
    const res = await app.request('http://cho-ocop.test/xac-minh/TV-2024-7/qr.png');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="ocop-TV-2024-7.png"');
    const png = Buffer.from(await res.arrayBuffer());
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const meta = await sharp(png).metadata();
    expect(meta).toMatchObject({ format: 'png', width: 1024, height: 1024 });
  });
});
