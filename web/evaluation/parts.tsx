import type { Dossier } from '../../shared/evaluation/dossier';
import type { ScoreSheet } from '../../shared/evaluation/score-sheet';
import type { EvaluationResult } from '../../shared/evaluation/scoring-rules';
import { formatVietnamDateTime } from '../../shared/time/vietnam-time';
import { communeItemLabels, documentKindLabels, dossierStateLabels } from './labels';
import { documentPath } from './paths';

/** A flash line above the page's content: a refusal (alert) or a done action (status). */
export function Flash({ error, done }: { error?: string | undefined; done?: string | undefined }) {
  if (error) return <p class="notice error" role="alert">{error}</p>;
  if (done) return <p class="notice" role="status">{done}</p>;
  return null;
}

/** One select per criterion, grouped by part and section; `prefix` keeps the field names apart. */
export function SheetFields({ sheet, values, prefix }: { sheet: ScoreSheet; values?: Record<string, string> | undefined; prefix: string }) {
  return (
    <div class="sheet">
      {sheet.parts.map((part) => (
        <fieldset>
          <legend>
            Phần {part.code}. {part.label}
          </legend>
          {part.sections.map((section) =>
            section.criteria.map((c) => {
              const id = `${prefix}-${c.id}`.replace(/[^A-Za-z0-9_-]/g, '_');
              return (
                <p>
                  <label for={id}>
                    {section.id} · {c.label} (tối đa {c.maxPoints} điểm){c.mandatory?.length ? ' — tiêu chí bắt buộc' : ''}
                  </label>
                  <select id={id} name={`${prefix}:${c.id}`} required>
                    <option value="">— chọn —</option>
                    {c.options.map((o) => (
                      <option value={o.id} selected={values?.[c.id] === o.id}>
                        {o.label} ({o.points} điểm)
                      </option>
                    ))}
                  </select>
                </p>
              );
            }),
          )}
        </fieldset>
      ))}
    </div>
  );
}

/** The `prefix:criterion` fields of a posted sheet form as choices. */
export function choicesFromForm(body: Record<string, unknown>, prefix: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) if (k.startsWith(`${prefix}:`) && typeof v === 'string' && v !== '') out[k.slice(prefix.length + 1)] = v;
  return out;
}

export function DossierSummary({ dossier }: { dossier: Dossier }) {
  return (
    <dl class="dossier-summary">
      <dt>Sản phẩm</dt>
      <dd>{dossier.productName}</dd>
      <dt>Trạng thái</dt>
      <dd data-state={dossier.state}>{dossierStateLabels[dossier.state]}</dd>
      <dt>Phiên bản</dt>
      <dd>{dossier.version}</dd>
      <dt>Phiếu đánh giá</dt>
      <dd>{dossier.sheetId}</dd>
      {dossier.decision ? (
        <>
          <dt>Quyết định</dt>
          <dd>
            {dossier.decision.decisionNo} ngày {dossier.decision.decisionDate} — {dossier.decision.stars}★
            {dossier.decision.certificateNo ? ` — chứng nhận ${dossier.decision.certificateNo}` : ''} (người ký: {dossier.decision.signer})
          </dd>
        </>
      ) : null}
    </dl>
  );
}

export function Documents({ dossier }: { dossier: Dossier }) {
  if (dossier.documents.length === 0) return <p>Chưa có tài liệu.</p>;
  return (
    <ul class="documents">
      {dossier.documents.map((d) => (
        <li>
          {documentKindLabels[d.kind] ?? d.kind}: <a href={documentPath(dossier.id, d.id)}>{d.fileName}</a> ({Math.ceil(d.bytes / 1024)} KB)
        </li>
      ))}
    </ul>
  );
}

export function Comments({ dossier }: { dossier: Dossier }) {
  if (dossier.comments.length === 0) return null;
  return (
    <section aria-labelledby="y-kien">
      <h2 id="y-kien">Ý kiến trao đổi</h2>
      <ol class="comments">
        {dossier.comments.map((c) => (
          <li>
            <strong>{c.byName}</strong> (<time datetime={c.at}>{formatVietnamDateTime(c.at)}</time>): {c.text}
          </li>
        ))}
      </ol>
    </section>
  );
}

export function PreAssessment({ dossier }: { dossier: Dossier }) {
  const p = dossier.preAssessment;
  if (!p) return null;
  return (
    <section aria-labelledby="so-bo">
      <h2 id="so-bo">Đánh giá sơ bộ cấp xã — {p.commune}</h2>
      <ul>
        {Object.entries(p.items).map(([k, v]) => (
          <li>
            {communeItemLabels[k]}: {v.met ? 'đạt' : 'chưa đạt'}
            {v.note ? ` (${v.note})` : ''}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function ResultView({ result, final }: { result: EvaluationResult; final: boolean }) {
  return (
    <section aria-labelledby="ket-qua" class="result">
      <h2 id="ket-qua">{final ? 'Kết quả' : 'Kết quả tạm tính'}</h2>
      <p data-testid="ket-qua">
        Tổng điểm <strong>{result.total}</strong>/100 (A {result.parts.A}, B {result.parts.B}, C {result.parts.C}; {result.members} phiếu) — theo điểm {result.band}★, xếp hạng{' '}
        <strong>{result.stars}★</strong>
        {result.fiveStarCandidate ? ' — đề nghị Bộ xét 5★' : ''}
      </p>
      {result.findings.length > 0 ? (
        <ul class="findings">
          {result.findings.map((f) => (
            <li>{f.message}</li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
