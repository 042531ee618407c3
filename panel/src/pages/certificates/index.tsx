import { Plus } from "@medusajs/icons"
import { Container, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { useCertificates } from "../../api/certification"
import { Loading, PageHeader } from "../../components/layout"
import { ActionButton } from "../../components/unavailable"
import { errorMessage } from "../../lib/errors"
import { date } from "../../lib/format"
import { Link, navigate } from "../../lib/router"
import { StateBadge, SubjectTabs } from "./parts"
import "../../locales/trace"

/** The cooperative's certificates (VietGAP, organic, GlobalG.A.P.) with their state and validity. */
export default function Certificates() {
  const { t } = useTranslation()
  const { data, isLoading, error } = useCertificates()
  return (
    <>
      <PageHeader
        title={t("certification.title")}
        action={
          <ActionButton capability="evidence" className="tap" onClick={() => navigate("/certificates/new")} data-testid="new-certificate">
            <Plus /> {t("certification.new")}
          </ActionButton>
        }
      />
      <SubjectTabs active="certificates" />
      {isLoading && <Loading />}
      {error && <Text className="text-ui-fg-error" role="alert">{errorMessage(error, t)}</Text>}
      {data && data.length === 0 && <Text className="text-ui-fg-subtle">{t("certification.empty_certificates")}</Text>}
      <ul className="flex flex-col gap-y-2">
        {data?.map((c) => (
          <li key={c.id}>
            <Link to={`/certificates/${c.id}`} data-testid="certificate-row" data-code={c.code}>
              <Container className="flex min-h-[64px] items-center justify-between gap-x-3 p-3">
                <div className="flex min-w-0 flex-col">
                  <Text weight="plus" className="truncate">{t(`certification.type.${c.type}`)} · {c.code}</Text>
                  <Text size="small" className="text-ui-fg-subtle truncate">
                    {c.products.map((p) => p.title).join(", ") || "—"} · {t("certification.until", { date: date(c.valid_until) })}
                  </Text>
                </div>
                <StateBadge item={c} />
              </Container>
            </Link>
          </li>
        ))}
      </ul>
    </>
  )
}
