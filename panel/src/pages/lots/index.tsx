import { Plus } from "@medusajs/icons"
import { Container, StatusBadge, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { useLots } from "../../api/lots"
import { useProducts } from "../../api/products"
import { Loading, PageHeader } from "../../components/layout"
import { ActionButton } from "../../components/unavailable"
import { errorMessage } from "../../lib/errors"
import { date } from "../../lib/format"
import { Link, navigate } from "../../lib/router"
import "../../locales/trace"

export const LOT_COLOR = { draft: "grey", published: "green" } as const

/** Product titles by id, from the cooperative's own catalogue (a lot names its product by id). */
export function useProductTitles() {
  const { data } = useProducts()
  return new Map((data?.products ?? []).map((p) => [p.id, p.title] as const))
}

/** The cooperative's lots, newest first: which product, how many steps recorded, published or not. */
export default function Lots() {
  const { t } = useTranslation()
  const { data, isLoading, error } = useLots()
  const titles = useProductTitles()
  return (
    <>
      <PageHeader
        title={t("lots.title")}
        action={
          <ActionButton capability="trace" className="tap" onClick={() => navigate("/lots/new")} data-testid="new-lot">
            <Plus /> {t("lots.new")}
          </ActionButton>
        }
      />
      <Text size="small" className="text-ui-fg-subtle">{t("lots.lead")}</Text>
      {isLoading && <Loading />}
      {error && <Text className="text-ui-fg-error" role="alert">{errorMessage(error, t)}</Text>}
      {data && data.lots.length === 0 && <Text className="text-ui-fg-subtle" data-testid="lots-empty">{t("lots.empty")}</Text>}
      <ul className="flex flex-col gap-y-2">
        {data?.lots.map((lot) => (
          <li key={lot.id}>
            <Link to={`/lots/${lot.id}`} data-testid="lot-row" data-lot={lot.id} data-code={lot.code}>
              <Container className="flex min-h-[64px] items-center justify-between gap-x-3 p-3">
                <div className="flex min-w-0 flex-col">
                  <Text weight="plus" className="truncate">{titles.get(lot.product_id) ?? t("lots.product")}</Text>
                  <Text size="small" className="text-ui-fg-subtle truncate">
                    {[lot.variant?.title, `${t("lots.lot")} ${lot.lot_number}`, lot.packed_on ? date(lot.packed_on) : null].filter(Boolean).join(" · ")}
                  </Text>
                </div>
                <StatusBadge color={LOT_COLOR[lot.status]}>{t(`lot_status.${lot.status}`)}</StatusBadge>
              </Container>
            </Link>
          </li>
        ))}
      </ul>
    </>
  )
}
