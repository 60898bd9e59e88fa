import { raw } from 'hono/html';
import { MAX_IMPORT_ROWS, type RowReport } from '../../shared/registry/csv-import';
import { RECORD_COLUMNS } from '../../shared/registry/record-input';
import { Layout } from '../components/layout';
import { identityCss } from '../identity/styles';
import type { AssetUrls } from '../view';
import { ConsoleNav } from './console-nav';
import type { Registrar } from './console-http';
import { consoleCss } from './console-styles';

import { IMPORT_PATH } from '../console/paths';

export { IMPORT_PATH };

const outcomeLabels = { recorded: 'Đã ghi nhận', 'would-record': 'Sẽ ghi nhận', unchanged: 'Đã có, bỏ qua', error: 'Lỗi' } as const;

/** One line per CSV row, errors with their code: the same table for a report in one go and a job's. */
export function ImportReportTable({ rows }: { rows: RowReport[] }) {
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">Dòng</th>
          <th scope="col">Số chứng nhận</th>
          <th scope="col">Kết quả</th>
          <th scope="col">Chi tiết</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr data-outcome={r.outcome}>
            <td>{r.line}</td>
            <td>{r.certificateNo ?? '—'}</td>
            <td>{outcomeLabels[r.outcome]}</td>
            <td>{r.outcome === 'error' ? `${r.message ?? ''} (${r.code ?? ''})` : (r.warnings ?? []).map((w) => w.message).join('; ')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** CSV upload (or paste); the rows then run as a job (import-job-page.tsx) with a per-row report; "Chạy thử" is checked by default so nothing is written by accident. */
export function ImportPage({ assets, principal, error }: { assets: AssetUrls; principal: Registrar; error?: string | undefined }) {
  return (
    <Layout title="Nhập chứng nhận từ CSV" description="Nhập danh sách chứng nhận OCOP từ tệp CSV" assets={assets} noindex>
      <div class="wrap">
        <style>{raw(identityCss + consoleCss)}</style>
        <h1>Nhập chứng nhận OCOP từ tệp CSV</h1>
        <ConsoleNav principal={principal} current="import" />
        {error ? (
          <div class="error-summary" role="alert" tabindex={-1} autofocus>
            <h2>{error}</h2>
          </div>
        ) : null}
        <form method="post" action={IMPORT_PATH} enctype="multipart/form-data">
          <p class="hint">
            Tệp CSV mã UTF-8, dòng đầu là tên cột: <code>{RECORD_COLUMNS.join(',')}</code>. Ngày dạng năm-tháng-ngày. Nhập lại cùng tệp không tạo bản trùng.
          </p>
          <p class="hint">
            Tối đa {MAX_IMPORT_ROWS.toLocaleString('vi-VN')} dòng (1 MB) mỗi tệp, gửi cả tệp một lần: hệ thống xử lý dần từng phần, trang kết quả hiện tiến độ và tự tải lại đến khi xong.
          </p>
          <div class="field">
            <label for="truong-csvFile">Tệp CSV</label>
            <input id="truong-csvFile" name="csvFile" type="file" accept=".csv,text/csv" />
          </div>
          <div class="field">
            <label for="truong-csvText">Hoặc dán nội dung CSV (không bắt buộc)</label>
            <textarea id="truong-csvText" name="csvText" rows={6}></textarea>
          </div>
          <label class="choice" for="truong-dryRun">
            <input id="truong-dryRun" type="checkbox" name="dryRun" value="1" checked />
            <span>Chạy thử: chỉ kiểm tra, không ghi</span>
          </label>
          <div>
            <button type="submit">Kiểm tra / Nhập</button>
          </div>
        </form>
      </div>
    </Layout>
  );
}
