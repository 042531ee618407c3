import type { Locale, RenderedEmail } from "../layout"
import { layOut, localeOf } from "../layout"
import { cooperativeInvite, passwordReset } from "./account"
import { adminDigest } from "./admin-digest"
import { cooperativeOrderCanceled, orderCanceled, orderDelivered, orderShipped, orderToPack, purchasePlaced } from "./purchase"
import {
  adminReturnEscalated,
  cooperativeReturnDecided,
  cooperativeReturnRequested,
  returnAccepted,
  returnDecided,
  returnEscalated,
  returnReceived,
  returnRefunded,
  returnRefused,
} from "./returns"
import { productPublished, productRejected, reviewReplied } from "./reviews-products"
import type { Template } from "./types"
import {
  certificateDecision,
  certificateExpiring,
  cooperativeStatusChanged,
  cooperativeUnionManagement,
  ocopRatingDecision,
  ocopRatingExpiring,
  payoutCreated,
  payoutFailed,
  payoutPaid,
} from "./union-decisions"

/**
 * Every email the marketplace sends, by the `template` name a notification carries. Another
 * feature adds its messages here (a file in this folder, one line below); see docs/notifications.md.
 */
export const TEMPLATES: Record<string, Template<any>> = {
  "auth-password-reset": passwordReset,
  "cooperative-invite": cooperativeInvite,
  "purchase-placed": purchasePlaced,
  "order-to-pack": orderToPack,
  "order-shipped": orderShipped,
  "order-delivered": orderDelivered,
  "order-canceled": orderCanceled,
  "cooperative-order-canceled": cooperativeOrderCanceled,
  "cooperative-status-changed": cooperativeStatusChanged,
  "cooperative-union-management": cooperativeUnionManagement,
  "ocop_rating-verified": ocopRatingDecision,
  "ocop_rating-rejected": ocopRatingDecision,
  "ocop_rating-revoked": ocopRatingDecision,
  "ocop_rating-expired": ocopRatingDecision,
  "ocop_rating-superseded": ocopRatingDecision,
  "certificate-verified": certificateDecision,
  "certificate-rejected": certificateDecision,
  "certificate-revoked": certificateDecision,
  "certificate-expired": certificateDecision,
  "ocop_rating-expiring": ocopRatingExpiring,
  "certificate-expiring": certificateExpiring,
  "payout-created": payoutCreated,
  "payout-paid": payoutPaid,
  "payout-failed": payoutFailed,
  "admin-digest": adminDigest,
  "return-accepted": returnAccepted,
  "return-refused": returnRefused,
  "return-escalated": returnEscalated,
  "return-decided": returnDecided,
  "return-received": returnReceived,
  "return-refunded": returnRefunded,
  "cooperative-return-requested": cooperativeReturnRequested,
  "cooperative-return-decided": cooperativeReturnDecided,
  "admin-return-escalated": adminReturnEscalated,
  "review-replied": reviewReplied,
  "product-published": productPublished,
  "product-rejected": productRejected,
}

export class UnknownTemplateError extends Error {}

/**
 * The email for a notification: its template in the recipient's language (`locale` in the data,
 * or the one given; Vietnamese when unknown), laid out as HTML and plain text.
 */
export function renderNotification(template: string, data: Record<string, unknown>, locale?: Locale | string | null): RenderedEmail {
  const found = TEMPLATES[template]
  if (!found) throw new UnknownTemplateError(`No email template named "${template}"`)
  const lang = localeOf(locale ?? data.locale)
  return layOut(found[lang](data), lang)
}
