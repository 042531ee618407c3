import { defineRouteConfig } from "@medusajs/admin-sdk"
import { BookOpen } from "@medusajs/icons"
import { Badge, Button, Container, Table, Text, Textarea, toast } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { Field } from "../../components/field"
import { Title } from "../../components/title"
import { Pager } from "../../components/pager"
import { adminFetch, backendUrl, formatDate, formatVnd, query, useAdminGet } from "../../lib/api"

const LIMIT = 50
const LINES = 20

/** The reconciliation's columns, in the order of the identity (sign shown as the accountants read it). */
const COLUMNS = [
  ["sales", "sales"],
  ["shipping", "shipping"],
  ["commission", "commission"],
  ["refunds", "refunds"],
  ["adjustments", "adjustments"],
  ["payouts", "payouts"],
  ["payout_reversals", "payoutReversals"],
  ["cash_collected", "cashCollected"],
  ["failed_deliveries", "failedDeliveries"],
  ["balance", "balance"],
  ["commission_owed", "commissionOwed"],
  ["remittances", "remittances"],
] as const

type Money = number | string
type ColumnKey = (typeof COLUMNS)[number][0]
type Reconciliation = { cooperative_id: string; cooperative?: { name: string; handle: string } | null; balanced: boolean } & Record<ColumnKey, Money>
type LedgerLine = {
  id: string
  type: string
  occurred_at: string
  amount: number
  reason?: string | null
  description?: string | null
  order?: { id: string; display_id?: number | null } | null
  available?: boolean
}
type BankAccount = { account_holder?: string | null; bin: string; account_number: string; verified_at?: string | null }
type Remittance = { id: string; order?: { id: string; display_id?: number | null } | null; carrier: string; reference?: string | null; remitted_at: string; amount: Money }

const LedgerPage = () => {
  const { t } = useTranslation()
  const [offset, setOffset] = useState(0)
  const [selectedId, setSelectedId] = useState<string | null>(null)
  const report = useAdminGet<{ reconciliations: Reconciliation[]; totals?: Record<ColumnKey, Money>; count: number }>(`/admin/ledger/reconciliation${query({ limit: LIMIT, offset })}`)
  const rows = report.data?.reconciliations ?? []

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0">
        <div className="px-6 py-4">
          <Title level="h1">{t("coopstall.ledger.title")}</Title>
          <Text size="small" className="text-ui-fg-subtle">
            {t("coopstall.ledger.subtitle")}
          </Text>
          <Text size="xsmall" className="pt-1 font-mono text-ui-fg-muted">
            {t("coopstall.ledger.identity")}
          </Text>
        </div>
        {report.error && <Text className="px-6 py-4 text-ui-fg-error">{report.error.message}</Text>}
        <div className="overflow-x-auto">
          <Table data-testid="reconciliation">
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>{t("coopstall.common.cooperative")}</Table.HeaderCell>
                {COLUMNS.map(([, label]) => (
                  <Table.HeaderCell key={label} className="whitespace-nowrap text-right">
                    {t(`coopstall.ledger.${label}`)}
                  </Table.HeaderCell>
                ))}
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {rows.map((r) => (
                <Table.Row
                  key={r.cooperative_id}
                  data-testid="reconciliation-row"
                  data-cooperative={r.cooperative?.handle}
                  className={r.cooperative_id === selectedId ? "bg-ui-bg-highlight" : ""}
                >
                  <Table.Cell className="whitespace-nowrap">
                    <div className="flex items-center gap-x-2">
                      {/* The name opens the cooperative: the table is wide, a button at its far end scrolls it away. */}
                      <button type="button" data-testid="open-cooperative" className="txt-small text-ui-fg-interactive hover:underline" onClick={() => setSelectedId(r.cooperative_id)}>
                        {r.cooperative?.name ?? r.cooperative_id}
                      </button>
                      <Badge size="2xsmall" color={r.balanced ? "green" : "red"} data-testid="balanced">
                        {t(r.balanced ? "coopstall.ledger.balanced" : "coopstall.ledger.unbalanced")}
                      </Badge>
                    </div>
                  </Table.Cell>
                  {COLUMNS.map(([key]) => (
                    <Table.Cell key={key} data-field={key} className={`whitespace-nowrap text-right ${key === "balance" ? "font-medium" : ""}`}>
                      {formatVnd(r[key])}
                    </Table.Cell>
                  ))}
                </Table.Row>
              ))}
              {report.data?.totals && (
                <Table.Row data-testid="reconciliation-totals" className="bg-ui-bg-subtle">
                  <Table.Cell className="whitespace-nowrap font-medium">{t("coopstall.ledger.totals")}</Table.Cell>
                  {COLUMNS.map(([key]) => (
                    <Table.Cell key={key} data-field={key} className="whitespace-nowrap text-right font-medium">
                      {formatVnd(report.data!.totals![key])}
                    </Table.Cell>
                  ))}
                </Table.Row>
              )}
            </Table.Body>
          </Table>
        </div>
        {report.data && !rows.length && <Text className="px-6 py-4 text-ui-fg-subtle">{t("coopstall.common.empty")}</Text>}
        {report.data && <Pager count={report.data.count} limit={LIMIT} offset={offset} onOffset={setOffset} />}
      </Container>

      {selectedId && (
        <CooperativeLedger
          // Another cooperative opened: a fresh panel, from its first lines with an empty form.
          key={selectedId}
          cooperativeId={selectedId}
          onClose={() => setSelectedId(null)}
          onChanged={report.reload}
        />
      )}

      <Remittances onChanged={report.reload} />
    </div>
  )
}

const CooperativeLedger = ({ cooperativeId, onClose, onChanged }: { cooperativeId: string; onClose: () => void; onChanged: () => void }) => {
  const { t } = useTranslation()
  const [offset, setOffset] = useState(0)
  const cooperative = useAdminGet<{ cooperative: { name: string; bank_account?: BankAccount | null } }>(`/admin/cooperatives/${cooperativeId}`)
  const lines = useAdminGet<{ entries: LedgerLine[]; balance: Money; available: Money; pending: Money; count: number }>(`/admin/cooperatives/${cooperativeId}/ledger${query({ limit: LINES, offset })}`)
  const [amount, setAmount] = useState("")
  const [reason, setReason] = useState("")
  const [busy, setBusy] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const c = cooperative.data?.cooperative
  const bank = c?.bank_account

  const act = async (what: string, run: () => Promise<unknown>, done: string) => {
    setBusy(what)
    setError(null)
    try {
      await run()
      toast.success(done)
      onChanged()
      lines.reload()
      cooperative.reload()
      return true
    } catch (err) {
      setError((err as Error).message)
      toast.error(t("coopstall.common.error"), { description: (err as Error).message })
      return false
    } finally {
      setBusy(null)
    }
  }
  const adjustment = Number(amount)
  const adjustmentValid = amount.trim() !== "" && Number.isInteger(adjustment) && adjustment !== 0 && reason.trim().length > 0

  return (
    <Container className="flex flex-col gap-y-4 px-6 py-4" data-testid="cooperative-ledger">
      <div className="flex items-center justify-between">
        <Title level="h2">{c?.name ?? cooperativeId}</Title>
        <div className="flex items-center gap-x-2">
          <a href={backendUrl(`/admin/cooperatives/${cooperativeId}/ledger/export.csv`)} data-testid="export-csv" download>
            <Button size="small" variant="secondary" type="button">
              {t("coopstall.ledger.exportCsv")}
            </Button>
          </a>
          <Button size="small" variant="transparent" onClick={onClose}>
            {t("coopstall.common.close")}
          </Button>
        </div>
      </div>

      {lines.data && (
        <div className="flex flex-wrap gap-x-6 txt-small">
          <span>
            {t("coopstall.ledger.balance")}: <b data-testid="ledger-balance">{formatVnd(lines.data.balance)}</b>
          </span>
          <span>
            {t("coopstall.money.available")}: {formatVnd(lines.data.available)}
          </span>
          <span>
            {t("coopstall.ledger.pending")}: {formatVnd(lines.data.pending)}
          </span>
        </div>
      )}

      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <div className="flex flex-col gap-y-2 rounded-lg border border-ui-border-base p-4" data-testid="bank-account">
          <Text size="small" weight="plus">
            {t("coopstall.ledger.bankAccount")}
          </Text>
          {c && !bank && (
            <Text size="small" className="text-ui-fg-subtle">
              {t("coopstall.ledger.noBankAccount")}
            </Text>
          )}
          {bank && (
            <>
              <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 txt-small">
                <dt className="text-ui-fg-subtle">{t("coopstall.ledger.holder")}</dt>
                <dd>{bank.account_holder ?? "—"}</dd>
                <dt className="text-ui-fg-subtle">{t("coopstall.ledger.bin")}</dt>
                <dd>{bank.bin}</dd>
                <dt className="text-ui-fg-subtle">{t("coopstall.ledger.accountNumber")}</dt>
                <dd className="font-mono">{bank.account_number}</dd>
              </dl>
              <div className="flex items-center justify-between gap-x-2">
                <Text size="small" className={bank.verified_at ? "text-ui-fg-subtle" : "text-ui-fg-error"} data-testid="bank-verified">
                  {bank.verified_at ? t("coopstall.ledger.verifiedOn", { date: formatDate(bank.verified_at) }) : t("coopstall.ledger.notVerified")}
                </Text>
                <Button
                  size="small"
                  variant="secondary"
                  data-testid="verify-bank"
                  disabled={!!busy}
                  isLoading={busy === "verify"}
                  onClick={() => act("verify", () => adminFetch(`/admin/cooperatives/${cooperativeId}/bank-account/verify`, { method: "POST", body: {} }), t("coopstall.common.done"))}
                >
                  {t("coopstall.ledger.verify")}
                </Button>
              </div>
            </>
          )}
        </div>

        <form
          className="flex flex-col gap-y-2 rounded-lg border border-ui-border-base p-4"
          data-testid="adjustment-form"
          onSubmit={async (e) => {
            e.preventDefault()
            const ok = await act(
              "adjust",
              () => adminFetch(`/admin/cooperatives/${cooperativeId}/ledger-adjustments`, { method: "POST", body: { amount: adjustment, reason: reason.trim() } }),
              t("coopstall.ledger.adjustmentDone", { amount: formatVnd(adjustment) })
            )
            if (ok) {
              setAmount("")
              setReason("")
            }
          }}
        >
          <Text size="small" weight="plus">
            {t("coopstall.ledger.adjustment")}
          </Text>
          <Text size="xsmall" className="text-ui-fg-subtle">
            {t("coopstall.ledger.adjustmentHelp")}
          </Text>
          <Field id="adjustment-amount" type="number" label={t("coopstall.money.amount")} value={amount} onChange={setAmount} />
          <Text size="xsmall" weight="plus">
            {t("coopstall.ledger.adjustmentReason")}
          </Text>
          <Textarea data-testid="adjustment-reason" value={reason} rows={2} onChange={(e) => setReason(e.target.value)} />
          <Button size="small" type="submit" data-testid="adjustment-submit" disabled={!adjustmentValid || !!busy} isLoading={busy === "adjust"}>
            {t("coopstall.money.submit")}
          </Button>
        </form>
      </div>
      {error && (
        <Text size="small" className="text-ui-fg-error" data-testid="ledger-error">
          {error}
        </Text>
      )}

      <Text size="small" weight="plus">
        {t("coopstall.ledger.lines")}
      </Text>
      <Table data-testid="ledger-lines">
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>{t("coopstall.ledger.date")}</Table.HeaderCell>
            <Table.HeaderCell>{t("coopstall.ledger.type")}</Table.HeaderCell>
            <Table.HeaderCell>{t("coopstall.ledger.description")}</Table.HeaderCell>
            <Table.HeaderCell>{t("coopstall.ledger.order")}</Table.HeaderCell>
            <Table.HeaderCell className="text-right">{t("coopstall.money.amount")}</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {(lines.data?.entries ?? []).map((e) => (
            <Table.Row key={e.id} data-testid="ledger-line" data-type={e.type}>
              <Table.Cell className="whitespace-nowrap">{formatDate(e.occurred_at)}</Table.Cell>
              <Table.Cell>
                <Badge size="2xsmall" color={e.amount < 0 ? "orange" : "green"}>
                  {t(`coopstall.ledger.types.${e.type}`, e.type)}
                </Badge>
              </Table.Cell>
              <Table.Cell className="max-w-[360px] truncate" title={e.reason ?? e.description ?? ""}>
                {e.reason ?? e.description ?? "—"}
              </Table.Cell>
              <Table.Cell>{e.order ? `#${e.order.display_id ?? e.order.id}` : "—"}</Table.Cell>
              <Table.Cell className={`whitespace-nowrap text-right ${e.available ? "" : "text-ui-fg-muted"}`}>{formatVnd(e.amount)}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      {lines.data && <Pager count={lines.data.count} limit={LINES} offset={offset} onOffset={setOffset} />}
    </Container>
  )
}

const Remittances = ({ onChanged }: { onChanged: () => void }) => {
  const { t } = useTranslation()
  const list = useAdminGet<{ cod_remittances: Remittance[] }>("/admin/cod-remittances?limit=10")
  const [order, setOrder] = useState("")
  const [carrier, setCarrier] = useState("")
  const [amount, setAmount] = useState("")
  const [reference, setReference] = useState("")
  const [csv, setCsv] = useState("")
  const [busy, setBusy] = useState<string | null>(null)
  const [result, setResult] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)

  const act = async (what: string, run: () => Promise<string>) => {
    setBusy(what)
    setError(null)
    try {
      const message = await run()
      setResult(message)
      toast.success(message)
      list.reload()
      onChanged()
    } catch (err) {
      setError((err as Error).message)
      toast.error(t("coopstall.common.error"), { description: (err as Error).message })
    } finally {
      setBusy(null)
    }
  }

  return (
    <Container className="divide-y p-0" data-testid="remittances">
      <div className="px-6 py-4">
        <Title level="h2">{t("coopstall.remittances.title")}</Title>
        <Text size="small" className="text-ui-fg-subtle">
          {t("coopstall.remittances.subtitle")}
        </Text>
      </div>
      <div className="grid grid-cols-1 gap-4 px-6 py-4 lg:grid-cols-2">
        <form
          className="flex flex-col gap-y-2"
          onSubmit={(e) => {
            e.preventDefault()
            act("record", async () => {
              // The statement import resolves order numbers; a single remittance takes the order id.
              const orderId = order.trim().replace(/^#/, "")
              await adminFetch("/admin/cod-remittances", {
                method: "POST",
                body: { order_id: orderId, carrier: carrier.trim(), amount: Number(amount), ...(reference.trim() ? { reference: reference.trim() } : {}) },
              })
              setOrder("")
              setAmount("")
              setReference("")
              return t("coopstall.remittances.recorded")
            })
          }}
        >
          <Text size="small" weight="plus">
            {t("coopstall.remittances.record")}
          </Text>
          <div className="grid grid-cols-2 gap-2">
            <Field id="remittance-order" label={t("coopstall.remittances.order")} value={order} onChange={setOrder} placeholder="order_…" />
            <Field id="remittance-carrier" label={t("coopstall.remittances.carrier")} value={carrier} onChange={setCarrier} placeholder="Viettel Post" />
            <Field id="remittance-amount" type="number" label={t("coopstall.money.amount")} value={amount} onChange={setAmount} />
            <Field id="remittance-reference" label={t("coopstall.remittances.reference")} value={reference} onChange={setReference} />
          </div>
          <Button size="small" type="submit" data-testid="remittance-submit" disabled={!order.trim() || !carrier.trim() || !(Number(amount) > 0) || !!busy} isLoading={busy === "record"}>
            {t("coopstall.remittances.record")}
          </Button>
        </form>
        <div className="flex flex-col gap-y-2">
          <Text size="small" weight="plus">
            {t("coopstall.remittances.import")}
          </Text>
          <Text size="xsmall" className="text-ui-fg-subtle">
            {t("coopstall.remittances.importHelp")}
          </Text>
          <input
            type="file"
            accept=".csv,text/csv,text/plain"
            data-testid="remittance-file"
            className="txt-small"
            onChange={async (e) => {
              const file = e.target.files?.[0]
              if (file) setCsv(await file.text())
            }}
          />
          <Textarea data-testid="remittance-csv" rows={4} value={csv} onChange={(e) => setCsv(e.target.value)} placeholder={"order,carrier,amount,reference,remitted_at\n#1001,Viettel Post,250000,VTP-123,2026-11-30"} />
          <Button
            size="small"
            variant="secondary"
            data-testid="remittance-import"
            disabled={!csv.trim() || !!busy}
            isLoading={busy === "import"}
            onClick={() =>
              act("import", async () => {
                const { summary, rows } = await adminFetch<{ summary?: Record<string, number>; rows: { status: string }[] }>("/admin/cod-remittances/import", { method: "POST", body: { csv } })
                const count = (s: string) => summary?.[s] ?? rows.filter((r) => r.status === s).length
                setCsv("")
                return t("coopstall.remittances.imported", { recorded: count("recorded"), already: count("already_recorded"), rejected: count("rejected") })
              })
            }
          >
            {t("coopstall.remittances.importButton")}
          </Button>
        </div>
      </div>
      {(result || error) && (
        <Text size="small" className={`px-6 py-2 ${error ? "text-ui-fg-error" : ""}`} data-testid="remittance-result">
          {error ?? result}
        </Text>
      )}
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>{t("coopstall.ledger.order")}</Table.HeaderCell>
            <Table.HeaderCell>{t("coopstall.remittances.carrier")}</Table.HeaderCell>
            <Table.HeaderCell>{t("coopstall.remittances.reference")}</Table.HeaderCell>
            <Table.HeaderCell>{t("coopstall.remittances.remittedAt")}</Table.HeaderCell>
            <Table.HeaderCell className="text-right">{t("coopstall.money.amount")}</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {(list.data?.cod_remittances ?? []).map((r) => (
            <Table.Row key={r.id}>
              <Table.Cell>{r.order?.display_id ? `#${r.order.display_id}` : r.order?.id}</Table.Cell>
              <Table.Cell>{r.carrier}</Table.Cell>
              <Table.Cell>{r.reference ?? "—"}</Table.Cell>
              <Table.Cell>{formatDate(r.remitted_at)}</Table.Cell>
              <Table.Cell className="text-right">{formatVnd(r.amount)}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      {list.data && !list.data.cod_remittances.length && <Text className="px-6 py-4 text-ui-fg-subtle">{t("coopstall.common.empty")}</Text>}
    </Container>
  )
}

export const config = defineRouteConfig({
  label: "coopstall.ledger.title",
  translationNs: "translation",
  icon: BookOpen,
})

export default LedgerPage
