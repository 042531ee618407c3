import { ArrowLeft } from "@medusajs/icons"
import { Alert, Container, StatusBadge, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { PAYOUTS_PAGE, usePayoutList, type PayoutStatus } from "../../api/payouts"
import { Loading, PageHeader } from "../../components/layout"
import { Pager } from "../../components/pager"
import { errorMessage } from "../../lib/errors"
import { date, vnd } from "../../lib/format"
import { Link, usePath } from "../../lib/router"
import "../../locales/desk"

export const PAYOUT_COLOR: Record<PayoutStatus, "green" | "orange" | "blue" | "red"> = { pending: "orange", processing: "blue", paid: "green", failed: "red" }

/** What the union has paid (or is paying) the cooperative, one line per period. */
export default function Payouts() {
  const { t } = useTranslation()
  usePath()
  const offset = Math.max(0, Number(new URLSearchParams(window.location.search).get("offset")) || 0)
  const { data, isLoading, error } = usePayoutList(offset)
  return (
    <>
      <Link to="/ledger" className="text-ui-fg-subtle txt-compact-small flex min-h-[44px] items-center gap-x-1">
        <ArrowLeft /> {t("ledger.title")}
      </Link>
      <PageHeader title={t("payouts.title")} />
      <Text size="small" className="text-ui-fg-subtle">{t("payouts.lead")}</Text>
      {isLoading && <Loading />}
      {error && <Alert variant="error">{errorMessage(error, t)}</Alert>}
      {data && data.payouts.length === 0 && <Text className="text-ui-fg-subtle" data-testid="payouts-empty">{t("payouts.empty")}</Text>}
      <ul className="flex flex-col gap-y-2">
        {data?.payouts.map((p) => (
          <li key={p.id}>
            <Link to={`/payouts/${p.id}`} data-testid="payout-row" data-payout={p.id}>
              <Container className="flex min-h-[64px] items-center justify-between gap-x-3 p-3">
                <div className="flex min-w-0 flex-col">
                  <Text weight="plus">{vnd(p.amount)}</Text>
                  <Text size="small" className="text-ui-fg-subtle truncate">{t("payouts.period", { period: p.period })} · {date(p.paid_at ?? p.created_at)}</Text>
                </div>
                <StatusBadge color={PAYOUT_COLOR[p.status]}>{t(`payout_status.${p.status}`)}</StatusBadge>
              </Container>
            </Link>
          </li>
        ))}
      </ul>
      {data && <Pager count={data.count} offset={offset} limit={PAYOUTS_PAGE} to={(o) => `/payouts?offset=${o}`} />}
    </>
  )
}
