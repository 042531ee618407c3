import { defineRouteConfig } from "@medusajs/admin-sdk"
import { BuildingStorefront } from "@medusajs/icons"
import { Button, Container, Heading, Input, Label, Table, Text } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { DecisionPanel } from "../../components/decision-panel"
import { FilterSelect } from "../../components/filter-select"
import { Pager } from "../../components/pager"
import { Status } from "../../components/status-badge"
import { UnionManagement } from "../../components/union-management"
import { formatDate, query, useAdminGet } from "../../lib/api"

const STATUSES = ["pending", "approved", "rejected", "suspended"]
// The lifecycle (src/modules/cooperative/status.ts): which actions apply to which status.
const ACTIONS: Record<string, string[]> = { pending: ["approve", "reject"], approved: ["suspend"], suspended: ["reinstate"], rejected: [] }
const LIMIT = 20

/** A cooperative as GET /admin/cooperatives answers it (the fields this page shows). */
type Cooperative = {
  id: string
  handle: string
  name: string
  legal_name: string
  tax_code: string
  province: string
  ward: string
  street_address: string
  phone: string
  email: string
  status: string
  status_reason?: string | null
  created_at: string
}

const CooperativesPage = () => {
  const { t } = useTranslation()
  const [status, setStatus] = useState("pending")
  const [provinceInput, setProvinceInput] = useState("")
  const [province, setProvince] = useState("")
  const [offset, setOffset] = useState(0)
  const [selectedId, setSelectedId] = useState<string | null>(null)
  const list = useAdminGet<{ cooperatives: Cooperative[]; count: number }>(`/admin/cooperatives${query({ status, province, limit: LIMIT, offset })}`)
  const selected = useAdminGet<{ cooperative: Cooperative }>(selectedId ? `/admin/cooperatives/${selectedId}` : null)
  const cooperative = selectedId ? selected.data?.cooperative : null

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0">
        <div className="px-6 py-4">
          <Heading level="h1">{t("coopstall.cooperatives.title")}</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {t("coopstall.cooperatives.subtitle")}
          </Text>
        </div>
        <form
          className="flex flex-wrap items-end gap-3 px-6 py-4"
          onSubmit={(e) => {
            e.preventDefault()
            setOffset(0)
            setProvince(provinceInput.trim())
          }}
        >
          <FilterSelect
            id="filter-status"
            label={t("coopstall.common.status")}
            value={status}
            options={STATUSES.map((s) => ({ value: s, label: t(`coopstall.status.${s}`) }))}
            onChange={(v) => {
              setOffset(0)
              setStatus(v)
            }}
          />
          <div className="flex flex-col gap-y-1">
            <Label htmlFor="filter-province" size="xsmall" weight="plus">
              {t("coopstall.common.province")}
            </Label>
            <Input id="filter-province" size="small" value={provinceInput} placeholder={t("coopstall.cooperatives.provincePlaceholder")} onChange={(e) => setProvinceInput(e.target.value)} />
          </div>
          <Button size="small" variant="secondary" type="submit">
            {t("coopstall.common.filter")}
          </Button>
        </form>
        {list.error && (
          <Text className="px-6 py-4 text-ui-fg-error" data-testid="list-error">
            {list.error.message}
          </Text>
        )}
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>{t("coopstall.common.cooperative")}</Table.HeaderCell>
              <Table.HeaderCell>{t("coopstall.common.province")}</Table.HeaderCell>
              <Table.HeaderCell>{t("coopstall.common.status")}</Table.HeaderCell>
              <Table.HeaderCell>{t("coopstall.common.created")}</Table.HeaderCell>
              <Table.HeaderCell />
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {(list.data?.cooperatives ?? []).map((c) => (
              <Table.Row key={c.id} data-testid={`cooperative-${c.handle}`} className={c.id === selectedId ? "bg-ui-bg-highlight" : ""}>
                <Table.Cell>{c.name}</Table.Cell>
                <Table.Cell>{c.province}</Table.Cell>
                <Table.Cell>
                  <Status status={c.status} />
                </Table.Cell>
                <Table.Cell>{formatDate(c.created_at)}</Table.Cell>
                <Table.Cell className="text-right">
                  <Button size="small" variant="transparent" onClick={() => setSelectedId(c.id)}>
                    {t("coopstall.common.open")}
                  </Button>
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
        {list.data && !list.data.cooperatives.length && <Text className="px-6 py-4 text-ui-fg-subtle">{t("coopstall.common.empty")}</Text>}
        {list.data && <Pager count={list.data.count} limit={LIMIT} offset={offset} onOffset={setOffset} />}
      </Container>

      {cooperative && (
        <Container className="flex flex-col gap-y-4 px-6 py-4" data-testid="cooperative-detail">
          <div className="flex items-center justify-between">
            <Heading level="h2">{cooperative.name}</Heading>
            <div className="flex items-center gap-x-2">
              <Status status={cooperative.status} />
              <Button size="small" variant="transparent" onClick={() => setSelectedId(null)}>
                {t("coopstall.common.close")}
              </Button>
            </div>
          </div>
          <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1 text-ui-fg-base txt-small">
            <dt className="text-ui-fg-subtle">{t("coopstall.cooperatives.legalName")}</dt>
            <dd>{cooperative.legal_name}</dd>
            <dt className="text-ui-fg-subtle">{t("coopstall.cooperatives.taxCode")}</dt>
            <dd>{cooperative.tax_code}</dd>
            <dt className="text-ui-fg-subtle">{t("coopstall.common.province")}</dt>
            <dd>
              {cooperative.street_address}, {cooperative.ward}, {cooperative.province}
            </dd>
            <dt className="text-ui-fg-subtle">{t("coopstall.cooperatives.contact")}</dt>
            <dd>
              {cooperative.phone} · {cooperative.email}
            </dd>
            <dt className="text-ui-fg-subtle">{t("coopstall.cooperatives.statusReason")}</dt>
            <dd>{cooperative.status_reason ?? "—"}</dd>
          </dl>
          <DecisionPanel
            key={`${cooperative.id}-${cooperative.status}`}
            basePath={`/admin/cooperatives/${cooperative.id}`}
            field="reason"
            placeholder={t("coopstall.common.reasonPlaceholder")}
            decisions={(ACTIONS[cooperative.status] ?? []).map((action) => ({
              action,
              label: t(`coopstall.cooperatives.actions.${action}`),
              variant: action === "approve" || action === "reinstate" ? "primary" : "danger",
              needsText: action !== "approve",
            }))}
            onDone={() => {
              selected.reload()
              list.reload()
            }}
          />
          <UnionManagement key={`${cooperative.id}-managed`} cooperative={cooperative} onChange={selected.reload} />
        </Container>
      )}
    </div>
  )
}

export const config = defineRouteConfig({
  // Translated through src/admin/i18n (merged into the dashboard's "translation" namespace).
  label: "coopstall.cooperatives.title",
  translationNs: "translation",
  icon: BuildingStorefront,
})

export default CooperativesPage
