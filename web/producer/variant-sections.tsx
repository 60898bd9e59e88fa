import type { Child } from 'hono/jsx';
import type { Product } from '../../shared/catalog/product';
import { MAX_VARIANTS, type Variant } from '../../shared/catalog/variants';
import { formatVnd } from '../../shared/money/vnd';
import { ErrorSummary, Field, Submit, emptyForm, type FormState, fieldId, FieldError, FieldMessage } from '../components/form/form';
import { productActionPath } from './paths';
import { hasVariants } from './product-form';
import { cheapestVariant, filledRows, isBlankRow, variantCellLabel, variantField, variantFormValues, variantStockField, variantSummaryLabels, type VariantCell } from './variant-form';

interface CellProps {
  before?: Child;
  row: number;
  cell: Exclude<VariantCell, 'id' | 'remove'>;
  state: FormState;
  maxlength: number;
  numeric?: boolean;
}

/** One input in the table with its own (visually hidden) label and its inline error. */
function Cell({ before, row, cell, state, maxlength, numeric }: CellProps) {
  const name = variantField(row, cell);
  const id = fieldId(name);
  const error = state.errors[name];
  return (
    <td>
      {before}
      <label class="cell-label" for={id}>
        {variantCellLabel(row, cell)}
      </label>
      <input
        id={id}
        name={name}
        type="text"
        value={state.values[name] ?? ''}
        autocomplete="off"
        maxlength={maxlength}
        inputmode={numeric ? 'numeric' : undefined}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${id}-loi` : undefined}
      />
      <FieldError name={name} state={state} />
    </td>
  );
}

/** The rows to show: what was posted (or saved), plus a blank one to add a variant while there is room. */
function rowCount(values: Record<string, string>): number {
  const filled = filledRows(values);
  const blankAtEnd = filled > 0 && isBlankRow(values, filled - 1) && !values[variantField(filled - 1, 'remove')];
  return blankAtEnd || filled >= MAX_VARIANTS ? filled : filled + 1;
}

function VariantTable({ state }: { state: FormState }) {
  const rows = rowCount(state.values);
  return (
    <div class="table-scroll">
      <table class="variant-table">
        <caption class="sr-only">Các phân loại của sản phẩm; dòng cuối để trống để thêm phân loại mới</caption>
        <thead>
          <tr>
            <th scope="col">Tên phân loại</th>
            <th scope="col">Giá (đồng)</th>
            <th scope="col">Tồn kho</th>
            <th scope="col">SKU (không bắt buộc)</th>
            <th scope="col">Xoá</th>
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: rows }, (_, row) => {
            const blank = isBlankRow(state.values, row);
            const removeId = fieldId(variantField(row, 'remove'));
            const variantId = state.values[variantField(row, 'id')];
            return (
              <tr>
                {/* The id keeps an existing variant stable when its label changes; new rows get one from the label. */}
                <Cell before={variantId ? <input type="hidden" name={variantField(row, 'id')} value={variantId} /> : null} row={row} cell="label" state={state} maxlength={60} />
                <Cell row={row} cell="priceVnd" state={state} maxlength={20} numeric />
                <Cell row={row} cell="stock" state={state} maxlength={12} numeric />
                <Cell row={row} cell="sku" state={state} maxlength={64} />
                <td>
                  {blank ? null : (
                    <label class="choice" for={removeId}>
                      <input id={removeId} type="checkbox" name={variantField(row, 'remove')} value="1" checked={Boolean(state.values[variantField(row, 'remove')])} />
                      <span class="cell-label">{variantCellLabel(row, 'remove')}</span>
                    </label>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export const singlePriceLabels = { confirmSinglePrice: 'Xác nhận bỏ phân loại' };

/** Back to one price: the cheapest variant's price, label (as the unit) and its own stock, said before the click. */
function SinglePriceForm({ product, variants, state }: { product: Product; variants: Variant[]; state?: FormState | undefined }) {
  const form = state ?? emptyForm();
  const kept = cheapestVariant(variants);
  if (!kept) return null;
  const others = variants.filter((v) => v !== kept).map((v) => v.label);
  const id = fieldId('confirmSinglePrice');
  const error = form.errors.confirmSinglePrice;
  return (
    <form method="post" action={productActionPath(product.id, 'singlePrice')} novalidate class="danger">
      <h3>Bỏ phân loại, bán một giá</h3>
      <ErrorSummary state={form} labels={singlePriceLabels} />
      <input type="hidden" name="expectedUpdatedAt" value={form.values.expectedUpdatedAt ?? product.updatedAt} />
      <p>
        Sản phẩm sẽ bán một giá theo phân loại rẻ nhất, “{kept.label}”: <strong>{formatVnd(kept.priceVnd)}</strong> / {kept.label}, tồn kho {kept.stock} (tồn kho của riêng phân loại
        này, không phải tổng).
        {others.length > 0 ? ` Các phân loại khác (${others.join(', ')}) bị xoá.` : ''} Sau đó bạn sửa giá và đơn vị ở mục “Thông tin sản phẩm”.
      </p>
      <div class="field">
        <label class="choice" for={id}>
          <input id={id} type="checkbox" name="confirmSinglePrice" value="1" required aria-invalid={error ? 'true' : undefined} aria-describedby={error ? `${id}-loi` : undefined} />
          <span>Tôi muốn bỏ các phân loại và bán một giá.</span>
        </label>
        <FieldMessage id={id} error={error} />
      </div>
      <Submit>Bỏ phân loại</Submit>
    </form>
  );
}

export interface VariantsSectionProps {
  product: Product;
  state?: FormState | undefined;
  singlePrice?: FormState | undefined;
}

/**
 * "Phân loại": the whole list in one table, saved at once (ProductPatch.variants). A product sold at
 * one price gets the same table, folded away, with its unit, price and stock as the first row.
 */
export function VariantsSection({ product, state, singlePrice }: VariantsSectionProps) {
  const withVariants = hasVariants(product);
  const form = state ?? emptyForm(variantFormValues(product));
  const hint = (
    <p class="hint">
      Điền dòng trống cuối bảng để thêm một phân loại; đánh dấu “Xoá” để bỏ một phân loại. Giá là số nguyên đồng (150000 hoặc 150.000); tồn kho để trống là 0. Tối đa {MAX_VARIANTS} phân
      loại.
    </p>
  );
  const editor = (
    <form method="post" action={productActionPath(product.id, 'variants')} novalidate>
      <ErrorSummary state={form} labels={variantSummaryLabels(rowCount(form.values))} />
      <input type="hidden" name="expectedUpdatedAt" value={form.values.expectedUpdatedAt ?? product.updatedAt} />
      {hint}
      <VariantTable state={form} />
      <Submit>{withVariants ? 'Lưu phân loại' : 'Chuyển sang bán theo phân loại'}</Submit>
    </form>
  );
  const failed = Boolean(state && (state.formError || Object.keys(state.errors).length > 0));
  return (
    <section class="auth wide" aria-labelledby="phan-loai">
      <h2 id="phan-loai">Phân loại (dung tích, khối lượng…)</h2>
      {withVariants ? (
        <>
          <p>Mỗi phân loại có giá và tồn kho riêng. Trên chợ, sản phẩm hiện giá thấp nhất (“từ …”) và người mua chọn phân loại.</p>
          {editor}
          <SinglePriceForm product={product} variants={product.variants ?? []} state={singlePrice} />
        </>
      ) : (
        <details open={failed}>
          <summary>Sản phẩm có nhiều cỡ, mỗi cỡ một giá? Bán theo phân loại</summary>
          <p>Dòng đầu là đơn vị, giá và tồn kho hiện tại của sản phẩm; sửa nếu cần rồi thêm các phân loại khác.</p>
          {editor}
        </details>
      )}
    </section>
  );
}

export const variantStockLabels = (product: Product) => Object.fromEntries((product.variants ?? []).map((v) => [variantStockField(v.id), `Tồn kho ${v.label}`]));

/** Stock for a product with variants: one input per variant, saved in one write (setVariantStocks). */
export function VariantStockSection({ product, state }: { product: Product; state?: FormState | undefined }) {
  const variants = product.variants ?? [];
  const form = state ?? emptyForm(Object.fromEntries(variants.map((v) => [variantStockField(v.id), String(v.stock)])));
  return (
    <section class="auth" aria-labelledby="ton-kho">
      <h2 id="ton-kho">Tồn kho</h2>
      <form method="post" action={productActionPath(product.id, 'stock')} novalidate>
        <ErrorSummary state={form} labels={variantStockLabels(product)} />
        <p class="hint">Số lượng còn bán được của từng phân loại; 0 là hết hàng. Tổng hiện tại: {product.stock}.</p>
        {variants.map((v) => (
          <Field name={variantStockField(v.id)} label={`Tồn kho ${v.label}`} autocomplete="off" inputmode="numeric" state={form} maxlength={12} />
        ))}
        <Submit>Cập nhật tồn kho</Submit>
      </form>
    </section>
  );
}
