import { ArrowDownTray } from "@medusajs/icons"
import { Button, Container, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { downloadLedgerCsv, LEDGER_PAGE, LEDGER_TYPES, useLedgerPage, type LedgerType } from "../../api/ledger"
import { NativeSelect } from "../../components/field"
import { Loading, PageHeader } from "../../components/layout"
import { Pager } from "../../components/pager"
import { errorMessage } from "../../lib/errors"
import { dateTime, vnd } from "../../lib/format"
import { Link, navigate, usePath } from "../../lib/router"

/** The cooperative's money: balance, what can be paid out now, and its ledger lines (by type, page by page, or as CSV). */
export default function Ledger() {
  const { t } = useTranslation()
  usePath()
  const search = new URLSearchParams(window.location.search)
  const wanted = search.get("type")
  const type = (LEDGER_TYPES as readonly string[]).includes(wanted ?? "") ? (wanted as LedgerType) : null
  const offset = Math.max(0, Number(search.get("offset")) || 0)
  const { data, isLoading } = useLedgerPage(type, offset)
  const [downloading, setDownloading] = useState(false)
  const address = (nextType: LedgerType | null, nextOffset = 0) => {
    const q = new URLSearchParams()
    if (nextType) q.set("type", nextType)
    if (nextOffset) q.set("offset", String(nextOffset))
    return `/ledger${q.toString() ? `?${q}` : ""}`
  }
  const download = async () => {
    setDownloading(true)
    try {
      toast.success(t("ledger.csv_done", { name: await downloadLedgerCsv(type) }))
    } catch (err) {
      toast.error(errorMessage(err, t))
    } finally {
      setDownloading(false)
    }
  }
  if (isLoading || !data) return <Loading />
  return (
    <>
      <PageHeader title={t("ledger.title")} action={<Link to="/payouts" className="text-ui-fg-interactive txt-compact-small-plus flex min-h-[44px] items-center" data-testid="to-payouts">{t("nav.payouts")}</Link>} />
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
      <div className="flex flex-col gap-2 sm:flex-row">
        <NativeSelect aria-label={t("ledger.filter")} value={type ?? ""} onChange={(e) => navigate(address((e.target.value || null) as LedgerType | null))} data-testid="ledger-type">
          <option value="">{t("ledger.all_types")}</option>
          {LEDGER_TYPES.map((ty) => <option key={ty} value={ty}>{t(`ledger.type.${ty}`)}</option>)}
        </NativeSelect>
        <Button variant="secondary" className="tap shrink-0" onClick={download} isLoading={downloading} data-testid="ledger-csv">
          <ArrowDownTray /> {t("ledger.csv")}
        </Button>
      </div>
      {data.entries.length === 0 && <Text className="text-ui-fg-subtle" data-testid="ledger-empty">{t("ledger.empty")}</Text>}
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
      <Pager count={data.count} offset={offset} limit={LEDGER_PAGE} to={(o) => address(type, o)} />
    </>
  )
}
