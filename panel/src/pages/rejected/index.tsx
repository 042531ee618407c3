import { Alert, Container, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { useMe } from "../../api/session"

/** A rejected registration keeps only its profile and the union's reason. */
export default function Rejected() {
  const { t } = useTranslation()
  const { cooperative } = useMe()
  return (
    <>
      <Alert variant="error" data-testid="status-banner" data-status="rejected">
        <Text weight="plus" size="small">{t("status.title.rejected")}</Text>
        <Text size="small">{t("status.explain.rejected")}</Text>
        {cooperative.status_reason && <Text size="small" data-testid="status-reason">{t("status.reason")}: {cooperative.status_reason}</Text>}
      </Alert>
      <Container className="flex flex-col gap-y-1 p-4">
        <Text weight="plus">{cooperative.legal_name}</Text>
        <Text size="small">{t("fields.tax_code")}: {cooperative.tax_code}</Text>
        <Text size="small">{cooperative.street_address}, {cooperative.ward}, {cooperative.province}</Text>
        <Text size="small">{cooperative.phone} · {cooperative.email}</Text>
      </Container>
    </>
  )
}
