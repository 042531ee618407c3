import { ArrowLeft, DocumentText } from "@medusajs/icons"
import { Alert, Button, Container, Input, StatusBadge, Text, toast, usePrompt } from "@medusajs/ui"
import { useState, type FormEvent } from "react"
import { useTranslation } from "react-i18next"
import { openFulfillment, useOrder, useOrderAction } from "../../api/orders"
import { Field, NativeSelect, tapInput } from "../../components/field"
import { Loading, PageHeader } from "../../components/layout"
import { ActionButton } from "../../components/unavailable"
import { errorMessage, fieldErrors } from "../../lib/errors"
import { dateTime, vnd } from "../../lib/format"
import { Link } from "../../lib/router"
import { PROGRESS_COLOR } from "../orders"
import { RecordActivity } from "../activity"

const CARRIERS = ["Viettel Post", "VNPost", "Giao Hàng Nhanh", "Giao Hàng Tiết Kiệm", "J&T Express", "Ninja Van", "Best Express"]

/** One order: what to pack, where it goes, and the next step (pack → ship → delivered), or cancel. */
export default function OrderPage({ params }: { params: Record<string, string> }) {
  const { t } = useTranslation()
  const order = useOrder(params.id)
  const action = useOrderAction(params.id)
  const prompt = usePrompt()
  const [carrier, setCarrier] = useState(CARRIERS[0])
  const [tracking, setTracking] = useState("")
  const [errors, setErrors] = useState<Record<string, string>>({})

  if (order.isLoading) return <Loading />
  if (order.error || !order.data) return <Alert variant="error">{errorMessage(order.error, t)}</Alert>
  const o = order.data
  const parcel = openFulfillment(o)

  const run = (a: Parameters<typeof action.mutate>[0], done: string) =>
    action.mutate(a, {
      onSuccess: () => {
        setErrors({})
        toast.success(t(done))
      },
      onError: (err) => {
        setErrors(fieldErrors(err))
        toast.error(errorMessage(err, t))
      },
    })

  const ship = (e: FormEvent) => {
    e.preventDefault()
    if (!tracking.trim()) return setErrors({ tracking_number: t("errors.field.required") })
    run({ type: "ship", carrier, tracking_number: tracking.trim() }, "order.shipped_toast")
  }
  const cancel = async () => {
    if (await prompt({ title: t("order.cancel_title"), description: t("order.cancel_body"), confirmText: t("order.cancel"), cancelText: t("common.back") })) {
      run({ type: "cancel" }, "order.canceled_toast")
    }
  }

  const a = o.shipping_address
  return (
    <>
      <Link to="/orders" className="text-ui-fg-subtle txt-compact-small flex min-h-[44px] items-center gap-x-1">
        <ArrowLeft /> {t("orders.title")}
      </Link>
      <PageHeader title={t("order.title", { n: o.display_id })} action={<StatusBadge color={PROGRESS_COLOR[o.progress]} data-testid="order-progress" data-progress={o.progress}>{t(`progress.${o.progress}`)}</StatusBadge>} />
      <div className="flex items-center justify-between gap-x-3">
        <Text size="small" className="text-ui-fg-subtle">{dateTime(o.created_at)}</Text>
        <Link to={`/orders/${o.id}/packing-slip`} className="text-ui-fg-interactive txt-compact-small-plus flex min-h-[44px] items-center gap-x-1" data-testid="open-packing-slip">
          <DocumentText /> {t("order.packing_slip")}
        </Link>
      </div>

      <Container className="flex flex-col gap-y-3 p-4">
        <Text weight="plus">{t("order.items")}</Text>
        <ul className="divide-ui-border-base flex flex-col divide-y">
          {o.items.map((i) => (
            <li key={i.id} className="flex items-center gap-x-3 py-2">
              {i.thumbnail ? <img src={i.thumbnail} alt="" className="h-12 w-12 rounded-md object-cover" /> : <div className="bg-ui-bg-component h-12 w-12 rounded-md" />}
              <div className="flex min-w-0 flex-1 flex-col">
                <Text size="small" weight="plus" className="truncate">{i.product_title}</Text>
                <Text size="small" className="text-ui-fg-subtle">{i.variant_title} × {i.quantity}</Text>
              </div>
              <Text size="small">{vnd(i.total)}</Text>
            </li>
          ))}
        </ul>
        <div className="flex justify-between"><Text size="small">{t("order.shipping")}</Text><Text size="small">{vnd(o.shipping_total)}</Text></div>
        <div className="flex justify-between"><Text weight="plus">{t("order.your_share")}</Text><Text weight="plus" data-testid="order-share">{vnd(o.payment_share ?? o.total)}</Text></div>
        <Text size="small" className="text-ui-fg-subtle">{t(o.payment_provider_id?.includes("system_default") ? "order.pay_cod" : "order.pay_prepaid")}</Text>
      </Container>

      {a && (
        <Container className="flex flex-col gap-y-1 p-4" data-testid="order-address">
          <Text weight="plus">{t("order.deliver_to")}</Text>
          <Text size="small">{[a.last_name, a.first_name].filter(Boolean).join(" ")}</Text>
          <Text size="small">{[a.address_1, a.city, a.province].filter(Boolean).join(", ")}</Text>
          {a.phone && <a href={`tel:${a.phone}`} className="text-ui-fg-interactive txt-small flex min-h-[44px] items-center">{a.phone}</a>}
        </Container>
      )}

      {parcel && (parcel.shipped_at || parcel.carrier) && (
        <Container className="flex flex-col gap-y-1 p-4" data-testid="order-parcel">
          <Text weight="plus">{t("order.parcel")}</Text>
          <Text size="small">{parcel.carrier} · {parcel.tracking_numbers.join(", ")}</Text>
          {parcel.shipped_at && <Text size="small" className="text-ui-fg-subtle">{t("order.shipped_at", { date: dateTime(parcel.shipped_at) })}</Text>}
          {parcel.delivered_at && <Text size="small" className="text-ui-fg-subtle">{t("order.delivered_at", { date: dateTime(parcel.delivered_at) })}</Text>}
        </Container>
      )}

      <div className="flex flex-col gap-y-3" data-testid="order-actions">
        {o.progress === "pending" && (
          <ActionButton capability="handle_orders" size="large" className="tap w-full" isLoading={action.isPending} onClick={() => run({ type: "pack" }, "order.packed_toast")} data-testid="pack">
            {t("order.pack")}
          </ActionButton>
        )}
        {o.progress === "fulfilled" && parcel && (
          <Container className="p-4">
            <form onSubmit={ship} className="flex flex-col gap-y-3" noValidate>
              <Text weight="plus">{t("order.ship_title")}</Text>
              <Field id="carrier" label={t("fields.carrier")} error={errors.carrier}>
                <NativeSelect id="carrier" value={carrier} onChange={(e) => setCarrier(e.target.value)}>
                  {CARRIERS.map((c) => <option key={c} value={c}>{c}</option>)}
                </NativeSelect>
              </Field>
              <Field id="tracking_number" label={t("fields.tracking_number")} error={errors.tracking_number}>
                <Input id="tracking_number" className={tapInput} value={tracking} onChange={(e) => setTracking(e.target.value)} autoCapitalize="characters" />
              </Field>
              <ActionButton capability="handle_orders" type="submit" size="large" className="tap w-full" isLoading={action.isPending} data-testid="ship">
                {t("order.ship")}
              </ActionButton>
              <Button type="button" variant="secondary" className="tap w-full" disabled={action.isPending} onClick={() => run({ type: "cancel_parcel" }, "order.unpacked_toast")} data-testid="unpack">
                {t("order.unpack")}
              </Button>
            </form>
          </Container>
        )}
        {o.progress === "shipped" && (
          <ActionButton capability="handle_orders" size="large" className="tap w-full" isLoading={action.isPending} onClick={() => run({ type: "deliver" }, "order.delivered_toast")} data-testid="deliver">
            {t("order.deliver")}
          </ActionButton>
        )}
        {(o.progress === "pending" || o.progress === "fulfilled") && (
          <ActionButton capability="handle_orders" variant="danger" className="tap w-full" disabled={action.isPending} onClick={cancel} data-testid="cancel-order">
            {t("order.cancel")}
          </ActionButton>
        )}
      </div>
      <RecordActivity recordId={params.id} />
    </>
  )
}
