import { Badge, Button, Container, Text } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { actionKey, type Activity, useActivity, useRecordActivity } from "../../api/activity"
import { Loading, PageHeader } from "../../components/layout"
import { dateTime } from "../../lib/format"
import { Link } from "../../lib/router"

/** Where a record's own page is, for the records that have one in the panel. */
const PAGE_OF: Record<string, (id: string) => string> = { product: (id) => `/products/${id}`, order: (id) => `/orders/${id}` }

function Who({ row }: { row: Activity }) {
  const { t } = useTranslation()
  const union = row.actor_type === "union_admin"
  return (
    <Badge size="2xsmall" color={union ? "purple" : "grey"} data-testid="activity-actor" data-actor={row.actor_type}>
      {t(union ? "activity.by_union" : "activity.by_staff", { email: row.actor_email })}
    </Badge>
  )
}

function Row({ row }: { row: Activity }) {
  const { t } = useTranslation()
  const to = row.record_type && row.record_id ? PAGE_OF[row.record_type]?.(row.record_id) : undefined
  const body = (
    <div className="flex min-h-[56px] flex-col justify-center gap-y-1 px-4 py-2" data-testid="activity-row" data-action={row.action}>
      <Text size="small" weight="plus">{t(`activity.action.${actionKey(row.action)}`, { defaultValue: row.action })}</Text>
      <div className="flex flex-wrap items-center gap-x-2">
        <Who row={row} />
        <Text size="xsmall" className="text-ui-fg-subtle">{dateTime(row.created_at)}</Text>
      </div>
    </div>
  )
  return to ? <Link to={to} className="block">{body}</Link> : body
}

/** The owner's list of everything done in the stall, by whom: their staff, or the union running it for them. */
export default function ActivityPage() {
  const { t } = useTranslation()
  const [actor, setActor] = useState<"" | Activity["actor_type"]>("")
  const { data, isLoading, fetchNextPage, hasNextPage, isFetchingNextPage } = useActivity(actor)
  const rows = data?.pages.flatMap((p) => p.activity) ?? []
  const filters: Array<["" | Activity["actor_type"], string]> = [["", "activity.filter_all"], ["union_admin", "activity.filter_union"], ["cooperative_user", "activity.filter_staff"]]
  return (
    <>
      <PageHeader title={t("activity.title")} />
      <Text size="small" className="text-ui-fg-subtle">{t("activity.intro")}</Text>
      <div className="flex gap-x-2">
        {filters.map(([value, key]) => (
          <Button key={key} size="small" variant={actor === value ? "primary" : "secondary"} className="tap" onClick={() => setActor(value)} data-testid={`activity-filter-${value || "all"}`}>
            {t(key)}
          </Button>
        ))}
      </div>
      {isLoading ? (
        <Loading />
      ) : rows.length === 0 ? (
        <Text className="text-ui-fg-subtle">{t("activity.empty")}</Text>
      ) : (
        <Container className="divide-ui-border-base divide-y p-0">
          {rows.map((row) => <Row key={row.id} row={row} />)}
        </Container>
      )}
      {hasNextPage && (
        <Button variant="secondary" className="tap" isLoading={isFetchingNextPage} onClick={() => fetchNextPage()}>
          {t("activity.more")}
        </Button>
      )}
    </>
  )
}

/** A record's change history on its own page (product, order): who did what to it, newest first. */
export function RecordActivity({ recordId }: { recordId: string | undefined }) {
  const { t } = useTranslation()
  const { data } = useRecordActivity(recordId)
  if (!data?.length) return null
  return (
    <Container className="flex flex-col gap-y-2 p-4" data-testid="record-activity">
      <Text size="small" weight="plus">{t("activity.on_record")}</Text>
      {data.map((row) => (
        <div key={row.id} className="flex flex-wrap items-center gap-x-2">
          <Text size="small">{t(`activity.action.${actionKey(row.action)}`, { defaultValue: row.action })}</Text>
          <Who row={row} />
          <Text size="xsmall" className="text-ui-fg-subtle">{dateTime(row.created_at)}</Text>
        </div>
      ))}
    </Container>
  )
}
