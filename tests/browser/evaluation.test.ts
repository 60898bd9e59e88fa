import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWeb } from '../../scripts/build-web';
import type { Services } from '../../shared/services';
import { ManualClock } from '../../shared/time/clock';
import { createTestAccount, TEST_PASSWORD } from '../authz/accounts';
import { seedSubject } from '../registry/registry-fixtures';
import { useTempEvidenceStore } from '../support/media-fixtures';
import { startTestServer, type TestServer } from '../support/test-server';
import { createTestServices } from '../support/test-services';
import { launchChromium } from '../support/chromium';

const NOW = new Date('2026-11-23T03:00:00Z');
const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const screenshotDir = resolve(root, 'test-results/screenshots');
const PROVINCE = '86'; // Vĩnh Long (2025)

/**
 * Issue 15 end to end in a real browser: the officer opens a round, the producer submits a dossier on
 * "Hồ sơ OCOP", the officer sends it back once, the producer fixes it, the officer records the commune
 * pre-assessment and names two council members, both score, the secretary records the decision, and
 * the product is on the marketplace with its new certificate (no council score on the public page).
 */
describe('OCOP evaluation from dossier to listed product (Chromium)', () => {
  let services: Services;
  let server: TestServer;
  let browser: Browser;
  let evidenceDir: string;
  let scratch: string;

  beforeAll(async () => {
    await buildWeb();
    mkdirSync(screenshotDir, { recursive: true });
    services = await createTestServices({ clock: new ManualClock(NOW) });
    evidenceDir = await useTempEvidenceStore(services, 'browser-evaluation');
    scratch = mkdtempSync(join(tmpdir(), 'ocop-evaluation-files-'));
    server = await startTestServer(services);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    for (const dir of [evidenceDir, scratch]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function person(): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    return { context, page: await context.newPage() };
  }

  async function submit(page: Page, button: string): Promise<number> {
    const [response] = await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: button }).click()]);
    return response?.status() ?? 0;
  }

  async function signIn(page: Page, email: string) {
    await page.goto(`${server.url}/dang-nhap`);
    await page.fill('main [name=email]', email);
    await page.fill('main [name=password]', TEST_PASSWORD);
    await submit(page, 'Đăng nhập');
  }

  /** Every criterion of the sheet form at its best option, except `lower` (criterion id → option index from 1). */
  async function fillSheet(page: Page, prefix: string, lower: Record<string, number> = {}) {
    const selects = page.locator(`select[name^="${prefix}:"]`);
    const count = await selects.count();
    expect(count).toBeGreaterThan(5);
    for (let i = 0; i < count; i++) {
      const select = selects.nth(i);
      const name = (await select.getAttribute('name'))!.slice(prefix.length + 1);
      const options = await select.locator('option').count();
      await select.selectOption({ index: lower[name] ?? options - 1 });
    }
  }

  it('runs the round in the browser and lists the product with its certificate', async () => {
    await seedSubject(services, 'htx-ca-com', PROVINCE);
    const producerAccount = await createTestAccount(services, 'producer', { producerId: 'htx-ca-com', email: 'co-so-ca-com@thu-nghiem.vn' });
    const officerAccount = await createTestAccount(services, 'officer', { provinceCode: PROVINCE, email: 'thu-ky@thu-nghiem.vn', displayName: 'Thư ký hội đồng' });
    const c1 = await createTestAccount(services, 'shopper', { email: 'thanh-vien-1@thu-nghiem.vn', displayName: 'Thành viên 1' });
    const c2 = await createTestAccount(services, 'officer', { provinceCode: PROVINCE, email: 'thanh-vien-2@thu-nghiem.vn', displayName: 'Thành viên 2' });
    const officer = await person();
    const producer = await person();
    const shot = (p: Page, name: string) => p.screenshot({ path: join(screenshotDir, `evaluation-${name}.png`), fullPage: true });

    // 1. The officer opens a round and starts taking dossiers.
    await signIn(officer.page, officerAccount.account.email);
    await officer.page.goto(`${server.url}/quan-ly/danh-gia`);
    await officer.page.getByLabel('Tên đợt').fill('Đánh giá OCOP đợt 2 năm 2026');
    await officer.page.getByLabel('Từ ngày').fill('2026-11-01');
    await officer.page.getByLabel('Đến ngày').fill('2026-12-31');
    await officer.page.getByLabel('Hạn nộp hồ sơ').fill('2026-12-15');
    expect(await submit(officer.page, 'Tạo đợt (bản nháp)')).toBe(200);
    const roundUrl = officer.page.url();
    expect(await officer.page.getByTestId('trang-thai-dot').textContent()).toBe('Đang chuẩn bị');
    expect(await submit(officer.page, 'Mở nhận hồ sơ')).toBe(200);
    expect(await officer.page.getByTestId('trang-thai-dot').textContent()).toBe('Đang nhận hồ sơ');

    // 2. The producer submits a dossier with the self-assessment and a document.
    await signIn(producer.page, producerAccount.account.email);
    await producer.page.goto(`${server.url}/co-so-cua-toi/ho-so-ocop`);
    await fillSheet(producer.page, 'tu');
    expect(await submit(producer.page, 'Nộp hồ sơ')).toBe(200);
    await expect.poll(() => producer.page.getByRole('status').first().textContent()).toContain('Đã nộp hồ sơ');
    const pdf = join(scratch, 'attp.pdf');
    writeFileSync(pdf, '%PDF-1.4\n% giấy chứng nhận ATTP\n%%EOF\n');
    await producer.page.getByLabel('Loại tài liệu').selectOption('food-safety');
    await producer.page.getByLabel('Tệp').setInputFiles(pdf);
    expect(await submit(producer.page, 'Tải lên')).toBe(200);
    expect(await producer.page.locator('.documents').textContent()).toContain('attp.pdf');
    const producerDossierUrl = producer.page.url().split('?')[0]!;
    const dossierId = producerDossierUrl.split('/').pop()!;
    await shot(producer.page, '1-submitted');

    // 3. The officer sends it back once; the producer reads the comment and fixes it.
    await officer.page.goto(`${server.url}/quan-ly/danh-gia/ho-so/${dossierId}`);
    await officer.page.getByLabel('Ý kiến gửi chủ thể').fill('Bổ sung phiếu kết quả kiểm nghiệm');
    expect(await submit(officer.page, 'Trả lại hồ sơ')).toBe(200);
    await producer.page.goto(producerDossierUrl);
    expect(await producer.page.locator('.comments').textContent()).toContain('Bổ sung phiếu kết quả kiểm nghiệm');
    expect(await producer.page.locator('[data-state]').textContent()).toBe('Bị trả lại, cần bổ sung');
    await producer.page.getByLabel('Nội dung đã bổ sung').fill('Đã bổ sung phiếu kiểm nghiệm số 12/2026');
    expect(await submit(producer.page, 'Nộp lại hồ sơ')).toBe(200);
    expect(await producer.page.locator('[data-state]').textContent()).toBe('Đã nộp, chờ cán bộ xem xét');
    await shot(producer.page, '2-corrected');

    // 4. Commune pre-assessment, council, scoring.
    await officer.page.goto(`${server.url}/quan-ly/danh-gia/ho-so/${dossierId}`);
    await officer.page.getByLabel('UBND xã, phường').fill('UBND xã Long Hồ');
    for (const item of ['Nguồn gốc nguyên liệu tại địa phương: đạt', 'Sử dụng lao động địa phương: đạt', 'Nguồn gốc ý tưởng sản phẩm: đạt', 'Bản sắc địa phương: đạt']) await officer.page.getByLabel(item).check();
    expect(await submit(officer.page, 'Lưu đánh giá sơ bộ')).toBe(200);
    await officer.page.goto(roundUrl);
    for (const m of [c1, c2]) {
      await officer.page.getByLabel('Email tài khoản thành viên').fill(m.account.email);
      expect(await submit(officer.page, 'Thêm vào hội đồng')).toBe(200);
    }
    expect(await submit(officer.page, 'Chuyển sang hội đồng chấm')).toBe(200);

    // Two members score independently (81 and 85: mean 83, 4★).
    const lowered: Record<string, number>[] = [
      { 'B1.tiep-thi': 2, 'C3.xuat-khau': 1, 'A1.to-chuc': 2 },
      { 'B1.tiep-thi': 2, 'C3.xuat-khau': 1 },
    ];
    for (const [i, m] of [c1, c2].entries()) {
      const member = await person();
      await signIn(member.page, m.account.email);
      await member.page.goto(`${server.url}/quan-ly/danh-gia/ho-so/${dossierId}`);
      expect(await member.page.getByTestId('ket-qua').count()).toBe(0);
      await fillSheet(member.page, 'cham', lowered[i]);
      expect(await submit(member.page, 'Nộp phiếu chấm')).toBe(200);
      expect(await member.page.getByTestId('ket-qua').textContent()).toContain('Tổng điểm');
      if (i === 1) await shot(member.page, '3-scored');
      await member.context.close();
    }

    // 5. The secretary closes scoring and records the decision.
    await officer.page.goto(roundUrl);
    expect(await submit(officer.page, 'Khóa chấm điểm')).toBe(200);
    await officer.page.getByLabel('Số quyết định').fill('512/QĐ-UBND');
    await officer.page.getByLabel('Ngày quyết định').fill('2026-11-30');
    await officer.page.getByLabel('Người ký').fill('Phó Chủ tịch UBND tỉnh Nguyễn Văn A');
    await officer.page.getByLabel('Cơ quan ban hành').fill('UBND tỉnh Vĩnh Long');
    expect(await submit(officer.page, 'Ghi nhận quyết định')).toBe(200);
    await officer.page.goto(`${server.url}/quan-ly/danh-gia/ho-so/${dossierId}`);
    expect(await officer.page.getByTestId('ket-qua').textContent()).toContain('83');
    await shot(officer.page, '4-decided');

    // 6. The producer sees the result; the marketplace shows the product with its certificate, no council scores.
    await producer.page.goto(producerDossierUrl);
    expect(await producer.page.locator('[data-state]').textContent()).toBe('Đã được công nhận');
    expect(await producer.page.getByTestId('ket-qua').textContent()).toContain('4★');
    const certificateNo = `OCOP-${PROVINCE}-2026-${dossierId.slice(3).toUpperCase()}`;
    const shopper = await person();
    const res = await shopper.page.goto(`${server.url}/san-pham/htx-ca-com-sp`);
    expect(res?.status()).toBe(200);
    const text = (await shopper.page.locator('main').textContent()) ?? '';
    expect(text).toContain(certificateNo);
    expect(text).not.toContain('Thành viên 1');
    expect(text).not.toContain('Phiếu chấm');
    await shot(shopper.page, '5-listed');
  }, 180_000);
});
