import { ChatBubble, CogSixTooth, Receipt, ChevronRightMini, Users } from "@medusajs/icons"
import { Container, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { PageHeader } from "../../components/layout"
import { Link } from "../../lib/router"

/** The pages that do not fit the tab bar, one row each (a page of its own adds a row here). */
export const MORE_PAGES = [
  { to: "/reviews", key: "nav.reviews", icon: ChatBubble },
  { to: "/payouts", key: "nav.payouts", icon: Receipt },
  { to: "/team", key: "nav.team", icon: Users },
  { to: "/settings", key: "nav.settings", icon: CogSixTooth },
]

export default function More() {
  const { t } = useTranslation()
  return (
    <>
      <PageHeader title={t("nav.more")} />
      <Container className="divide-ui-border-base divide-y p-0">
        {MORE_PAGES.map(({ to, key, icon: Icon }) => (
          <Link key={to} to={to} className="flex min-h-[56px] items-center gap-x-3 px-4" data-testid={`more-${to.slice(1)}`}>
            <Icon className="text-ui-fg-subtle" />
            <Text weight="plus" className="flex-1">{t(key)}</Text>
            <ChevronRightMini className="text-ui-fg-muted" />
          </Link>
        ))}
      </Container>
    </>
  )
}
