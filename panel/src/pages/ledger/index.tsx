import { Container, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { useLedger } from "../../api/ledger"
import { Loading, PageHeader } from "../../components/layout"
import { dateTime, vnd } from "../../lib/format"
import { Link } from "../../lib/router"

/** The cooperative's money: balance, what can be paid out now, and the latest ledger lines. */
export default function Ledger() {
  const { t } = useTranslation()
  const { data, isLoading } = useLedger(50)
  if (isLoading || !data) return <Loading />
  return (
    <>
      <PageHeader title={t("ledger.title")} />
      <Container className="grid grid-cols-2 gap-3 p-4">
        <div className="col-span-2">
          <Text size="small" className="text-ui-fg-subtle">{t("ledger.balance")}</Text>
          <span className="txt-xlarge-plus" data-testid="ledger-balance">{vnd(data.balance)}</span>
        </div>
        <div>
          <Text size="small" className="text-ui-fg-subtle">{t("ledger.available")}</Text>
          <Text weight="plus">{vnd(data.available)}</Text>
        </div>
        <div>
          <Text size="small" className="text-ui-fg-subtle">{t("ledger.pending")}</Text>
          <Text weight="plus">{vnd(data.pending)}</Text>
        </div>
        {data.commission_owed > 0 && (
          <div className="col-span-2">
            <Text size="small" className="text-ui-fg-error">{t("ledger.owed", { amount: vnd(data.commission_owed) })}</Text>
          </div>
        )}
      </Container>
      {data.entries.length === 0 && <Text className="text-ui-fg-subtle">{t("ledger.empty")}</Text>}
      <Container className="divide-ui-border-base divide-y p-0">
        {data.entries.map((e) => {
          const row = (
          <div className="flex min-h-[56px] items-center justify-between gap-x-3 px-4 py-2" data-testid="ledger-line" data-type={e.type}>
            <div className="flex min-w-0 flex-col">
              <Text size="small" weight="plus">
                {t(`ledger.type.${e.type}`, { defaultValue: e.type })}
                {e.order && <span className="text-ui-fg-interactive"> · #{e.order.display_id}</span>}
              </Text>
              <Text size="xsmall" className="text-ui-fg-subtle">{dateTime(e.occurred_at)}</Text>
            </div>
            <Text size="small" weight="plus" className={e.amount < 0 ? "text-ui-fg-error" : "text-ui-fg-base"} data-testid="ledger-amount">{vnd(e.amount)}</Text>
          </div>
          )
          // A line of an order opens the order (the whole row is the target).
          return e.order ? <Link key={e.id} to={`/orders/${e.order.id}`} className="block">{row}</Link> : <div key={e.id}>{row}</div>
        })}
      </Container>
    </>
  )
}
