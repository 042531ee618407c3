import { Alert, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { useMe } from "../api/session"
import { Link } from "../lib/router"

/** On every page while a union admin acts for the cooperative, so nobody mistakes whose hands are on the stall. */
export function UnionBanner() {
  const { t } = useTranslation()
  const { acting } = useMe()
  if (!acting) return null
  return (
    <Alert variant="info" data-testid="union-banner">
      <Text weight="plus" size="small">{t("union.banner_title")}</Text>
      <Text size="small">{t("union.banner_body", { email: acting.admin_email })}</Text>
    </Alert>
  )
}

/** The top bar's way to the activity list, for those who may read it (the owner, the union acting). */
export function ActivityLink() {
  const { t } = useTranslation()
  const { user, acting } = useMe()
  if (user.role !== "owner" && !acting) return null
  return (
    <Link to="/activity" className="tap txt-compact-small text-ui-fg-subtle flex min-h-[44px] items-center px-2" data-testid="nav-activity">
      {t("activity.title")}
    </Link>
  )
}
