import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ReceiptPercent } from "@medusajs/icons"
import { Badge, Button, Container, Input, Label, Select, Table, Text, Textarea, toast } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { useTranslation } from "react-i18next"
import { FilterSelect } from "../../components/filter-select"
import { Pager } from "../../components/pager"
import { Title } from "../../components/title"
import { adminFetch, formatVnd, query, useAdminGet } from "../../lib/api"

const SCOPES = ["default", "cooperative", "category", "cooperative_category"] as const
type Scope = (typeof SCOPES)[number]
const NEEDS: Record<Scope, { cooperative: boolean; category: boolean }> = {
  default: { cooperative: false, category: false },
  cooperative: { cooperative: true, category: false },
  category: { cooperative: false, category: true },
  cooperative_category: { cooperative: true, category: true },
}
const PREVIEW_LIMIT = 20
const HISTORY_LIMIT = 20

/** Basis points as the union reads them: 1250 → "12,5 %". */
const formatRate = (bps: number | null | undefined) =>
  bps === null || bps === undefined ? "—" : `${(bps / 100).toLocaleString("vi-VN", { maximumFractionDigits: 2 })} %`

/** "12,5" or "12.5" → 1250 basis points; null when it is not 0–100 with at most two decimals. */
export const parseRate = (text: string): number | null => {
  const t = text.trim().replace(",", ".")
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(t)) return null
  const bps = Math.round(Number(t) * 100)
  return bps >= 0 && bps <= 10_000 ? bps : null
}

/** Reads again after a rate changed elsewhere on the page (tick > 0). */
const useReloadOn = (tick: number, reload: () => void) =>
  useEffect(() => {
    if (tick) reload()
  }, [tick, reload])

const formatWhen = (value: string) => new Date(value).toLocaleString("vi-VN", { dateStyle: "short", timeStyle: "medium" })

type Named = { id: string; name: string | null; handle?: string | null } | null
type Rule = { id: string; scope: Scope; cooperative_id: string | null; category_id: string | null; cooperative?: Named; category?: Named; rate_bps: number; note: string | null; updated_at: string }

type Option = { id: string; name: string }
type RulesAnswer = { commission_rates: Rule[]; fallback_default_bps: number }
type RateSaved = { change?: unknown }
type PreviewVariant = { id: string; title: string | null; sku: string | null; price: number | null; commission: number | null }
type PreviewProduct = {
  id: string
  title: string
  categories: { id: string; name: string | null }[]
  cooperative?: Named
  rule: { id: string; scope: Scope; cooperative?: Named; category?: Named } | null
  rate_bps: number
  variants: PreviewVariant[]
}
type RateChange = {
  id: string
  action: string
  scope: Scope
  cooperative_id: string | null
  category_id: string | null
  cooperative?: Named
  category?: Named
  actor?: { id: string; email?: string | null } | null
  created_at: string
  old_rate_bps: number | null
  new_rate_bps: number | null
  reason: string | null
}

const targetLabel = (t: (k: string) => string, r: { scope: Scope; cooperative?: Named; category?: Named; cooperative_id?: string | null; category_id?: string | null }) => {
  const coop = r.cooperative?.name ?? r.cooperative_id
  const cat = r.category?.name ?? r.category_id
  switch (r.scope) {
    case "default":
      return t("coopstall.commission.scopes.default")
    case "cooperative":
      return coop ?? "—"
    case "category":
      return cat ?? "—"
    case "cooperative_category":
      return `${coop} · ${cat}`
  }
}

const CommissionRatesPage = () => {
  const { t } = useTranslation()
  const rules = useAdminGet<RulesAnswer>("/admin/commission-rates?limit=100")
  const cooperatives = useAdminGet<{ cooperatives: Option[] }>("/admin/cooperatives?limit=100")
  const categories = useAdminGet<{ product_categories: Option[] }>("/admin/product-categories?limit=100&fields=id,name,handle")
  const [tick, setTick] = useState(0)
  const changed = () => {
    rules.reload()
    setTick((n) => n + 1)
  }
  const coopOptions = (cooperatives.data?.cooperatives ?? []).map((c) => ({ value: c.id, label: c.name }))
  const catOptions = (categories.data?.product_categories ?? []).map((c) => ({ value: c.id, label: c.name }))
  const all: Rule[] = rules.data?.commission_rates ?? []

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0">
        <div className="px-6 py-4">
          <Title level="h1">{t("coopstall.commission.title")}</Title>
          <Text size="small" className="text-ui-fg-subtle">
            {t("coopstall.commission.subtitle")}
          </Text>
          {rules.data && !all.some((r) => r.scope === "default") && (
            <Text size="small" className="pt-1" data-testid="fallback-rate">
              {t("coopstall.commission.fallback", { rate: formatRate(rules.data.fallback_default_bps) })}
            </Text>
          )}
        </div>
        {rules.error && <Text className="px-6 py-4 text-ui-fg-error">{rules.error.message}</Text>}
        {SCOPES.map((scope) => (
          <RuleSection key={scope} scope={scope} rules={all.filter((r) => r.scope === scope)} onChanged={changed} />
        ))}
      </Container>

      <SetRateForm rules={all} coopOptions={coopOptions} catOptions={catOptions} onChanged={changed} />
      <Preview coopOptions={coopOptions} catOptions={catOptions} tick={tick} />
      <History coopOptions={coopOptions} tick={tick} />
    </div>
  )
}

const RuleSection = ({ scope, rules, onChanged }: { scope: Scope; rules: Rule[]; onChanged: () => void }) => {
  const { t } = useTranslation()
  return (
    <div className="px-6 py-4" data-testid={`rules-${scope}`}>
      <Text size="small" weight="plus" className="pb-2">
        {t(`coopstall.commission.sections.${scope}`)}
      </Text>
      {!rules.length ? (
        <Text size="small" className="text-ui-fg-subtle">
          {t("coopstall.commission.noRules")}
        </Text>
      ) : (
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>{t("coopstall.commission.target")}</Table.HeaderCell>
              <Table.HeaderCell className="text-right">{t("coopstall.commission.rate")}</Table.HeaderCell>
              <Table.HeaderCell>{t("coopstall.commission.note")}</Table.HeaderCell>
              <Table.HeaderCell>{t("coopstall.commission.updated")}</Table.HeaderCell>
              <Table.HeaderCell />
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {rules.map((r) => (
              <RuleRow key={r.id} rule={r} onChanged={onChanged} />
            ))}
          </Table.Body>
        </Table>
      )}
    </div>
  )
}

/** One rule, with its change and remove forms folded in (both ask why, for the history). */
const RuleRow = ({ rule, onChanged }: { rule: Rule; onChanged: () => void }) => {
  const { t } = useTranslation()
  const [mode, setMode] = useState<"view" | "change" | "remove">("view")
  const [rate, setRate] = useState("")
  const [reason, setReason] = useState("")
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const bps = parseRate(rate)
  const target = targetLabel(t, rule)

  const submit = async () => {
    setBusy(true)
    setError(null)
    try {
      const body = reason.trim() ? { reason: reason.trim() } : {}
      if (mode === "change") {
        const res = await adminFetch<RateSaved>(`/admin/commission-rates/${rule.id}`, { method: "POST", body: { rate_bps: bps, ...body } })
        toast.success(t(res.change ? "coopstall.commission.saved" : "coopstall.commission.unchanged", { target, rate: formatRate(bps) }))
      } else {
        await adminFetch(`/admin/commission-rates/${rule.id}`, { method: "DELETE", body })
        toast.success(t("coopstall.commission.removed"))
      }
      setMode("view")
      setRate("")
      setReason("")
      onChanged()
    } catch (err) {
      setError((err as Error).message)
      toast.error(t("coopstall.common.error"), { description: (err as Error).message })
    } finally {
      setBusy(false)
    }
  }

  return (
    <>
      <Table.Row data-testid="rule-row" data-scope={rule.scope} data-cooperative={rule.cooperative?.handle ?? ""} data-category={rule.category_id ?? ""}>
        <Table.Cell>{target}</Table.Cell>
        <Table.Cell className="text-right font-medium" data-testid="rule-rate">
          {formatRate(rule.rate_bps)}
        </Table.Cell>
        <Table.Cell className="max-w-[240px] truncate" title={rule.note ?? ""}>
          {rule.note ?? "—"}
        </Table.Cell>
        <Table.Cell className="whitespace-nowrap">{formatWhen(rule.updated_at)}</Table.Cell>
        <Table.Cell className="whitespace-nowrap text-right">
          <Button size="small" variant="transparent" data-testid="rule-change" onClick={() => setMode(mode === "change" ? "view" : "change")}>
            {t("coopstall.commission.change")}
          </Button>
          <Button size="small" variant="transparent" data-testid="rule-remove" onClick={() => setMode(mode === "remove" ? "view" : "remove")}>
            {t("coopstall.commission.remove")}
          </Button>
        </Table.Cell>
      </Table.Row>
      {mode !== "view" && (
        <Table.Row data-testid="rule-form">
          <td colSpan={5} className="px-3">
            <div className="flex flex-wrap items-end gap-3 py-2">
              {mode === "change" ? (
                <div className="flex flex-col gap-y-1">
                  <Label size="xsmall" weight="plus" htmlFor={`rate-${rule.id}`}>
                    {t("coopstall.commission.ratePercent")}
                  </Label>
                  <Input id={`rate-${rule.id}`} data-testid="rule-rate-input" size="small" className="w-28" value={rate} placeholder={String(rule.rate_bps / 100)} onChange={(e) => setRate(e.target.value)} />
                </div>
              ) : (
                <Text size="small" className="text-ui-fg-subtle">
                  {t("coopstall.commission.removeHelp")}
                </Text>
              )}
              <div className="flex min-w-[280px] flex-1 flex-col gap-y-1">
                <Label size="xsmall" weight="plus">
                  {t("coopstall.commission.reason")}
                </Label>
                <Input data-testid="rule-reason" size="small" value={reason} placeholder={t("coopstall.commission.reasonPlaceholder")} onChange={(e) => setReason(e.target.value)} />
              </div>
              <Button size="small" variant={mode === "remove" ? "danger" : "primary"} data-testid="rule-submit" isLoading={busy} disabled={busy || (mode === "change" && bps === null)} onClick={submit}>
                {t(mode === "remove" ? "coopstall.commission.remove" : "coopstall.commission.save")}
              </Button>
              <Button size="small" variant="secondary" onClick={() => setMode("view")}>
                {t("coopstall.commission.cancel")}
              </Button>
            </div>
            {error && (
              <Text size="small" className="text-ui-fg-error" data-testid="rule-error">
                {error}
              </Text>
            )}
          </td>
        </Table.Row>
      )}
    </>
  )
}

/** A labelled select without an "all" entry (a target must be chosen). */
const Choice = ({ id, label, placeholder, value, options, onChange }: { id: string; label: string; placeholder: string; value: string; options: { value: string; label: string }[]; onChange: (v: string) => void }) => (
  <div className="flex flex-col gap-y-1">
    <Label htmlFor={id} size="xsmall" weight="plus">
      {label}
    </Label>
    <Select value={value} onValueChange={onChange}>
      <Select.Trigger id={id} data-testid={id} className="w-64">
        <Select.Value placeholder={placeholder} />
      </Select.Trigger>
      <Select.Content>
        {options.map((o) => (
          <Select.Item key={o.value} value={o.value}>
            {o.label}
          </Select.Item>
        ))}
      </Select.Content>
    </Select>
  </div>
)

type Options = { value: string; label: string }[]

/** Sets the rate of any target: creates its rule, or changes the one it has. */
const SetRateForm = ({ rules, coopOptions, catOptions, onChanged }: { rules: Rule[]; coopOptions: Options; catOptions: Options; onChanged: () => void }) => {
  const { t } = useTranslation()
  const [scope, setScope] = useState<Scope>("cooperative_category")
  const [cooperativeId, setCooperativeId] = useState("")
  const [categoryId, setCategoryId] = useState("")
  const [rate, setRate] = useState("")
  const [reason, setReason] = useState("")
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const needs = NEEDS[scope]
  const bps = parseRate(rate)
  const ready = bps !== null && (!needs.cooperative || cooperativeId) && (!needs.category || categoryId)
  const coopId = needs.cooperative ? cooperativeId : null
  const catId = needs.category ? categoryId : null
  const existing = rules.find((r) => r.scope === scope && (r.cooperative_id ?? null) === coopId && (r.category_id ?? null) === catId)
  const target = targetLabel(t, {
    scope,
    cooperative: coopId ? { id: coopId, name: coopOptions.find((o) => o.value === coopId)?.label ?? coopId } : null,
    category: catId ? { id: catId, name: catOptions.find((o) => o.value === catId)?.label ?? catId } : null,
  })

  const submit = async () => {
    setBusy(true)
    setError(null)
    try {
      const why = reason.trim() ? { reason: reason.trim() } : {}
      const res = existing
        ? await adminFetch<RateSaved>(`/admin/commission-rates/${existing.id}`, { method: "POST", body: { rate_bps: bps, ...why } })
        : await adminFetch<RateSaved>("/admin/commission-rates", {
            method: "POST",
            body: { scope, ...(coopId ? { cooperative_id: coopId } : {}), ...(catId ? { category_id: catId } : {}), rate_bps: bps, ...why },
          })
      toast.success(t(res.change ? "coopstall.commission.saved" : "coopstall.commission.unchanged", { target, rate: formatRate(bps) }))
      setRate("")
      setReason("")
      onChanged()
    } catch (err) {
      setError((err as Error).message)
      toast.error(t("coopstall.common.error"), { description: (err as Error).message })
    } finally {
      setBusy(false)
    }
  }

  return (
    <Container className="flex flex-col gap-y-3 px-6 py-4" data-testid="set-rate">
      <div>
        <Title level="h2">{t("coopstall.commission.set")}</Title>
        <Text size="small" className="text-ui-fg-subtle">
          {t("coopstall.commission.setHelp")}
        </Text>
      </div>
      <div className="flex flex-wrap items-end gap-3">
        <Choice
          id="set-scope"
          label={t("coopstall.commission.scope")}
          placeholder=""
          value={scope}
          options={SCOPES.map((s) => ({ value: s, label: t(`coopstall.commission.scopes.${s}`) }))}
          onChange={(v) => setScope(v as Scope)}
        />
        {needs.cooperative && (
          <Choice id="set-cooperative" label={t("coopstall.common.cooperative")} placeholder={t("coopstall.commission.chooseCooperative")} value={cooperativeId} options={coopOptions} onChange={setCooperativeId} />
        )}
        {needs.category && (
          <Choice id="set-category" label={t("coopstall.commission.category")} placeholder={t("coopstall.commission.chooseCategory")} value={categoryId} options={catOptions} onChange={setCategoryId} />
        )}
        <div className="flex flex-col gap-y-1">
          <Label htmlFor="set-rate-input" size="xsmall" weight="plus">
            {t("coopstall.commission.ratePercent")}
          </Label>
          <Input id="set-rate-input" data-testid="set-rate-input" size="small" className="w-28" value={rate} placeholder={existing ? String(existing.rate_bps / 100) : "10"} onChange={(e) => setRate(e.target.value)} />
        </div>
      </div>
      <Text size="xsmall" className={rate.trim() && bps === null ? "text-ui-fg-error" : "text-ui-fg-muted"}>
        {rate.trim() && bps === null ? t("coopstall.commission.rateInvalid") : t("coopstall.commission.rateHelp")}
        {existing ? ` ${t("coopstall.commission.rate")}: ${formatRate(existing.rate_bps)}.` : ""}
      </Text>
      <div className="flex flex-col gap-y-1">
        <Label htmlFor="set-reason" size="xsmall" weight="plus">
          {t("coopstall.commission.reason")}
        </Label>
        <Textarea id="set-reason" data-testid="set-reason" rows={2} value={reason} placeholder={t("coopstall.commission.reasonPlaceholder")} onChange={(e) => setReason(e.target.value)} />
      </div>
      {error && (
        <Text size="small" className="text-ui-fg-error" data-testid="set-error">
          {error}
        </Text>
      )}
      <div>
        <Button size="small" data-testid="set-submit" disabled={!ready || busy} isLoading={busy} onClick={submit}>
          {t("coopstall.commission.save")}
        </Button>
      </div>
    </Container>
  )
}

const Preview = ({ coopOptions, catOptions, tick }: { coopOptions: Options; catOptions: Options; tick: number }) => {
  const { t } = useTranslation()
  const [cooperativeId, setCooperativeId] = useState("")
  const [categoryId, setCategoryId] = useState("")
  const [words, setWords] = useState("")
  const [q, setQ] = useState("")
  const [offset, setOffset] = useState(0)
  const filter = (set: (v: string) => void) => (v: string) => {
    set(v)
    setOffset(0)
  }
  const preview = useAdminGet<{ products: PreviewProduct[]; count: number }>(`/admin/commission-rates/preview${query({ cooperative_id: cooperativeId, category_id: categoryId, q, limit: PREVIEW_LIMIT, offset })}`)
  useReloadOn(tick, preview.reload)
  const products = preview.data?.products ?? []

  return (
    <Container className="divide-y p-0" data-testid="preview">
      <div className="px-6 py-4">
        <Title level="h2">{t("coopstall.commission.preview")}</Title>
        <Text size="small" className="text-ui-fg-subtle">
          {t("coopstall.commission.previewHelp")}
        </Text>
      </div>
      <form
        className="flex flex-wrap items-end gap-3 px-6 py-4"
        onSubmit={(e) => {
          e.preventDefault()
          setQ(words.trim())
          setOffset(0)
        }}
      >
        <FilterSelect id="preview-cooperative" label={t("coopstall.common.cooperative")} value={cooperativeId} options={coopOptions} onChange={filter(setCooperativeId)} />
        <FilterSelect id="preview-category" label={t("coopstall.commission.category")} value={categoryId} options={catOptions} onChange={filter(setCategoryId)} />
        <div className="flex flex-col gap-y-1">
          <Label htmlFor="preview-q" size="xsmall" weight="plus">
            {t("coopstall.commission.searchProducts")}
          </Label>
          <Input id="preview-q" data-testid="preview-q" size="small" value={words} onChange={(e) => setWords(e.target.value)} />
        </div>
        <Button size="small" variant="secondary" type="submit" data-testid="preview-search">
          {t("coopstall.common.search")}
        </Button>
      </form>
      {preview.error && <Text className="px-6 py-4 text-ui-fg-error">{preview.error.message}</Text>}
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>{t("coopstall.common.product")}</Table.HeaderCell>
            <Table.HeaderCell>{t("coopstall.common.cooperative")}</Table.HeaderCell>
            <Table.HeaderCell>{t("coopstall.commission.rule")}</Table.HeaderCell>
            <Table.HeaderCell className="text-right">{t("coopstall.commission.rate")}</Table.HeaderCell>
            <Table.HeaderCell>{t("coopstall.commission.variant")}</Table.HeaderCell>
            <Table.HeaderCell className="text-right">{t("coopstall.commission.price")}</Table.HeaderCell>
            <Table.HeaderCell className="text-right">{t("coopstall.commission.unitCommission")}</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {products.map((p) => (
            <Table.Row key={p.id} data-testid="preview-row" data-product={p.id} className="align-top">
              <Table.Cell>
                <div className="flex flex-col">
                  <span>{p.title}</span>
                  <span className="txt-compact-xsmall text-ui-fg-muted">{p.categories.map((c) => c.name ?? c.id).join(", ")}</span>
                </div>
              </Table.Cell>
              <Table.Cell>{p.cooperative?.name ?? "—"}</Table.Cell>
              <Table.Cell data-testid="preview-rule" data-scope={p.rule?.scope ?? "fallback"}>
                {p.rule ? (
                  <div className="flex flex-col">
                    <Badge size="2xsmall" className="w-fit">
                      {t(`coopstall.commission.scopes.${p.rule.scope}`)}
                    </Badge>
                    <span className="txt-compact-xsmall text-ui-fg-subtle">{p.rule.scope === "default" ? "" : targetLabel(t, p.rule)}</span>
                  </div>
                ) : (
                  <Badge size="2xsmall" color="grey">
                    {t("coopstall.commission.fallbackRule")}
                  </Badge>
                )}
              </Table.Cell>
              <Table.Cell className="text-right font-medium" data-testid="preview-rate">
                {formatRate(p.rate_bps)}
              </Table.Cell>
              <Table.Cell>
                {p.variants.map((v) => (
                  <div key={v.id}>{v.title ?? v.sku}</div>
                ))}
              </Table.Cell>
              <Table.Cell className="whitespace-nowrap text-right">
                {p.variants.map((v) => (
                  <div key={v.id}>{v.price === null ? t("coopstall.commission.noPrice") : formatVnd(v.price)}</div>
                ))}
              </Table.Cell>
              <Table.Cell className="whitespace-nowrap text-right">
                {p.variants.map((v) => (
                  <div key={v.id} data-testid="preview-commission" data-sku={v.sku ?? ""}>
                    {formatVnd(v.commission)}
                  </div>
                ))}
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      {preview.data && !products.length && <Text className="px-6 py-4 text-ui-fg-subtle">{t("coopstall.common.empty")}</Text>}
      {preview.data && <Pager count={preview.data.count} limit={PREVIEW_LIMIT} offset={offset} onOffset={setOffset} />}
    </Container>
  )
}

const History = ({ coopOptions, tick }: { coopOptions: Options; tick: number }) => {
  const { t } = useTranslation()
  const [scope, setScope] = useState("")
  const [cooperativeId, setCooperativeId] = useState("")
  const [offset, setOffset] = useState(0)
  const history = useAdminGet<{ changes: RateChange[]; count: number }>(`/admin/commission-rates/history${query({ scope, cooperative_id: cooperativeId, limit: HISTORY_LIMIT, offset })}`)
  useReloadOn(tick, history.reload)
  const changes = history.data?.changes ?? []

  return (
    <Container className="divide-y p-0" data-testid="history">
      <div className="px-6 py-4">
        <Title level="h2">{t("coopstall.commission.history")}</Title>
        <Text size="small" className="text-ui-fg-subtle">
          {t("coopstall.commission.historyHelp")}
        </Text>
      </div>
      <div className="flex flex-wrap items-end gap-3 px-6 py-4">
        <FilterSelect
          id="history-scope"
          label={t("coopstall.commission.scope")}
          value={scope}
          options={SCOPES.map((s) => ({ value: s, label: t(`coopstall.commission.scopes.${s}`) }))}
          onChange={(v) => {
            setScope(v)
            setOffset(0)
          }}
        />
        <FilterSelect
          id="history-cooperative"
          label={t("coopstall.common.cooperative")}
          value={cooperativeId}
          options={coopOptions}
          onChange={(v) => {
            setCooperativeId(v)
            setOffset(0)
          }}
        />
      </div>
      {history.error && <Text className="px-6 py-4 text-ui-fg-error">{history.error.message}</Text>}
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>{t("coopstall.commission.when")}</Table.HeaderCell>
            <Table.HeaderCell>{t("coopstall.commission.who")}</Table.HeaderCell>
            <Table.HeaderCell>{t("coopstall.commission.target")}</Table.HeaderCell>
            <Table.HeaderCell className="text-right">{t("coopstall.commission.before")}</Table.HeaderCell>
            <Table.HeaderCell className="text-right">{t("coopstall.commission.after")}</Table.HeaderCell>
            <Table.HeaderCell>{t("coopstall.commission.reason")}</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {changes.map((c) => (
            <Table.Row key={c.id} data-testid="history-row" data-action={c.action} data-scope={c.scope} data-cooperative={c.cooperative?.handle ?? ""}>
              <Table.Cell className="whitespace-nowrap">{formatWhen(c.created_at)}</Table.Cell>
              <Table.Cell data-testid="history-actor">{c.actor?.email ?? c.actor?.id ?? "—"}</Table.Cell>
              <Table.Cell>
                <div className="flex flex-col">
                  <span>{targetLabel(t, c)}</span>
                  <span className="txt-compact-xsmall text-ui-fg-muted">
                    {t(`coopstall.commission.scopes.${c.scope}`)} · {t(`coopstall.commission.actions.${c.action}`)}
                  </span>
                </div>
              </Table.Cell>
              <Table.Cell className="text-right" data-testid="history-old">
                {formatRate(c.old_rate_bps)}
              </Table.Cell>
              <Table.Cell className="text-right font-medium" data-testid="history-new">
                {formatRate(c.new_rate_bps)}
              </Table.Cell>
              <Table.Cell className="max-w-[320px]" data-testid="history-reason">
                {c.reason ?? "—"}
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      {history.data && !changes.length && <Text className="px-6 py-4 text-ui-fg-subtle">{t("coopstall.common.empty")}</Text>}
      {history.data && <Pager count={history.data.count} limit={HISTORY_LIMIT} offset={offset} onOffset={setOffset} />}
    </Container>
  )
}

export const config = defineRouteConfig({
  label: "coopstall.commission.title",
  translationNs: "translation",
  icon: ReceiptPercent,
})

export default CommissionRatesPage
