import { DocumentText } from "@medusajs/icons"
import { Alert, Container, StatusBadge, Text, clx } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { CODE_FIELD, shownState, type Certificate, type OcopRating, type Shown } from "../../api/certification"
import { upload } from "../../api/uploads"
import { Field } from "../../components/field"
import { errorMessage, fieldErrors } from "../../lib/errors"
import { date, dateTime } from "../../lib/format"
import { Link } from "../../lib/router"
import { ApiError } from "../../lib/sdk"
import { shrinkPhoto } from "../product/photo"
import "../../locales/trace"

// What the certificate and OCOP pages share: the state as the cooperative reads it, the union's
// reason, the evidence upload, and the server's refusals placed next to their fields.

export const STATE_COLOR: Record<Shown, "green" | "red" | "orange" | "grey" | "blue"> = {
  submitted: "blue",
  verified: "green",
  expiring_soon: "orange",
  rejected: "red",
  revoked: "red",
  expired: "grey",
  superseded: "grey",
}

type Item = Pick<Certificate | OcopRating, "status" | "in_force" | "expires_at" | "valid_until" | "review_note">

export function StateBadge({ item }: { item: Item }) {
  const { t } = useTranslation()
  const state = shownState(item)
  return <StatusBadge color={STATE_COLOR[state]} data-testid="certification-state" data-state={state}>{t(`certification.state.${state}`)}</StatusBadge>
}

/** The sentence under the title: why it was refused, when it runs out, what to do next. */
export function StateNote({ item }: { item: Item }) {
  const { t } = useTranslation()
  const state = shownState(item)
  const until = date(item.valid_until)
  const variant = state === "rejected" || state === "revoked" ? "error" : state === "expiring_soon" || state === "expired" ? "warning" : state === "verified" ? "success" : "info"
  return (
    <Alert variant={variant} data-testid="certification-note">
      <Text size="small">{t(`certification.note.${state}`, { date: until })}</Text>
      {item.review_note && (state === "rejected" || state === "revoked") && (
        <Text size="small" weight="plus" className="mt-1" data-testid="union-reason">{t("certification.reason")}: {item.review_note}</Text>
      )}
    </Alert>
  )
}

/** Certificates | OCOP: the two kinds of quality marks, one tab each. */
export function SubjectTabs({ active }: { active: "certificates" | "ratings" }) {
  const { t } = useTranslation()
  return (
    <div className="flex gap-x-2" role="tablist">
      {(["certificates", "ratings"] as const).map((tab) => (
        <Link
          key={tab}
          to={`/${tab}`}
          role="tab"
          aria-selected={tab === active}
          data-testid={`tab-${tab}`}
          className={clx(
            "txt-compact-small-plus flex min-h-[44px] items-center rounded-full px-4",
            tab === active ? "bg-ui-button-inverted text-ui-fg-on-inverted" : "bg-ui-bg-base text-ui-fg-subtle shadow-borders-base"
          )}
        >
          {t(`certification.tab.${tab}`)}
        </Link>
      ))}
    </div>
  )
}

/** The scan or photo of the decision or certificate, uploaded at once through /vendor/uploads. */
export function EvidencePicker({ value, onChange, error, disabled }: { value: { id: string; url: string; name?: string } | null; onChange: (v: { id: string; url: string; name: string }) => void; error?: string; disabled?: boolean }) {
  const { t } = useTranslation()
  const [busy, setBusy] = useState(false)
  const [failed, setFailed] = useState<string | null>(null)
  const pick = async (file: File | undefined) => {
    if (!file) return
    setBusy(true)
    setFailed(null)
    try {
      const uploaded = await upload(file.type.startsWith("image/") ? await shrinkPhoto(file) : file)
      onChange({ id: uploaded.id, url: uploaded.url, name: file.name })
    } catch (err) {
      setFailed(errorMessage(err, t))
    } finally {
      setBusy(false)
    }
  }
  return (
    <Field id="evidence_file_id" label={t("certification.evidence")} error={failed ?? error} hint={t("certification.evidence_hint")}>
      <label
        className={clx(
          "border-ui-border-strong bg-ui-bg-component flex min-h-[88px] cursor-pointer items-center gap-x-3 rounded-lg border border-dashed p-3",
          disabled && "pointer-events-none opacity-60"
        )}
        data-testid="evidence-picker"
      >
        <DocumentText />
        <Text size="small" className="min-w-0 break-all" data-testid="evidence-name">
          {busy ? t("certification.uploading") : value ? value.name ?? t("certification.evidence_on_file") : t("certification.choose_file")}
        </Text>
        <input
          id="evidence_file_id"
          type="file"
          accept="application/pdf,image/jpeg,image/png,image/webp"
          className="sr-only"
          disabled={disabled}
          onChange={(e) => pick(e.target.files?.[0])}
          data-testid="evidence-input"
        />
      </label>
      {value && (
        <a href={value.url} target="_blank" rel="noreferrer" className="text-ui-fg-interactive txt-small flex min-h-[44px] items-center" data-testid="evidence-link">
          {t("certification.view_evidence")}
        </a>
      )}
    </Field>
  )
}

/** Field errors of a refused submission: the body's, plus the rule checks that name no field (CODE_FIELD). */
export function submissionErrors(err: unknown, codeField: Record<string, string> = CODE_FIELD): Record<string, string> {
  const fields = fieldErrors(err)
  if (err instanceof ApiError && !Object.keys(fields).length && codeField[err.code]) return { [codeField[err.code]]: errorMessage(err) }
  return fields
}

/** Every submission and decision, oldest first, with the union's notes. */
export function History({ history }: { history: NonNullable<Certificate["history"]> }) {
  const { t } = useTranslation()
  if (!history.length) return null
  return (
    <Container className="flex flex-col gap-y-2 p-4" data-testid="certification-history">
      <Text weight="plus">{t("certification.history")}</Text>
      <ol className="flex flex-col gap-y-2">
        {history.map((h, i) => (
          <li key={i} className="flex flex-col">
            <Text size="small">
              {t(`certification.state.${h.to_status}`)} · {t(`certification.actor.${h.actor_type}`)}
            </Text>
            <Text size="xsmall" className="text-ui-fg-subtle">{dateTime(h.created_at)}</Text>
            {h.note && <Text size="small" className="text-ui-fg-subtle">{h.note}</Text>}
          </li>
        ))}
      </ol>
    </Container>
  )
}

/** A toggle row for a choice among many (a product a certificate covers), at a finger's size. */
export function ChoiceRow({ checked, onToggle, children, testId }: { checked: boolean; onToggle: () => void; children: React.ReactNode; testId?: string }) {
  return (
    <button
      type="button"
      role="checkbox"
      aria-checked={checked}
      onClick={onToggle}
      data-testid={testId}
      className={clx(
        "txt-compact-small flex min-h-[44px] w-full items-center gap-x-3 rounded-md px-3 text-left",
        checked ? "bg-ui-bg-highlight text-ui-fg-base shadow-borders-interactive-with-active" : "bg-ui-bg-field shadow-borders-base text-ui-fg-subtle"
      )}
    >
      <span className={clx("flex h-5 w-5 shrink-0 items-center justify-center rounded border", checked ? "bg-ui-fg-interactive border-transparent text-white" : "border-ui-border-strong")}>{checked ? "✓" : ""}</span>
      <span className="min-w-0">{children}</span>
    </button>
  )
}
