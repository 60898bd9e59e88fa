import { raw } from 'hono/html';
import type { Product } from '../../shared/catalog/product';
import { documentKinds, type Dossier } from '../../shared/evaluation/dossier';
import type { Round } from '../../shared/evaluation/round';
import type { ScoreSheet } from '../../shared/evaluation/score-sheet';
import type { EvaluationResult } from '../../shared/evaluation/scoring-rules';
import { Breadcrumbs } from '../components/breadcrumbs';
import { Layout } from '../components/layout';
import { identityCss } from '../identity/styles';
import type { AssetUrls } from '../view';
import type { Flashes } from './console-pages';
import { documentKindLabels, dossierStateLabels } from './labels';
import { Comments, Documents, DossierSummary, Flash, ResultView, SheetFields } from './parts';
import { PRODUCER_DOSSIERS_PATH, producerDossierPath } from './paths';

const styles = <style>{raw(identityCss + '.sheet select{max-width:100%}.notice.error{border-color:#b00020}')}</style>;
const crumbs = (extra: { label: string; href?: string }[]) => [{ label: 'Trang chủ', href: '/' }, { label: 'Gian hàng của tôi', href: '/co-so-cua-toi' }, ...extra];

export interface ProducerDossiersProps {
  assets: AssetUrls;
  dossiers: Dossier[];
  openRounds: Round[];
  products: Product[];
  sheet?: ScoreSheet | undefined;
  flash: Flashes;
}

export function ProducerDossiersPage({ assets, dossiers, openRounds, products, sheet, flash }: ProducerDossiersProps) {
  const title = 'Hồ sơ OCOP';
  return (
    <Layout title={title} description="Hồ sơ đánh giá, phân hạng sản phẩm OCOP của cơ sở." assets={assets} noindex>
      <div class="wrap" id="noi-dung">
        {styles}
        <Breadcrumbs items={crumbs([{ label: title }])} />
        <h1>{title}</h1>
        <Flash {...flash} />
        <h2>Hồ sơ đã nộp</h2>
        {dossiers.length === 0 ? <p>Chưa có hồ sơ.</p> : null}
        <ul>
          {dossiers.map((d) => (
            <li>
              <a href={producerDossierPath(d.id)}>{d.productName}</a> — {dossierStateLabels[d.state]}
            </li>
          ))}
        </ul>
        {openRounds.length > 0 && sheet ? (
          <form method="post" action={PRODUCER_DOSSIERS_PATH} aria-labelledby="nop-ho-so">
            <h2 id="nop-ho-so">Nộp hồ sơ mới</h2>
            <p>
              <label for="dot">Đợt đánh giá</label>
              <select id="dot" name="roundId" required>
                {openRounds.map((r) => (
                  <option value={r.id}>
                    {r.name} (hạn {r.deadline})
                  </option>
                ))}
              </select>
            </p>
            <p>
              <label for="san-pham">Sản phẩm</label>
              <select id="san-pham" name="productId" required>
                {products.map((p) => (
                  <option value={p.id}>{p.name}</option>
                ))}
              </select>
            </p>
            <h3>Tự đánh giá theo phiếu "{sheet.name}"</h3>
            <SheetFields sheet={sheet} prefix="tu" />
            <button type="submit">Nộp hồ sơ</button>
          </form>
        ) : (
          <p>Hiện không có đợt đánh giá nào đang nhận hồ sơ ở tỉnh của bạn.</p>
        )}
      </div>
    </Layout>
  );
}

export interface ProducerDossierProps {
  assets: AssetUrls;
  dossier: Dossier;
  sheet: ScoreSheet;
  result?: EvaluationResult | undefined;
  flash: Flashes;
}

export function ProducerDossierPage({ assets, dossier, sheet, result, flash }: ProducerDossierProps) {
  const title = `Hồ sơ OCOP: ${dossier.productName}`;
  const base = producerDossierPath(dossier.id);
  const editable = dossier.state === 'submitted' || dossier.state === 'returned';
  return (
    <Layout title={title} description="Hồ sơ đánh giá sản phẩm OCOP." assets={assets} noindex>
      <div class="wrap" id="noi-dung">
        {styles}
        <Breadcrumbs items={crumbs([{ label: 'Hồ sơ OCOP', href: PRODUCER_DOSSIERS_PATH }, { label: dossier.productName }])} />
        <h1>{title}</h1>
        <Flash {...flash} />
        <DossierSummary dossier={dossier} />
        <Comments dossier={dossier} />
        <h2>Tài liệu</h2>
        <Documents dossier={dossier} />
        {editable ? (
          <form method="post" action={`${base}/tai-lieu`} enctype="multipart/form-data" aria-labelledby="them-tai-lieu">
            <h3 id="them-tai-lieu">Thêm tài liệu (PDF, JPEG, PNG; tối đa 10 MB)</h3>
            <p>
              <label for="loai">Loại tài liệu</label>
              <select id="loai" name="kind">
                {documentKinds.map((k) => (
                  <option value={k}>{documentKindLabels[k]}</option>
                ))}
              </select>
            </p>
            <p>
              <label for="tep">Tệp</label>
              <input id="tep" name="file" type="file" accept="application/pdf,image/jpeg,image/png" required />
            </p>
            <button type="submit">Tải lên</button>
          </form>
        ) : null}
        {dossier.state === 'returned' ? (
          <form method="post" action={`${base}/sua`} aria-labelledby="bo-sung">
            <h2 id="bo-sung">Bổ sung, sửa hồ sơ và nộp lại</h2>
            <p>
              <label for="ghi-chu">Nội dung đã bổ sung</label>
              <textarea id="ghi-chu" name="note" required maxlength={2000}></textarea>
            </p>
            <SheetFields sheet={sheet} prefix="tu" values={dossier.selfAssessment} />
            <button type="submit">Nộp lại hồ sơ</button>
          </form>
        ) : null}
        {result ? <ResultView result={result} final /> : null}
      </div>
    </Layout>
  );
}
