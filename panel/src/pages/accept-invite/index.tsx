import { useQueryClient } from "@tanstack/react-query"
import { Button, Heading, Input, Text } from "@medusajs/ui"
import { useState, type FormEvent } from "react"
import { useTranslation } from "react-i18next"
import { refreshToken, register, signIn, useSession } from "../../api/session"
import { acceptInvite } from "../../api/team"
import { Field, tapInput } from "../../components/field"
import { errorMessage, fieldErrors } from "../../lib/errors"
import { Link } from "../../lib/router"
import { ApiError } from "../../lib/sdk"
import { AuthShell } from "../sign-up/shell"
import "../../locales/desk"

/**
 * Where the invitation email's link lands (/cooperative/accept-invite?token=…&email=…): the invited
 * person makes a sign-in with the invited address (or uses the one they have), joins, and gets a
 * token that carries the membership.
 */
export default function AcceptInvite() {
  const { t } = useTranslation()
  const client = useQueryClient()
  const session = useSession()
  const search = new URLSearchParams(window.location.search)
  const token = search.get("token") ?? ""
  const [email, setEmail] = useState(search.get("email") ?? "")
  const [password, setPassword] = useState("")
  const [name, setName] = useState({ first_name: "", last_name: "" })
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const signedIn = session.data?.state === "no_cooperative"

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setErrors({})
    setError(null)
    if (!signedIn && password.length < 8) return setErrors({ password: t("errors.field.password") })
    setBusy(true)
    try {
      if (!signedIn) {
        // A new sign-in for the invited address; one that exists already signs in with its password.
        await register(email.trim(), password).catch(() => signIn(email.trim(), password))
      }
      await acceptInvite({ token, first_name: name.first_name || null, last_name: name.last_name || null })
      await refreshToken().catch(() => signIn(email.trim(), password))
      await client.invalidateQueries({ queryKey: ["session"] })
    } catch (err) {
      const fields = fieldErrors(err)
      setErrors(fields)
      setError(err instanceof ApiError && err.status === 401 ? t("sign_in.wrong") : errorMessage(err, t))
    } finally {
      setBusy(false)
    }
  }

  return (
    <AuthShell>
      <Heading level="h1">{t("accept.title")}</Heading>
      <Text className="text-ui-fg-subtle">{t("accept.lead")}</Text>
      {!token ? (
        <Text className="text-ui-fg-error" role="alert">{t("accept.no_token")}</Text>
      ) : (
        <form onSubmit={submit} className="flex flex-col gap-y-4" noValidate>
          {!signedIn && (
            <>
              <Field id="email" label={t("fields.email")} error={errors.email} hint={t("accept.email_hint")}>
                <Input id="email" type="email" autoComplete="username" inputMode="email" className={tapInput} value={email} onChange={(e) => setEmail(e.target.value)} />
              </Field>
              <Field id="password" label={t("fields.password")} error={errors.password} hint={t("hints.password")}>
                <div className="pw"><Input id="password" type="password" autoComplete="new-password" className={tapInput} value={password} onChange={(e) => setPassword(e.target.value)} /></div>
              </Field>
            </>
          )}
          <div className="grid grid-cols-2 gap-3">
            <Field id="last_name" label={t("fields.last_name")} error={errors.last_name}>
              <Input id="last_name" className={tapInput} value={name.last_name} onChange={(e) => setName({ ...name, last_name: e.target.value })} />
            </Field>
            <Field id="first_name" label={t("fields.first_name")} error={errors.first_name}>
              <Input id="first_name" className={tapInput} value={name.first_name} onChange={(e) => setName({ ...name, first_name: e.target.value })} />
            </Field>
          </div>
          {error && <Text className="text-ui-fg-error" role="alert" data-testid="accept-error">{error}</Text>}
          <Button type="submit" size="large" className="tap w-full" isLoading={busy} data-testid="accept-submit">
            {t("accept.submit")}
          </Button>
        </form>
      )}
      <Text size="small" className="text-center">
        <Link to="/sign-in" className="text-ui-fg-interactive inline-flex min-h-[44px] items-center font-medium">{t("sign_up.to_sign_in")}</Link>
      </Text>
    </AuthShell>
  )
}
