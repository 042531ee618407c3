import { useQueryClient } from "@tanstack/react-query"
import { Button, Heading, Input, Text } from "@medusajs/ui"
import { useState, type FormEvent } from "react"
import { useTranslation } from "react-i18next"
import { signIn } from "../../api/session"
import { Field, tapInput } from "../../components/field"
import { AuthShell } from "../sign-up/shell"
import { errorMessage } from "../../lib/errors"
import { Link } from "../../lib/router"

export default function SignIn() {
  const { t } = useTranslation()
  const client = useQueryClient()
  const [email, setEmail] = useState("")
  const [password, setPassword] = useState("")
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setBusy(true)
    setError(null)
    try {
      await signIn(email.trim(), password)
      await client.invalidateQueries({ queryKey: ["session"] })
    } catch (err) {
      setError((err as { status?: number }).status === 401 ? t("sign_in.wrong") : errorMessage(err, t))
    } finally {
      setBusy(false)
    }
  }

  return (
    <AuthShell>
      <Heading level="h1">{t("sign_in.title")}</Heading>
      <Text className="text-ui-fg-subtle">{t("sign_in.lead")}</Text>
      <form onSubmit={submit} className="flex flex-col gap-y-4" noValidate>
        <Field id="email" label={t("fields.email")}>
          <Input id="email" name="email" type="email" autoComplete="username" inputMode="email" className={tapInput} value={email} onChange={(e) => setEmail(e.target.value)} />
        </Field>
        <Field id="password" label={t("fields.password")}>
          <div className="pw"><Input id="password" name="password" type="password" autoComplete="current-password" className={tapInput} value={password} onChange={(e) => setPassword(e.target.value)} /></div>
        </Field>
        {error && (
          <Text className="text-ui-fg-error" role="alert" data-testid="sign-in-error">
            {error}
          </Text>
        )}
        <Button type="submit" size="large" className="tap w-full" isLoading={busy} data-testid="sign-in-submit">
          {t("sign_in.submit")}
        </Button>
      </form>
      <Text size="small" className="text-center">
        {t("sign_in.no_account")}{" "}
        <Link to="/sign-up" className="text-ui-fg-interactive inline-flex min-h-[44px] items-center font-medium" data-testid="to-sign-up">
          {t("sign_in.to_sign_up")}
        </Link>
      </Text>
    </AuthShell>
  )
}
