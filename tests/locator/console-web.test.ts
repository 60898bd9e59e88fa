import { beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../app/create-app';
import type { EdgeServices } from '../../app/create-services';
import { ManualClock } from '../../shared/time/clock';
import { createTestAccount, type TestAccount } from '../authz/accounts';
import { createTestServices } from '../support/test-services';
import { consolePointForm } from './fixtures';

const ORIGIN = 'http://localhost';
const clock = new ManualClock('2026-12-21T02:00:00Z');

describe('officer console: points of sale pages (DynamoDB Local)', () => {
  let services: EdgeServices;
  let app: App;
  let officer: TestAccount;
  let other: TestAccount;
  let admin: TestAccount;

  const page = (who: TestAccount, path: string) => app.request(path, { headers: who.cookie });
  const post = (who: TestAccount, path: string, form: Record<string, string>) =>
    app.request(path, { method: 'POST', headers: { ...who.cookie, origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form).toString() });

  beforeAll(async () => {
    services = await createTestServices({ clock });
    app = createApp(services);
    officer = await createTestAccount(services, 'officer', { provinceCode: '01' });
    other = await createTestAccount(services, 'officer', { provinceCode: '79' });
    admin = await createTestAccount(services, 'admin');
  });

  it('creates a point from the form (OSM hours), shows it in the list, edits it with per-day hours, then deletes it', async () => {
    const bad = await post(officer, '/quan-ly/tinh/diem-ban/moi', consolePointForm({ lat: 'hai mốt', osm: 'mở cả ngày' }));
    expect(bad.status).toBe(400);
    const badHtml = await bad.text();
    expect(badHtml).toContain('Chỉ nhận số thập phân');
    expect(badHtml).toContain('href="#truong-lat"');
    expect(await services.points.inProvince('01')).toEqual([]);

    const created = await post(officer, '/quan-ly/tinh/diem-ban/moi', consolePointForm());
    expect(created.status, await created.clone().text()).toBe(303);
    const [point] = await services.points.inProvince('01');
    expect(point!.openingHours.weekly.sat).toEqual([{ open: '08:00', close: '12:00' }]);
    const list = await (await page(officer, created.headers.get('location')!)).text();
    expect(list).toContain('Đã thêm điểm bán.');
    expect(list).toContain('Trung tâm OCOP Hoàn Kiếm');
    expect(list).toContain(`/quan-ly/tinh/diem-ban/${point!.id}/sua`);

    const form = await (await page(officer, `/quan-ly/tinh/diem-ban/${point!.id}/sua`)).text();
    expect(form).toContain('value="07:30-11:30,13:30-17:00"');
    const edited = await post(officer, `/quan-ly/tinh/diem-ban/${point!.id}/sua`, consolePointForm({ osm: '', mon: '08:00-12:00', sun: '09:00-11:00', phone: '' }));
    expect(edited.status, await edited.clone().text()).toBe(303);
    const after = (await services.points.get(point!.id))!;
    expect(after.openingHours.weekly.mon).toEqual([{ open: '08:00', close: '12:00' }]);
    expect(after.openingHours.weekly.tue).toEqual([]);
    expect(after.phone).toBeUndefined();

    expect((await post(other, `/quan-ly/tinh/diem-ban/${point!.id}/sua`, consolePointForm())).status).toBe(403);
    expect((await page(other, '/quan-ly/tinh/diem-ban?province=01')).status).toBe(403);
    expect((await post(other, `/quan-ly/tinh/diem-ban/${point!.id}/xoa`, {})).status).toBe(403);
    expect((await post(officer, `/quan-ly/tinh/diem-ban/${point!.id}/xoa`, {})).status).toBe(303);
    expect(await services.points.get(point!.id)).toBeUndefined();
  });

  it('imports a CSV: dry run shows the per-row table and a confirm button; confirming writes; export downloads the same columns', async () => {
    const csv = ['Mã,Tên,Loại,Mã tỉnh,"Xã, phường",Địa chỉ,Vĩ độ,Kinh độ,Giờ mở cửa OSM', 'W-1,Góc OCOP Long Biên,supermarket_corner,01,Phường Long Biên,7 Nguyễn Văn Cừ,21.044,105.866,Mo-Su 08:00-21:00', 'W-2,Góc OCOP Bến Thành,showroom,79,Phường Bến Thành,Lê Lợi,10.7725,106.698,Mo-Su 08:00-20:00'].join('\r\n');
    const dry = await post(officer, '/quan-ly/tinh/diem-ban/nhap-csv', { csvText: csv, dryRun: '1' });
    expect(dry.status).toBe(200);
    const dryHtml = await dry.text();
    expect(dryHtml).toContain('Kết quả chạy thử');
    expect(dryHtml).toContain('data-outcome="would-create"');
    expect(dryHtml).toContain('Bạn không phụ trách tỉnh, thành phố này');
    expect(dryHtml).toContain('Xác nhận nhập 1 dòng');
    expect(await services.points.inProvince('01')).toEqual([]);

    const real = await post(officer, '/quan-ly/tinh/diem-ban/nhap-csv', { csvText: csv, dryRun: '0' });
    expect(await real.text()).toContain('data-outcome="created"');
    expect((await services.points.inProvince('01')).map((p) => p.importKey)).toEqual(['W-1']);

    const unknown = await post(officer, '/quan-ly/tinh/diem-ban/nhap-csv', { csvText: 'Tên,Màu\r\nA,đỏ', dryRun: '1' });
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain('cột lạ: Màu');

    const exported = await page(officer, '/quan-ly/tinh/diem-ban/xuat-csv');
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-disposition')).toContain('diem-ban-ocop-01.csv');
    expect(await exported.text()).toContain('W-1,Góc OCOP Long Biên');
    expect((await page(other, '/quan-ly/tinh/diem-ban/xuat-csv?province=01')).status).toBe(403);
    const adminList = await (await page(admin, '/quan-ly/tinh/diem-ban?province=01')).text();
    expect(adminList).toContain('Góc OCOP Long Biên');
    expect((await page(officer, '/quan-ly/tinh/diem-ban')).headers.get('cache-control')).toBe('no-store');
  });
});
