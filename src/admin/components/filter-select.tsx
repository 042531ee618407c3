import { Label, Select } from "@medusajs/ui"
import { useTranslation } from "react-i18next"

const ALL = "all"

/** A labelled filter; "" means no filter. */
export const FilterSelect = ({
  id,
  label,
  value,
  options,
  onChange,
}: {
  id: string
  label: string
  value: string
  options: { value: string; label: string }[]
  onChange: (value: string) => void
}) => {
  const { t } = useTranslation()
  return (
    <div className="flex flex-col gap-y-1">
      <Label htmlFor={id} size="xsmall" weight="plus">
        {label}
      </Label>
      <Select value={value || ALL} onValueChange={(v) => onChange(v === ALL ? "" : v)}>
        <Select.Trigger id={id} data-testid={id} className="w-44">
          <Select.Value />
        </Select.Trigger>
        <Select.Content>
          <Select.Item value={ALL}>{t("coopstall.common.all")}</Select.Item>
          {options.map((o) => (
            <Select.Item key={o.value} value={o.value}>
              {o.label}
            </Select.Item>
          ))}
        </Select.Content>
      </Select>
    </div>
  )
}
