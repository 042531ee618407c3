import { Alert, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { useMe } from "../api/session"

/** Where the cooperative stands with the union, with the union's reason, on every page while not approved. */
export function StatusBanner() {
  const { t } = useTranslation()
  const { cooperative } = useMe()
  if (cooperative.status === "approved") return null
  const variant = cooperative.status === "pending" ? "warning" : "error"
  return (
    <Alert variant={variant} data-testid="status-banner" data-status={cooperative.status}>
      <Text weight="plus" size="small">{t(`status.title.${cooperative.status}`)}</Text>
      <Text size="small">{t(`status.explain.${cooperative.status}`)}</Text>
      {cooperative.status_reason && (
        <Text size="small" className="mt-1" data-testid="status-reason">
          {t("status.reason")}: {cooperative.status_reason}
        </Text>
      )}
    </Alert>
  )
}
