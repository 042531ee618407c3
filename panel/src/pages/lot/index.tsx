import { ArrowLeft, Trash } from "@medusajs/icons"
import { Alert, Button, Container, IconButton, Input, StatusBadge, Text, Textarea, toast, usePrompt } from "@medusajs/ui"
import { useState, type FormEvent } from "react"
import { useTranslation } from "react-i18next"
import { TRACE_EVENT_TYPES, useLot, useLotAction, type TraceEventType } from "../../api/lots"
import { useMe } from "../../api/session"
import { Field, NativeSelect, tapInput } from "../../components/field"
import { Loading, PageHeader } from "../../components/layout"
import { ActionButton } from "../../components/unavailable"
import { can } from "../../lib/capabilities"
import { errorMessage, fieldErrors } from "../../lib/errors"
import { date, dateTime } from "../../lib/format"
import { Link, navigate } from "../../lib/router"
import { LOT_COLOR, useProductTitles } from "../lots"
import { NewLot } from "./new"
import "../../locales/trace"

/** Now as a datetime-local value in Vietnam time ("2026-12-01T08:30"). */
const nowInVietnam = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 16)

export default function LotRoute({ params }: { params: Record<string, string> }) {
  return params.id === "new" ? <NewLot /> : <LotPage id={params.id} />
}

/** One lot: its details, the steps recorded so far, a step to add, publishing, and the way to its QR labels. */
function LotPage({ id }: { id: string }) {
  const { t } = useTranslation()
  const { cooperative } = useMe()
  const lot = useLot(id)
  const action = useLotAction(id)
  const titles = useProductTitles()
  const prompt = usePrompt()
  const [step, setStep] = useState({ type: "harvest" as TraceEventType, occurred_at: nowInVietnam(), title: "", description: "", corrects: "" })
  const [errors, setErrors] = useState<Record<string, string>>({})

  if (lot.isLoading) return <Loading />
  if (lot.error || !lot.data) return <Alert variant="error">{errorMessage(lot.error, t)}</Alert>
  const l = lot.data
  const events = l.events ?? []
  const draft = l.status === "draft"
  const mayTrace = can(cooperative.status, "trace")

  const fail = (err: unknown) => {
    setErrors(fieldErrors(err))
    toast.error(errorMessage(err, t))
  }
  const addStep = (e: FormEvent) => {
    e.preventDefault()
    if (!step.occurred_at) return setErrors({ occurred_at: t("errors.field.required") })
    action.mutate(
      {
        type: "add_event",
        event: {
          type: step.type,
          occurred_at: `${step.occurred_at}:00+07:00`,
          title: step.title.trim() || null,
          description: step.description.trim() || null,
          ...(step.corrects ? { corrects_event_id: step.corrects } : {}),
        },
      },
      {
        onSuccess: () => {
          setErrors({})
          setStep({ ...step, title: "", description: "", corrects: "" })
          toast.success(t("lot.step_added"))
        },
        onError: fail,
      }
    )
  }
  const publish = async () => {
    if (await prompt({ title: t("lot.publish_title"), description: t("lot.publish_body"), confirmText: t("lot.publish"), cancelText: t("common.back") })) {
      action.mutate({ type: "publish" }, { onSuccess: () => toast.success(t("lot.published_toast")), onError: fail })
    }
  }
  const removeLot = async () => {
    if (await prompt({ title: t("lot.delete_title"), description: t("lot.delete_body"), confirmText: t("lot.delete"), cancelText: t("common.back") })) {
      action.mutate({ type: "delete" }, { onSuccess: () => navigate("/lots", { replace: true }), onError: fail })
    }
  }

  const facts: Array<[string, string | null]> = [
    [t("lot.variant"), l.variant?.title ?? null],
    [t("lot.lot_number"), l.lot_number],
    [t("lot.quantity"), l.quantity === null ? null : `${l.quantity} ${l.unit ?? ""}`.trim()],
    [t("lot.harvested_on"), l.harvested_on && date(l.harvested_on)],
    [t("lot.packed_on"), l.packed_on && date(l.packed_on)],
    [t("lot.best_before"), l.best_before && date(l.best_before)],
    [t("lot.origin"), [l.origin_area, l.origin_ward, l.origin_province].filter(Boolean).join(", ") || null],
    [t("lot.growing_area_code"), l.growing_area_code],
  ]
  return (
    <>
      <Link to="/lots" className="text-ui-fg-subtle txt-compact-small flex min-h-[44px] items-center gap-x-1">
        <ArrowLeft /> {t("lots.title")}
      </Link>
      <PageHeader
        title={titles.get(l.product_id) ?? t("lots.product")}
        action={<StatusBadge color={LOT_COLOR[l.status]} data-testid="lot-status" data-status={l.status}>{t(`lot_status.${l.status}`)}</StatusBadge>}
      />
      {draft ? (
        <Alert variant="info">{t("lot.draft_note")}</Alert>
      ) : (
        <Alert variant="success" data-testid="lot-published">
          {t("lot.published_note", { date: dateTime(l.published_at) })}{" "}
          <a href={l.links.trace_url} target="_blank" rel="noreferrer" className="text-ui-fg-interactive inline-flex min-h-[44px] items-center break-all" data-testid="trace-link">
            {l.links.trace_url}
          </a>
        </Alert>
      )}

      <Container className="flex flex-col gap-y-2 p-4" data-testid="lot-facts">
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
          {facts.filter(([, v]) => v).map(([k, v]) => (
            <div key={k} className="contents">
              <dt className="txt-small text-ui-fg-subtle">{k}</dt>
              <dd className="txt-small">{v}</dd>
            </div>
          ))}
        </dl>
        <Text size="xsmall" className="text-ui-fg-subtle">{t("lot.code", { code: l.code })} · {t("lot.scans", { count: l.scan_count })}</Text>
      </Container>

      <Button variant="secondary" size="large" className="tap w-full" onClick={() => navigate(`/lots/${l.id}/labels`)} data-testid="open-labels">
        {t("lot.labels")}
      </Button>

      <Container className="flex flex-col gap-y-3 p-4">
        <Text weight="plus">{t("lot.steps")}</Text>
        {events.length === 0 && <Text size="small" className="text-ui-fg-subtle">{t("lot.no_steps")}</Text>}
        <ol className="border-ui-border-strong flex flex-col gap-y-3 border-l pl-4">
          {events.map((e) => (
            <li key={e.id} className="flex items-start justify-between gap-x-2" data-testid="trace-step" data-type={e.type}>
              <div className="flex min-w-0 flex-col">
                <Text size="small" weight="plus">{t(`trace_type.${e.type}`)}{e.title ? ` · ${e.title}` : ""}</Text>
                <Text size="xsmall" className="text-ui-fg-subtle">{dateTime(e.occurred_at)}</Text>
                {e.description && <Text size="small">{e.description}</Text>}
                {e.corrects_event_id && <Text size="xsmall" className="text-ui-fg-subtle">{t("lot.correction")}</Text>}
              </div>
              {draft && mayTrace && (
                <IconButton
                  variant="transparent"
                  className="!h-11 !w-11 shrink-0"
                  aria-label={t("lot.delete_step")}
                  disabled={action.isPending}
                  onClick={() => action.mutate({ type: "delete_event", event_id: e.id }, { onSuccess: () => toast.success(t("lot.step_deleted")), onError: fail })}
                >
                  <Trash />
                </IconButton>
              )}
            </li>
          ))}
        </ol>
      </Container>

      <Container className="p-4">
        <form onSubmit={addStep} className="flex flex-col gap-y-3" noValidate data-testid="step-form">
          <Text weight="plus">{t("lot.add_step")}</Text>
          {!draft && <Text size="small" className="text-ui-fg-subtle">{t("lot.append_only")}</Text>}
          <fieldset disabled={!mayTrace} className="flex flex-col gap-y-3">
            {!draft && events.length > 0 && (
              <Field id="corrects_event_id" label={t("lot.corrects")} error={errors.corrects_event_id}>
                <NativeSelect id="corrects_event_id" value={step.corrects} onChange={(e) => setStep({ ...step, corrects: e.target.value })}>
                  <option value="">{t("lot.corrects_none")}</option>
                  {events.map((e) => <option key={e.id} value={e.id}>{`${t(`trace_type.${e.type}`)} · ${dateTime(e.occurred_at)}`}</option>)}
                </NativeSelect>
              </Field>
            )}
            <div className="grid grid-cols-2 gap-3">
              <Field id="type" label={t("lot.step_type")} error={errors.type}>
                <NativeSelect id="type" value={step.type} onChange={(e) => setStep({ ...step, type: e.target.value as TraceEventType })}>
                  {TRACE_EVENT_TYPES.map((type) => <option key={type} value={type}>{t(`trace_type.${type}`)}</option>)}
                </NativeSelect>
              </Field>
              <Field id="occurred_at" label={t("lot.occurred_at")} error={errors.occurred_at}>
                <Input id="occurred_at" type="datetime-local" className={tapInput} value={step.occurred_at} aria-invalid={!!errors.occurred_at} onChange={(e) => setStep({ ...step, occurred_at: e.target.value })} />
              </Field>
            </div>
            <Field id="title" label={t("lot.step_title")} error={errors.title}>
              <Input id="title" className={tapInput} value={step.title} onChange={(e) => setStep({ ...step, title: e.target.value })} />
            </Field>
            <Field id="description" label={t("lot.step_description")} error={errors.description}>
              <Textarea id="description" rows={3} className="!text-base" value={step.description} onChange={(e) => setStep({ ...step, description: e.target.value })} />
            </Field>
          </fieldset>
          <ActionButton capability="trace" type="submit" size="large" variant="secondary" className="tap w-full" isLoading={action.isPending && action.variables?.type === "add_event"} data-testid="add-step">
            {t("lot.save_step")}
          </ActionButton>
        </form>
      </Container>

      {draft && (
        <div className="flex flex-col gap-y-2">
          <ActionButton capability="publish_trace" size="large" className="tap w-full" disabled={!events.length} isLoading={action.isPending && action.variables?.type === "publish"} onClick={publish} data-testid="publish-lot">
            {t("lot.publish")}
          </ActionButton>
          {!events.length && <Text size="xsmall" className="text-ui-fg-subtle">{t("lot.publish_needs_step")}</Text>}
          <ActionButton capability="trace" variant="danger" size="large" className="tap w-full" onClick={removeLot} data-testid="delete-lot">
            {t("lot.delete")}
          </ActionButton>
        </div>
      )}
    </>
  )
}
