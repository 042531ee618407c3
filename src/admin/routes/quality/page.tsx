import { defineRouteConfig } from "@medusajs/admin-sdk"
import { BadgeCheck } from "@medusajs/icons"
import { Button, Container, Heading, Table, Tabs, Text } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { DecisionPanel } from "../../components/decision-panel"
import { FilterSelect } from "../../components/filter-select"
import { Pager } from "../../components/pager"
import { Status } from "../../components/status-badge"
import { formatDate, query, useAdminGet } from "../../lib/api"

type Kind = "ocop-ratings" | "certificates"
const STATUSES = ["submitted", "verified", "rejected", "revoked", "expired", "superseded"]
// The review cycle (src/modules/certification/lifecycle.ts): what the union can do from each status.
const ACTIONS: Record<string, string[]> = { submitted: ["verify", "reject"], verified: ["revoke"] }
const LIMIT = 20
const IMAGE = /\.(png|jpe?g|webp|gif)(\?.*)?$/i

const Evidence = ({ url }: { url: string }) => {
  const { t } = useTranslation()
  return (
    <div className="flex flex-col gap-y-2" data-testid="evidence">
      <Text size="small" weight="plus">
        {t("coopstall.quality.evidence")}
      </Text>
      {IMAGE.test(url) && <img src={url} alt={t("coopstall.quality.evidence")} className="max-h-64 max-w-full rounded border object-contain" />}
      <a href={url} target="_blank" rel="noreferrer noopener" className="txt-small text-ui-fg-interactive hover:underline">
        {t("coopstall.quality.openEvidence")}
      </a>
    </div>
  )
}

/** An OCOP rating or a certificate, as the union's queue reads either (each has its own fields). */
type QualityItem = {
  id: string
  status: string
  created_at: string
  cooperative?: { name: string; handle: string } | null
  product?: { title: string } | null
  products?: { title: string }[]
  stars?: number
  decision_number?: string | null
  decision_date?: string | null
  issuing_authority?: string | null
  product_group?: string | null
  type?: string
  code?: string | null
  issuing_body?: string | null
  valid_until?: string | null
  review_note?: string | null
  evidence?: { url?: string | null } | null
}
type QualityList = { ocop_ratings: QualityItem[]; certificates: QualityItem[]; count: number }

const Queue = ({ kind }: { kind: Kind }) => {
  const { t } = useTranslation()
  const [status, setStatus] = useState("submitted")
  const [offset, setOffset] = useState(0)
  const [selectedId, setSelectedId] = useState<string | null>(null)
  const key = kind === "ocop-ratings" ? "ocop_ratings" : "certificates"
  const single = kind === "ocop-ratings" ? "ocop_rating" : "certificate"
  const list = useAdminGet<QualityList>(`/admin/${kind}${query({ status, limit: LIMIT, offset })}`)
  const selected = useAdminGet<{ ocop_rating?: QualityItem; certificate?: QualityItem }>(selectedId ? `/admin/${kind}/${selectedId}` : null)
  const item = selectedId ? selected.data?.[single] : null
  const productsOf = (i: QualityItem) => (i.product ? i.product.title : (i.products ?? []).map((p) => p.title).join(", "))

  return (
    <div className="flex flex-col gap-y-3">
      <div className="flex items-end gap-3 px-6 py-4">
        <FilterSelect
          id={`filter-status-${kind}`}
          label={t("coopstall.common.status")}
          value={status}
          options={STATUSES.map((s) => ({ value: s, label: t(`coopstall.status.${s}`) }))}
          onChange={(v) => {
            setOffset(0)
            setStatus(v)
          }}
        />
      </div>
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>{t("coopstall.common.product")}</Table.HeaderCell>
            <Table.HeaderCell>{t("coopstall.common.cooperative")}</Table.HeaderCell>
            <Table.HeaderCell>{kind === "ocop-ratings" ? t("coopstall.quality.stars") : t("coopstall.quality.type")}</Table.HeaderCell>
            <Table.HeaderCell>{kind === "ocop-ratings" ? t("coopstall.quality.decision") : t("coopstall.quality.code")}</Table.HeaderCell>
            <Table.HeaderCell>{t("coopstall.common.status")}</Table.HeaderCell>
            <Table.HeaderCell>{t("coopstall.common.created")}</Table.HeaderCell>
            <Table.HeaderCell />
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {(list.data?.[key] ?? []).map((i) => (
            <Table.Row key={i.id} data-testid={`${single}-row`} data-cooperative={i.cooperative?.handle} className={i.id === selectedId ? "bg-ui-bg-highlight" : ""}>
              <Table.Cell>{productsOf(i)}</Table.Cell>
              <Table.Cell>{i.cooperative?.name}</Table.Cell>
              <Table.Cell>{kind === "ocop-ratings" ? `${i.stars}★` : i.type}</Table.Cell>
              <Table.Cell>{kind === "ocop-ratings" ? i.decision_number : i.code}</Table.Cell>
              <Table.Cell>
                <Status status={i.status} />
              </Table.Cell>
              <Table.Cell>{formatDate(i.created_at)}</Table.Cell>
              <Table.Cell className="text-right">
                <Button size="small" variant="transparent" onClick={() => setSelectedId(i.id)}>
                  {t("coopstall.common.open")}
                </Button>
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      {list.error && <Text className="px-6 text-ui-fg-error">{list.error.message}</Text>}
      {list.data && !list.data[key].length && <Text className="px-6 py-2 text-ui-fg-subtle">{t("coopstall.common.empty")}</Text>}
      {list.data && <Pager count={list.data.count} limit={LIMIT} offset={offset} onOffset={setOffset} />}

      {item && (
        <div className="flex flex-col gap-y-4 border-t px-6 py-4" data-testid={`${single}-detail`}>
          <div className="flex items-center justify-between">
            <Heading level="h2">
              {productsOf(item)} · {item.cooperative?.name}
            </Heading>
            <div className="flex items-center gap-x-2">
              <Status status={item.status} />
              <Button size="small" variant="transparent" onClick={() => setSelectedId(null)}>
                {t("coopstall.common.close")}
              </Button>
            </div>
          </div>
          <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1 txt-small">
            {kind === "ocop-ratings" ? (
              <>
                <dt className="text-ui-fg-subtle">{t("coopstall.quality.stars")}</dt>
                <dd>{item.stars}★ ({item.product_group})</dd>
                <dt className="text-ui-fg-subtle">{t("coopstall.quality.decision")}</dt>
                <dd>
                  {item.decision_number} · {item.decision_date}
                </dd>
                <dt className="text-ui-fg-subtle">{t("coopstall.quality.authority")}</dt>
                <dd>{item.issuing_authority}</dd>
              </>
            ) : (
              <>
                <dt className="text-ui-fg-subtle">{t("coopstall.quality.type")}</dt>
                <dd>{item.type}</dd>
                <dt className="text-ui-fg-subtle">{t("coopstall.quality.code")}</dt>
                <dd>{item.code}</dd>
                <dt className="text-ui-fg-subtle">{t("coopstall.quality.issuer")}</dt>
                <dd>{item.issuing_body}</dd>
              </>
            )}
            <dt className="text-ui-fg-subtle">{t("coopstall.quality.validUntil")}</dt>
            <dd>{item.valid_until}</dd>
            <dt className="text-ui-fg-subtle">{t("coopstall.common.note")}</dt>
            <dd>{item.review_note ?? "—"}</dd>
          </dl>
          {item.evidence?.url && <Evidence url={item.evidence.url} />}
          <DecisionPanel
            key={`${item.id}-${item.status}`}
            basePath={`/admin/${kind}/${item.id}`}
            field="note"
            placeholder={t("coopstall.common.notePlaceholder")}
            decisions={(ACTIONS[item.status] ?? []).map((action) => ({
              action,
              label: t(`coopstall.quality.actions.${action}`),
              variant: action === "verify" ? "primary" : "danger",
              needsText: action !== "verify",
            }))}
            onDone={() => {
              selected.reload()
              list.reload()
            }}
          />
        </div>
      )}
    </div>
  )
}

const QualityPage = () => {
  const { t } = useTranslation()
  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h1">{t("coopstall.quality.title")}</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {t("coopstall.quality.subtitle")}
        </Text>
      </div>
      <Tabs defaultValue="ocop-ratings">
        <Tabs.List className="px-6 py-2">
          <Tabs.Trigger value="ocop-ratings">{t("coopstall.quality.ocop")}</Tabs.Trigger>
          <Tabs.Trigger value="certificates">{t("coopstall.quality.certificates")}</Tabs.Trigger>
        </Tabs.List>
        <Tabs.Content value="ocop-ratings">
          <Queue kind="ocop-ratings" />
        </Tabs.Content>
        <Tabs.Content value="certificates">
          <Queue kind="certificates" />
        </Tabs.Content>
      </Tabs>
    </Container>
  )
}

export const config = defineRouteConfig({
  label: "coopstall.quality.title",
  translationNs: "translation",
  icon: BadgeCheck,
})

export default QualityPage
