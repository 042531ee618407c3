import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ChatBubbleLeftRight } from "@medusajs/icons"
import { Button, Container, Heading, Input, Label, Table, Text } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { DecisionPanel } from "../../components/decision-panel"
import { FilterSelect } from "../../components/filter-select"
import { Pager } from "../../components/pager"
import { Status } from "../../components/status-badge"
import { formatDate, query, useAdminGet } from "../../lib/api"

const STATUSES = ["pending", "published", "rejected", "hidden"]
// src/modules/review/lifecycle.ts: what the union can do from each status.
const ACTIONS: Record<string, string[]> = { pending: ["publish", "reject"], published: ["hide"], hidden: ["publish"], rejected: [] }
const LIMIT = 20

// Review text is shown as React text children only, which React escapes: a "<script>" a shopper
// typed stays visible text. Never render it through dangerouslySetInnerHTML.
type Review = {
  id: string
  rating: number
  title: string | null
  body: string | null
  subject_type: string
  product_id?: string | null
  cooperative_id: string | null
  status: string
  created_at: string
  author_name?: string | null
  moderation_reason?: string | null
  reply?: { body: string } | null
  photo_urls: string[]
}

const ReviewsPage = () => {
  const { t } = useTranslation()
  const [status, setStatus] = useState("pending")
  const [stars, setStars] = useState("")
  const [cooperativeId, setCooperativeId] = useState("")
  const [qInput, setQInput] = useState("")
  const [q, setQ] = useState("")
  const [offset, setOffset] = useState(0)
  const [selectedId, setSelectedId] = useState<string | null>(null)
  const cooperatives = useAdminGet<{ cooperatives: { id: string; name: string }[] }>(`/admin/cooperatives?limit=100`)
  const list = useAdminGet<{ reviews: Review[]; count: number }>(`/admin/reviews${query({ status, stars, cooperative_id: cooperativeId, q, limit: LIMIT, offset })}`)
  const selected = useAdminGet<{ review: Review }>(selectedId ? `/admin/reviews/${selectedId}` : null)
  const review = selectedId ? selected.data?.review : null
  const coopName = (id: string | null) => cooperatives.data?.cooperatives.find((c) => c.id === id)?.name ?? id ?? "—"
  const reset = <T,>(set: (v: T) => void) => (v: T) => {
    setOffset(0)
    set(v)
  }

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0">
        <div className="px-6 py-4">
          <Heading level="h1">{t("coopstall.reviews.title")}</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {t("coopstall.reviews.subtitle")}
          </Text>
        </div>
        <form
          className="flex flex-wrap items-end gap-3 px-6 py-4"
          onSubmit={(e) => {
            e.preventDefault()
            setOffset(0)
            setQ(qInput.trim())
          }}
        >
          <FilterSelect id="filter-review-status" label={t("coopstall.common.status")} value={status} onChange={reset(setStatus)}
            options={STATUSES.map((s) => ({ value: s, label: t(`coopstall.status.${s}`) }))} />
          <FilterSelect id="filter-review-stars" label={t("coopstall.reviews.stars")} value={stars} onChange={reset(setStars)}
            options={[5, 4, 3, 2, 1].map((s) => ({ value: String(s), label: `${s}★` }))} />
          <FilterSelect id="filter-review-cooperative" label={t("coopstall.common.cooperative")} value={cooperativeId} onChange={reset(setCooperativeId)}
            options={(cooperatives.data?.cooperatives ?? []).map((c) => ({ value: c.id, label: c.name }))} />
          <div className="flex flex-col gap-y-1">
            <Label htmlFor="filter-review-q" size="xsmall" weight="plus">
              {t("coopstall.reviews.text")}
            </Label>
            <Input id="filter-review-q" size="small" value={qInput} placeholder={t("coopstall.reviews.searchPlaceholder")} onChange={(e) => setQInput(e.target.value)} />
          </div>
          <Button size="small" variant="secondary" type="submit">
            {t("coopstall.common.search")}
          </Button>
        </form>
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>{t("coopstall.reviews.stars")}</Table.HeaderCell>
              <Table.HeaderCell>{t("coopstall.reviews.text")}</Table.HeaderCell>
              <Table.HeaderCell>{t("coopstall.reviews.subject")}</Table.HeaderCell>
              <Table.HeaderCell>{t("coopstall.common.cooperative")}</Table.HeaderCell>
              <Table.HeaderCell>{t("coopstall.common.status")}</Table.HeaderCell>
              <Table.HeaderCell>{t("coopstall.common.created")}</Table.HeaderCell>
              <Table.HeaderCell />
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {(list.data?.reviews ?? []).map((r) => (
              <Table.Row key={r.id} data-testid="review-row" className={r.id === selectedId ? "bg-ui-bg-highlight" : ""}>
                <Table.Cell>{r.rating}★</Table.Cell>
                <Table.Cell className="max-w-xs truncate">{r.title}</Table.Cell>
                <Table.Cell>{r.subject_type === "product" ? t("coopstall.reviews.subjectProduct") : t("coopstall.reviews.subjectCooperative")}</Table.Cell>
                <Table.Cell>{coopName(r.cooperative_id)}</Table.Cell>
                <Table.Cell>
                  <Status status={r.status} />
                </Table.Cell>
                <Table.Cell>{formatDate(r.created_at)}</Table.Cell>
                <Table.Cell className="text-right">
                  <Button size="small" variant="transparent" onClick={() => setSelectedId(r.id)}>
                    {t("coopstall.common.open")}
                  </Button>
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
        {list.error && <Text className="px-6 py-2 text-ui-fg-error">{list.error.message}</Text>}
        {list.data && !list.data.reviews.length && <Text className="px-6 py-4 text-ui-fg-subtle">{t("coopstall.common.empty")}</Text>}
        {list.data && <Pager count={list.data.count} limit={LIMIT} offset={offset} onOffset={setOffset} />}
      </Container>

      {review && (
        <Container className="flex flex-col gap-y-4 px-6 py-4" data-testid="review-detail">
          <div className="flex items-center justify-between">
            <Heading level="h2">
              {review.rating}★ · {review.title}
            </Heading>
            <div className="flex items-center gap-x-2">
              <Status status={review.status} />
              <Button size="small" variant="transparent" onClick={() => setSelectedId(null)}>
                {t("coopstall.common.close")}
              </Button>
            </div>
          </div>
          <Text className="whitespace-pre-wrap" data-testid="review-body">
            {review.body}
          </Text>
          <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1 txt-small">
            <dt className="text-ui-fg-subtle">{t("coopstall.reviews.author")}</dt>
            <dd>{review.author_name}</dd>
            <dt className="text-ui-fg-subtle">{t("coopstall.reviews.subject")}</dt>
            <dd>{review.subject_type === "product" ? `${t("coopstall.reviews.subjectProduct")} ${review.product_id}` : t("coopstall.reviews.subjectCooperative")}</dd>
            <dt className="text-ui-fg-subtle">{t("coopstall.common.cooperative")}</dt>
            <dd>{coopName(review.cooperative_id)}</dd>
            <dt className="text-ui-fg-subtle">{t("coopstall.common.reason")}</dt>
            <dd>{review.moderation_reason ?? "—"}</dd>
            {review.reply && (
              <>
                <dt className="text-ui-fg-subtle">{t("coopstall.reviews.reply")}</dt>
                <dd className="whitespace-pre-wrap">{review.reply.body}</dd>
              </>
            )}
          </dl>
          {review.photo_urls?.length > 0 && (
            <div className="flex flex-wrap gap-2">
              {review.photo_urls.map((url: string) => (
                <a key={url} href={url} target="_blank" rel="noreferrer noopener">
                  <img src={url} alt={t("coopstall.reviews.photos")} className="h-24 w-24 rounded border object-cover" />
                </a>
              ))}
            </div>
          )}
          <DecisionPanel
            key={`${review.id}-${review.status}`}
            basePath={`/admin/reviews/${review.id}`}
            field="reason"
            placeholder={t("coopstall.common.reasonPlaceholder")}
            decisions={(ACTIONS[review.status] ?? []).map((action) => ({
              action,
              label: t(`coopstall.reviews.actions.${action}`),
              variant: action === "publish" ? "primary" : "danger",
              needsText: action === "reject",
            }))}
            onDone={() => {
              selected.reload()
              list.reload()
            }}
          />
        </Container>
      )}
    </div>
  )
}

export const config = defineRouteConfig({
  label: "coopstall.reviews.title",
  translationNs: "translation",
  icon: ChatBubbleLeftRight,
})

export default ReviewsPage
