import { Input, Label } from "@medusajs/ui"

/** A labelled text or number input. */
export const Field = ({
  id,
  label,
  value,
  onChange,
  placeholder,
  type = "text",
  className,
}: {
  id: string
  label: string
  value: string
  onChange: (v: string) => void
  placeholder?: string
  type?: "text" | "number"
  className?: string
}) => (
  <div className={`flex flex-col gap-y-1 ${className ?? ""}`}>
    <Label htmlFor={id} size="xsmall" weight="plus">
      {label}
    </Label>
    <Input id={id} data-testid={id} size="small" type={type} value={value} placeholder={placeholder} onChange={(e) => onChange(e.target.value)} />
  </div>
)
