import { raw } from 'hono/html';
import type { RowReport } from '../../shared/registry/csv-import';
import type { ImportJob } from '../../shared/registry/import-job-store';
import { formatVietnamDateTime } from '../../shared/time/vietnam-time';
import { Layout } from '../components/layout';
import { identityCss } from '../identity/styles';
import type { AssetUrls } from '../view';
import { ConsoleNav } from './console-nav';
import type { Registrar } from './console-http';
import { consoleCss } from './console-styles';
import { IMPORT_PATH, ImportReportTable } from './import-page';

export const importJobPath = (id: string) => `${IMPORT_PATH}/${encodeURIComponent(id)}`;
/** Seconds between refreshes while a job runs; each refresh runs the next slice of rows. */
export const IMPORT_REFRESH_SECONDS = 2;

const number = (n: number) => n.toLocaleString('vi-VN');

/** One import job: progress while it runs (the page refreshes itself), then the per-row report. */
export function ImportJobPage({ assets, principal, job, rows }: { assets: AssetUrls; principal: Registrar; job: ImportJob; rows: RowReport[] }) {
  const running = job.status === 'running';
  const percent = job.totalRows === 0 ? 100 : Math.floor((job.doneRows / job.totalRows) * 100);
  const title = job.dryRun ? 'Chạy thử nhập CSV' : 'Nhập chứng nhận từ CSV';
  return (
    <Layout title={title} description="Tiến độ và kết quả nhập chứng nhận OCOP từ CSV" assets={assets} noindex>
      <div class="wrap">
        <style>{raw(identityCss + consoleCss)}</style>
        <h1>{title}</h1>
        <ConsoleNav principal={principal} current="import" />
        <section class="panel" role="status" aria-live="polite">
          <h2>
            {running ? `Đang xử lý: ${number(job.doneRows)} / ${number(job.totalRows)} dòng (${percent}%)` : job.dryRun ? 'Kết quả chạy thử (chưa ghi gì)' : 'Kết quả nhập'}
          </h2>
          <progress max={job.totalRows || 1} value={job.doneRows}>
            {percent}%
          </progress>
          <p>
            {job.fileName ? <>Tệp <strong>{job.fileName}</strong>, </> : null}tải lên lúc {formatVietnamDateTime(job.createdAt)}. Đã ghi nhận: {number(job.counts.recorded)} · Sẽ ghi
            nhận: {number(job.counts['would-record'])} · Đã có, bỏ qua: {number(job.counts.unchanged)} · Lỗi: {number(job.counts.error)}
          </p>
          {running ? (
            <p class="hint">
              Trang tự tải lại sau {IMPORT_REFRESH_SECONDS} giây và xử lý tiếp; hãy để trang mở đến khi xong. Nếu lỡ đóng, mở lại địa chỉ này để chạy tiếp từ chỗ đã dừng.{' '}
              <a href={importJobPath(job.id)}>Tải lại ngay</a>
            </p>
          ) : (
            <p>
              <a href={IMPORT_PATH}>Nhập tệp khác</a>
            </p>
          )}
        </section>
        {rows.length > 0 ? <ImportReportTable rows={rows} /> : null}
      </div>
    </Layout>
  );
}
