import type { ProductDto } from '../../../../shared/catalog'
import { useNumberLocale, useT, type Locale } from '../../i18n/i18n'
import { formatPrice } from './price'
import { ProductThumb } from './ProductPhoto'

/** The page of products; a row's "Editar" opens the side panel. */
export function ProductTable({
  products,
  locale,
  shopCurrency = null,
  onEdit,
}: {
  products: ProductDto[]
  locale: Locale
  /** The shop's currency: its own prices get the local sign, others keep theirs. */
  shopCurrency?: string | null
  onEdit: (product: ProductDto) => void
}) {
  const t = useT()
  const numberLocale = useNumberLocale()
  return (
    <div className="catalog-table-wrap">
      <table className="catalog-table" data-testid="catalog-table">
        <thead>
          <tr>
            <th scope="col" className="catalog-photo-col">
              <span className="sr-only">{t('catalog.table.photo')}</span>
            </th>
            <th scope="col">{t('catalog.table.name')}</th>
            <th scope="col">{t('catalog.table.sku')}</th>
            <th scope="col">{t('catalog.table.category')}</th>
            <th scope="col" className="num">
              {t('catalog.table.price')}
            </th>
            <th scope="col">{t('catalog.table.keywords')}</th>
            <th scope="col">{t('catalog.table.status')}</th>
            <th scope="col">
              <span className="sr-only">{t('catalog.table.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {products.map((product) => (
            <tr key={product.id} className={product.active ? undefined : 'inactive'} data-testid="catalog-row" data-id={product.id}>
              <td className="catalog-photo">
                <ProductThumb product={product} />
              </td>
              <td className="catalog-name">
                <strong>{product.name}</strong>
                {product.description && <span className="catalog-description">{product.description}</span>}
              </td>
              <td className="catalog-sku">{product.sku ?? <span className="muted">—</span>}</td>
              <td>{product.category ?? <span className="muted">—</span>}</td>
              <td className="num catalog-price" data-testid="catalog-price">
                {product.price === null ? (
                  <span className="catalog-no-price" title={t('catalog.price.none.hint')}>
                    {t('catalog.price.none')}
                  </span>
                ) : (
                  formatPrice(product.price, product.currency, locale, numberLocale, shopCurrency)
                )}
              </td>
              <td>
                {product.keywords.length > 0 ? (
                  <ul className="chips" aria-label={t('catalog.table.keywords')}>
                    {product.keywords.map((keyword) => (
                      <li key={keyword} className="chip">
                        {keyword}
                      </li>
                    ))}
                  </ul>
                ) : (
                  <span className="muted">—</span>
                )}
              </td>
              <td>
                <span className={`badge ${product.active ? 'product-active' : 'product-inactive'}`}>
                  {product.active ? t('catalog.status.active') : t('catalog.status.inactive')}
                </span>
              </td>
              <td className="catalog-row-actions">
                <button type="button" className="small-button" aria-label={t('catalog.edit.named', { name: product.name })} onClick={() => onEdit(product)}>
                  {t('catalog.edit')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
