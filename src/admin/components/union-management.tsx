import { Badge, Button, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { adminFetch, backendUrl, formatDate, useAdminGet } from "../lib/api"

/**
 * On a cooperative's detail: whether the union runs its stall, the buttons to take it on or hand it
 * back, and to open its panel as the union. Opening asks the server for a one-time code and passes
 * it to the panel in the URL's fragment, which browsers never send to a server (so no access log
 * holds it); the panel exchanges it once for its own acting token.
 */
type ManagedCooperative = { id: string; status: string; managed_by_union?: boolean; managed_since?: string | null }
type ActivityRow = { id: string; actor_type: "cooperative_user" | "union_admin"; actor_email: string; action: string; created_at: string }

export const UnionManagement = ({ cooperative, onChange }: { cooperative: ManagedCooperative; onChange: () => void }) => {
  const { t } = useTranslation()
  const [busy, setBusy] = useState<string | null>(null)
  const activity = useAdminGet<{ activity: ActivityRow[] }>(`/admin/cooperatives/${cooperative.id}/activity?limit=5`)

  const run = async (verb: "manage" | "unmanage") => {
    setBusy(verb)
    try {
      await adminFetch(`/admin/cooperatives/${cooperative.id}/${verb}`, { method: "POST", body: {} })
      toast.success(t("coopstall.common.done"))
      onChange()
    } catch (err) {
      toast.error(t("coopstall.common.error"), { description: (err as Error).message })
    } finally {
      setBusy(null)
    }
  }

  const openPanel = async () => {
    // Opened before the request, while the click still counts as the user's (popup blockers).
    const tab = window.open("about:blank", "_blank")
    setBusy("open")
    try {
      const { panel_url } = await adminFetch<{ panel_url: string }>(`/admin/cooperatives/${cooperative.id}/act-as`, { method: "POST", body: {} })
      if (tab) {
        tab.opener = null
        tab.location.href = backendUrl(panel_url)
      } else window.location.assign(backendUrl(panel_url))
    } catch (err) {
      tab?.close()
      toast.error(t("coopstall.common.error"), { description: (err as Error).message })
    } finally {
      setBusy(null)
    }
  }

  const managed = !!cooperative.managed_by_union
  return (
    <div className="flex flex-col gap-y-2 border-t pt-4" data-testid="union-management" data-managed={managed ? "true" : "false"}>
      <Text weight="plus">{t("coopstall.managed.title")}</Text>
      <Text size="small" className="text-ui-fg-subtle">{t("coopstall.managed.explain")}</Text>
      <Text size="small">{managed ? t("coopstall.managed.isManaged", { date: formatDate(cooperative.managed_since) }) : t("coopstall.managed.notManaged")}</Text>
      <div className="flex flex-wrap gap-2">
        {managed ? (
          <>
            <Button size="small" variant="primary" isLoading={busy === "open"} onClick={openPanel} data-testid="open-panel">
              {t("coopstall.managed.open")}
            </Button>
            <Button size="small" variant="secondary" isLoading={busy === "unmanage"} onClick={() => run("unmanage")} data-testid="unmanage">
              {t("coopstall.managed.unmanage")}
            </Button>
          </>
        ) : (
          cooperative.status !== "rejected" && (
            <Button size="small" variant="secondary" isLoading={busy === "manage"} onClick={() => run("manage")} data-testid="manage">
              {t("coopstall.managed.manage")}
            </Button>
          )
        )}
      </div>
      <Text size="small" weight="plus" className="pt-2">{t("coopstall.managed.activity")}</Text>
      {activity.data && !activity.data.activity.length && <Text size="small" className="text-ui-fg-subtle">{t("coopstall.managed.noActivity")}</Text>}
      <ul className="flex flex-col gap-y-1" data-testid="admin-activity">
        {(activity.data?.activity ?? []).map((a) => (
          <li key={a.id} className="txt-small flex flex-wrap items-center gap-x-2">
            <Badge size="2xsmall" color={a.actor_type === "union_admin" ? "purple" : "grey"}>
              {t(a.actor_type === "union_admin" ? "coopstall.managed.byUnion" : "coopstall.managed.byStaff", { email: a.actor_email })}
            </Badge>
            <span className="font-mono">{a.action}</span>
            <span className="text-ui-fg-subtle">{new Date(a.created_at).toLocaleString("vi-VN")}</span>
          </li>
        ))}
      </ul>
    </div>
  )
}
