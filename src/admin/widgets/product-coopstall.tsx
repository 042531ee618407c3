import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { DetailWidgetProps, AdminProduct } from "@medusajs/framework/types"
import { Badge, Container, Heading, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { DecisionPanel } from "../components/decision-panel"
import { Status } from "../components/status-badge"
import { useAdminGet } from "../lib/api"

/**
 * The product page's side column: whose product it is, its OCOP rating in force, what shoppers
 * say, and the changes its cooperative proposed to the live listing, to publish or reject.
 */
type ProductCoopstall = {
  cooperative: { name: string; province: string | null; status: string } | null
  ocop_rating: { stars: number; decision_number: string | null; valid_until: string | null } | null
  submitted_ocop_rating?: { stars: number } | null
  certificates: { id: string; type: string; code: string | null }[]
  pending_revision?: { id: string; diff: { field: string; live: unknown; proposed: unknown }[] } | null
  reviews: { review_count: number; average_rating: number | null; pending_count: number }
}

const ProductCoopstallWidget = ({ data: product }: DetailWidgetProps<AdminProduct>) => {
  const { t } = useTranslation()
  const { data, error, reload } = useAdminGet<ProductCoopstall>(`/admin/products/${product.id}/coopstall`)
  if (error) return null
  return (
    <Container className="divide-y p-0" data-testid="coopstall-product-widget">
      <div className="px-6 py-4">
        <Heading level="h2">{t("coopstall.widget.title")}</Heading>
      </div>
      {!data ? (
        <Text className="px-6 py-4 text-ui-fg-subtle">{t("coopstall.common.loading")}</Text>
      ) : (
        <>
          <div className="flex flex-col gap-y-1 px-6 py-4">
            <Text size="small" weight="plus">
              {t("coopstall.widget.cooperative")}
            </Text>
            {data.cooperative ? (
              <div className="flex items-center gap-x-2">
                <Text size="small">
                  {data.cooperative.name} · {data.cooperative.province}
                </Text>
                <Status status={data.cooperative.status} />
              </div>
            ) : (
              <Text size="small" className="text-ui-fg-subtle">
                {t("coopstall.widget.noCooperative")}
              </Text>
            )}
          </div>
          <div className="flex flex-col gap-y-1 px-6 py-4">
            <Text size="small" weight="plus">
              {t("coopstall.widget.ocop")}
            </Text>
            {data.ocop_rating ? (
              <Text size="small">
                {"★".repeat(data.ocop_rating.stars)} {data.ocop_rating.decision_number} ·{" "}
                {t("coopstall.widget.validUntil", { date: data.ocop_rating.valid_until })}
              </Text>
            ) : (
              <Text size="small" className="text-ui-fg-subtle">
                {t("coopstall.widget.noOcop")}
              </Text>
            )}
            {data.submitted_ocop_rating && (
              <Text size="small" className="text-ui-fg-subtle">
                {t("coopstall.widget.ocopWaiting", { stars: data.submitted_ocop_rating.stars })}
              </Text>
            )}
            {data.certificates?.length > 0 && (
              <div className="flex flex-wrap gap-1 pt-1">
                {data.certificates.map((c) => (
                  <Badge key={c.id} size="2xsmall">
                    {c.type} {c.code}
                  </Badge>
                ))}
              </div>
            )}
          </div>
          {data.pending_revision && (
            <div className="flex flex-col gap-y-2 px-6 py-4" data-testid="coopstall-pending-revision">
              <Text size="small" weight="plus">
                {t("coopstall.widget.changesWaiting")}
              </Text>
              {data.pending_revision.diff.map((d) => (
                <div key={d.field} className="flex flex-col gap-y-0.5">
                  <Text size="xsmall" weight="plus">
                    {d.field}
                  </Text>
                  <Text size="xsmall" className="text-ui-fg-subtle break-words">
                    {t("coopstall.widget.changesLive")}: {show(d.live)}
                  </Text>
                  <Text size="xsmall" className="break-words">
                    {t("coopstall.widget.changesProposed")}: {show(d.proposed)}
                  </Text>
                </div>
              ))}
              <DecisionPanel
                basePath={`/admin/products/${product.id}`}
                field="reason"
                placeholder={t("coopstall.common.reasonPlaceholder")}
                extraBody={{ revision_id: data.pending_revision.id }}
                decisions={[
                  { action: "publish", label: t("coopstall.reviews.actions.publish"), variant: "primary" },
                  { action: "reject", label: t("coopstall.reviews.actions.reject"), variant: "danger", needsText: true },
                ]}
                onDone={reload}
              />
            </div>
          )}
          <div className="flex flex-col gap-y-1 px-6 py-4">
            <Text size="small" weight="plus">
              {t("coopstall.widget.reviews")}
            </Text>
            <Text size="small">
              {data.reviews.review_count
                ? t("coopstall.widget.reviewSummary", { average: data.reviews.average_rating, count: data.reviews.review_count })
                : t("coopstall.widget.noReviews")}
            </Text>
            {data.reviews.pending_count > 0 && (
              <Text size="small" className="text-ui-fg-subtle">
                {t("coopstall.widget.pendingReviews", { count: data.reviews.pending_count })}
              </Text>
            )}
          </div>
        </>
      )}
    </Container>
  )
}

/** A field value as plain text (React escapes it): images as their URLs. */
const show = (value: unknown) =>
  Array.isArray(value) ? value.map((i: { url?: string } | null) => i?.url ?? "").join(", ") || "—" : value === null || value === undefined || value === "" ? "—" : String(value)

export const config = defineWidgetConfig({
  zone: "product.details.side.after",
})

export default ProductCoopstallWidget
