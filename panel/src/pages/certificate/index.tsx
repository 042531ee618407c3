import { ArrowLeft } from "@medusajs/icons"
import { Alert, Container, Input, StatusBadge, Text, toast } from "@medusajs/ui"
import { useState, type FormEvent } from "react"
import { useTranslation } from "react-i18next"
import { CERTIFICATE_TYPES, RESUBMITTABLE, submitCertification, useCertification, useInvalidateCertification, type Certificate } from "../../api/certification"
import { useProducts } from "../../api/products"
import { useMe } from "../../api/session"
import { Field, NativeSelect, tapInput } from "../../components/field"
import { Loading, PageHeader } from "../../components/layout"
import { ActionButton } from "../../components/unavailable"
import { can } from "../../lib/capabilities"
import { errorMessage } from "../../lib/errors"
import { Link, navigate } from "../../lib/router"
import { ChoiceRow, EvidencePicker, History, StateBadge, StateNote, submissionErrors } from "../certificates/parts"
import "../../locales/trace"

type Form = {
  type: Certificate["type"]
  code: string
  issuing_body: string
  holder_name: string
  production_site: string
  area_hectares: string
  yearly_output_kg: string
  issued_on: string
  valid_until: string
  product_ids: string[]
  evidence: { id: string; url: string; name?: string } | null
}

const formFrom = (c?: Certificate): Form => ({
  type: c?.type ?? "vietgap",
  code: c?.code ?? "",
  issuing_body: c?.issuing_body ?? "",
  holder_name: c?.holder_name ?? "",
  production_site: c?.production_site ?? "",
  area_hectares: c?.area_hectares == null ? "" : String(c.area_hectares).replace(".", ","),
  yearly_output_kg: c?.yearly_output_kg == null ? "" : String(c.yearly_output_kg),
  issued_on: c?.issued_on ?? "",
  valid_until: c?.valid_until ?? "",
  product_ids: c?.product_ids ?? [],
  evidence: c ? { ...c.evidence } : null,
})

/** Submit a certificate with its evidence, or read one: its state, the union's reason, and a corrected resubmission where the server allows it. */
export default function CertificatePage({ params }: { params: Record<string, string> }) {
  const { t } = useTranslation()
  const id = params.id === "new" ? null : params.id
  const { cooperative } = useMe()
  const current = useCertification<Certificate>("certificates", id)
  const products = useProducts()
  const invalidate = useInvalidateCertification("certificates")
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

  const c = current.data
  const editable = !c || RESUBMITTABLE.includes(c.status)
  const allowed = can(cooperative.status, "evidence")
  const set = (patch: Partial<Form>) => setForm({ ...form, ...patch })
  const text = (field: "code" | "issuing_body" | "holder_name" | "production_site", props: React.ComponentProps<typeof Input> = {}) => (
    <Input id={field} className={tapInput} value={form[field]} aria-invalid={!!errors[field]} onChange={(e) => set({ [field]: e.target.value } as Partial<Form>)} {...props} />
  )

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setErrors({})
    setError(null)
    const local: Record<string, string> = {}
    if (!form.evidence) local.evidence_file_id = t("certification.evidence_required")
    if (!form.product_ids.length) local.product_ids = t("certification.products_required")
    if (Object.keys(local).length) {
      setErrors(local)
      return setError(t("errors.check_fields"))
    }
    setBusy(true)
    const area = form.area_hectares.replace(",", ".").trim()
    try {
      const saved = await submitCertification<Certificate>("certificates", id, {
        type: form.type,
        code: form.code.trim(),
        issuing_body: form.issuing_body.trim(),
        ...(form.holder_name.trim() ? { holder_name: form.holder_name.trim() } : {}),
        production_site: form.production_site.trim() || null,
        area_hectares: area ? Number(area) : null,
        yearly_output_kg: form.yearly_output_kg ? Number(form.yearly_output_kg) : null,
        issued_on: form.issued_on,
        valid_until: form.valid_until,
        product_ids: form.product_ids,
        evidence_file_id: form.evidence!.id,
      })
      await invalidate()
      toast.success(t(id ? "certification.resubmitted" : "certification.submitted"))
      if (!id) navigate(`/certificates/${saved.id}`, { replace: true })
    } catch (err) {
      const fields = submissionErrors(err)
      setErrors(fields)
      setError(Object.keys(fields).length ? t("errors.check_fields") : errorMessage(err, t))
    } finally {
      setBusy(false)
    }
  }

  return (
    <>
      <Link to="/certificates" className="text-ui-fg-subtle txt-compact-small flex min-h-[44px] items-center gap-x-1">
        <ArrowLeft /> {t("certification.title")}
      </Link>
      <PageHeader title={c ? `${t(`certification.type.${c.type}`)} · ${c.code}` : t("certification.new_certificate")} action={c ? <StateBadge item={c} /> : <StatusBadge color="grey">{t("certification.new_badge")}</StatusBadge>} />
      {c && <StateNote item={c} />}
      {c && !editable && <Text size="small" className="text-ui-fg-subtle">{t("certification.locked")}</Text>}
      <form onSubmit={submit} className="flex flex-col gap-y-4" noValidate data-testid="certificate-form">
        <fieldset disabled={!editable || !allowed} className="flex flex-col gap-y-4">
          <Container className="flex flex-col gap-y-4 p-4">
            <Field id="type" label={t("certification.fields.type")} error={errors.type}>
              <NativeSelect id="type" value={form.type} onChange={(e) => set({ type: e.target.value as Form["type"] })}>
                {CERTIFICATE_TYPES.map((type) => <option key={type} value={type}>{t(`certification.type.${type}`)}</option>)}
              </NativeSelect>
            </Field>
            <Field id="code" label={t("certification.fields.code")} error={errors.code} hint={t(form.type === "globalgap" ? "certification.hints.ggn" : "certification.hints.code")}>
              {text("code", { autoCapitalize: "characters" })}
            </Field>
            <Field id="issuing_body" label={t("certification.fields.issuing_body")} error={errors.issuing_body}>{text("issuing_body")}</Field>
            <Field id="holder_name" label={t("certification.fields.holder_name")} error={errors.holder_name} hint={t("certification.hints.holder_name")}>{text("holder_name")}</Field>
            <div className="grid grid-cols-2 gap-3">
              <Field id="issued_on" label={t("certification.fields.issued_on")} error={errors.issued_on}>
                <Input id="issued_on" type="date" className={tapInput} value={form.issued_on} aria-invalid={!!errors.issued_on} onChange={(e) => set({ issued_on: e.target.value })} />
              </Field>
              <Field id="valid_until" label={t("certification.fields.valid_until")} error={errors.valid_until}>
                <Input id="valid_until" type="date" className={tapInput} value={form.valid_until} aria-invalid={!!errors.valid_until} onChange={(e) => set({ valid_until: e.target.value })} />
              </Field>
            </div>
            {form.type === "vietgap" && <Text size="xsmall" className="text-ui-fg-subtle">{t("certification.hints.vietgap")}</Text>}
          </Container>
          <Container className="flex flex-col gap-y-3 p-4">
            <Field id="product_ids" label={t("certification.fields.products")} error={errors.product_ids}>
              <div className="flex flex-col gap-y-2">
                {products.data?.products.map((p) => (
                  <ChoiceRow
                    key={p.id}
                    checked={form.product_ids.includes(p.id)}
                    onToggle={() => set({ product_ids: form.product_ids.includes(p.id) ? form.product_ids.filter((x) => x !== p.id) : [...form.product_ids, p.id] })}
                    testId="certificate-product"
                  >
                    {p.title}
                  </ChoiceRow>
                ))}
              </div>
            </Field>
          </Container>
          <Container className="flex flex-col gap-y-4 p-4">
            <Field id="production_site" label={t("certification.fields.production_site")} error={errors.production_site}>{text("production_site")}</Field>
            <div className="grid grid-cols-2 gap-3">
              <Field id="area_hectares" label={t("certification.fields.area_hectares")} error={errors.area_hectares}>
                <Input id="area_hectares" inputMode="decimal" className={tapInput} value={form.area_hectares} onChange={(e) => set({ area_hectares: e.target.value.replace(/[^\d.,]/g, "") })} />
              </Field>
              <Field id="yearly_output_kg" label={t("certification.fields.yearly_output_kg")} error={errors.yearly_output_kg}>
                <Input id="yearly_output_kg" inputMode="numeric" className={tapInput} value={form.yearly_output_kg} onChange={(e) => set({ yearly_output_kg: e.target.value.replace(/\D/g, "") })} />
              </Field>
            </div>
            <EvidencePicker value={form.evidence} onChange={(evidence) => set({ evidence })} error={errors.evidence_file_id} disabled={!editable || !allowed} />
          </Container>
        </fieldset>
        {error && <Text className="text-ui-fg-error" role="alert" data-testid="certificate-error">{error}</Text>}
        {editable && (
          <ActionButton capability="evidence" type="submit" size="large" className="tap w-full" isLoading={busy} data-testid="submit-certificate">
            {t(c ? "certification.resubmit" : "certification.submit")}
          </ActionButton>
        )}
      </form>
      {c?.history && <History history={c.history} />}
    </>
  )
}
