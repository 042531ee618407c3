import { Container, StatusBadge, Text, clx } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { useOrders, type Progress } from "../../api/orders"
import { Loading, PageHeader } from "../../components/layout"
import { dateTime, vnd } from "../../lib/format"
import { Link, usePath } from "../../lib/router"

export const PROGRESS_COLOR: Record<Progress, "green" | "red" | "orange" | "grey" | "blue" | "purple"> = {
  pending: "orange",
  fulfilled: "blue",
  shipped: "purple",
  delivered: "green",
  canceled: "grey",
  returned: "red",
}
const FILTERS: Array<Progress | "all"> = ["pending", "fulfilled", "shipped", "delivered", "canceled", "all"]

export default function Orders() {
  const { t } = useTranslation()
  usePath()
  const wanted = new URLSearchParams(window.location.search).get("status")
  const status = (FILTERS as string[]).includes(wanted ?? "") && wanted !== "all" ? (wanted as Progress) : wanted === "all" ? undefined : "pending"
  const { data, isLoading } = useOrders(status)
  return (
    <>
      <PageHeader title={t("orders.title")} />
      <div className="-mx-3 flex gap-x-2 overflow-x-auto px-3 pb-1" role="tablist">
        {FILTERS.map((f) => {
          const active = (f === "all" && !status) || f === status
          return (
            <Link
              key={f}
              to={`/orders?status=${f}`}
              role="tab"
              aria-selected={active}
              data-testid={`filter-${f}`}
              className={clx("txt-compact-small-plus flex min-h-[44px] shrink-0 items-center rounded-full px-4", active ? "bg-ui-button-inverted text-ui-fg-on-inverted" : "bg-ui-bg-base text-ui-fg-subtle shadow-borders-base")}
            >
              {t(f === "all" ? "orders.all" : `progress.${f}`)}
            </Link>
          )
        })}
      </div>
      {isLoading && <Loading />}
      {data && data.orders.length === 0 && <Text className="text-ui-fg-subtle" data-testid="orders-empty">{t("orders.empty")}</Text>}
      <ul className="flex flex-col gap-y-2">
        {data?.orders.map((o) => (
          <li key={o.id}>
            <Link to={`/orders/${o.id}`} data-testid="order-row" data-order={o.id}>
              <Container className="flex min-h-[64px] items-center justify-between gap-x-3 p-3">
                <div className="flex min-w-0 flex-col">
                  <Text weight="plus">#{o.display_id} · {vnd(o.payment_share ?? o.total)}</Text>
                  <Text size="small" className="text-ui-fg-subtle truncate">
                    {dateTime(o.created_at)} · {o.items.reduce((n, i) => n + i.quantity, 0)} {t("orders.items")} · {o.shipping_address?.province ?? ""}
                  </Text>
                </div>
                <StatusBadge color={PROGRESS_COLOR[o.progress]}>{t(`progress.${o.progress}`)}</StatusBadge>
              </Container>
            </Link>
          </li>
        ))}
      </ul>
    </>
  )
}
