import { Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { Link } from "../lib/router"

/** Previous / next page of a list whose place is in the address (?offset=), big enough for a thumb. */
export function Pager({ count, offset, limit, to }: { count: number; offset: number; limit: number; to: (offset: number) => string }) {
  const { t } = useTranslation()
  if (count <= limit && offset === 0) return null
  const page = Math.floor(offset / limit) + 1
  const pages = Math.max(1, Math.ceil(count / limit))
  const button = "txt-compact-small-plus bg-ui-bg-base shadow-borders-base flex min-h-[44px] min-w-[88px] items-center justify-center rounded-md px-3"
  return (
    <nav className="flex items-center justify-between gap-x-2" aria-label={t("pager.label")} data-testid="pager">
      {offset > 0 ? <Link to={to(Math.max(0, offset - limit))} className={button} data-testid="pager-prev">{t("pager.prev")}</Link> : <span className="min-w-[88px]" />}
      <Text size="small" className="text-ui-fg-subtle" data-testid="pager-page">{t("pager.page", { page, pages })}</Text>
      {offset + limit < count ? <Link to={to(offset + limit)} className={button} data-testid="pager-next">{t("pager.next")}</Link> : <span className="min-w-[88px]" />}
    </nav>
  )
}
