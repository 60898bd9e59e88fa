import { beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../app/create-app';
import type { Services } from '../../shared/services';
import { createTestAccount } from '../authz/accounts';
import { postForm } from '../identity/http';
import { createTestServices } from '../support/test-services';

const form = {
  subjectType: 'enterprise',
  legalName: 'Công ty Chè Tân Cương',
  taxCode: '4601234567',
  provinceCode: '19',
  commune: 'xã Tân Cương',
  addressLine: 'xóm Hích',
  phone: '0912345678',
  email: 'che@tan-cuong.vn',
  story: 'Chè **Tân Cương**',
};

describe('onboarding web pages', () => {
  let services: Services;
  let app: App;

  beforeAll(async () => {
    services = await createTestServices();
    app = createApp(services);
  });

  const get = (path: string, headers: Record<string, string>) => app.request(path, { headers: { accept: 'text/html', ...headers } });

  it('application form: labelled fields, inline errors, then submitted', async () => {
    const producer = await createTestAccount(services, 'producer');
    const page = await get('/co-so-cua-toi/dang-ky', producer.cookie);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<label for="truong-taxCode">');
    expect(html).toContain('id="truong-provinceCode"');
    expect(html).not.toMatch(/huyện<\/label>/i);

    const bad = await postForm(app, '/co-so-cua-toi/dang-ky', { ...form, taxCode: '123', phone: 'abc' }, producer.cookie);
    expect(bad.status).toBe(400);
    const badHtml = await bad.text();
    expect(badHtml).toContain('class="error-summary"');
    expect(badHtml).toMatch(/id="truong-taxCode"[^>]*aria-invalid="true"/);
    expect(badHtml).toContain('id="truong-phone-loi"');
    expect(badHtml).toContain('value="Công ty Chè Tân Cương"');

    const ok = await postForm(app, '/co-so-cua-toi/dang-ky', form, producer.cookie);
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe('/co-so-cua-toi/dang-ky?da-gui=1');

    const again = await postForm(app, '/co-so-cua-toi/dang-ky', form, producer.cookie);
    expect(again.status).toBe(409);
    expect(await again.text()).toContain('đã có một hồ sơ');
  });

  it('signed-out visitors are sent to sign in', async () => {
    const res = await get('/co-so-cua-toi/dang-ky', {});
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toContain('/dang-nhap?next=');
  });

  it("officer queue: lists the province's applications, rejects with an inline reason error, approves", async () => {
    const producer = await createTestAccount(services, 'producer');
    await postForm(app, '/co-so-cua-toi/dang-ky', { ...form, legalName: 'HTX Chè Thái Nguyên' }, producer.cookie);
    const [application] = (await services.applications.listByProvince('19', 'pending', 100)).filter((a) => a.accountId === producer.account.id);
    const officer = await createTestAccount(services, 'officer', { provinceCode: '19' });

    const queue = await get('/quan-ly/tinh/ho-so', officer.cookie);
    expect(queue.status).toBe(200);
    expect(await queue.text()).toContain('HTX Chè Thái Nguyên');

    const elsewhere = await createTestAccount(services, 'officer', { provinceCode: '01' });
    expect(await (await get('/quan-ly/tinh/ho-so', elsewhere.cookie)).text()).not.toContain('HTX Chè Thái Nguyên');

    const noReason = await postForm(app, `/quan-ly/tinh/ho-so/${application!.id}/tu-choi`, { reason: '' }, officer.cookie);
    expect(noReason.status).toBe(400);
    const html = await noReason.text();
    expect(html).toContain(`id="ly-do-${application!.id}-loi"`);
    expect(html).toContain('Nêu lý do từ chối');

    const approve = await postForm(app, `/quan-ly/tinh/ho-so/${application!.id}/duyet`, {}, officer.cookie);
    expect(approve.status).toBe(303);
    expect((await services.identity.accounts.getAccount(producer.account.id))?.producerId).toMatch(/^htx-che-thai-nguyen-/);

    const foreign = await postForm(app, `/quan-ly/tinh/ho-so/${application!.id}/duyet`, {}, elsewhere.cookie);
    expect(foreign.status).toBe(403);
  });
});
