import { defineRouteConfig } from "@medusajs/admin-sdk"
import { CurrencyDollar } from "@medusajs/icons"
import { Badge, Button, Container, Table, Text, Textarea, toast } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { Field } from "../../components/field"
import { Title } from "../../components/title"
import { FilterSelect } from "../../components/filter-select"
import { Pager } from "../../components/pager"
import { Status } from "../../components/status-badge"
import { adminFetch, backendUrl, formatDate, formatVnd, query, useAdminGet } from "../../lib/api"

const STATUSES = ["pending", "processing", "paid", "failed"]

type Money = number | string
type NamedCooperative = { id?: string; name: string; handle: string } | null
type PreviewPaid = { cooperative_id: string; cooperative?: NamedCooperative; provider: string; amount: Money }
type PreviewSkipped = { cooperative_id: string; cooperative?: NamedCooperative; reason: string; available: Money }
type RunPreview = {
  period: string
  start: string
  cutoff_at: string
  minimum: Money
  run: { status: string } | null
  can_run: boolean
  payout_total: Money
  payouts: PreviewPaid[]
  skipped: PreviewSkipped[]
}
type PayoutRun = {
  id: string
  period: string
  status: string
  payout_count: number
  payout_total: Money
  skipped: { cooperative_id: string; cooperative?: NamedCooperative; message: string }[]
}
type Payout = {
  id: string
  cooperative_id: string
  cooperative?: NamedCooperative
  period: string
  provider: string
  status: string
  amount: Money
  bank_account?: { account_holder?: string | null; bin: string; account_number: string } | null
  transfer_message?: string | null
  reference?: string | null
  paid_at?: string | null
  failed_at?: string | null
  failure_reason?: string | null
  /** From the payout's method: who confirms it (the union's desk, or the provider's webhook) and what the desk may do now. */
  settled_by: "union" | "provider" | null
  admin_actions: ("scan_qr" | "mark_paid" | "mark_failed")[]
}
const LIMIT = 20

const PayoutsPage = () => {
  const { t } = useTranslation()
  const preview = useAdminGet<{ preview: RunPreview }>("/admin/payout-runs/preview")
  const runs = useAdminGet<{ payout_runs: PayoutRun[] }>("/admin/payout-runs?limit=10")
  const cooperatives = useAdminGet<{ cooperatives: { id: string; name: string }[] }>("/admin/cooperatives?status=approved&limit=100")
  const [status, setStatus] = useState("")
  const [cooperativeId, setCooperativeId] = useState("")
  const [periodInput, setPeriodInput] = useState("")
  const [period, setPeriod] = useState("")
  const [offset, setOffset] = useState(0)
  const [selectedId, setSelectedId] = useState<string | null>(null)
  const [running, setRunning] = useState(false)
  const list = useAdminGet<{ payouts: Payout[]; count: number }>(`/admin/payouts${query({ status, cooperative_id: cooperativeId, period, limit: LIMIT, offset })}`)
  const selected = useAdminGet<{ payout: Payout }>(selectedId ? `/admin/payouts/${selectedId}` : null)
  const p = preview.data?.preview

  const reloadAll = () => {
    preview.reload()
    runs.reload()
    list.reload()
    if (selectedId) selected.reload()
  }

  const startRun = async () => {
    setRunning(true)
    try {
      const { payout_run } = await adminFetch<{ payout_run: PayoutRun }>("/admin/payout-runs", { method: "POST", body: { period: p!.period } })
      toast.success(t("coopstall.payouts.runStarted", { period: payout_run.period, count: payout_run.payout_count, total: formatVnd(payout_run.payout_total) }))
      setOffset(0)
      setPeriod(payout_run.period)
      setPeriodInput(payout_run.period)
      reloadAll()
    } catch (err) {
      toast.error(t("coopstall.common.error"), { description: (err as Error).message })
    } finally {
      setRunning(false)
    }
  }

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0" data-testid="payout-preview">
        <div className="px-6 py-4">
          <Title level="h1">{t("coopstall.payouts.title")}</Title>
          <Text size="small" className="text-ui-fg-subtle">
            {t("coopstall.payouts.subtitle")}
          </Text>
        </div>
        {preview.error && <Text className="px-6 py-4 text-ui-fg-error">{preview.error.message}</Text>}
        {p && (
          <>
            <div className="flex flex-wrap items-center justify-between gap-3 px-6 py-4">
              <div className="flex flex-col gap-y-1">
                <Title level="h2" data-testid="preview-period">
                  {t("coopstall.payouts.nextRun", { period: p.period })}
                </Title>
                <Text size="small" className="text-ui-fg-subtle">
                  {t("coopstall.payouts.periodRange", { start: formatDate(p.start), end: formatDate(new Date(new Date(p.cutoff_at).getTime() - 1).toISOString()) })}{" "}
                  {t("coopstall.payouts.minimum", { amount: formatVnd(p.minimum) })}
                </Text>
                {p.run && (
                  <Text size="small">
                    {t("coopstall.payouts.runStatus", { status: t(`coopstall.status.${p.run.status}`, p.run.status) })}
                  </Text>
                )}
              </div>
              <Button size="small" data-testid="start-run" disabled={!p.can_run} isLoading={running} onClick={startRun}>
                {t("coopstall.payouts.startRun", { period: p.period })}
              </Button>
            </div>
            <div className="grid grid-cols-1 gap-4 px-6 py-4 lg:grid-cols-2">
              <div className="flex flex-col gap-y-2" data-testid="preview-paid">
                <Text size="small" weight="plus">
                  {t("coopstall.payouts.wouldPay")} · {formatVnd(p.payout_total)}
                </Text>
                {!p.payouts.length && (
                  <Text size="small" className="text-ui-fg-subtle">
                    {t("coopstall.payouts.nobody")}
                  </Text>
                )}
                {p.payouts.map((r) => (
                  <div key={r.cooperative_id} className="flex items-center justify-between gap-x-2 txt-small" data-testid="preview-paid-row" data-cooperative={r.cooperative?.handle}>
                    <span>{r.cooperative?.name ?? r.cooperative_id}</span>
                    <span className="flex items-center gap-x-2">
                      <Badge size="2xsmall">{t(`coopstall.money.providers.${r.provider}`)}</Badge>
                      <span className="font-medium">{formatVnd(r.amount)}</span>
                    </span>
                  </div>
                ))}
              </div>
              <div className="flex flex-col gap-y-2" data-testid="preview-skipped">
                <Text size="small" weight="plus">
                  {t("coopstall.payouts.wouldSkip")}
                </Text>
                {p.skipped.map((r) => (
                  <div key={r.cooperative_id} className="flex items-center justify-between gap-x-2 txt-small" data-testid="preview-skipped-row" data-cooperative={r.cooperative?.handle} data-reason={r.reason}>
                    <span>{r.cooperative?.name ?? r.cooperative_id}</span>
                    <span className="flex items-center gap-x-2">
                      <Badge size="2xsmall" color={r.reason === "owes_commission" ? "red" : "orange"}>
                        {t(`coopstall.payouts.skip.${r.reason}`, r.reason)}
                      </Badge>
                      <span>{formatVnd(r.available)}</span>
                    </span>
                  </div>
                ))}
              </div>
            </div>
          </>
        )}
      </Container>

      <Container className="divide-y p-0">
        <div className="px-6 py-4">
          <Title level="h2">{t("coopstall.payouts.runs")}</Title>
        </div>
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>{t("coopstall.money.period")}</Table.HeaderCell>
              <Table.HeaderCell>{t("coopstall.common.status")}</Table.HeaderCell>
              <Table.HeaderCell className="text-right">{t("coopstall.payouts.payoutCount")}</Table.HeaderCell>
              <Table.HeaderCell className="text-right">{t("coopstall.payouts.payoutTotal")}</Table.HeaderCell>
              <Table.HeaderCell className="text-right">{t("coopstall.payouts.skippedCount")}</Table.HeaderCell>
              <Table.HeaderCell />
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {(runs.data?.payout_runs ?? []).map((r) => (
              <Table.Row key={r.id} data-testid={`run-${r.period}`}>
                <Table.Cell>{r.period}</Table.Cell>
                <Table.Cell>
                  <Status status={r.status} />
                </Table.Cell>
                <Table.Cell className="text-right">{r.payout_count}</Table.Cell>
                <Table.Cell className="text-right">{formatVnd(r.payout_total)}</Table.Cell>
                <Table.Cell className="text-right" title={r.skipped.map((s) => `${s.cooperative?.name ?? s.cooperative_id}: ${s.message}`).join("\n")}>
                  {r.skipped.length}
                </Table.Cell>
                <Table.Cell className="text-right">
                  <Button
                    size="small"
                    variant="transparent"
                    onClick={() => {
                      setOffset(0)
                      setPeriod(r.period)
                      setPeriodInput(r.period)
                    }}
                  >
                    {t("coopstall.payouts.showPayouts")}
                  </Button>
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
        {runs.data && !runs.data.payout_runs.length && <Text className="px-6 py-4 text-ui-fg-subtle">{t("coopstall.common.empty")}</Text>}
      </Container>

      <Container className="divide-y p-0">
        <div className="px-6 py-4">
          <Title level="h2">{t("coopstall.payouts.list")}</Title>
        </div>
        <form
          className="flex flex-wrap items-end gap-3 px-6 py-4"
          onSubmit={(e) => {
            e.preventDefault()
            setOffset(0)
            setPeriod(periodInput.trim())
          }}
        >
          <FilterSelect
            id="filter-status"
            label={t("coopstall.common.status")}
            value={status}
            options={STATUSES.map((s) => ({ value: s, label: t(`coopstall.payouts.statuses.${s}`) }))}
            onChange={(v) => {
              setOffset(0)
              setStatus(v)
            }}
          />
          <FilterSelect
            id="filter-cooperative"
            label={t("coopstall.common.cooperative")}
            value={cooperativeId}
            options={(cooperatives.data?.cooperatives ?? []).map((c) => ({ value: c.id, label: c.name }))}
            onChange={(v) => {
              setOffset(0)
              setCooperativeId(v)
            }}
          />
          <Field id="filter-period" label={t("coopstall.money.period")} value={periodInput} placeholder={t("coopstall.payouts.periodPlaceholder")} onChange={setPeriodInput} />
          <Button size="small" variant="secondary" type="submit">
            {t("coopstall.common.filter")}
          </Button>
        </form>
        {list.error && <Text className="px-6 py-4 text-ui-fg-error">{list.error.message}</Text>}
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>{t("coopstall.common.cooperative")}</Table.HeaderCell>
              <Table.HeaderCell>{t("coopstall.money.period")}</Table.HeaderCell>
              <Table.HeaderCell>{t("coopstall.money.provider")}</Table.HeaderCell>
              <Table.HeaderCell>{t("coopstall.common.status")}</Table.HeaderCell>
              <Table.HeaderCell className="text-right">{t("coopstall.money.amount")}</Table.HeaderCell>
              <Table.HeaderCell />
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {(list.data?.payouts ?? []).map((po) => (
              <Table.Row key={po.id} data-testid="payout-row" data-cooperative={po.cooperative?.handle} className={po.id === selectedId ? "bg-ui-bg-highlight" : ""}>
                <Table.Cell>{po.cooperative?.name ?? po.cooperative_id}</Table.Cell>
                <Table.Cell>{po.period}</Table.Cell>
                <Table.Cell>{t(`coopstall.money.providers.${po.provider}`)}</Table.Cell>
                <Table.Cell>
                  <Status status={po.status} labels="payouts.statuses" />
                </Table.Cell>
                <Table.Cell className="text-right">{formatVnd(po.amount)}</Table.Cell>
                <Table.Cell className="text-right">
                  <Button size="small" variant="transparent" onClick={() => setSelectedId(po.id)}>
                    {t("coopstall.common.open")}
                  </Button>
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
        {list.data && !list.data.payouts.length && <Text className="px-6 py-4 text-ui-fg-subtle">{t("coopstall.common.empty")}</Text>}
        {list.data && <Pager count={list.data.count} limit={LIMIT} offset={offset} onOffset={setOffset} />}
      </Container>

      {selectedId && selected.data?.payout && <PayoutDetail payout={selected.data.payout} onClose={() => setSelectedId(null)} onDone={reloadAll} />}
    </div>
  )
}

const PayoutDetail = ({ payout, onClose, onDone }: { payout: Payout; onClose: () => void; onDone: () => void }) => {
  const { t } = useTranslation()
  const [reference, setReference] = useState("")
  const [reason, setReason] = useState("")
  const [busy, setBusy] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const byUnion = payout.settled_by === "union"
  const can = (action: Payout["admin_actions"][number]) => payout.admin_actions.includes(action)

  const decide = async (action: "mark-paid" | "mark-failed") => {
    setBusy(action)
    setError(null)
    try {
      await adminFetch(`/admin/payouts/${payout.id}/${action}`, { method: "POST", body: action === "mark-paid" ? { reference: reference.trim() } : { reason: reason.trim() } })
      toast.success(t("coopstall.common.done"))
      setReference("")
      setReason("")
      onDone()
    } catch (err) {
      setError((err as Error).message)
      toast.error(t("coopstall.common.error"), { description: (err as Error).message })
    } finally {
      setBusy(null)
    }
  }

  return (
    <Container className="flex flex-col gap-y-4 px-6 py-4" data-testid="payout-detail">
      <div className="flex items-center justify-between">
        <Title level="h2">
          {payout.cooperative?.name ?? payout.cooperative_id} · {payout.period}
        </Title>
        <div className="flex items-center gap-x-2">
          <Status status={payout.status} labels="payouts.statuses" />
          <Button size="small" variant="transparent" onClick={onClose}>
            {t("coopstall.common.close")}
          </Button>
        </div>
      </div>
      <div className="flex flex-wrap gap-6">
        <dl className="grid flex-1 grid-cols-[max-content_1fr] content-start gap-x-6 gap-y-1 txt-small">
          <dt className="text-ui-fg-subtle">{t("coopstall.money.amount")}</dt>
          <dd data-testid="payout-amount" className="font-medium">
            {formatVnd(payout.amount)}
          </dd>
          <dt className="text-ui-fg-subtle">{t("coopstall.money.provider")}</dt>
          <dd>{t(`coopstall.money.providers.${payout.provider}`)}</dd>
          {byUnion && payout.bank_account && (
            <>
              <dt className="text-ui-fg-subtle">{t("coopstall.payouts.bankAccount")}</dt>
              <dd>
                {payout.bank_account.account_holder ?? "—"} · {payout.bank_account.bin} · {payout.bank_account.account_number}
              </dd>
              <dt className="text-ui-fg-subtle">{t("coopstall.payouts.transferMessage")}</dt>
              <dd className="font-mono">{payout.transfer_message}</dd>
            </>
          )}
          {payout.settled_by === "provider" && (
            <>
              <dt className="text-ui-fg-subtle">{t(`coopstall.money.providers.${payout.provider}`)}</dt>
              <dd data-testid="stripe-state">
                {t("coopstall.payouts.stripeState", { status: t(`coopstall.status.${payout.status}`, payout.status) })}
                {payout.reference ? ` · ${payout.reference}` : ""}
              </dd>
            </>
          )}
          {payout.status === "paid" && (
            <>
              <dt className="text-ui-fg-subtle">{t("coopstall.status.paid")}</dt>
              <dd data-testid="payout-paid">{t("coopstall.payouts.paidWith", { date: formatDate(payout.paid_at), reference: payout.reference ?? "—" })}</dd>
            </>
          )}
          {payout.status === "failed" && (
            <>
              <dt className="text-ui-fg-subtle">{t("coopstall.status.failed")}</dt>
              <dd>{t("coopstall.payouts.failedWith", { date: formatDate(payout.failed_at), reason: payout.failure_reason ?? "—" })}</dd>
            </>
          )}
        </dl>
        {can("scan_qr") && (
          <figure className="flex flex-col items-center gap-y-1">
            <img
              data-testid="payout-qr"
              src={backendUrl(`/admin/payouts/${payout.id}/qr?format=png&size=256`)}
              alt={`VietQR ${payout.transfer_message}`}
              width={200}
              height={200}
              className="rounded border border-ui-border-base bg-white"
            />
            <figcaption className="max-w-[220px] text-center txt-compact-xsmall text-ui-fg-subtle">{t("coopstall.payouts.qrHelp")}</figcaption>
          </figure>
        )}
      </div>
      {(can("mark_paid") || can("mark_failed")) && (
        <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
          <div className="flex flex-col gap-y-2">
            <Field id="payout-reference" label={t("coopstall.payouts.reference")} value={reference} placeholder={t("coopstall.payouts.referencePlaceholder")} onChange={setReference} />
            <Button size="small" data-testid="mark-paid" disabled={!reference.trim() || !!busy} isLoading={busy === "mark-paid"} onClick={() => decide("mark-paid")}>
              {t("coopstall.payouts.markPaid")}
            </Button>
          </div>
          <div className="flex flex-col gap-y-2">
            <Text size="xsmall" weight="plus">
              {t("coopstall.payouts.failureReason")}
            </Text>
            <Textarea data-testid="payout-failure-reason" value={reason} onChange={(e) => setReason(e.target.value)} rows={2} />
            <Button size="small" variant="danger" data-testid="mark-failed" disabled={!reason.trim() || !!busy} isLoading={busy === "mark-failed"} onClick={() => decide("mark-failed")}>
              {t("coopstall.payouts.markFailed")}
            </Button>
          </div>
        </div>
      )}
      {error && (
        <Text size="small" className="text-ui-fg-error" data-testid="payout-error">
          {error}
        </Text>
      )}
    </Container>
  )
}

export const config = defineRouteConfig({
  label: "coopstall.payouts.title",
  translationNs: "translation",
  icon: CurrencyDollar,
})

export default PayoutsPage
