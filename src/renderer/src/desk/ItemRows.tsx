/** The sale's items: name, quantity and unit price per row; the subtotal follows them. */
import { Field } from '../common/Field'
import type { StringKey } from '../../../shared/i18n'
import { useT } from '../i18n'
import { useSaleStore } from '../stores/sale-store'

export function ItemRows(): React.JSX.Element {
  const t = useT()
  const { draft, errors, serverErrors, addItem, setItem, removeItem } = useSaleStore()
  const errorOf = (field: string): string | undefined =>
    errors[field] ? t(`sale.err.${errors[field]}` as StringKey) : serverErrors[field]
  return (
    <fieldset className="items">
      <legend className="items__legend">{t('sale.items')}</legend>
      {draft.items.length === 0 && <p className="items__empty">{t('sale.noItems')}</p>}
      {draft.items.map((item, i) => (
        <div key={item.key} className="items__row" data-testid="sale-item">
          <Field
            label={t('sale.item.name', { n: i + 1 })}
            value={item.name}
            onChange={(v) => setItem(item.key, 'name', v)}
            error={errorOf(`items.${i}.name`)}
            maxLength={255}
          />
          <Field
            label={t('sale.item.quantity', { n: i + 1 })}
            value={item.quantity}
            onChange={(v) => setItem(item.key, 'quantity', v)}
            error={errorOf(`items.${i}.quantity`)}
            inputMode="numeric"
          />
          <Field
            label={t('sale.item.price', { n: i + 1 })}
            value={item.price}
            onChange={(v) => setItem(item.key, 'price', v)}
            error={errorOf(`items.${i}.price`)}
            inputMode="numeric"
          />
          <button
            type="button"
            className="button button--secondary items__remove"
            onClick={() => removeItem(item.key)}
            aria-label={t('sale.item.remove', { n: i + 1 })}
          >
            ×
          </button>
        </div>
      ))}
      <button type="button" className="button button--secondary" onClick={addItem}>
        {t('sale.item.add')}
      </button>
    </fieldset>
  )
}
