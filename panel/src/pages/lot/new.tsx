import { Button, Container, Input, Text } from "@medusajs/ui"
import { useQueryClient } from "@tanstack/react-query"
import { useState, type FormEvent } from "react"
import { useTranslation } from "react-i18next"
import { PROVINCES } from "../../../../src/lib/provinces"
import { createLot } from "../../api/lots"
import { useProducts } from "../../api/products"
import { Field, NativeSelect, tapInput } from "../../components/field"
import { Loading, PageHeader } from "../../components/layout"
import { ActionButton } from "../../components/unavailable"
import { errorMessage, fieldErrors } from "../../lib/errors"
import { navigate } from "../../lib/router"

const EMPTY = { product_id: "", variant_id: "", lot_number: "", quantity: "", unit: "", harvested_on: "", packed_on: "", best_before: "", origin_area: "", origin_ward: "", origin_province: "", growing_area_code: "" }
const orNull = (s: string) => (s.trim() === "" ? null : s.trim())

/** A new lot of one of the cooperative's packagings: the dates and where it grew; steps come next, on the lot's page. */
export function NewLot() {
  const { t } = useTranslation()
  const products = useProducts()
  const client = useQueryClient()
  const [form, setForm] = useState(EMPTY)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  if (products.isLoading) return <Loading />
  const product = products.data?.products.find((p) => p.id === form.product_id)
  const set = (patch: Partial<typeof EMPTY>) => setForm({ ...form, ...patch })

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setErrors({})
    setError(null)
    if (!form.variant_id) return setErrors({ [form.product_id ? "variant_id" : "product_id"]: t("errors.field.required") })
    setBusy(true)
    try {
      const lot = await createLot({
        variant_id: form.variant_id,
        ...(form.lot_number.trim() ? { lot_number: form.lot_number.trim() } : {}),
        quantity: form.quantity ? Number(form.quantity) : null,
        unit: orNull(form.unit),
        harvested_on: orNull(form.harvested_on),
        packed_on: orNull(form.packed_on),
        best_before: orNull(form.best_before),
        origin_area: orNull(form.origin_area),
        origin_ward: orNull(form.origin_ward),
        origin_province: orNull(form.origin_province),
        growing_area_code: orNull(form.growing_area_code),
      })
      await client.invalidateQueries({ queryKey: ["lots"] })
      navigate(`/lots/${lot.id}`, { replace: true })
    } catch (err) {
      const fields = fieldErrors(err)
      setErrors(fields)
      setError(Object.keys(fields).length ? t("errors.check_fields") : errorMessage(err, t))
    } finally {
      setBusy(false)
    }
  }

  const input = (id: keyof typeof EMPTY, props: React.ComponentProps<typeof Input> = {}) => (
    <Input id={id} className={tapInput} value={form[id]} aria-invalid={!!errors[id]} onChange={(e) => set({ [id]: e.target.value } as Partial<typeof EMPTY>)} {...props} />
  )
  return (
    <>
      <PageHeader title={t("lot.new_title")} />
      <form onSubmit={submit} className="flex flex-col gap-y-4" noValidate data-testid="lot-form">
        <Container className="flex flex-col gap-y-4 p-4">
          <Field id="product_id" label={t("lot.product")} error={errors.product_id}>
            <NativeSelect id="product_id" value={form.product_id} aria-invalid={!!errors.product_id} onChange={(e) => {
              const p = products.data?.products.find((x) => x.id === e.target.value)
              set({ product_id: e.target.value, variant_id: p?.variants.length === 1 ? p.variants[0].id : "" })
            }}>
              <option value="">{t("lot.choose_product")}</option>
              {products.data?.products.map((p) => <option key={p.id} value={p.id}>{p.title}</option>)}
            </NativeSelect>
          </Field>
          <Field id="variant_id" label={t("lot.variant")} error={errors.variant_id}>
            <NativeSelect id="variant_id" value={form.variant_id} disabled={!product} aria-invalid={!!errors.variant_id} onChange={(e) => set({ variant_id: e.target.value })}>
              <option value="">{t("lot.choose_variant")}</option>
              {product?.variants.map((v) => <option key={v.id} value={v.id}>{v.title}</option>)}
            </NativeSelect>
          </Field>
          <Field id="lot_number" label={t("lot.lot_number")} error={errors.lot_number} hint={t("lot.lot_number_hint")}>
            {input("lot_number", { autoCapitalize: "characters" })}
          </Field>
          <div className="grid grid-cols-2 gap-3">
            <Field id="quantity" label={t("lot.quantity")} error={errors.quantity}>
              {input("quantity", { inputMode: "numeric", onChange: (e) => set({ quantity: e.target.value.replace(/\D/g, "") }) })}
            </Field>
            <Field id="unit" label={t("lot.unit")} error={errors.unit} hint={t("lot.unit_hint")}>
              {input("unit")}
            </Field>
          </div>
        </Container>
        <Container className="flex flex-col gap-y-4 p-4">
          <Text weight="plus">{t("lot.dates")}</Text>
          <Field id="harvested_on" label={t("lot.harvested_on")} error={errors.harvested_on}>{input("harvested_on", { type: "date" })}</Field>
          <Field id="packed_on" label={t("lot.packed_on")} error={errors.packed_on}>{input("packed_on", { type: "date" })}</Field>
          <Field id="best_before" label={t("lot.best_before")} error={errors.best_before}>{input("best_before", { type: "date" })}</Field>
        </Container>
        <Container className="flex flex-col gap-y-4 p-4">
          <Text weight="plus">{t("lot.origin")}</Text>
          <Field id="origin_area" label={t("lot.origin_area")} error={errors.origin_area} hint={t("lot.origin_area_hint")}>{input("origin_area")}</Field>
          <Field id="origin_ward" label={t("fields.ward")} error={errors.origin_ward}>{input("origin_ward")}</Field>
          <Field id="origin_province" label={t("fields.province")} error={errors.origin_province}>
            <NativeSelect id="origin_province" value={form.origin_province} onChange={(e) => set({ origin_province: e.target.value })}>
              <option value="">{t("sign_up.choose_province")}</option>
              {PROVINCES.map((p) => <option key={p} value={p}>{p}</option>)}
            </NativeSelect>
          </Field>
          <Field id="growing_area_code" label={t("lot.growing_area_code")} error={errors.growing_area_code} hint={t("lot.growing_area_code_hint")}>
            {input("growing_area_code", { autoCapitalize: "characters" })}
          </Field>
        </Container>
        {error && <Text className="text-ui-fg-error" role="alert" data-testid="lot-error">{error}</Text>}
        <ActionButton capability="trace" type="submit" size="large" className="tap w-full" isLoading={busy} data-testid="create-lot">
          {t("lot.create")}
        </ActionButton>
        <Button type="button" variant="secondary" size="large" className="tap w-full" onClick={() => navigate("/lots")}>
          {t("common.back")}
        </Button>
      </form>
    </>
  )
}
