import { Alert, Button, Container, Input, StatusBadge, Text, Textarea, toast, usePrompt } from "@medusajs/ui"
import { useState, type FormEvent, type ReactNode } from "react"
import type { TFunction } from "i18next"
import { useTranslation } from "react-i18next"
import { PROVINCES } from "../../../../src/lib/provinces"
import { useMe } from "../../api/session"
import {
  useDeleteShippingOption,
  useProfile,
  useSaveBankAccount,
  useSaveProfile,
  useSaveShippingOption,
  useShippingOptions,
  type BankAccountInput,
  type Profile,
  type ProfileInput,
  type ShippingOption,
} from "../../api/settings"
import { Field, NativeSelect, tapInput } from "../../components/field"
import { Loading, PageHeader } from "../../components/layout"
import { ActionButton } from "../../components/unavailable"
import { errorMessage, fieldErrors } from "../../lib/errors"
import { dateTime, vnd } from "../../lib/format"
import "../../locales/desk"

type Errors = Record<string, string>

/** A whole number of đồng typed on a phone ("25.000", "25000"), or null when empty. */
const dong = (s: string) => (s.trim() === "" ? null : Number(s.replace(/[.\s,₫]/g, "")))

/** The server's field errors next to their fields; anything else in a toast. */
function onServerError(setErrors: (e: Errors) => void, t: TFunction) {
  return (err: unknown) => {
    const fields = fieldErrors(err)
    setErrors(fields)
    toast.error(Object.keys(fields).length ? t("errors.check_fields") : errorMessage(err, t))
  }
}

function Section({ title, lead, children, testId }: { title: string; lead?: ReactNode; children: ReactNode; testId: string }) {
  return (
    <Container className="flex flex-col gap-y-3 p-4" data-testid={testId}>
      <Text weight="plus">{title}</Text>
      {lead}
      {children}
    </Container>
  )
}

const PROFILE_TEXT = ["name", "legal_name", "ward", "street_address", "phone", "email"] as const

function ProfileForm() {
  const profile = useProfile()
  if (profile.isLoading || !profile.data) return <Loading />
  // A saved profile comes back newer: the form starts again from it.
  return <ProfileFields key={profile.data.updated_at} profile={profile.data} />
}

function ProfileFields({ profile: p }: { profile: Profile }) {
  const { t } = useTranslation()
  const save = useSaveProfile()
  const [form, setForm] = useState<Record<string, string>>(() => ({
    ...Object.fromEntries(PROFILE_TEXT.map((k) => [k, p[k] ?? ""])),
    province: p.province,
    description: p.description ?? "",
    founded_year: p.founded_year ? String(p.founded_year) : "",
    member_count: p.member_count ? String(p.member_count) : "",
  }))
  const [errors, setErrors] = useState<Errors>({})
  const submit = (e: FormEvent) => {
    e.preventDefault()
    const body: ProfileInput = {
      ...Object.fromEntries(PROFILE_TEXT.map((k) => [k, form[k] ?? ""])),
      province: form.province,
      description: form.description || null,
      founded_year: form.founded_year ? Number(form.founded_year) : null,
      member_count: form.member_count ? Number(form.member_count) : null,
    }
    save.mutate(body, {
        onSuccess: () => {
          setErrors({})
          toast.success(t("settings.saved"))
        },
        onError: onServerError(setErrors, t),
      })
  }
  const input = (key: string, props: Record<string, unknown> = {}) => (
    <Field id={`profile-${key}`} label={t(`settings.field.${key}`, { defaultValue: t(`fields.${key}`) })} error={errors[key]}>
      <Input id={`profile-${key}`} className={tapInput} value={form[key] ?? ""} aria-invalid={!!errors[key]} onChange={(e) => setForm({ ...form, [key]: e.target.value })} {...props} />
    </Field>
  )
  return (
    <Section title={t("settings.profile")} testId="settings-profile" lead={<Text size="small" className="text-ui-fg-subtle">{t("settings.profile_lead", { tax_code: p.tax_code })}</Text>}>
      <form onSubmit={submit} className="flex flex-col gap-y-3" noValidate>
        {input("name")}
        {input("legal_name")}
        <Field id="profile-province" label={t("fields.province")} error={errors.province}>
          <NativeSelect id="profile-province" value={form.province ?? ""} onChange={(e) => setForm({ ...form, province: e.target.value })}>
            {PROVINCES.map((p) => <option key={p} value={p}>{p}</option>)}
          </NativeSelect>
        </Field>
        {input("ward")}
        {input("street_address")}
        {input("phone", { type: "tel", inputMode: "tel" })}
        {input("email", { type: "email", inputMode: "email" })}
        <div className="grid grid-cols-2 gap-3">
          {input("founded_year", { inputMode: "numeric" })}
          {input("member_count", { inputMode: "numeric" })}
        </div>
        <Field id="profile-description" label={t("fields.description")} error={errors.description}>
          <Textarea id="profile-description" rows={4} className="!text-base" value={form.description ?? ""} onChange={(e) => setForm({ ...form, description: e.target.value })} />
        </Field>
        <ActionButton capability="edit_profile" type="submit" className="tap" isLoading={save.isPending} data-testid="save-profile">
          {t("settings.save")}
        </ActionButton>
      </form>
    </Section>
  )
}

function BankForm() {
  const { t } = useTranslation()
  const { cooperative } = useMe()
  const save = useSaveBankAccount()
  const current = cooperative.bank_account
  const [form, setForm] = useState<BankAccountInput>({ bin: current?.bin ?? "", account_number: current?.account_number ?? "", account_holder: current?.account_holder ?? "" })
  const [errors, setErrors] = useState<Errors>({})
  const submit = (e: FormEvent) => {
    e.preventDefault()
    const body = { bin: form.bin.trim(), account_number: form.account_number.replace(/\s/g, ""), account_holder: form.account_holder.trim() }
    save.mutate(body, {
        onSuccess: () => {
          setErrors({})
          toast.success(t("settings.bank_saved"))
        },
        onError: onServerError(setErrors, t),
      })
  }
  const field = (key: keyof BankAccountInput, props: Record<string, unknown> = {}) => (
    <Field id={`bank-${key}`} label={t(`settings.bank_field.${key}`)} error={errors[key]} hint={t(`settings.bank_hint.${key}`)}>
      <Input id={`bank-${key}`} className={tapInput} value={form[key]} aria-invalid={!!errors[key]} onChange={(e) => setForm({ ...form, [key]: e.target.value })} {...props} />
    </Field>
  )
  const state = !current ? null : current.verified_at ? "verified" : "unverified"
  return (
    <Section
      title={t("settings.bank")}
      testId="settings-bank"
      lead={
        <>
          <Text size="small" className="text-ui-fg-subtle">{t("settings.bank_lead")}</Text>
          {state && (
            <div className="flex items-center gap-x-2" data-testid="bank-state" data-state={state}>
              <StatusBadge color={state === "verified" ? "green" : "orange"}>{t(`settings.bank_state.${state}`)}</StatusBadge>
              {current?.verified_at && <Text size="xsmall" className="text-ui-fg-subtle">{dateTime(current.verified_at)}</Text>}
            </div>
          )}
        </>
      }
    >
      <form onSubmit={submit} className="flex flex-col gap-y-3" noValidate>
        {field("bin", { inputMode: "numeric", maxLength: 6 })}
        {field("account_number", { inputMode: "numeric", autoComplete: "off" })}
        {field("account_holder", { autoCapitalize: "characters" })}
        <ActionButton capability="edit_profile" ownerOnly type="submit" className="tap" isLoading={save.isPending} data-testid="save-bank">
          {t("settings.save_bank")}
        </ActionButton>
      </form>
    </Section>
  )
}

function RateForm({ option, onDone }: { option?: ShippingOption; onDone: () => void }) {
  const { t } = useTranslation()
  const save = useSaveShippingOption()
  const [name, setName] = useState(option?.name ?? "")
  const [amount, setAmount] = useState(option ? String(option.amount) : "")
  const [freeAbove, setFreeAbove] = useState(option?.free_above ? String(option.free_above) : "")
  const [errors, setErrors] = useState<Errors>({})
  const prefix = option ? `rate-${option.id}` : "rate-new"
  const submit = (e: FormEvent) => {
    e.preventDefault()
    const local: Errors = {}
    if (!name.trim()) local.name = t("errors.field.required")
    if (amount.trim() === "") local.amount = t("errors.field.required")
    if (Object.keys(local).length) return setErrors(local)
    save.mutate(
      { id: option?.id, name: name.trim(), amount: dong(amount) as number, free_above: dong(freeAbove) },
      {
        onSuccess: () => {
          toast.success(t("settings.saved"))
          onDone()
        },
        onError: onServerError(setErrors, t),
      }
    )
  }
  return (
    <form onSubmit={submit} className="flex flex-col gap-y-3" noValidate data-testid="rate-form">
      <Field id={`${prefix}-name`} label={t("settings.rate_name")} error={errors.name} hint={t("settings.rate_name_hint")}>
        <Input id={`${prefix}-name`} className={tapInput} value={name} onChange={(e) => setName(e.target.value)} aria-invalid={!!errors.name} />
      </Field>
      <Field id={`${prefix}-amount`} label={t("settings.rate_amount")} error={errors.amount}>
        <Input id={`${prefix}-amount`} className={tapInput} inputMode="numeric" value={amount} onChange={(e) => setAmount(e.target.value)} aria-invalid={!!errors.amount} />
      </Field>
      <Field id={`${prefix}-free_above`} label={t("settings.rate_free_above")} error={errors.free_above} hint={t("settings.rate_free_hint")}>
        <Input id={`${prefix}-free_above`} className={tapInput} inputMode="numeric" value={freeAbove} onChange={(e) => setFreeAbove(e.target.value)} aria-invalid={!!errors.free_above} />
      </Field>
      <div className="grid grid-cols-2 gap-2">
        <Button type="button" variant="secondary" className="tap" onClick={onDone}>{t("common.back")}</Button>
        <ActionButton capability="catalogue" type="submit" className="tap" isLoading={save.isPending} data-testid="save-rate">{t("settings.save")}</ActionButton>
      </div>
    </form>
  )
}

function ShippingRates() {
  const { t } = useTranslation()
  const { cooperative } = useMe()
  const options = useShippingOptions()
  const remove = useDeleteShippingOption()
  const prompt = usePrompt()
  const [editing, setEditing] = useState<string | null>(null)
  const drop = async (o: ShippingOption) => {
    if (!(await prompt({ title: t("settings.rate_delete_title", { name: o.name }), description: t("settings.rate_delete_body"), confirmText: t("settings.rate_delete"), cancelText: t("common.back") }))) return
    remove.mutate(o.id, { onSuccess: () => toast.success(t("settings.rate_deleted")), onError: (err) => toast.error(errorMessage(err, t)) })
  }
  // The warehouse, and with it the place to ship from, exists once the union approves the cooperative.
  const noWarehouse = cooperative.status === "pending" ? t("settings.rates_after_approval") : undefined
  return (
    <Section title={t("settings.rates")} testId="settings-rates" lead={<Text size="small" className="text-ui-fg-subtle">{t("settings.rates_lead")}</Text>}>
      {options.isLoading && <Loading />}
      {options.error && <Alert variant="error">{errorMessage(options.error, t)}</Alert>}
      <ul className="divide-ui-border-base flex flex-col divide-y">
        {options.data?.map((o) => (
          <li key={o.id} className="flex flex-col gap-y-2 py-3" data-testid="rate" data-rate={o.id}>
            {editing === o.id ? (
              <RateForm option={o} onDone={() => setEditing(null)} />
            ) : (
              <>
                <div className="flex items-start justify-between gap-x-2">
                  <div className="flex min-w-0 flex-col">
                    <Text size="small" weight="plus">{o.name}</Text>
                    <Text size="small" className="text-ui-fg-subtle">
                      {vnd(o.amount)}
                      {o.free_above !== null && ` · ${t("settings.free_above", { amount: vnd(o.free_above) })}`}
                    </Text>
                  </div>
                </div>
                {o.editable ? (
                  <div className="grid grid-cols-2 gap-2">
                    <ActionButton capability="catalogue" variant="secondary" className="tap" onClick={() => setEditing(o.id)} data-testid="edit-rate">{t("settings.edit")}</ActionButton>
                    <ActionButton capability="catalogue" variant="secondary" className="tap" onClick={() => drop(o)} data-testid="delete-rate">{t("settings.rate_delete")}</ActionButton>
                  </div>
                ) : (
                  <Text size="xsmall" className="text-ui-fg-subtle">{t("settings.rate_standard")}</Text>
                )}
              </>
            )}
          </li>
        ))}
      </ul>
      {editing === "new" ? (
        <RateForm onDone={() => setEditing(null)} />
      ) : (
        <ActionButton capability="catalogue" forbidden={noWarehouse} variant="secondary" className="tap" onClick={() => setEditing("new")} data-testid="add-rate">
          {t("settings.rate_add")}
        </ActionButton>
      )}
    </Section>
  )
}

/** The cooperative's profile, where payouts go, and what shipping costs its shoppers. */
export default function Settings() {
  const { t } = useTranslation()
  return (
    <>
      <PageHeader title={t("settings.title")} />
      <ProfileForm />
      <BankForm />
      <ShippingRates />
    </>
  )
}
