import { Plus } from "@medusajs/icons"
import { Container, StatusBadge, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { useProducts, type ReviewState } from "../../api/products"
import { ActionButton } from "../../components/unavailable"
import { Loading, PageHeader } from "../../components/layout"
import { vnd } from "../../lib/format"
import { Link, navigate } from "../../lib/router"

export const REVIEW_COLOR: Record<ReviewState, "green" | "red" | "orange" | "grey" | "blue"> = {
  draft: "grey",
  proposed: "orange",
  published: "green",
  rejected: "red",
  changes_pending: "orange",
  changes_rejected: "red",
}

export default function Products() {
  const { t } = useTranslation()
  const { data, isLoading } = useProducts()
  return (
    <>
      <PageHeader
        title={t("products.title")}
        action={
          <ActionButton capability="catalogue" className="tap" onClick={() => navigate("/products/new")} data-testid="new-product">
            <Plus /> {t("products.new")}
          </ActionButton>
        }
      />
      {isLoading && <Loading />}
      {data && data.products.length === 0 && <Text className="text-ui-fg-subtle">{t("products.empty")}</Text>}
      <ul className="flex flex-col gap-y-2">
        {data?.products.map((p) => {
          const prices = p.variants.map((v) => v.price).filter((x): x is number => x !== null)
          return (
            <li key={p.id}>
              <Link to={`/products/${p.id}`} data-testid="product-row" data-handle={p.handle}>
                <Container className="flex min-h-[72px] items-center gap-x-3 p-3">
                  {p.thumbnail ? (
                    <img src={p.thumbnail} alt="" className="h-14 w-14 shrink-0 rounded-md object-cover" loading="lazy" />
                  ) : (
                    <div className="bg-ui-bg-component h-14 w-14 shrink-0 rounded-md" />
                  )}
                  <div className="flex min-w-0 flex-1 flex-col">
                    <Text weight="plus" className="truncate">{p.title}</Text>
                    <Text size="small" className="text-ui-fg-subtle">
                      {prices.length ? vnd(Math.min(...prices)) : "—"} · {t("products.variants", { count: p.variants.length })}
                    </Text>
                  </div>
                  <StatusBadge color={REVIEW_COLOR[p.review_state]} data-testid="review-state">{t(`review_state.${p.review_state}`)}</StatusBadge>
                </Container>
              </Link>
            </li>
          )
        })}
      </ul>
    </>
  )
}
