import { StatusBadge } from "@medusajs/ui"
import { useTranslation } from "react-i18next"

const COLOR: Record<string, "green" | "red" | "orange" | "grey" | "blue" | "purple"> = {
  approved: "green",
  verified: "green",
  published: "green",
  pending: "orange",
  submitted: "orange",
  rejected: "red",
  revoked: "red",
  suspended: "red",
  hidden: "grey",
  expired: "grey",
  superseded: "grey",
  paid: "green",
  completed: "green",
  processing: "blue",
  running: "blue",
  failed: "red",
  partially_completed: "orange",
}

/** `labels`: a namespace of labels of its own (e.g. "payouts.statuses"), falling back to the common ones. */
export const Status = ({ status, labels }: { status: string; labels?: string }) => {
  const { t } = useTranslation()
  const common = t(`coopstall.status.${status}`, status)
  return <StatusBadge color={COLOR[status] ?? "grey"}>{labels ? t(`coopstall.${labels}.${status}`, common) : common}</StatusBadge>
}
