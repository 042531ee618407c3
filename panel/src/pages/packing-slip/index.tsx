import { ArrowLeft } from "@medusajs/icons"
import { Alert, Button, Text, clx } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { useOrder } from "../../api/orders"
import { useMe } from "../../api/session"
import { Loading } from "../../components/layout"
import { errorMessage } from "../../lib/errors"
import { dateTime, vnd } from "../../lib/format"
import { Link } from "../../lib/router"
import "../../locales/desk"

type Paper = "a6" | "a4"

// Printing shows only the slip: the panel's bars, banners and toasts are hidden, the page size is the paper chosen.
const printCss = (paper: Paper) => `
@page { size: ${paper === "a6" ? "A6" : "A4"}; margin: ${paper === "a6" ? "5mm" : "12mm"}; }
@media print {
  header, nav, [data-sonner-toaster], [data-testid="status-banner"], .no-print { display: none !important; }
  #root > div { padding: 0 !important; min-height: 0 !important; }
  main { max-width: none !important; padding: 0 !important; }
  body { background: #fff !important; }
  .slip { box-shadow: none !important; border: 0 !important; width: auto !important; padding: 0 !important; }
}`

/** A packing slip for the parcel: who sends it, to whom, what is in it; printed on A6 (a label) or A4. */
export default function PackingSlip({ params }: { params: Record<string, string> }) {
  const { t } = useTranslation()
  const { cooperative } = useMe()
  const order = useOrder(params.id)
  const [paper, setPaper] = useState<Paper>("a6")
  if (order.isLoading) return <Loading />
  if (order.error || !order.data) return <Alert variant="error">{errorMessage(order.error, t)}</Alert>
  const o = order.data
  const a = o.shipping_address
  const cod = !!o.payment_provider_id?.includes("system_default")
  const small = paper === "a6"
  return (
    <>
      <style>{printCss(paper)}</style>
      <div className="no-print flex flex-col gap-y-3">
        <Link to={`/orders/${o.id}`} className="text-ui-fg-subtle txt-compact-small flex min-h-[44px] items-center gap-x-1">
          <ArrowLeft /> {t("order.title", { n: o.display_id })}
        </Link>
        <div className="grid grid-cols-2 gap-2" role="radiogroup" aria-label={t("slip.paper")}>
          {(["a6", "a4"] as const).map((p) => (
            <Button key={p} type="button" role="radio" aria-checked={paper === p} variant={paper === p ? "primary" : "secondary"} className="tap" onClick={() => setPaper(p)} data-testid={`paper-${p}`}>
              {t(`slip.${p}`)}
            </Button>
          ))}
        </div>
        <Button size="large" className="tap w-full" onClick={() => window.print()} data-testid="print-slip">
          {t("slip.print")}
        </Button>
      </div>
      <article
        className={clx("slip bg-ui-bg-base shadow-borders-base mx-auto flex w-full flex-col rounded-md text-black", small ? "max-w-[105mm] gap-y-2 p-3 text-[11px] leading-snug" : "max-w-[210mm] gap-y-4 p-6 text-sm")}
        data-testid="packing-slip"
        data-paper={paper}
      >
        <div className="flex items-start justify-between gap-x-3 border-b border-black pb-2">
          <div className="min-w-0">
            <div className="text-[10px] uppercase tracking-wide">{t("slip.from")}</div>
            <div className="font-semibold" data-testid="slip-cooperative">{cooperative.name}</div>
            <div>{[cooperative.street_address, cooperative.ward, cooperative.province].filter(Boolean).join(", ")}</div>
            <div>{cooperative.phone}</div>
          </div>
          <div className="shrink-0 text-right">
            <div className="text-[10px] uppercase tracking-wide">{t("slip.order")}</div>
            <div className={clx("font-bold", small ? "text-lg" : "text-2xl")} data-testid="slip-order">#{o.display_id}</div>
            <div>{dateTime(o.created_at)}</div>
          </div>
        </div>
        <div className="border-b border-black pb-2" data-testid="slip-address">
          <div className="text-[10px] uppercase tracking-wide">{t("slip.to")}</div>
          {a ? (
            <>
              <div className={clx("font-semibold", small ? "text-sm" : "text-base")}>{[a.last_name, a.first_name].filter(Boolean).join(" ")}</div>
              <div>{[a.address_1, a.city, a.province].filter(Boolean).join(", ")}</div>
              {a.phone && <div className="font-semibold">{a.phone}</div>}
            </>
          ) : (
            <div>{o.email}</div>
          )}
        </div>
        <table className="w-full border-collapse" data-testid="slip-items">
          <thead>
            <tr className="border-b border-black text-left">
              <th className="py-1 font-semibold">{t("slip.item")}</th>
              <th className="w-10 py-1 text-right font-semibold">{t("slip.qty")}</th>
            </tr>
          </thead>
          <tbody>
            {o.items.map((i) => (
              <tr key={i.id} className="border-b border-dotted border-neutral-400 align-top">
                <td className="py-1">
                  {i.product_title}
                  <span className="text-neutral-600"> · {i.variant_title}</span>
                </td>
                <td className="py-1 text-right font-semibold">{i.quantity}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="flex items-end justify-between gap-x-3">
          <div>{t("slip.count", { n: o.items.reduce((n, i) => n + i.quantity, 0) })}</div>
          <div className="text-right font-semibold" data-testid="slip-payment">
            {cod ? t("slip.cod", { amount: vnd(o.total) }) : t("slip.prepaid")}
          </div>
        </div>
        <Text size="xsmall" className="text-neutral-600 break-all">{t("slip.reference", { id: o.id })}</Text>
      </article>
    </>
  )
}
