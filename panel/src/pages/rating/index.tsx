import { ArrowLeft } from "@medusajs/icons"
import { Alert, Container, Input, StatusBadge, Text, toast } from "@medusajs/ui"
import { useState, type FormEvent } from "react"
import { useTranslation } from "react-i18next"
import { CODE_FIELD, OCOP_PRODUCT_GROUPS, OCOP_STARS, RESUBMITTABLE, submitCertification, useCertification, useInvalidateCertification, type OcopRating } from "../../api/certification"
import { useProducts } from "../../api/products"
import { useMe } from "../../api/session"
import { Field, NativeSelect, tapInput } from "../../components/field"
import { Loading, PageHeader } from "../../components/layout"
import { ActionButton } from "../../components/unavailable"
import { can } from "../../lib/capabilities"
import { errorMessage } from "../../lib/errors"
import { Link, navigate } from "../../lib/router"
import { EvidencePicker, History, StateBadge, StateNote, submissionErrors } from "../certificates/parts"
import "../../locales/trace"

type Form = {
  product_id: string
  stars: string
  product_group: OcopRating["product_group"]
  decision_number: string
  issuing_authority: string
  decision_date: string
  evidence: { id: string; url: string; name?: string } | null
}
const formFrom = (r?: OcopRating): Form => ({
  product_id: r?.product_id ?? "",
  stars: r ? String(r.stars) : "3",
  product_group: r?.product_group ?? "food",
  decision_number: r?.decision_number ?? "",
  issuing_authority: r?.issuing_authority ?? "",
  decision_date: r?.decision_date ?? "",
  evidence: r ? { ...r.evidence } : null,
})
// A rating names one product: the server's "unknown product" is about that field here.
const RATING_CODE_FIELD = { ...CODE_FIELD, unknown_product: "product_id" }

/** Submit a product's OCOP decision with its scan, or read one: its state, the union's reason, and a correction where allowed. */
export default function RatingPage({ params }: { params: Record<string, string> }) {
  const { t } = useTranslation()
  const id = params.id === "new" ? null : params.id
  const { cooperative } = useMe()
  const current = useCertification<OcopRating>("ocop-ratings", id)
  const products = useProducts()
  const invalidate = useInvalidateCertification("ocop-ratings")
  const [form, setForm] = useState<Form>(() => formFrom())
  const [loaded, setLoaded] = useState<unknown>(null)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  if (current.data && loaded !== current.data) {
    setLoaded(current.data)
    setForm(formFrom(current.data))
  }
  if ((id && current.isLoading) || products.isLoading) return <Loading />
  if (id && (current.error || !current.data)) return <Alert variant="error">{errorMessage(current.error, t)}</Alert>

  const r = current.data
  const editable = !r || RESUBMITTABLE.includes(r.status)
  const allowed = can(cooperative.status, "evidence")
  const set = (patch: Partial<Form>) => setForm({ ...form, ...patch })

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setErrors({})
    setError(null)
    const local: Record<string, string> = {}
    if (!form.product_id) local.product_id = t("errors.field.required")
    if (!form.evidence) local.evidence_file_id = t("certification.evidence_required")
    if (Object.keys(local).length) {
      setErrors(local)
      return setError(t("errors.check_fields"))
    }
    setBusy(true)
    try {
      const fields = {
        stars: Number(form.stars),
        product_group: form.product_group,
        decision_number: form.decision_number.trim(),
        issuing_authority: form.issuing_authority.trim(),
        decision_date: form.decision_date,
        evidence_file_id: form.evidence!.id,
      }
      // The product of a rating is fixed once submitted (the server's resubmission takes the rest).
      const saved = await submitCertification<OcopRating>("ocop-ratings", id, id ? fields : { product_id: form.product_id, ...fields })
      await invalidate()
      toast.success(t(id ? "certification.resubmitted" : "certification.submitted"))
      if (!id) navigate(`/ratings/${saved.id}`, { replace: true })
    } catch (err) {
      const fields = submissionErrors(err, RATING_CODE_FIELD)
      setErrors(fields)
      setError(Object.keys(fields).length ? t("errors.check_fields") : errorMessage(err, t))
    } finally {
      setBusy(false)
    }
  }

  return (
    <>
      <Link to="/ratings" className="text-ui-fg-subtle txt-compact-small flex min-h-[44px] items-center gap-x-1">
        <ArrowLeft /> {t("certification.tab.ratings")}
      </Link>
      <PageHeader title={r ? `OCOP ${"★".repeat(r.stars)} · ${r.product?.title ?? ""}` : t("certification.new_rating")} action={r ? <StateBadge item={r} /> : <StatusBadge color="grey">{t("certification.new_badge")}</StatusBadge>} />
      {r && <StateNote item={r} />}
      {r && !editable && <Text size="small" className="text-ui-fg-subtle">{t("certification.locked")}</Text>}
      <form onSubmit={submit} className="flex flex-col gap-y-4" noValidate data-testid="rating-form">
        <fieldset disabled={!editable || !allowed} className="flex flex-col gap-y-4">
          <Container className="flex flex-col gap-y-4 p-4">
            <Field id="product_id" label={t("lot.product")} error={errors.product_id}>
              <NativeSelect id="product_id" value={form.product_id} disabled={!!r} aria-invalid={!!errors.product_id} onChange={(e) => set({ product_id: e.target.value })}>
                <option value="">{t("lot.choose_product")}</option>
                {products.data?.products.map((p) => <option key={p.id} value={p.id}>{p.title}</option>)}
              </NativeSelect>
            </Field>
            <div className="grid grid-cols-2 gap-3">
              <Field id="stars" label={t("certification.fields.stars")} error={errors.stars}>
                <NativeSelect id="stars" value={form.stars} onChange={(e) => set({ stars: e.target.value })}>
                  {OCOP_STARS.map(String).map((s) => <option key={s} value={s}>{`${s} ★`}</option>)}
                </NativeSelect>
              </Field>
              <Field id="product_group" label={t("certification.fields.product_group")} error={errors.product_group}>
                <NativeSelect id="product_group" value={form.product_group} onChange={(e) => set({ product_group: e.target.value as Form["product_group"] })}>
                  {OCOP_PRODUCT_GROUPS.map((g) => <option key={g} value={g}>{t(`certification.group.${g}`)}</option>)}
                </NativeSelect>
              </Field>
            </div>
            <Field id="decision_number" label={t("certification.fields.decision_number")} error={errors.decision_number} hint={t("certification.hints.decision_number")}>
              <Input id="decision_number" className={tapInput} value={form.decision_number} aria-invalid={!!errors.decision_number} onChange={(e) => set({ decision_number: e.target.value })} />
            </Field>
            <Field id="issuing_authority" label={t("certification.fields.issuing_authority")} error={errors.issuing_authority} hint={t("certification.hints.issuing_authority")}>
              <Input id="issuing_authority" className={tapInput} value={form.issuing_authority} aria-invalid={!!errors.issuing_authority} onChange={(e) => set({ issuing_authority: e.target.value })} />
            </Field>
            <Field id="decision_date" label={t("certification.fields.decision_date")} error={errors.decision_date} hint={t("certification.hints.decision_date")}>
              <Input id="decision_date" type="date" className={tapInput} value={form.decision_date} aria-invalid={!!errors.decision_date} onChange={(e) => set({ decision_date: e.target.value })} />
            </Field>
            <EvidencePicker value={form.evidence} onChange={(evidence) => set({ evidence })} error={errors.evidence_file_id} disabled={!editable || !allowed} />
          </Container>
        </fieldset>
        {error && <Text className="text-ui-fg-error" role="alert" data-testid="rating-error">{error}</Text>}
        {editable && (
          <ActionButton capability="evidence" type="submit" size="large" className="tap w-full" isLoading={busy} data-testid="submit-rating">
            {t(r ? "certification.resubmit" : "certification.submit")}
          </ActionButton>
        )}
      </form>
      {r?.history && <History history={r.history} />}
    </>
  )
}
