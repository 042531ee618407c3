import type { Context, InferTypeOf } from "@medusajs/framework/types"
import { InjectTransactionManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import { CoopstallError, ErrorTypes } from "../../lib/errors"
import {
  CertificationSubject,
  EXPIRY_REMINDER_DAYS,
  REVIEW_TRANSITIONS,
  ReviewAction,
  ReviewStatus,
} from "./lifecycle"
import { Certificate } from "./models/certificate"
import { CertificateProduct } from "./models/certificate-product"
import { CertificationReview } from "./models/certification-review"
import { OcopRating } from "./models/ocop-rating"

export type Actor = { actor_type: "user" | "vendor" | "system"; actor_id: string }

/** One status change of a rating or certificate, as seen by events and notifications. */
export type CertificationChange = {
  subject_type: CertificationSubject
  id: string
  cooperative_id: string
  product_ids: string[]
  from: ReviewStatus
  to: ReviewStatus
  note: string | null
}

/** What a decision changed, so a failed workflow can put it back. */
export type DecisionUndo = {
  subject_type: CertificationSubject
  rows: { id: string; status: ReviewStatus; review_note: string | null; reviewed_at: Date | null; superseded_by_id?: string | null }[]
  review_ids: string[]
}

export type OcopRatingRow = InferTypeOf<typeof OcopRating>
export type CertificateRow = InferTypeOf<typeof Certificate>

/** What a decision reads of either subject; the rating-only fields are absent on certificates. */
type SubjectRow = Pick<OcopRatingRow, "id" | "cooperative_id" | "status" | "expires_at" | "review_note" | "reviewed_at"> &
  Partial<Pick<OcopRatingRow, "product_id" | "decision_date" | "decision_number" | "superseded_by_id">> & {
    products?: { product_id: string }[]
  }

type SubjectUpdate = Pick<DecisionUndo["rows"][number], "id" | "superseded_by_id"> & Partial<Omit<DecisionUndo["rows"][number], "id">>

const SUBJECT_LABEL: Record<CertificationSubject, string> = { ocop_rating: "OCOP rating", certificate: "Certificate" }

class CertificationModuleService extends MedusaService({
  OcopRating,
  Certificate,
  CertificateProduct,
  CertificationReview,
}) {
  private async loadSubject(subject: CertificationSubject, id: string, ctx: Context) {
    const rows =
      subject === "ocop_rating"
        ? await this.listOcopRatings({ id }, {}, ctx)
        : await this.listCertificates({ id }, { relations: ["products"] }, ctx)
    if (!rows[0]) throw new CoopstallError(ErrorTypes.NOT_FOUND, "not_found", `${SUBJECT_LABEL[subject]} ${id} was not found.`)
    return rows[0] as SubjectRow
  }

  private updateSubjects(subject: CertificationSubject, rows: SubjectUpdate[], ctx: Context) {
    return subject === "ocop_rating" ? this.updateOcopRatings(rows, ctx) : this.updateCertificates(rows, ctx)
  }

  private changeOf(subject: CertificationSubject, row: SubjectRow, from: ReviewStatus, to: ReviewStatus, note: string | null): CertificationChange {
    const product_ids = subject === "ocop_rating" ? [row.product_id!] : (row.products ?? []).map((p) => p.product_id)
    return { subject_type: subject, id: row.id, cooperative_id: row.cooperative_id, product_ids, from, to, note }
  }

  /**
   * A union decision (verify, reject, revoke) in one transaction. Verifying an OCOP rating
   * supersedes the product's active rating; the partial unique index on verified ratings makes
   * two active ratings for one product impossible even if two decisions race.
   */
  @InjectTransactionManager()
  async decide(
    input: Actor & { subject_type: CertificationSubject; id: string; action: ReviewAction; note: string | null; at: Date },
    @MedusaContext() ctx: Context = {}
  ): Promise<{ changes: CertificationChange[]; undo: DecisionUndo }> {
    const { subject_type, id, action, note, at } = input
    const row = await this.loadSubject(subject_type, id, ctx)
    const transition = REVIEW_TRANSITIONS[action]
    if (!transition.from.includes(row.status)) {
      throw new CoopstallError(
        ErrorTypes.CONFLICT,
        "invalid_review_transition",
        `Cannot ${action} a ${SUBJECT_LABEL[subject_type].toLowerCase()} that is ${row.status}; ${action} applies to ${transition.from.join(" or ")} ones.`
      )
    }
    if (action === "verify" && new Date(row.expires_at) <= at) {
      throw new CoopstallError(ErrorTypes.CONFLICT, "already_expired", `This ${SUBJECT_LABEL[subject_type].toLowerCase()} expired on ${new Date(row.expires_at).toISOString()}; it cannot be verified.`)
    }

    const undo: DecisionUndo = { subject_type, rows: [], review_ids: [] }
    const changes: CertificationChange[] = []
    const remember = (r: SubjectRow) =>
      undo.rows.push({ id: r.id, status: r.status, review_note: r.review_note, reviewed_at: r.reviewed_at, superseded_by_id: r.superseded_by_id })

    if (action === "verify" && subject_type === "ocop_rating") {
      const [active] = await this.listOcopRatings({ product_id: row.product_id, status: "verified" }, {}, ctx)
      if (active) {
        if (active.decision_date > row.decision_date!) {
          throw new CoopstallError(
            ErrorTypes.CONFLICT,
            "older_than_active_rating",
            `The product already has a verified rating from a later decision (${active.decision_number} of ${active.decision_date}); this older decision cannot replace it.`
          )
        }
        remember(active)
        await this.updateOcopRatings({ id: active.id, status: "superseded", superseded_by_id: row.id }, ctx)
        changes.push(this.changeOf(subject_type, active, "verified", "superseded", `Superseded by ${row.decision_number}`))
      }
    }

    remember(row)
    await this.updateSubjects(subject_type, [{ id, status: transition.to, review_note: note, reviewed_at: at }], ctx)
    changes.push(this.changeOf(subject_type, row, row.status, transition.to, note))

    const reviews = await this.createCertificationReviews(
      changes.map((c) => ({
        subject_type,
        subject_id: c.id,
        from_status: c.from,
        to_status: c.to,
        note: c.note,
        actor_type: c.to === "superseded" ? "system" : input.actor_type,
        actor_id: c.to === "superseded" ? "supersession" : input.actor_id,
      })),
      ctx
    )
    undo.review_ids = reviews.map((r) => r.id)
    return { changes, undo }
  }

  /** Puts back what `decide` (or an expiry run) changed. */
  @InjectTransactionManager()
  async undoDecision(undo: DecisionUndo, @MedusaContext() ctx: Context = {}) {
    if (undo.review_ids.length) await this.deleteCertificationReviews(undo.review_ids, ctx)
    if (undo.rows.length) await this.updateSubjects(undo.subject_type, undo.rows, ctx)
  }

  /** Marks every verified item whose expiry has passed as expired, and records why. */
  @InjectTransactionManager()
  async expireDue(at: Date, @MedusaContext() ctx: Context = {}): Promise<{ changes: CertificationChange[]; undo: DecisionUndo[] }> {
    const changes: CertificationChange[] = []
    const undo: DecisionUndo[] = []
    for (const subject of ["ocop_rating", "certificate"] as const) {
      const due: SubjectRow[] =
        subject === "ocop_rating"
          ? await this.listOcopRatings({ status: "verified", expires_at: { $lte: at } }, {}, ctx)
          : await this.listCertificates({ status: "verified", expires_at: { $lte: at } }, { relations: ["products"] }, ctx)
      if (!due.length) continue
      await this.updateSubjects(subject, due.map((r) => ({ id: r.id, status: "expired" })), ctx)
      const reviews = await this.createCertificationReviews(
        due.map((r) => ({
          subject_type: subject,
          subject_id: r.id,
          from_status: "verified" as const,
          to_status: "expired" as const,
          note: "Validity period ended",
          actor_type: "system" as const,
          actor_id: "expiry-job",
        })),
        ctx
      )
      undo.push({
        subject_type: subject,
        rows: due.map((r) => ({ id: r.id, status: r.status, review_note: r.review_note, reviewed_at: r.reviewed_at })),
        review_ids: reviews.map((r) => r.id),
      })
      changes.push(...due.map((r) => this.changeOf(subject, r, "verified", "expired", "Validity period ended")))
    }
    return { changes, undo }
  }

  /** Verified items that expire within the reminder window and have not been reminded yet; marks them reminded. */
  @InjectTransactionManager()
  async takeExpiryReminders(at: Date, @MedusaContext() ctx: Context = {}) {
    const horizon = new Date(at.getTime() + EXPIRY_REMINDER_DAYS * 86_400_000)
    const filter = { status: "verified" as const, expiry_reminded_at: null, expires_at: { $gt: at, $lte: horizon } }
    const ratings = await this.listOcopRatings(filter, {}, ctx)
    const certificates = await this.listCertificates(filter, { relations: ["products"] }, ctx)
    if (ratings.length) await this.updateOcopRatings(ratings.map((r) => ({ id: r.id, expiry_reminded_at: at })), ctx)
    if (certificates.length) await this.updateCertificates(certificates.map((c) => ({ id: c.id, expiry_reminded_at: at })), ctx)
    return [
      ...ratings.map((r) => ({ subject_type: "ocop_rating" as const, id: r.id, cooperative_id: r.cooperative_id, product_ids: [r.product_id], expires_at: r.expires_at })),
      ...certificates.map((c) => ({
        subject_type: "certificate" as const,
        id: c.id,
        cooperative_id: c.cooperative_id,
        product_ids: c.products.map((p) => p.product_id),
        expires_at: c.expires_at,
      })),
    ]
  }
}

export default CertificationModuleService
