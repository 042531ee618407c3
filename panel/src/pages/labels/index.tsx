import { ArrowLeft } from "@medusajs/icons"
import { Alert, Button, Container, Input, Text } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { useLot, useLotQr } from "../../api/lots"
import { Field, tapInput } from "../../components/field"
import { Loading, PageHeader } from "../../components/layout"
import { errorMessage } from "../../lib/errors"
import { date } from "../../lib/format"
import { Link } from "../../lib/router"
import { useProductTitles } from "../lots"
import "./labels.css"
import "../../locales/trace"

/** An A4 sticker sheet: 3 columns × 8 rows (70 × 37 mm). */
export const PER_PAGE = 24
const MAX_LABELS = 480

/** A sheet of QR labels for a lot's packages, to print on A4 sticker paper (several labels per page). */
export default function Labels({ params }: { params: Record<string, string> }) {
  const { t } = useTranslation()
  const lot = useLot(params.id)
  const qr = useLotQr(params.id)
  const titles = useProductTitles()
  const [count, setCount] = useState(String(PER_PAGE))

  if (lot.isLoading || qr.isLoading) return <Loading />
  if (lot.error || qr.error || !lot.data || !qr.data) return <Alert variant="error">{errorMessage(lot.error ?? qr.error, t)}</Alert>
  const l = lot.data
  const { src, encodes } = qr.data
  const n = Math.min(MAX_LABELS, Math.max(1, Number(count) || 1))
  const pages = Array.from({ length: Math.ceil(n / PER_PAGE) }, (_, p) => Math.min(PER_PAGE, n - p * PER_PAGE))
  const name = [titles.get(l.product_id), l.variant?.title].filter(Boolean).join(" · ")
  // The address a phone without a camera app can type: the short link, whatever the QR encodes.
  const shortUrl = l.links.trace_url.replace(/^https?:\/\//, "")

  return (
    <>
      <div className="no-print flex flex-col gap-y-4">
        <Link to={`/lots/${l.id}`} className="text-ui-fg-subtle txt-compact-small flex min-h-[44px] items-center gap-x-1">
          <ArrowLeft /> {t("lots.lot")} {l.lot_number}
        </Link>
        <PageHeader title={t("labels.title")} />
        {l.status === "draft" && <Alert variant="warning" data-testid="labels-draft">{t("labels.draft_warning")}</Alert>}
        <Container className="flex flex-col gap-y-3 p-4">
          <Field id="count" label={t("labels.count")} hint={t("labels.per_page", { n: PER_PAGE, pages: pages.length })}>
            <Input id="count" inputMode="numeric" className={tapInput} value={count} onChange={(e) => setCount(e.target.value.replace(/\D/g, "").slice(0, 3))} />
          </Field>
          <Button size="large" className="tap w-full" onClick={() => window.print()} data-testid="print-labels">
            {t("labels.print")}
          </Button>
          <Text size="xsmall" className="text-ui-fg-subtle">{t("labels.print_hint")}</Text>
        </Container>
      </div>
      <div className="qr-sheet" data-testid="qr-sheet" data-encodes={encodes}>
        {pages.map((size, p) => (
          <section key={p} className="qr-page" aria-label={t("labels.page", { n: p + 1 })}>
            {Array.from({ length: size }, (_, i) => (
              <div key={i} className="qr-label" data-testid="qr-label">
                <img src={src} alt={t("labels.qr_alt", { code: l.code })} />
                <div className="qr-text">
                  <span className="qr-name">{name}</span>
                  <span className="qr-meta">{t("lots.lot")} {l.lot_number}{l.best_before ? ` · ${t("labels.best_before")} ${date(l.best_before)}` : ""}</span>
                  <span className="qr-meta">{shortUrl}</span>
                </div>
              </div>
            ))}
          </section>
        ))}
      </div>
    </>
  )
}
