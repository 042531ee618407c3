import { useQueryClient } from "@tanstack/react-query"
import { Button, Heading, Input, Text, Textarea } from "@medusajs/ui"
import { useState, type FormEvent } from "react"
import { useTranslation } from "react-i18next"
import { PROVINCES } from "../../../../src/lib/provinces"
import { createCooperative, refreshToken, register, signIn, useSession, type CooperativeInput } from "../../api/session"
import { Field, NativeSelect, tapInput } from "../../components/field"
import { errorMessage, fieldErrors } from "../../lib/errors"
import { Link } from "../../lib/router"
import { ApiError } from "../../lib/sdk"
import { AuthShell } from "./shell"

const EMPTY: CooperativeInput = { name: "", legal_name: "", tax_code: "", province: "", ward: "", street_address: "", phone: "", email: "", description: "" }
type CoopField = "name" | "legal_name" | "tax_code" | "phone" | "email" | "ward" | "street_address"

/**
 * Registration: a sign-in (email + password), then the cooperative (it starts pending; the union
 * approves it), then a fresh sign-in whose token carries the membership. A sign-in that already
 * exists without a cooperative (an earlier attempt stopped half-way) skips the first step.
 */
export default function SignUp() {
  const { t } = useTranslation()
  const client = useQueryClient()
  const session = useSession()
  const hasSignIn = session.data?.state === "no_cooperative"
  const [account, setAccount] = useState({ email: "", password: "" })
  const [coop, setCoop] = useState<CooperativeInput>(EMPTY)
  const [owner, setOwner] = useState({ first_name: "", last_name: "" })
  const [registered, setRegistered] = useState(false)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setBusy(true)
    setErrors({})
    setError(null)
    const local: Record<string, string> = {}
    if (!hasSignIn && !registered) {
      if (!/^\S+@\S+\.\S+$/.test(account.email.trim())) local["account.email"] = t("errors.field.email")
      if (account.password.length < 8) local["account.password"] = t("errors.field.password")
    }
    if (!coop.province) local.province = t("errors.field.required")
    if (Object.keys(local).length) {
      setErrors(local)
      setBusy(false)
      return
    }
    try {
      if (!hasSignIn && !registered) {
        try {
          await register(account.email.trim(), account.password)
        } catch (err) {
          setErrors({ "account.email": t("sign_up.email_taken") })
          throw null
        }
        setRegistered(true)
      }
      const body: CooperativeInput = { ...coop, description: coop.description || null }
      if (owner.first_name || owner.last_name) body.owner = { first_name: owner.first_name || null, last_name: owner.last_name || null }
      await createCooperative(body)
      // The registration token carries no membership; Medusa's token refresh issues one that does.
      await refreshToken().catch(() => (hasSignIn ? Promise.reject(new Error("refresh")) : signIn(account.email.trim(), account.password)))
      await client.invalidateQueries({ queryKey: ["session"] })
    } catch (err) {
      if (err === null) return
      const fields = fieldErrors(err)
      setErrors(fields)
      if (!Object.keys(fields).length || !(err instanceof ApiError)) setError(errorMessage(err, t))
      else setError(t("errors.check_fields"))
    } finally {
      setBusy(false)
    }
  }

  const input = (key: CoopField, props: Record<string, unknown> = {}) => (
    <Field id={key} label={t(`fields.${key}`)} error={errors[key]} hint={t(`hints.${key}`, { defaultValue: "" }) || undefined}>
      <Input id={key} name={key} className={tapInput} value={coop[key] ?? ""} aria-invalid={!!errors[key]} onChange={(e) => setCoop({ ...coop, [key]: e.target.value })} {...props} />
    </Field>
  )

  return (
    <AuthShell>
      <Heading level="h1">{t("sign_up.title")}</Heading>
      <Text className="text-ui-fg-subtle">{t("sign_up.lead")}</Text>
      <form onSubmit={submit} className="flex flex-col gap-y-4" noValidate data-testid="sign-up-form">
        {!hasSignIn && (
          <fieldset className="flex flex-col gap-y-4" disabled={registered}>
            <legend className="txt-compact-medium-plus mb-2">{t("sign_up.account")}</legend>
            <Field id="account.email" label={t("fields.email")} error={errors["account.email"]}>
              <Input id="account.email" type="email" autoComplete="username" inputMode="email" className={tapInput} value={account.email} onChange={(e) => setAccount({ ...account, email: e.target.value })} />
            </Field>
            <Field id="account.password" label={t("fields.password")} error={errors["account.password"]} hint={t("hints.password")}>
              <div className="pw"><Input id="account.password" type="password" autoComplete="new-password" className={tapInput} value={account.password} onChange={(e) => setAccount({ ...account, password: e.target.value })} /></div>
            </Field>
          </fieldset>
        )}
        <fieldset className="flex flex-col gap-y-4">
          <legend className="txt-compact-medium-plus mb-2">{t("sign_up.cooperative")}</legend>
          {input("name")}
          {input("legal_name")}
          {input("tax_code", { inputMode: "numeric" })}
          <Field id="province" label={t("fields.province")} error={errors.province}>
            <NativeSelect id="province" name="province" value={coop.province} aria-invalid={!!errors.province} onChange={(e) => setCoop({ ...coop, province: e.target.value })}>
              <option value="">{t("sign_up.choose_province")}</option>
              {PROVINCES.map((p) => (
                <option key={p} value={p}>
                  {p}
                </option>
              ))}
            </NativeSelect>
          </Field>
          {input("ward")}
          {input("street_address")}
          {input("phone", { type: "tel", inputMode: "tel", autoComplete: "tel" })}
          {input("email", { type: "email", inputMode: "email" })}
          <Field id="description" label={t("fields.description")} error={errors.description}>
            <Textarea id="description" rows={3} className="!text-base" value={coop.description ?? ""} onChange={(e) => setCoop({ ...coop, description: e.target.value })} />
          </Field>
        </fieldset>
        <fieldset className="grid grid-cols-2 gap-3">
          <legend className="txt-compact-medium-plus mb-2">{t("sign_up.owner")}</legend>
          <Field id="owner.last_name" label={t("fields.last_name")} error={errors["owner.last_name"]}>
            <Input id="owner.last_name" className={tapInput} value={owner.last_name} onChange={(e) => setOwner({ ...owner, last_name: e.target.value })} />
          </Field>
          <Field id="owner.first_name" label={t("fields.first_name")} error={errors["owner.first_name"]}>
            <Input id="owner.first_name" className={tapInput} value={owner.first_name} onChange={(e) => setOwner({ ...owner, first_name: e.target.value })} />
          </Field>
        </fieldset>
        {error && (
          <Text className="text-ui-fg-error" role="alert" data-testid="sign-up-error">
            {error}
          </Text>
        )}
        <Button type="submit" size="large" className="tap w-full" isLoading={busy} data-testid="sign-up-submit">
          {t("sign_up.submit")}
        </Button>
        <Text size="small" className="text-ui-fg-subtle">{t("sign_up.after")}</Text>
      </form>
      {!hasSignIn && (
        <Text size="small" className="text-center">
          <Link to="/sign-in" className="text-ui-fg-interactive inline-flex min-h-[44px] items-center font-medium">
            {t("sign_up.to_sign_in")}
          </Link>
        </Text>
      )}
    </AuthShell>
  )
}
