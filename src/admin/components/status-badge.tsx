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

export const Status = ({ status }: { status: string }) => {
  const { t } = useTranslation()
  return <StatusBadge color={COLOR[status] ?? "grey"}>{t(`coopstall.status.${status}`, status)}</StatusBadge>
}
