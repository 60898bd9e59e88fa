import { raw } from 'hono/html';
import type { Dossier } from '../../shared/evaluation/dossier';
import type { CouncilMember, Round } from '../../shared/evaluation/round';
import type { ScoreSheet } from '../../shared/evaluation/score-sheet';
import type { EvaluationResult } from '../../shared/evaluation/scoring-rules';
import type { CouncilScore } from '../../shared/evaluation/store';
import type { Principal } from '../../shared/identity/principal';
import { provinceLabelByCode } from '../../shared/reference/labels';
import { productGroups } from '../../shared/reference/taxonomy';
import { Breadcrumbs } from '../components/breadcrumbs';
import { Layout } from '../components/layout';
import { identityCss } from '../identity/styles';
import { consoleCss } from '../registry/console-styles';
import type { AssetUrls } from '../view';
import { communeItemLabels, dossierStateLabels, nextState, nextStepLabels, roundStateLabels } from './labels';
import { Comments, Documents, DossierSummary, Flash, PreAssessment, ResultView, SheetFields } from './parts';
import { consoleDossierPath, roundPath, ROUNDS_PATH } from './paths';

export interface Flashes {
  error?: string | undefined;
  done?: string | undefined;
}

const styles = <style>{raw(identityCss + consoleCss + '.sheet select{max-width:100%}.notice.error{border-color:#b00020}')}</style>;

export function RoundsPage({ assets, principal, rounds, flash }: { assets: AssetUrls; principal: Principal; rounds: Round[]; flash: Flashes }) {
  const title = 'Đánh giá, phân hạng sản phẩm OCOP';
  const officer = principal.role === 'officer' || principal.role === 'admin';
  return (
    <Layout title={title} description="Các đợt đánh giá, phân hạng sản phẩm OCOP." assets={assets} noindex>
      <div class="wrap" id="noi-dung">
        {styles}
        <Breadcrumbs items={[{ label: 'Trang chủ', href: '/' }, { label: title }]} />
        <h1>{title}</h1>
        <Flash {...flash} />
        <h2>Các đợt đánh giá</h2>
        {rounds.length === 0 ? <p>Chưa có đợt đánh giá nào.</p> : null}
        <ul>
          {rounds.map((r) => (
            <li>
              <a href={roundPath(r.id)}>{r.name}</a> — {provinceLabelByCode(r.provinceCode)} — {roundStateLabels[r.state]} (hạn nộp {r.deadline})
            </li>
          ))}
        </ul>
        {officer ? (
          <form method="post" action={ROUNDS_PATH} aria-labelledby="mo-dot">
            <h2 id="mo-dot">Mở đợt đánh giá mới</h2>
            <p>
              <label for="ten-dot">Tên đợt</label>
              <input id="ten-dot" name="name" required maxlength={200} />
            </p>
            <p>
              <label for="tu-ngay">Từ ngày</label>
              <input id="tu-ngay" name="periodFrom" type="date" required />
            </p>
            <p>
              <label for="den-ngay">Đến ngày</label>
              <input id="den-ngay" name="periodTo" type="date" required />
            </p>
            <p>
              <label for="han-nop">Hạn nộp hồ sơ</label>
              <input id="han-nop" name="deadline" type="date" required />
            </p>
            {principal.role === 'admin' ? (
              <p>
                <label for="tinh">Mã tỉnh, thành phố</label>
                <input id="tinh" name="provinceCode" required pattern="[0-9]{2}" />
              </p>
            ) : null}
            <fieldset>
              <legend>Nhóm sản phẩm nhận đánh giá</legend>
              {productGroups.map((g) => (
                <label class="choice">
                  <input type="checkbox" name="productGroups" value={g.code} checked={g.code === 'food'} /> {g.name}
                </label>
              ))}
            </fieldset>
            <button type="submit">Tạo đợt (bản nháp)</button>
          </form>
        ) : null}
      </div>
    </Layout>
  );
}

export interface RoundPageProps {
  assets: AssetUrls;
  principal: Principal;
  round: Round;
  standing: 'officer' | 'council';
  council: CouncilMember[];
  dossiers: Dossier[];
  flash: Flashes;
}

export function RoundPage({ assets, principal, round, standing, council, dossiers, flash }: RoundPageProps) {
  const next = nextState[round.state];
  const awaiting = dossiers.filter((d) => (principal.role === 'admin' ? d.state === 'preassessed' || d.state === 'forwarded' : d.state === 'preassessed'));
  return (
    <Layout title={round.name} description="Đợt đánh giá, phân hạng sản phẩm OCOP." assets={assets} noindex>
      <div class="wrap" id="noi-dung">
        {styles}
        <Breadcrumbs items={[{ label: 'Trang chủ', href: '/' }, { label: 'Đánh giá OCOP', href: ROUNDS_PATH }, { label: round.name }]} />
        <h1>{round.name}</h1>
        <Flash {...flash} />
        <dl>
          <dt>Tỉnh, thành phố</dt>
          <dd>{provinceLabelByCode(round.provinceCode)}</dd>
          <dt>Kỳ đánh giá</dt>
          <dd>
            {round.periodFrom} – {round.periodTo} (hạn nộp {round.deadline})
          </dd>
          <dt>Trạng thái</dt>
          <dd data-testid="trang-thai-dot">{roundStateLabels[round.state]}</dd>
        </dl>
        {standing === 'officer' && next ? (
          <form method="post" action={`${roundPath(round.id)}/chuyen`}>
            <input type="hidden" name="to" value={next} />
            <button type="submit">{nextStepLabels[round.state]}</button>
          </form>
        ) : null}
        <h2>Hồ sơ</h2>
        {dossiers.length === 0 ? <p>Chưa có hồ sơ.</p> : null}
        <table>
          <thead>
            <tr>
              <th scope="col">Sản phẩm</th>
              <th scope="col">Trạng thái</th>
            </tr>
          </thead>
          <tbody>
            {dossiers.map((d) => (
              <tr>
                <td>
                  <a href={consoleDossierPath(d.id)}>{d.productName}</a>
                </td>
                <td>{dossierStateLabels[d.state]}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {standing === 'officer' ? (
          <>
            <h2>Hội đồng đánh giá</h2>
            <ul>
              {council.map((m) => (
                <li>
                  {m.displayName} ({m.email})
                </li>
              ))}
            </ul>
            <form method="post" action={`${roundPath(round.id)}/hoi-dong`}>
              <p>
                <label for="email-thanh-vien">Email tài khoản thành viên</label>
                <input id="email-thanh-vien" name="email" type="email" required />
              </p>
              <button type="submit">Thêm vào hội đồng</button>
            </form>
          </>
        ) : null}
        {standing === 'officer' && round.state === 'decided' && awaiting.length > 0 ? (
          <form method="post" action={`${roundPath(round.id)}/quyet-dinh`} aria-labelledby="ghi-quyet-dinh">
            <h2 id="ghi-quyet-dinh">Ghi nhận quyết định công nhận</h2>
            {principal.role === 'admin' ? (
              <p>
                <label for="cap">Cấp quyết định</label>
                <select id="cap" name="level">
                  <option value="province">Tỉnh (3★–4★)</option>
                  <option value="central">Trung ương (5★)</option>
                </select>
              </p>
            ) : (
              <input type="hidden" name="level" value="province" />
            )}
            <p>
              <label for="so-qd">Số quyết định</label>
              <input id="so-qd" name="decisionNo" required maxlength={80} />
            </p>
            <p>
              <label for="ngay-qd">Ngày quyết định</label>
              <input id="ngay-qd" name="decisionDate" type="date" required />
            </p>
            <p>
              <label for="nguoi-ky">Người ký</label>
              <input id="nguoi-ky" name="signer" required maxlength={200} />
            </p>
            <p>
              <label for="co-quan">Cơ quan ban hành</label>
              <input id="co-quan" name="issuingAuthority" required maxlength={200} />
            </p>
            <fieldset>
              <legend>Hồ sơ trong quyết định</legend>
              {awaiting.map((d) => (
                <label class="choice">
                  <input type="checkbox" name="dossierIds" value={d.id} checked /> {d.productName} ({dossierStateLabels[d.state]})
                </label>
              ))}
            </fieldset>
            <button type="submit">Ghi nhận quyết định</button>
          </form>
        ) : null}
      </div>
    </Layout>
  );
}

export interface ConsoleDossierProps {
  assets: AssetUrls;
  round: Round;
  dossier: Dossier;
  standing: 'officer' | 'council';
  /** Sits on this round's council (an officer may too). */
  member: boolean;
  sheet: ScoreSheet;
  ownScore?: CouncilScore | undefined;
  scores?: CouncilScore[] | undefined;
  result?: (EvaluationResult & { final: boolean }) | undefined;
  flash: Flashes;
}

/** Officers: send back, pre-assess, see every sheet and the result. Council: score once, then see the rest. */
export function ConsoleDossierPage({ assets, round, dossier, standing, member, sheet, ownScore, scores, result, flash }: ConsoleDossierProps) {
  const title = `Hồ sơ: ${dossier.productName}`;
  const base = consoleDossierPath(dossier.id);
  return (
    <Layout title={title} description="Hồ sơ đánh giá sản phẩm OCOP." assets={assets} noindex>
      <div class="wrap" id="noi-dung">
        {styles}
        <Breadcrumbs items={[{ label: 'Trang chủ', href: '/' }, { label: 'Đánh giá OCOP', href: ROUNDS_PATH }, { label: round.name, href: roundPath(round.id) }, { label: title }]} />
        <h1>{title}</h1>
        <Flash {...flash} />
        <DossierSummary dossier={dossier} />
        <h2>Tài liệu</h2>
        <Documents dossier={dossier} />
        <Comments dossier={dossier} />
        <PreAssessment dossier={dossier} />
        {standing === 'officer' && dossier.state === 'submitted' ? (
          <>
            <form method="post" action={`${base}/tra-lai`} aria-labelledby="tra-lai">
              <h2 id="tra-lai">Trả lại hồ sơ để bổ sung</h2>
              <p>
                <label for="y-kien-tra-lai">Ý kiến gửi chủ thể</label>
                <textarea id="y-kien-tra-lai" name="comment" required maxlength={2000}></textarea>
              </p>
              <button type="submit">Trả lại hồ sơ</button>
            </form>
            <form method="post" action={`${base}/so-bo`} aria-labelledby="danh-gia-so-bo">
              <h2 id="danh-gia-so-bo">Ghi nhận đánh giá sơ bộ cấp xã</h2>
              <p>
                <label for="ubnd-xa">UBND xã, phường</label>
                <input id="ubnd-xa" name="commune" required maxlength={200} />
              </p>
              <fieldset>
                <legend>Tiêu chí địa phương (1489/QĐ-TTg)</legend>
                {Object.entries(communeItemLabels).map(([k, label]) => (
                  <label class="choice">
                    <input type="checkbox" name={k} value="1" /> {label}: đạt
                  </label>
                ))}
              </fieldset>
              <button type="submit">Lưu đánh giá sơ bộ</button>
            </form>
          </>
        ) : null}
        {member && !ownScore && dossier.state === 'preassessed' && round.state === 'scoring' ? (
          <form method="post" action={`${base}/cham`} aria-labelledby="phieu-cham">
            <h2 id="phieu-cham">Phiếu chấm của bạn</h2>
            <p>Chấm độc lập: bạn chỉ xem được phiếu của thành viên khác sau khi nộp. Phiếu đã nộp không sửa được.</p>
            <SheetFields sheet={sheet} prefix="cham" />
            <button type="submit">Nộp phiếu chấm</button>
          </form>
        ) : null}
        {member && ownScore ? <p role="status">Bạn đã nộp phiếu chấm lúc {ownScore.submittedAt}.</p> : null}
        {result ? <ResultView result={result} final={result.final} /> : null}
        {scores && scores.length > 0 ? (
          <section aria-labelledby="cac-phieu">
            <h2 id="cac-phieu">Phiếu chấm của hội đồng</h2>
            <ul>
              {scores.map((s) => (
                <li>
                  {s.displayName}: {Object.keys(s.choices).length} tiêu chí
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </div>
    </Layout>
  );
}
