import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { Button, Container, Text, Textarea, toast } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { Field } from "../components/field"
import { Title } from "../components/title"
import { adminFetch, formatVnd, useAdminGet } from "../lib/api"

/**
 * The order page's money: Medusa shows no payment for a marketplace order (the purchase's one
 * payment is not linked to each cooperative's order). This shows the purchase, the order's share,
 * what was received and refunded for it, and refunds through POST /admin/orders/:id/refunds
 * (capped by the share, booked in the cooperative's ledger), never Medusa's payment refund.
 */
type OrderCoopstall = {
  cooperative: { name: string; province: string | null } | null
  purchase: {
    id: string
    order_count: number
    total: number
    payment: { captured: number } | null
  } | null
  share: { amount: number; method: string; collector: string; paid_in: number; refunded: number; refundable: number } | null
}

const OrderCoopstallWidget = ({ data: order }: DetailWidgetProps<AdminOrder>) => {
  const { t } = useTranslation()
  const { data, error, reload } = useAdminGet<OrderCoopstall>(`/admin/orders/${order.id}/coopstall`)
  const [amount, setAmount] = useState("")
  const [note, setNote] = useState("")
  const [busy, setBusy] = useState(false)
  const [refundError, setRefundError] = useState<string | null>(null)
  if (error) return null
  const share = data?.share
  const value = Number(amount)
  const valid = amount.trim() !== "" && Number.isInteger(value) && value > 0 && (!share || value <= share.refundable)

  const refund = async () => {
    setBusy(true)
    setRefundError(null)
    try {
      const done = await adminFetch<{ refund: { amount: number } }>(`/admin/orders/${order.id}/refunds`, { method: "POST", body: { amount: value, ...(note.trim() ? { note: note.trim() } : {}) } })
      toast.success(t("coopstall.orderMoney.refundDone", { amount: formatVnd(done.refund.amount) }))
      setAmount("")
      setNote("")
      reload()
    } catch (err) {
      setRefundError((err as Error).message)
      toast.error(t("coopstall.common.error"), { description: (err as Error).message })
    } finally {
      setBusy(false)
    }
  }

  const row = (label: string, content: string, testId?: string) => (
    <>
      <dt className="text-ui-fg-subtle">{label}</dt>
      <dd className="text-right" data-testid={testId}>
        {content}
      </dd>
    </>
  )

  return (
    <Container className="divide-y p-0" data-testid="coopstall-order-widget">
      <div className="px-6 py-4">
        <Title level="h2">{t("coopstall.orderMoney.title")}</Title>
      </div>
      {!data ? (
        <Text className="px-6 py-4 text-ui-fg-subtle">{t("coopstall.common.loading")}</Text>
      ) : (
        <>
          <div className="flex flex-col gap-y-1 px-6 py-4">
            <Text size="small" weight="plus">
              {t("coopstall.widget.cooperative")}
            </Text>
            <Text size="small" data-testid="order-cooperative">
              {data.cooperative ? `${data.cooperative.name} · ${data.cooperative.province}` : t("coopstall.widget.noCooperative")}
            </Text>
          </div>
          {!data.purchase ? (
            <Text size="small" className="px-6 py-4 text-ui-fg-subtle">
              {t("coopstall.orderMoney.noPurchase")}
            </Text>
          ) : (
            <div className="flex flex-col gap-y-2 px-6 py-4">
              <Text size="small" weight="plus">
                {t("coopstall.orderMoney.purchase")}
              </Text>
              <Text size="xsmall" className="font-mono text-ui-fg-subtle" data-testid="order-purchase">
                {data.purchase.id}
              </Text>
              <Text size="small">{t("coopstall.orderMoney.ordersInPurchase", { count: data.purchase.order_count, total: formatVnd(data.purchase.total) })}</Text>
              {share && (
                <dl className="grid grid-cols-[1fr_max-content] gap-x-4 gap-y-1 txt-small">
                  {row(t("coopstall.orderMoney.share"), formatVnd(share.amount), "order-share")}
                  {row(
                    t("coopstall.orderMoney.method"),
                    `${t(`coopstall.orderMoney.methods.${share.method}`, share.method)}, ${t(`coopstall.orderMoney.collector.${share.collector}`, share.collector)}`
                  )}
                  {row(
                    t("coopstall.orderMoney.captured"),
                    data.purchase.payment ? formatVnd(data.purchase.payment.captured) : t("coopstall.orderMoney.nothingCaptured"),
                    "order-captured"
                  )}
                  {row(t("coopstall.orderMoney.paidIn"), formatVnd(share.paid_in), "order-paid-in")}
                  {row(t("coopstall.orderMoney.refunded"), formatVnd(share.refunded), "order-refunded")}
                  {row(t("coopstall.orderMoney.refundable"), formatVnd(share.refundable), "order-refundable")}
                </dl>
              )}
            </div>
          )}
          {share && share.refundable > 0 && (
            <div className="flex flex-col gap-y-2 px-6 py-4" data-testid="order-refund">
              <Text size="small" weight="plus">
                {t("coopstall.orderMoney.refund")}
              </Text>
              <Field id="order-refund-amount" type="number" label={t("coopstall.money.amount")} value={amount} onChange={setAmount} placeholder={String(share.refundable)} />
              <Text size="xsmall" weight="plus">
                {t("coopstall.orderMoney.refundNote")}
              </Text>
              <Textarea data-testid="order-refund-note" rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
              {refundError && (
                <Text size="small" className="text-ui-fg-error" data-testid="order-refund-error">
                  {refundError}
                </Text>
              )}
              <Button size="small" variant="danger" data-testid="order-refund-submit" disabled={!valid || busy} isLoading={busy} onClick={refund}>
                {t("coopstall.orderMoney.refundButton", { amount: valid ? formatVnd(value) : "" })}
              </Button>
            </div>
          )}
        </>
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "order.details.side.after",
})

export default OrderCoopstallWidget
