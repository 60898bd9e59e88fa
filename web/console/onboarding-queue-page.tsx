import { formatVietnamDateTime } from '../../shared/time/vietnam-time';
import { raw } from 'hono/html';
import { Breadcrumbs } from '../components/breadcrumbs';
import { Layout } from '../components/layout';
import { identityCss } from '../identity/styles';
import type { AssetUrls } from '../view';
import { ConsoleNav } from '../registry/console-nav';
import type { Registrar } from '../registry/console-http';
import { consoleCss } from '../registry/console-styles';
import type { Application } from '../../shared/onboarding/application';
import { provinceLabelByCode } from '../../shared/reference/labels';
import { legalFormLabels } from '../../shared/storefront/producer';

import { QUEUE_PATH } from './paths';

export { QUEUE_PATH };

export interface QueueProblem {
  applicationId: string;
  reason: string;
  message: string;
}

export interface QueuePageProps {
  assets: AssetUrls;
  /** For the console navigation. */
  principal?: Registrar | undefined;
  provinceCode: string;
  applications: Application[];
  /** A rejection that needs fixing, shown inline on its own application. */
  problem?: QueueProblem | undefined;
  done?: 'duyet' | 'tu-choi' | undefined;
}

export function QueuePage({ assets, principal, provinceCode, applications, problem, done }: QueuePageProps) {
  const title = 'Hồ sơ đăng ký gian hàng';
  return (
    <Layout title={title} description="Hàng đợi hồ sơ chờ duyệt của tỉnh, thành phố." assets={assets} noindex>
      <div class="wrap">
        <style>{raw(identityCss + consoleCss)}</style>
        <Breadcrumbs items={[{ label: 'Trang chủ', href: '/' }, { label: title }]} />
        <h1>
          {title} — {provinceLabelByCode(provinceCode)}
        </h1>
        {principal ? <ConsoleNav principal={principal} current="applications" /> : null}
        {done ? (
          <p class="notice" role="status">
            {done === 'duyet' ? 'Đã duyệt hồ sơ, gian hàng đã được tạo.' : 'Đã từ chối hồ sơ và lưu lý do.'}
          </p>
        ) : null}
        {applications.length === 0 ? <p>Không có hồ sơ nào đang chờ duyệt.</p> : null}
        {applications.map((a) => (
          <ApplicationCard application={a} problem={problem?.applicationId === a.id ? problem : undefined} />
        ))}
      </div>
    </Layout>
  );
}

function ApplicationCard({ application: a, problem }: { application: Application; problem?: QueueProblem | undefined }) {
  const reasonId = `ly-do-${a.id}`;
  return (
    <section class="application" aria-labelledby={`ho-so-${a.id}`}>
      <h2 id={`ho-so-${a.id}`}>{a.legalName}</h2>
      <dl>
        <dt>Loại hình</dt>
        <dd>{legalFormLabels[a.subjectType]}</dd>
        <dt>Mã số thuế</dt>
        <dd>{a.taxCode}</dd>
        <dt>Địa chỉ</dt>
        <dd>
          {a.addressLine}, {a.commune}, {provinceLabelByCode(a.provinceCode)}
        </dd>
        <dt>Liên hệ</dt>
        <dd>
          {a.phone} · {a.email}
        </dd>
        <dt>Gửi lúc</dt>
        <dd>
          <time datetime={a.createdAt}>{formatVietnamDateTime(a.createdAt)}</time>
        </dd>
      </dl>
      {a.story ? <p>{a.story}</p> : null}
      <form method="post" action={`${QUEUE_PATH}/${a.id}/duyet`}>
        <button type="submit">Duyệt và tạo gian hàng</button>
      </form>
      <form method="post" action={`${QUEUE_PATH}/${a.id}/tu-choi`} novalidate>
        <div class="field">
          <label for={reasonId}>Lý do từ chối</label>
          <textarea
            id={reasonId}
            name="reason"
            rows={3}
            maxlength={1000}
            required
            aria-invalid={problem ? 'true' : undefined}
            aria-describedby={problem ? `${reasonId}-loi` : undefined}
            autofocus={problem ? true : undefined}
          >
            {problem?.reason ?? ''}
          </textarea>
          {problem ? (
            <p class="field-error" id={`${reasonId}-loi`} role="alert">
              {problem.message}
            </p>
          ) : null}
        </div>
        <button type="submit">Từ chối hồ sơ</button>
      </form>
    </section>
  );
}
