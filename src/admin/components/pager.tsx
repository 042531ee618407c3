import { Button, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"

export const Pager = ({ count, limit, offset, onOffset }: { count: number; limit: number; offset: number; onOffset: (o: number) => void }) => {
  const { t } = useTranslation()
  return (
    <div className="flex items-center justify-between px-6 py-4">
      <Text size="small" className="text-ui-fg-subtle">
        {t("coopstall.common.count", { count })}
      </Text>
      <div className="flex gap-x-2">
        <Button size="small" variant="secondary" disabled={offset === 0} onClick={() => onOffset(Math.max(0, offset - limit))}>
          {t("coopstall.common.previous")}
        </Button>
        <Button size="small" variant="secondary" disabled={offset + limit >= count} onClick={() => onOffset(offset + limit)}>
          {t("coopstall.common.next")}
        </Button>
      </div>
    </div>
  )
}
