import { Plus } from "@medusajs/icons"
import { Container, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { useOcopRatings } from "../../api/certification"
import { Loading, PageHeader } from "../../components/layout"
import { ActionButton } from "../../components/unavailable"
import { errorMessage } from "../../lib/errors"
import { date } from "../../lib/format"
import { Link, navigate } from "../../lib/router"
import { StateBadge, SubjectTabs } from "../certificates/parts"
import "../../locales/trace"

/** The cooperative's OCOP ratings (3★ to 5★, one decision each) with their state and validity. */
export default function Ratings() {
  const { t } = useTranslation()
  const { data, isLoading, error } = useOcopRatings()
  return (
    <>
      <PageHeader
        title={t("certification.title")}
        action={
          <ActionButton capability="evidence" className="tap" onClick={() => navigate("/ratings/new")} data-testid="new-rating">
            <Plus /> {t("certification.new")}
          </ActionButton>
        }
      />
      <SubjectTabs active="ratings" />
      {isLoading && <Loading />}
      {error && <Text className="text-ui-fg-error" role="alert">{errorMessage(error, t)}</Text>}
      {data && data.length === 0 && <Text className="text-ui-fg-subtle">{t("certification.empty_ratings")}</Text>}
      <ul className="flex flex-col gap-y-2">
        {data?.map((r) => (
          <li key={r.id}>
            <Link to={`/ratings/${r.id}`} data-testid="rating-row">
              <Container className="flex min-h-[64px] items-center justify-between gap-x-3 p-3">
                <div className="flex min-w-0 flex-col">
                  <Text weight="plus" className="truncate">{"★".repeat(r.stars)} · {r.product?.title ?? "—"}</Text>
                  <Text size="small" className="text-ui-fg-subtle truncate">
                    {r.decision_number} · {t("certification.until", { date: date(r.valid_until) })}
                  </Text>
                </div>
                <StateBadge item={r} />
              </Container>
            </Link>
          </li>
        ))}
      </ul>
    </>
  )
}
