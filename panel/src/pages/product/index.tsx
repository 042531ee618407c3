import { Camera, Plus } from "@medusajs/icons"
import { Alert, Button, Container, Input, StatusBadge, Text, Textarea, toast } from "@medusajs/ui"
import { useState, type FormEvent } from "react"
import { useTranslation } from "react-i18next"
import { setStock, useInventory } from "../../api/inventory"
import { addVariant, createProduct, updateProduct, updateVariant, useInvalidateProducts, useProduct, useSubmitForReview, type Product } from "../../api/products"
import { useMe } from "../../api/session"
import { upload } from "../../api/uploads"
import { Field, tapInput } from "../../components/field"
import { Loading, PageHeader } from "../../components/layout"
import { ActionButton } from "../../components/unavailable"
import { can } from "../../lib/capabilities"
import { errorMessage, fieldErrors } from "../../lib/errors"
import { dateTime, vnd } from "../../lib/format"
import { navigate } from "../../lib/router"
import { REVIEW_COLOR } from "../products"
import { shrinkPhoto } from "./photo"
import { RecordActivity } from "../activity"

type VariantForm = { id?: string; inventory_item_id?: string; title: string; price: string; weight: string; stock: string; stock0?: number }
const digits = (s: string) => s.replace(/\D/g, "")
const toInt = (s: string) => (digits(s) === "" ? null : Number(digits(s)))

function formFrom(product: Product | undefined, stock: Map<string, number>) {
  return {
    title: product?.title ?? "",
    description: product?.description ?? "",
    thumbnail: product?.thumbnail ?? null,
    variants: product?.variants.length
      ? product.variants.map((v): VariantForm => {
          const item = v.inventory_items?.[0]?.inventory_item_id
          const qty = item ? stock.get(item) ?? 0 : 0
          return { id: v.id, inventory_item_id: item, title: v.title, price: v.price === null ? "" : String(v.price), weight: v.weight ? String(v.weight) : "", stock: String(qty), stock0: qty }
        })
      : [{ title: "", price: "", weight: "", stock: "" }],
  }
}

/** Create or edit a product: photo from the phone, packagings with price, weight and stock; submit it to the union. */
export default function ProductPage({ params }: { params: Record<string, string> }) {
  const { t } = useTranslation()
  const id = params.id ?? null
  const { cooperative } = useMe()
  const product = useProduct(id)
  const inventory = useInventory()
  const invalidate = useInvalidateProducts()
  const submitForReview = useSubmitForReview(id ?? "")
  const editable = can(cooperative.status, "catalogue")
  const hasWarehouse = !!inventory.data?.location_id

  const [form, setForm] = useState(() => formFrom(undefined, new Map()))
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState<null | "draft" | "proposed" | "save" | "photo">(null)

  // The form follows the product as (re)loaded: set while rendering, React's way to derive state
  // from data that changes, instead of an effect that renders twice.
  const [loaded, setLoaded] = useState<{ product: unknown; inventory: unknown }>({ product: null, inventory: null })
  if (product.data && inventory.data && (loaded.product !== product.data || loaded.inventory !== inventory.data)) {
    setLoaded({ product: product.data, inventory: inventory.data })
    setForm(formFrom(product.data, new Map(inventory.data.inventory.map((s) => [s.inventory_item_id, s.stocked_quantity]))))
  }

  if (id && (product.isLoading || inventory.isLoading)) return <Loading />
  if (id && product.error) return <Alert variant="error">{errorMessage(product.error, t)}</Alert>

  const setVariant = (i: number, patch: Partial<VariantForm>) => setForm({ ...form, variants: form.variants.map((v, j) => (j === i ? { ...v, ...patch } : v)) })

  const pickPhoto = async (file: File | undefined) => {
    if (!file) return
    setBusy("photo")
    setErrors({ ...errors, photo: "" })
    try {
      const uploaded = await upload(await shrinkPhoto(file))
      setForm((f) => ({ ...f, thumbnail: uploaded.url }))
    } catch (err) {
      setErrors({ ...errors, photo: errorMessage(err, t) })
    } finally {
      setBusy(null)
    }
  }

  const save = async (e: FormEvent | null, status: "draft" | "proposed" | "save") => {
    e?.preventDefault()
    setBusy(status)
    setErrors({})
    setError(null)
    const variantBody = (v: VariantForm) => ({ title: v.title.trim(), price: toInt(v.price) ?? -1, weight: toInt(v.weight) })
    try {
      let saved: Product
      if (!id) {
        saved = await createProduct({
          title: form.title,
          description: form.description || null,
          thumbnail: form.thumbnail,
          images: form.thumbnail ? [{ url: form.thumbnail }] : [],
          status: status === "proposed" ? "proposed" : "draft",
          variants: form.variants.map(variantBody),
        })
        // Stock lives at the cooperative's own warehouse, one inventory item per packaging.
        await Promise.all(
          saved.variants.map((v, i) => {
            const qty = toInt(form.variants[i]?.stock ?? "")
            const item = v.inventory_items?.[0]?.inventory_item_id
            return qty && item && hasWarehouse ? setStock(item, qty) : null
          })
        )
      } else {
        saved = await updateProduct(id, { title: form.title, description: form.description || null, thumbnail: form.thumbnail, images: form.thumbnail ? [{ url: form.thumbnail }] : [] })
        for (const [i, v] of form.variants.entries()) {
          try {
            // A packaging's name is fixed once created (the server refuses even the same name).
            if (v.id) await updateVariant(id, v.id, { price: variantBody(v).price, weight: variantBody(v).weight })
            else await addVariant(id, variantBody(v))
            const qty = toInt(v.stock)
            if (hasWarehouse && v.inventory_item_id && qty !== null && qty !== v.stock0) await setStock(v.inventory_item_id, qty)
          } catch (err) {
            // A variant route names fields without the variants.N prefix.
            throw Object.assign(err as object, { prefix: `variants.${i}.` })
          }
        }
      }
      await invalidate()
      toast.success(t(status === "proposed" ? "product.sent" : "product.saved"))
      if (!id) navigate(`/products/${saved.id}`, { replace: true })
    } catch (err) {
      const prefix = (err as { prefix?: string }).prefix ?? ""
      const fields = Object.fromEntries(Object.entries(fieldErrors(err)).map(([k, v]) => [prefix + k, v]))
      setErrors(fields)
      setError(Object.keys(fields).length ? t("errors.check_fields") : errorMessage(err, t))
    } finally {
      setBusy(null)
    }
  }

  const p = product.data
  const moderation = p?.moderation
  return (
    <>
      <PageHeader title={id ? t("product.edit") : t("product.new")} action={p && <StatusBadge color={REVIEW_COLOR[p.review_state]} data-testid="review-state">{t(`review_state.${p.review_state}`)}</StatusBadge>} />
      {p && moderation?.decision === "reject" && (
        <Alert variant="error" data-testid="moderation">
          {t("product.rejected_because", { date: dateTime(moderation.at) })}: {moderation.reason}
        </Alert>
      )}
      {p && p.review_state === "published" && <Alert variant="success" data-testid="moderation">{t("product.published_note")}</Alert>}
      {p && (p.review_state === "proposed" || p.review_state === "changes_pending") && <Alert variant="info" data-testid="moderation">{t("product.waiting_note")}</Alert>}
      <form onSubmit={(e) => save(e, id ? "save" : "proposed")} className="flex flex-col gap-y-4" noValidate data-testid="product-form">
        <fieldset disabled={!editable} className="flex flex-col gap-y-4">
          <Container className="flex flex-col gap-y-4 p-4">
            <Field id="photo" label={t("product.photo")} error={errors.photo || errors.thumbnail}>
              <label className="border-ui-border-strong bg-ui-bg-component flex min-h-[160px] cursor-pointer flex-col items-center justify-center gap-y-2 overflow-hidden rounded-lg border border-dashed" data-testid="photo-picker">
                {form.thumbnail ? (
                  <img src={form.thumbnail} alt={t("product.photo")} className="max-h-64 w-full object-contain" data-testid="photo-preview" />
                ) : (
                  <>
                    <Camera />
                    <Text size="small">{busy === "photo" ? t("product.uploading") : t("product.take_photo")}</Text>
                  </>
                )}
                <input id="photo" type="file" accept="image/jpeg,image/png,image/webp" className="sr-only" onChange={(e) => pickPhoto(e.target.files?.[0])} data-testid="photo-input" />
              </label>
            </Field>
            <Field id="title" label={t("fields.title")} error={errors.title}>
              <Input id="title" className={tapInput} value={form.title} aria-invalid={!!errors.title} onChange={(e) => setForm({ ...form, title: e.target.value })} />
            </Field>
            <Field id="description" label={t("fields.description")} error={errors.description}>
              <Textarea id="description" rows={4} className="!text-base" value={form.description} onChange={(e) => setForm({ ...form, description: e.target.value })} />
            </Field>
          </Container>
          {form.variants.map((v, i) => (
            <Container key={v.id ?? i} className="flex flex-col gap-y-3 p-4" data-testid="variant-form">
              <Text weight="plus">{t("product.packaging", { n: i + 1 })}</Text>
              <Field id={`variants.${i}.title`} label={t("fields.variant_title")} error={errors[`variants.${i}.title`]} hint={t("hints.variant_title")}>
                <Input id={`variants.${i}.title`} className={tapInput} value={v.title} readOnly={!!v.id} onChange={(e) => setVariant(i, { title: e.target.value })} />
              </Field>
              <div className="grid grid-cols-2 gap-3">
                <Field id={`variants.${i}.price`} label={t("fields.price")} error={errors[`variants.${i}.price`]} hint={toInt(v.price) !== null ? vnd(toInt(v.price)) : undefined}>
                  <Input id={`variants.${i}.price`} inputMode="numeric" className={tapInput} value={v.price} onChange={(e) => setVariant(i, { price: digits(e.target.value) })} />
                </Field>
                <Field id={`variants.${i}.weight`} label={t("fields.weight")} error={errors[`variants.${i}.weight`]}>
                  <Input id={`variants.${i}.weight`} inputMode="numeric" className={tapInput} value={v.weight} onChange={(e) => setVariant(i, { weight: digits(e.target.value) })} />
                </Field>
              </div>
              {(!v.id || v.inventory_item_id) && (
                <Field id={`variants.${i}.stock`} label={t("fields.stock")} error={errors[`variants.${i}.stocked_quantity`]} hint={hasWarehouse ? undefined : t("product.stock_after_approval")}>
                  <Input id={`variants.${i}.stock`} inputMode="numeric" className={tapInput} value={v.stock} disabled={!hasWarehouse} onChange={(e) => setVariant(i, { stock: digits(e.target.value) })} />
                </Field>
              )}
            </Container>
          ))}
          <Button type="button" variant="secondary" className="tap" onClick={() => setForm({ ...form, variants: [...form.variants, { title: "", price: "", weight: "", stock: "" }] })}>
            <Plus /> {t("product.add_packaging")}
          </Button>
        </fieldset>
        {error && <Text className="text-ui-fg-error" role="alert" data-testid="product-error">{error}</Text>}
        {!id ? (
          <div className="flex flex-col gap-y-2">
            <ActionButton capability="catalogue" type="submit" size="large" className="tap w-full" isLoading={busy === "proposed"} data-testid="submit-product">
              {t("product.submit")}
            </ActionButton>
            <Button type="button" variant="secondary" size="large" className="tap w-full" disabled={!editable} isLoading={busy === "draft"} onClick={() => save(null, "draft")} data-testid="save-draft">
              {t("product.save_draft")}
            </Button>
          </div>
        ) : (
          <div className="flex flex-col gap-y-2">
            <ActionButton capability="catalogue" type="submit" size="large" className="tap w-full" isLoading={busy === "save"} data-testid="save-product">
              {t("product.save")}
            </ActionButton>
            {p && (p.status === "draft" || p.status === "rejected") && (
              <Button
                type="button"
                variant="secondary"
                size="large"
                className="tap w-full"
                disabled={!editable}
                isLoading={submitForReview.isPending}
                onClick={() => submitForReview.mutate(undefined, { onError: (err) => setError(errorMessage(err, t)), onSuccess: () => toast.success(t("product.sent")) })}
                data-testid="submit-for-review"
              >
                {t("product.submit")}
              </Button>
            )}
          </div>
        )}
      </form>
      {id && <RecordActivity recordId={id} />}
    </>
  )
}
