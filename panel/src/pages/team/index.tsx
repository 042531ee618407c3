import { Alert, Badge, Button, Container, Input, Text, toast, usePrompt } from "@medusajs/ui"
import { useState, type FormEvent } from "react"
import { useTranslation } from "react-i18next"
import { useMe } from "../../api/session"
import { inviteLink, useInvite, useInvites, useMembers, useRemoveMember, useRevokeInvite, type Role } from "../../api/team"
import { Field, NativeSelect, tapInput } from "../../components/field"
import { Loading, PageHeader } from "../../components/layout"
import { ActionButton } from "../../components/unavailable"
import { errorMessage, fieldErrors } from "../../lib/errors"
import { date } from "../../lib/format"
import i18n from "../../lib/i18n"
import "../../locales/desk"

/** Many cooperatives pass the link on by Zalo: the phone's share sheet when it has one, else the clipboard. */
async function share(link: string) {
  try {
    if (navigator.share) return await navigator.share({ url: link })
    await navigator.clipboard.writeText(link)
    toast.success(i18n.t("team.copied"))
  } catch {
    // Dismissed, or no clipboard on this page (plain http): the link stays on screen, selectable.
  }
}

const fullName = (m: { first_name: string | null; last_name: string | null }) => [m.last_name, m.first_name].filter(Boolean).join(" ")

/** Who works in the stall: owners and staff, invitations waiting, and (owners only) inviting and removing. */
export default function Team() {
  const { t } = useTranslation()
  const { user } = useMe()
  const members = useMembers()
  const invites = useInvites()
  const invite = useInvite()
  const revoke = useRevokeInvite()
  const remove = useRemoveMember()
  const prompt = usePrompt()
  const [email, setEmail] = useState("")
  const [role, setRole] = useState<Role>("staff")
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [sent, setSent] = useState<{ email: string; link: string } | null>(null)

  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (!email.trim()) return setErrors({ email: t("errors.field.required") })
    invite.mutate(
      { email: email.trim(), role },
      {
        onSuccess: (created) => {
          setErrors({})
          setEmail("")
          setSent({ email: created.email, link: inviteLink(created) })
          toast.success(t("team.invited_toast", { email: created.email }))
        },
        onError: (err) => {
          const fields = fieldErrors(err)
          setErrors(Object.keys(fields).length ? fields : { email: errorMessage(err, t) })
        },
      }
    )
  }
  const confirmThen = async (title: string, description: string, confirmText: string, run: () => Promise<unknown>, done: string) => {
    if (!(await prompt({ title, description, confirmText, cancelText: t("common.back") }))) return
    run().then(() => toast.success(done), (err) => toast.error(errorMessage(err, t)))
  }

  if (members.isLoading) return <Loading />
  if (members.error) return <Alert variant="error">{errorMessage(members.error, t)}</Alert>
  const owners = (members.data ?? []).filter((m) => m.role === "owner").length
  return (
    <>
      <PageHeader title={t("team.title")} />
      <Container className="divide-ui-border-base divide-y p-0" data-testid="members">
        {members.data?.map((m) => {
          const self = m.id === user.id
          // The server refuses removing yourself, which is also what keeps the last owner.
          const why = self ? t(owners <= 1 && m.role === "owner" ? "team.last_owner" : "team.not_yourself") : undefined
          return (
            <div key={m.id} className="flex flex-col gap-y-2 p-4" data-testid="member" data-email={m.email}>
              <div className="flex items-start justify-between gap-x-2">
                <div className="flex min-w-0 flex-col">
                  <Text weight="plus" className="truncate">{fullName(m) || m.email}{self ? ` (${t("team.you")})` : ""}</Text>
                  <Text size="small" className="text-ui-fg-subtle break-all">{m.email}</Text>
                </div>
                <Badge size="small" color={m.role === "owner" ? "blue" : "grey"} data-testid="member-role">{t(`team.role.${m.role}`)}</Badge>
              </div>
              <ActionButton
                capability="revoke_access"
                ownerOnly
                forbidden={why}
                variant="secondary"
                className="tap"
                data-testid="remove-member"
                onClick={() => confirmThen(t("team.remove_title", { email: m.email }), t("team.remove_body"), t("team.remove"), () => remove.mutateAsync(m.id), t("team.removed_toast"))}
              >
                {t("team.remove")}
              </ActionButton>
            </div>
          )
        })}
      </Container>

      <Container className="p-4">
        <form onSubmit={submit} className="flex flex-col gap-y-3" noValidate>
          <Text weight="plus">{t("team.invite_title")}</Text>
          <Text size="small" className="text-ui-fg-subtle">{t("team.invite_lead")}</Text>
          <Field id="email" label={t("fields.email")} error={errors.email}>
            <Input id="email" type="email" inputMode="email" autoComplete="off" className={tapInput} value={email} onChange={(e) => setEmail(e.target.value)} aria-invalid={!!errors.email} />
          </Field>
          <Field id="role" label={t("team.role_label")} error={errors.role}>
            <NativeSelect id="role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
              <option value="staff">{t("team.role.staff")}</option>
              <option value="owner">{t("team.role.owner")}</option>
            </NativeSelect>
          </Field>
          <ActionButton capability="invite_staff" ownerOnly type="submit" size="large" className="tap" isLoading={invite.isPending} data-testid="invite-submit">
            {t("team.invite")}
          </ActionButton>
        </form>
        {sent && (
          <Alert variant="success" className="mt-3" data-testid="invite-sent">
            <Text size="small">{t("team.invite_sent", { email: sent.email })}</Text>
            <Text size="xsmall" className="mt-2 select-all break-all font-mono" data-testid="invite-link">{sent.link}</Text>
            <Button type="button" variant="secondary" className="tap mt-2 w-full" onClick={() => share(sent.link)} data-testid="copy-invite-link">
              {t("team.copy_link")}
            </Button>
          </Alert>
        )}
      </Container>

      <Text weight="plus">{t("team.pending")}</Text>
      {invites.data && invites.data.length === 0 && <Text size="small" className="text-ui-fg-subtle" data-testid="invites-empty">{t("team.no_pending")}</Text>}
      <Container className="divide-ui-border-base divide-y p-0">
        {invites.data?.map((i) => (
          <div key={i.id} className="flex flex-col gap-y-2 p-4" data-testid="invite" data-email={i.email}>
            <div className="flex items-start justify-between gap-x-2">
              <div className="flex min-w-0 flex-col">
                <Text size="small" weight="plus" className="break-all">{i.email}</Text>
                <Text size="xsmall" className="text-ui-fg-subtle">{t("team.expires", { date: date(i.expires_at) })}</Text>
              </div>
              <Badge size="small" color="orange">{t(`team.role.${i.role}`)}</Badge>
            </div>
            <ActionButton
              capability="revoke_access"
              ownerOnly
              variant="secondary"
              className="tap"
              data-testid="revoke-invite"
              onClick={() => confirmThen(t("team.revoke_title", { email: i.email }), t("team.revoke_body"), t("team.revoke"), () => revoke.mutateAsync(i.id), t("team.revoked_toast"))}
            >
              {t("team.revoke")}
            </ActionButton>
          </div>
        ))}
      </Container>
    </>
  )
}
