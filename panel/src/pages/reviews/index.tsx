import { Alert, Container, Text, Textarea, clx, toast } from "@medusajs/ui"
import { useState, type FormEvent } from "react"
import { useTranslation } from "react-i18next"
import { useProducts } from "../../api/products"
import { REVIEWS_PAGE, useReply, useReviews, type Review } from "../../api/reviews"
import { Field } from "../../components/field"
import { Loading, PageHeader } from "../../components/layout"
import { Pager } from "../../components/pager"
import { ActionButton } from "../../components/unavailable"
import { errorMessage, fieldErrors } from "../../lib/errors"
import { date } from "../../lib/format"
import { Link, usePath } from "../../lib/router"
import { ApiError } from "../../lib/sdk"
import "../../locales/desk"

const Stars = ({ n }: { n: number }) => (
  <span className="text-ui-tag-orange-icon" aria-label={`${n}/5`}>
    {"★".repeat(n)}
    <span className="text-ui-fg-disabled">{"★".repeat(5 - n)}</span>
  </span>
)

function ReplyForm({ review, onRefused }: { review: Review; onRefused: () => void }) {
  const { t } = useTranslation()
  const reply = useReply()
  const [body, setBody] = useState("")
  const [error, setError] = useState<string>()
  const id = `reply-${review.id}`
  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (!body.trim()) return setError(t("errors.field.required"))
    reply.mutate(
      { id: review.id, body: body.trim() },
      {
        onSuccess: () => toast.success(t("reviews.replied_toast")),
        onError: (err) => {
          // Answered meanwhile (another staff member, another tab): the server keeps the first reply.
          if (err instanceof ApiError && err.code === "already_replied") {
            toast.warning(t("reviews.already_replied"))
            return onRefused()
          }
          setError(fieldErrors(err).body ?? errorMessage(err, t))
        },
      }
    )
  }
  return (
    <form onSubmit={submit} className="flex flex-col gap-y-2" noValidate>
      <Field id={id} label={t("reviews.reply_label")} error={error} hint={t("reviews.reply_hint")}>
        <Textarea id={id} rows={3} className="!text-base" value={body} onChange={(e) => {
            setBody(e.target.value)
            setError(undefined)
          }} maxLength={2000} aria-invalid={!!error} data-testid="reply-body" />
      </Field>
      <ActionButton capability="reply_reviews" type="submit" className="tap w-full" isLoading={reply.isPending} data-testid="reply-submit">
        {t("reviews.reply")}
      </ActionButton>
    </form>
  )
}

/** Shoppers' published reviews of the cooperative and its products, each answered once. */
export default function Reviews() {
  const { t } = useTranslation()
  usePath()
  const search = new URLSearchParams(window.location.search)
  const unanswered = search.get("show") === "unanswered"
  // Replies the server refused because the review had been answered meanwhile: said beside that answer.
  const [refused, setRefused] = useState<string[]>([])
  const offset = Math.max(0, Number(search.get("offset")) || 0)
  const { data, isLoading, error } = useReviews(unanswered, offset)
  const products = useProducts()
  const titleOf = (id: string | null) => products.data?.products.find((p) => p.id === id)?.title
  const tab = (show: "unanswered" | "all", label: string) => {
    const active = (show === "unanswered") === unanswered
    return (
      <Link
        to={`/reviews?show=${show}`}
        role="tab"
        aria-selected={active}
        data-testid={`reviews-${show}`}
        className={clx("txt-compact-small-plus flex min-h-[44px] shrink-0 items-center rounded-full px-4", active ? "bg-ui-button-inverted text-ui-fg-on-inverted" : "bg-ui-bg-base text-ui-fg-subtle shadow-borders-base")}
      >
        {label}
      </Link>
    )
  }
  return (
    <>
      <PageHeader title={t("reviews.title")} />
      <div className="flex gap-x-2" role="tablist">
        {tab("all", t("reviews.all"))}
        {tab("unanswered", t("reviews.unanswered"))}
      </div>
      {isLoading && <Loading />}
      {error && <Alert variant="error">{errorMessage(error, t)}</Alert>}
      {data && data.reviews.length === 0 && <Text className="text-ui-fg-subtle" data-testid="reviews-empty">{t(unanswered ? "reviews.none_unanswered" : "reviews.empty")}</Text>}
      <ul className="flex flex-col gap-y-3">
        {data?.reviews.map((r) => (
          <li key={r.id}>
            <Container className="flex flex-col gap-y-2 p-4" data-testid="review" data-review={r.id}>
              <div className="flex items-center justify-between gap-x-2">
                <Stars n={r.rating} />
                <Text size="xsmall" className="text-ui-fg-subtle">{date(r.published_at)}</Text>
              </div>
              <Text size="small" className="text-ui-fg-subtle">
                {r.subject_type === "cooperative" ? t("reviews.about_cooperative") : titleOf(r.product_id) ?? t("reviews.about_product")} · {r.author_name}
              </Text>
              {r.title && <Text weight="plus">{r.title}</Text>}
              {/* Shoppers' words as they typed them: React renders them as text. */}
              <Text size="small" className="whitespace-pre-line break-words" data-testid="review-body">{r.body}</Text>
              {r.photo_urls.length > 0 && (
                <div className="flex gap-x-2 overflow-x-auto">
                  {r.photo_urls.map((u) => <img key={u} src={u} alt="" className="h-16 w-16 rounded-md object-cover" />)}
                </div>
              )}
              {r.reply ? (
                <div className="bg-ui-bg-subtle rounded-md p-3" data-testid="review-reply">
                  <Text size="xsmall" weight="plus" className="text-ui-fg-subtle">{t("reviews.your_reply", { date: date(r.reply.replied_at) })}</Text>
                  <Text size="small" className="whitespace-pre-line break-words">{r.reply.body}</Text>
                  {refused.includes(r.id) && (
                    <Text size="small" className="text-ui-fg-error mt-1" role="alert" data-testid="reply-refused">{t("reviews.already_replied")}</Text>
                  )}
                </div>
              ) : (
                <ReplyForm review={r} onRefused={() => setRefused((ids) => [...ids, r.id])} />
              )}
            </Container>
          </li>
        ))}
      </ul>
      {data && <Pager count={data.count} offset={offset} limit={REVIEWS_PAGE} to={(o) => `/reviews?show=${unanswered ? "unanswered" : "all"}&offset=${o}`} />}
    </>
  )
}
