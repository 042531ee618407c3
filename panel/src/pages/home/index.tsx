import { Container, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { EXPIRING_SOON_DAYS, shownState, useCertificates, useOcopRatings } from "../../api/certification"
import { LOW_STOCK, useInventory } from "../../api/inventory"
import { useLedger, usePayouts } from "../../api/ledger"
import { useOrders } from "../../api/orders"
import { useMe } from "../../api/session"
import { PageHeader } from "../../components/layout"
import { can } from "../../lib/capabilities"
import { date, vnd } from "../../lib/format"
import { Link } from "../../lib/router"

function Card({ title, children, to, testId }: { title: string; children: React.ReactNode; to?: string; testId: string }) {
  const body = (
    <Container className="flex flex-col gap-y-2 p-4" data-testid={testId}>
      <Text size="small" weight="plus" className="text-ui-fg-subtle">{title}</Text>
      {children}
    </Container>
  )
  return to ? <Link to={to} className="block min-h-[44px] rounded-lg focus-visible:outline focus-visible:outline-2">{body}</Link> : body
}

/** Today's work: what to pack, what is running out, and the money. */
export default function Home() {
  const { t } = useTranslation()
  const { cooperative, user } = useMe()
  const readable = can(cooperative.status, "read")
  const toPack = useOrders("pending")
  const packed = useOrders("fulfilled")
  const stock = useInventory()
  const ledger = useLedger(5)
  const payouts = usePayouts()
  const certificates = useCertificates()
  const ratings = useOcopRatings()
  if (!readable) return null
  const low = (stock.data?.inventory ?? []).filter((s) => s.available_quantity <= LOW_STOCK)
  const lastPayout = payouts.data?.[0]
  // Verified ratings and certificates that lapse within the server's reminder window (the same rule as their pages).
  const expiring = [
    ...(ratings.data ?? []).map((r) => ({ id: r.id, to: `/ratings/${r.id}`, label: `${t("home.ocop", { stars: r.stars })} · ${r.product?.title ?? ""}`, item: r })),
    ...(certificates.data ?? []).map((c) => ({ id: c.id, to: `/certificates/${c.id}`, label: `${c.type} · ${c.code}`, item: c })),
  ]
    .filter((x) => shownState(x.item) === "expiring_soon")
    .sort((a, b) => a.item.expires_at.localeCompare(b.item.expires_at))

  return (
    <>
      <PageHeader title={t("home.greeting", { name: user.first_name || cooperative.name })} />
      <div className="grid grid-cols-2 gap-3">
        <Card title={t("home.to_pack")} to="/orders?status=pending" testId="home-to-pack">
          <span className="txt-xlarge-plus" data-testid="to-pack-count">{toPack.data?.count ?? "…"}</span>
        </Card>
        <Card title={t("home.to_ship")} to="/orders?status=fulfilled" testId="home-to-ship">
          <span className="txt-xlarge-plus">{packed.data?.count ?? "…"}</span>
        </Card>
      </div>
      <Card title={t("home.balance")} to="/ledger" testId="home-balance">
        <span className="txt-xlarge-plus" data-testid="balance">{vnd(ledger.data?.balance)}</span>
        <Text size="small" className="text-ui-fg-subtle">
          {t("home.available", { amount: vnd(ledger.data?.available) })} · {t("home.pending", { amount: vnd(ledger.data?.pending) })}
        </Text>
        <Text size="small" className="text-ui-fg-subtle">
          {lastPayout ? t("home.last_payout", { amount: vnd(lastPayout.amount), date: date(lastPayout.created_at), status: t(`payout_status.${lastPayout.status}`, { defaultValue: lastPayout.status }) }) : t("home.no_payout")}
        </Text>
      </Card>
      <Card title={t("home.expiring", { days: EXPIRING_SOON_DAYS })} testId="home-expiring">
        {ratings.isLoading || certificates.isLoading ? (
          <Text size="small">…</Text>
        ) : expiring.length === 0 ? (
          <Text size="small" className="text-ui-fg-subtle">{t("home.expiring_none")}</Text>
        ) : (
          <ul className="divide-ui-border-base divide-y">
            {expiring.map((x) => (
              <li key={x.id}>
                <Link to={x.to} className="flex min-h-[44px] items-center justify-between gap-x-2" data-testid="expiring-item">
                  <span className="txt-small truncate">{x.label}</span>
                  <span className="txt-small-plus text-ui-fg-error shrink-0">{t("home.expiring_item", { date: date(x.item.expires_at) })}</span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card title={t("home.low_stock", { n: LOW_STOCK })} testId="home-low-stock">
        {stock.isLoading ? (
          <Text size="small">…</Text>
        ) : !stock.data?.location_id ? (
          <Text size="small" className="text-ui-fg-subtle">{t("product.stock_after_approval")}</Text>
        ) : low.length === 0 ? (
          <Text size="small" className="text-ui-fg-subtle">{t("home.stock_ok")}</Text>
        ) : (
          <ul className="divide-ui-border-base divide-y">
            {low.map((s) => (
              <li key={s.inventory_item_id}>
                <Link to={`/products/${s.product_id}`} className="flex min-h-[44px] items-center justify-between gap-x-2">
                  <span className="txt-small truncate">{s.product_title} · {s.variant_title}</span>
                  <span className="txt-small-plus text-ui-fg-error shrink-0">{t("home.left", { n: s.available_quantity })}</span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  )
}
