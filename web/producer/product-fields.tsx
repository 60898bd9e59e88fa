import { productGroups } from '../../shared/reference/taxonomy';
import { Field, type FormState, fieldId, FieldMessage } from '../components/form/form';
import { SelectField, TextArea } from './form-fields';
import { productLabels } from './product-form';

const groupOptions = productGroups.map((g) => ({ value: g.code, label: `${g.number}. ${g.name}` }));

/**
 * Subgroups under their group's heading. Without JavaScript the list cannot follow the group
 * chosen above, so every group's subgroups are offered and the schema refuses a mismatched pair.
 */
function SubgroupSelect({ state }: { state: FormState }) {
  const id = fieldId('subgroup');
  const error = state.errors.subgroup;
  const current = state.values.subgroup ?? '';
  return (
    <div class="field">
      <label for={id}>{productLabels.subgroup}</label>
      <p class="hint" id={`${id}-goi-y`}>
        Chọn phân nhóm thuộc nhóm sản phẩm ở trên.
      </p>
      <select id={id} name="subgroup" required aria-invalid={error ? 'true' : undefined} aria-describedby={[`${id}-goi-y`, error ? `${id}-loi` : ''].filter(Boolean).join(' ')}>
        <option value="">— Chọn phân nhóm —</option>
        {productGroups.map((g) => (
          <optgroup label={`${g.number}. ${g.name}`}>
            {g.subgroups
              .filter((s) => !s.validTo || s.code === current)
              .map((s) => (
                <option value={s.code} selected={s.code === current}>
                  {s.name}
                </option>
              ))}
          </optgroup>
        ))}
      </select>
      <FieldMessage id={id} error={error} />
    </div>
  );
}

/** The product's own fields, shared by the new-product and the edit forms. */
export function ProductFields({ state, withStock, withPricing = true }: { state: FormState; withStock: boolean; withPricing?: boolean }) {
  return (
    <>
      <Field name="name" label={productLabels.name} autocomplete="off" state={state} maxlength={200} />
      <TextArea name="description" label={productLabels.description} state={state} required={false} maxlength={8000} hint="Nguyên liệu, cách làm, hạn dùng, cách bảo quản. Dòng trống tách đoạn." />
      <SelectField name="group" label={productLabels.group} state={state} options={groupOptions} placeholder="— Chọn nhóm —" />
      <SubgroupSelect state={state} />
      {withPricing ? (
        <>
          <Field name="priceVnd" label={productLabels.priceVnd} autocomplete="off" inputmode="numeric" state={state} maxlength={20} hint="Số nguyên đồng, ví dụ 150000 hoặc 150.000" />
          <Field name="unit" label={productLabels.unit} autocomplete="off" state={state} maxlength={60} hint="Ví dụ: chai 500 ml, hũ 250 g, hộp 10 gói" />
        </>
      ) : (
        <p class="hint">Sản phẩm có nhiều phân loại: giá, đơn vị và tồn kho được sửa theo từng phân loại.</p>
      )}
      {withStock ? <Field name="stock" label={productLabels.stock} autocomplete="off" inputmode="numeric" state={state} required={false} maxlength={12} hint="Số lượng còn bán được; để trống là 0" /> : null}
      <Field name="tags" label={productLabels.tags} autocomplete="off" state={state} required={false} maxlength={900} hint="Cách nhau bằng dấu phẩy, ví dụ: mật ong, quà biếu" />
    </>
  );
}
