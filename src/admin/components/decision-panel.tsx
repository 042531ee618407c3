import { Button, Label, Text, Textarea, toast } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { adminFetch } from "../lib/api"

export type Decision = { action: string; label: string; variant?: "primary" | "secondary" | "danger"; needsText?: boolean }

/**
 * A text box (reason or note) and the decisions that apply now. Posts `{ [field]: text }` to
 * `${basePath}/${action}` and reports the server's own message when it refuses.
 */
export const DecisionPanel = ({
  basePath,
  field,
  placeholder,
  decisions,
  onDone,
  extraBody,
}: {
  basePath: string
  field: "reason" | "note"
  placeholder: string
  decisions: Decision[]
  onDone: (result: unknown) => void
  /** Sent with every decision, e.g. the id of the revision the admin is looking at. */
  extraBody?: Record<string, unknown>
}) => {
  const { t } = useTranslation()
  const [text, setText] = useState("")
  const [busy, setBusy] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)

  const run = async (d: Decision) => {
    setBusy(d.action)
    setError(null)
    try {
      const trimmed = text.trim()
      const result = await adminFetch(`${basePath}/${d.action}`, { method: "POST", body: { ...(extraBody ?? {}), ...(trimmed ? { [field]: trimmed } : {}) } })
      setText("")
      toast.success(t("coopstall.common.done"))
      onDone(result)
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err)
      setError(message)
      toast.error(t("coopstall.common.error"), { description: message })
    } finally {
      setBusy(null)
    }
  }

  if (!decisions.length) return null
  return (
    <div className="flex flex-col gap-y-2">
      <Label htmlFor="coopstall-decision-text" size="small" weight="plus">
        {t(field === "reason" ? "coopstall.common.reason" : "coopstall.common.note")}
      </Label>
      <Textarea id="coopstall-decision-text" data-testid="decision-text" value={text} placeholder={placeholder} onChange={(e) => setText(e.target.value)} />
      {error && (
        <Text size="small" className="text-ui-fg-error" data-testid="decision-error">
          {error}
        </Text>
      )}
      <div className="flex gap-x-2">
        {decisions.map((d) => (
          <Button
            key={d.action}
            size="small"
            variant={d.variant ?? "secondary"}
            data-testid={`decision-${d.action}`}
            isLoading={busy === d.action}
            disabled={Boolean(busy) || (d.needsText && !text.trim())}
            onClick={() => run(d)}
          >
            {d.label}
          </Button>
        ))}
      </div>
    </div>
  )
}
