import { ArchiveBox, BuildingStorefront, ShieldCheck, ShoppingCart, Tag, CurrencyDollar, EllipsisHorizontal } from "@medusajs/icons"
import { Button, Text, clx } from "@medusajs/ui"
import type { ReactNode } from "react"
import { useTranslation } from "react-i18next"
import { useMe, useSignOut } from "../api/session"
import { setLanguage } from "../lib/i18n"
import { Link, usePath } from "../lib/router"
import { ActivityLink } from "./union-banner"

export function LanguageSwitch() {
  const { i18n } = useTranslation()
  const next = i18n.language === "en" ? "vi" : "en"
  return (
    <Button variant="transparent" className="tap min-w-[44px]" onClick={() => setLanguage(next)} data-testid="language-switch" aria-label={next === "en" ? "English" : "Tiếng Việt"}>
      {next === "en" ? "EN" : "VI"}
    </Button>
  )
}

const TABS = [
  { to: "/", key: "nav.home", icon: BuildingStorefront, match: (p: string) => p === "/" },
  { to: "/orders", key: "nav.orders", icon: ShoppingCart, match: (p: string) => p.startsWith("/orders") },
  { to: "/products", key: "nav.products", icon: Tag, match: (p: string) => p.startsWith("/products") },
  { to: "/ledger", key: "nav.ledger", icon: CurrencyDollar, match: (p: string) => p.startsWith("/ledger") },
  { to: "/lots", key: "lots.nav", icon: ArchiveBox, match: (p: string) => p.startsWith("/lots") },
  { to: "/certificates", key: "certification.nav", icon: ShieldCheck, match: (p: string) => p.startsWith("/certificates") || p.startsWith("/ratings") },
  // Everything else (reviews, payouts, team, settings…) is one tap further, on the "more" page.
  { to: "/more", key: "nav.more", icon: EllipsisHorizontal, match: (p: string) => /^\/(more|reviews|payouts|team|settings)(\/|$)/.test(p) },
]

/** Phone first: a slim top bar, the page, and a bottom tab bar within thumb's reach (a side column on desktop). */
export function Layout({ children }: { children: ReactNode }) {
  const { t } = useTranslation()
  const { cooperative } = useMe()
  const signOut = useSignOut()
  const path = usePath()
  return (
    <div className="min-h-screen pb-20 md:pb-0 md:pl-56">
      <header className="bg-ui-bg-base border-ui-border-base sticky top-0 z-10 flex h-14 items-center justify-between border-b px-3">
        <Text weight="plus" className="truncate" data-testid="cooperative-name">{cooperative.name}</Text>
        <div className="flex items-center">
          <ActivityLink />
          <LanguageSwitch />
          <Button variant="transparent" className="tap" onClick={signOut} data-testid="sign-out">
            {t("nav.sign_out")}
          </Button>
        </div>
      </header>
      <nav
        aria-label={t("nav.label")}
        className="bg-ui-bg-base border-ui-border-base fixed inset-x-0 bottom-0 z-10 grid auto-cols-fr grid-flow-col border-t pb-[env(safe-area-inset-bottom)] md:inset-y-0 md:left-0 md:right-auto md:top-14 md:flex md:w-56 md:flex-col md:border-r md:border-t-0 md:pt-2"
      >
        {TABS.map(({ to, key, icon: Icon, match }) => {
          const active = match(path)
          return (
            <Link
              key={to}
              to={to}
              aria-current={active ? "page" : undefined}
              data-testid={`nav-${to === "/" ? "home" : to.slice(1)}`}
              className={clx(
                "flex min-h-[56px] flex-col items-center justify-center gap-y-0.5 text-xs md:min-h-[44px] md:flex-row md:justify-start md:gap-x-2 md:px-4 md:text-sm",
                active ? "text-ui-fg-interactive font-medium" : "text-ui-fg-subtle"
              )}
            >
              <Icon />
              {t(key)}
            </Link>
          )
        })}
      </nav>
      <main className="mx-auto flex max-w-3xl flex-col gap-y-4 p-3 md:p-6">{children}</main>
    </div>
  )
}

export function PageHeader({ title, action }: { title: string; action?: ReactNode }) {
  return (
    <div className="flex items-start justify-between gap-x-3">
      <h1 className="txt-xlarge-plus text-ui-fg-base shrink-0 pt-2">{title}</h1>
      {action && <div className="flex max-w-[65%] flex-col items-end text-right">{action}</div>}
    </div>
  )
}

export function Loading() {
  const { t } = useTranslation()
  return <Text className="text-ui-fg-subtle p-4" data-testid="loading">{t("common.loading")}</Text>
}
