import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../app/create-app';
import type { EdgeServices } from '../../app/create-services';
import type { ImportReport } from '../../shared/locator/csv-import';
import { ManualClock } from '../../shared/time/clock';
import { createTestAccount, type TestAccount } from '../authz/accounts';
import { listedProduct } from '../cart/fixtures';
import { makeProducer } from '../support/catalog-fixtures';
import { expectErrorShape } from '../support/error-shape';
import { createTestServices } from '../support/test-services';

// Monday 2026-12-21 09:00 in Vietnam.
const clock = new ManualClock('2026-12-21T02:00:00Z');

const HEADER = 'Mã,Tên,Loại,Mã tỉnh,"Xã, phường",Địa chỉ,Vĩ độ,Kinh độ,Giờ mở cửa OSM,Điện thoại,Sản phẩm';
const lines = (...rows: string[]) => [HEADER, ...rows].join('\r\n');

describe('points of sale CSV import and export (DynamoDB Local)', () => {
  let services: EdgeServices;
  let app: App;
  let officerHn: TestAccount;
  let officerHcm: TestAccount;
  let admin: TestAccount;
  let product: string;

  const importCsv = (who: TestAccount, csv: string, dryRun: boolean) =>
    app.request(`/api/points-of-sale/imports?dryRun=${dryRun}`, { method: 'POST', headers: { ...who.bearer, 'content-type': 'application/json' }, body: JSON.stringify({ csv }) });
  const report = async (who: TestAccount, csv: string, dryRun: boolean) => {
    const res = await importCsv(who, csv, dryRun);
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()) as ImportReport;
  };
  const exportCsv = (who: TestAccount, query = '') => app.request(`/api/points-of-sale/export${query}`, { headers: who.bearer });

  beforeAll(async () => {
    services = await createTestServices({ clock });
    app = createApp(services);
    await services.producers.createProducer(makeProducer({ id: 'htx-csv-a', provinceCode: '01' }));
    product = (await listedProduct(services, { producerId: 'htx-csv-a' })).id;
    officerHn = await createTestAccount(services, 'officer', { provinceCode: '01' });
    officerHcm = await createTestAccount(services, 'officer', { provinceCode: '79' });
    admin = await createTestAccount(services, 'admin');
  });

  it('dry run: a per-row report (line, Vietnamese field errors, another province refused) and nothing written', async () => {
    const csv = lines(
      `HN-001,Trung tâm OCOP Hoàn Kiếm,center,01,Phường Hoàn Kiếm,25 Tràng Tiền,21.0245,105.8553,"Mo-Fr 07:30-11:30,13:30-17:00; Sa 08:00-12:00",024 3826 1234,${product}`,
      'HN-002,Góc OCOP siêu thị,Góc OCOP trong siêu thị,1,Phường Cầu Giấy,1 Trần Duy Hưng,21.0069,"105,7973",Mo-Su 08:00-22:00,,',
      'HN-003,Ki-ốt lỗi,airport,01,Phường Sóc Sơn,Nội Bài,hai mốt,105.80,Mo-Su 06:00-22:00,,',
      'HCM-001,Góc OCOP Bến Thành,showroom,79,Phường Bến Thành,Lê Lợi,10.7725,106.6980,Mo-Su 08:00-20:00,,',
      'HN-004,Sai giờ,showroom,01,Phường Hoàn Kiếm,1 Hàng Bài,21.02,105.85,mở cả ngày,,',
      'HN-005,Ngoài biên giới,showroom,01,Phường Hoàn Kiếm,1 Hàng Bài,13.756,100.502,Mo-Fr 08:00-17:00,,',
    );
    const r = await report(officerHn, csv, true);
    expect(r.dryRun).toBe(true);
    expect(r.rows.map((x) => [x.line, x.outcome, x.code])).toEqual([
      [2, 'would-create', undefined],
      [3, 'would-create', undefined],
      [4, 'error', 'INVALID_INPUT'],
      [5, 'error', 'NOT_PROVINCE_OFFICER'],
      [6, 'error', 'INVALID_INPUT'],
      [7, 'error', 'INVALID_INPUT'],
    ]);
    expect(r.rows[2]!.errors).toEqual([{ field: 'Vĩ độ', message: 'Chỉ nhận số thập phân (ví dụ 21.0245)' }]);
    expect(r.rows[3]!.errors![0]!.message).toMatch(/không phụ trách/);
    expect(r.rows[4]!.errors![0]).toEqual(expect.objectContaining({ field: 'Giờ mở cửa OSM' }));
    expect(r.rows[5]!.errors![0]!.message).toMatch(/ngoài đất liền/);
    expect(r.counts).toEqual({ created: 0, updated: 0, unchanged: 0, 'would-create': 2, 'would-update': 0, error: 4 });
    expect(await services.points.inProvince('01')).toEqual([]);
  });

  it('real run creates the good rows (OSM hours read into the weekly form); the same file again is all unchanged; one edited row is updated', async () => {
    const csv = lines(
      `HN-101,Showroom OCOP Tràng Tiền,showroom,01,Phường Hoàn Kiếm,25 Tràng Tiền,21.0245,105.8553,"Mo-Fr 07:30-11:30,13:30-17:00; Sa 08:00-12:00",024 3826 1234,${product}`,
      ',Ki-ốt OCOP ga Hà Nội,rest_stop,01,Phường Văn Miếu,120 Lê Duẩn,21.0245,105.8412,Mo-Su 06:00-22:00,,',
      'HN-103,Hỏng,showroom,01,Phường Hoàn Kiếm,1 Hàng Bài,21.02,105.85,mở cả ngày,,',
    );
    const first = await report(officerHn, csv, false);
    expect(first.rows.map((x) => x.outcome)).toEqual(['created', 'created', 'error']);
    const id = first.rows[0]!.pointId!;
    const stored = (await services.points.get(id))!;
    expect(stored).toEqual(expect.objectContaining({ name: 'Showroom OCOP Tràng Tiền', importKey: 'HN-101', phone: '02438261234', productIds: [product], version: 1 }));
    expect(stored.openingHours.weekly.mon).toEqual([{ open: '07:30', close: '11:30' }, { open: '13:30', close: '17:00' }]);
    expect(stored.openingHours.weekly.sun).toEqual([]);
    // Without a "Mã" the key is the province + name + address.
    expect(first.rows[1]!.key).toMatch(/^h-[0-9a-f]{16}$/);
    const found = (await (await app.request(`/api/points-of-sale?lat=21.0245&lng=105.8553&radiusKm=1&productId=${product}`)).json()) as { items: { id: string; openNow: boolean }[] };
    expect(found.items).toEqual([expect.objectContaining({ id, openNow: true })]);

    const again = await report(officerHn, csv, false);
    expect(again.rows.map((x) => x.outcome)).toEqual(['unchanged', 'unchanged', 'error']);
    expect((await services.points.get(id))!.version).toBe(1);

    const dry = await report(officerHn, csv.replace('024 3826 1234', '024 3826 9999'), true);
    expect(dry.rows.map((x) => x.outcome)).toEqual(['would-update', 'unchanged', 'error']);
    expect((await services.points.get(id))!.phone).toBe('02438261234');
    const edited = await report(officerHn, csv.replace('024 3826 1234', '024 3826 9999'), false);
    expect(edited.rows.map((x) => x.outcome)).toEqual(['updated', 'unchanged', 'error']);
    expect(await services.points.get(id)).toEqual(expect.objectContaining({ phone: '02438269999', version: 2, importKey: 'HN-101' }));
  });

  it('refuses a repeated key within the file, unknown products per row, and whole-file problems with 400', async () => {
    const dup = await report(
      officerHn,
      lines(
        'HN-201,Điểm một,showroom,01,Phường Hoàn Kiếm,1 Hàng Bài,21.02,105.85,Mo-Fr 08:00-17:00,,',
        'HN-201,Điểm một lần nữa,showroom,01,Phường Hoàn Kiếm,2 Hàng Bài,21.02,105.85,Mo-Fr 08:00-17:00,,',
        'HN-202,Điểm ba,showroom,01,Phường Hoàn Kiếm,3 Hàng Bài,21.02,105.85,Mo-Fr 08:00-17:00,,khong-co-san-pham',
        'HN-203,Không giờ,showroom,01,Phường Hoàn Kiếm,4 Hàng Bài,21.02,105.85,,,',
      ),
      true,
    );
    expect(dup.rows.map((x) => [x.outcome, x.code])).toEqual([
      ['would-create', undefined],
      ['error', 'DUPLICATE_IN_FILE'],
      ['error', 'UNKNOWN_PRODUCT'],
      ['error', 'INVALID_INPUT'],
    ]);
    expect(dup.rows[3]!.errors).toEqual([{ field: 'Giờ mở cửa OSM', message: expect.stringContaining('Nhập giờ mở cửa') }]);
    expect(dup.rows[2]!.errors).toEqual([{ field: 'Sản phẩm', message: expect.stringContaining('khong-co-san-pham') }]);

    const unknownColumn = await importCsv(officerHn, 'Tên,Loại,Màu\r\nA,showroom,đỏ', true);
    expect(unknownColumn.status).toBe(400);
    const body = await expectErrorShape(unknownColumn, 'CSV_COLUMNS');
    expect(body.error.details).toEqual(expect.objectContaining({ unknown: ['Màu'], missing: expect.arrayContaining(['Mã tỉnh', 'Vĩ độ']) }));
    const tooMany = lines(...Array.from({ length: 1001 }, (_, i) => `X-${i},Điểm ${i},showroom,01,Phường Hoàn Kiếm,${i} Hàng Bài,21.02,105.85,,,`));
    await expectErrorShape(await importCsv(officerHn, tooMany, true), 'CSV_TOO_LARGE');
    const huge = await importCsv(officerHn, 'x'.repeat(2 * 1024 * 1024 + 10), true);
    expect(huge.status).toBe(413);
    expect((await app.request('/api/points-of-sale/imports?dryRun=true', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"csv":"x"}' })).status).toBe(401);
  });

  it('reads a semicolon-separated sheet (Vietnamese Excel) with weekday columns and closures', async () => {
    const csv = ['Mã;Tên;Loại;Mã tỉnh;Xã, phường;Địa chỉ;Vĩ độ;Kinh độ;Thứ Hai;Thứ Bảy;Chủ nhật;Ngày nghỉ', 'HN-301;Góc OCOP Long Biên;supermarket_corner;01;Phường Long Biên;7 Nguyễn Văn Cừ;21,0440;105,8660;08:00-12:00, 13h30-17:00;nghỉ;18:00-02:00;"2027-02-06 Nghỉ Tết; 2027-02-07"'].join('\n');
    const r = await report(officerHn, csv, false);
    expect(r.rows[0]!.outcome, JSON.stringify(r.rows[0])).toBe('created');
    const p = (await services.points.get(r.rows[0]!.pointId!))!;
    expect(p.lat).toBe(21.044);
    expect(p.openingHours.weekly.mon).toEqual([{ open: '08:00', close: '12:00' }, { open: '13:30', close: '17:00' }]);
    expect(p.openingHours.weekly.sun).toEqual([{ open: '18:00', close: '02:00' }]);
    expect(p.openingHours.closures).toEqual([{ date: '2027-02-06', reason: 'Nghỉ Tết' }, { date: '2027-02-07' }]);
  });

  it('exports the province as RFC 4180 CSV with a BOM, formula-safe, that re-imports as unchanged', async () => {
    const res = await app.request('/api/points-of-sale', {
      method: 'POST',
      headers: { ...officerHn.bearer, 'content-type': 'application/json' },
      body: JSON.stringify({ name: '=HYPERLINK("http://x","bấm")', type: 'showroom', provinceCode: '01', commune: 'Phường Hoàn Kiếm', street: '5, Hàng Khay', lat: 21.025, lng: 105.852, openingHours: 'Mo-Sa 08:00-17:00', phone: '+84 24 3826 1234' }),
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const created = (await res.json()) as { id: string; openingHours: { weekly: Record<string, unknown[]> } };
    expect(created.openingHours.weekly.sat).toEqual([{ open: '08:00', close: '17:00' }]);

    const out = await exportCsv(officerHn);
    expect(out.status).toBe(200);
    expect(out.headers.get('content-type')).toMatch(/^text\/csv/);
    const bytes = new Uint8Array(await out.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    const rows = parse(text, { bom: true }) as string[][];
    expect(rows[0]!.slice(0, 4)).toEqual(['Mã', 'Tên', 'Loại', 'Mã tỉnh']);
    const formula = rows.find((r) => r[0] === created.id)!;
    expect(formula[1]).toBe('\'=HYPERLINK("http://x","bấm")');
    expect(formula.find((c) => c.includes('3826'))).toBe("'+842438261234");
    expect(rows.length).toBeGreaterThanOrEqual(5);

    const again = await report(officerHn, text, false);
    expect(again.rows.map((r) => r.outcome).every((o) => o === 'unchanged'), JSON.stringify(again.rows.filter((r) => r.outcome !== 'unchanged'))).toBe(true);
    expect(again.rows.length).toBe(rows.length - 1);

    await expectErrorShape(await exportCsv(officerHcm, '?province=01'), 'NOT_PROVINCE_OFFICER');
    await expectErrorShape(await exportCsv(admin), 'INVALID_INPUT');
    expect((await exportCsv(admin, '?province=01')).status).toBe(200);
    expect((await app.request('/api/points-of-sale/export')).status).toBe(401);
  });

  it('two racing real runs of the same file create each point exactly once', async () => {
    const csv = lines(...Array.from({ length: 12 }, (_, i) => `RACE-${i},Điểm đua ${i},showroom,01,Phường Hoàn Kiếm,${i} Lý Thái Tổ,21.03,105.85,Mo-Fr 08:00-17:00,,`));
    const [a, b, c] = await Promise.all([report(officerHn, csv, false), report(admin, csv, false), report(officerHn, csv, false)]);
    for (let i = 0; i < 12; i++) {
      const outcomes = [a, b, c].map((r) => r.rows[i]!.outcome).sort();
      expect(outcomes).toEqual(['created', 'unchanged', 'unchanged']);
    }
    const raced = (await services.points.inProvince('01')).filter((p) => p.name.startsWith('Điểm đua'));
    expect(raced.length).toBe(12);
    expect(raced.every((p) => p.version === 1)).toBe(true);
    const near = (await (await app.request('/api/points-of-sale?lat=21.03&lng=105.85&radiusKm=0.5&limit=100')).json()) as { items: { name: string }[] };
    expect(near.items.filter((i) => i.name.startsWith('Điểm đua')).length).toBe(12);
  });
});
