import { ArrowLeft } from "@medusajs/icons"
import { Alert, Container, StatusBadge, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { usePayout } from "../../api/payouts"
import { Loading, PageHeader } from "../../components/layout"
import { errorMessage } from "../../lib/errors"
import { dateTime, vnd } from "../../lib/format"
import { Link } from "../../lib/router"
import { PAYOUT_COLOR } from "../payouts"
import "../../locales/desk"

const Row = ({ label, value, testId }: { label: string; value: string; testId?: string }) => (
  <div className="flex justify-between gap-x-3">
    <Text size="small" className="text-ui-fg-subtle shrink-0">{label}</Text>
    <Text size="small" className="break-all text-right" data-testid={testId}>{value}</Text>
  </div>
)

/** One payout: how much, to which account, the bank's reference, and the ledger lines it settled. */
export default function PayoutPage({ params }: { params: Record<string, string> }) {
  const { t } = useTranslation()
  const { data: p, isLoading, error } = usePayout(params.id)
  if (isLoading) return <Loading />
  if (error || !p) return <Alert variant="error">{errorMessage(error, t)}</Alert>
  const account = p.bank_account
  return (
    <>
      <Link to="/payouts" className="text-ui-fg-subtle txt-compact-small flex min-h-[44px] items-center gap-x-1">
        <ArrowLeft /> {t("payouts.title")}
      </Link>
      <PageHeader title={vnd(p.amount)} action={<StatusBadge color={PAYOUT_COLOR[p.status]} data-testid="payout-status">{t(`payout_status.${p.status}`)}</StatusBadge>} />
      <Container className="flex flex-col gap-y-2 p-4" data-testid="payout-detail">
        <Row label={t("payouts.period_label")} value={p.period} />
        <Row label={t("payouts.created")} value={dateTime(p.created_at)} />
        {p.paid_at && <Row label={t("payouts.paid_at")} value={dateTime(p.paid_at)} />}
        {p.reference && <Row label={t("payouts.reference")} value={p.reference} testId="payout-reference" />}
        {p.transfer_message && <Row label={t("payouts.message")} value={p.transfer_message} />}
        {account?.account_number && <Row label={t("payouts.account")} value={`${account.account_number} · ${account.account_holder ?? ""} (BIN ${account.bin ?? ""})`} />}
        {p.failure_reason && <Alert variant="error">{t("payouts.failed_because", { reason: p.failure_reason })}</Alert>}
      </Container>
      <Text weight="plus">{t("payouts.lines")}</Text>
      <Container className="divide-ui-border-base divide-y p-0">
        {p.ledger_entries.map((e) => (
          <div key={e.id} className="flex min-h-[56px] items-center justify-between gap-x-3 px-4 py-2" data-testid="payout-line">
            <div className="flex min-w-0 flex-col">
              <Text size="small" weight="plus">{t(`ledger.type.${e.type}`, { defaultValue: e.type })}</Text>
              <Text size="xsmall" className="text-ui-fg-subtle">{dateTime(e.occurred_at)}</Text>
            </div>
            <Text size="small" weight="plus" className={e.amount < 0 ? "text-ui-fg-error" : ""}>{vnd(e.amount)}</Text>
          </div>
        ))}
      </Container>
    </>
  )
}
