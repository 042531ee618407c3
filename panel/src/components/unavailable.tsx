import { Button, Text } from "@medusajs/ui"
import type { ComponentProps } from "react"
import { useTranslation } from "react-i18next"
import { useMe } from "../api/session"
import { can, type Capability } from "../lib/capabilities"

/**
 * A button for an action the cooperative's status may forbid: when it does, the button is shown
 * disabled with the reason under it, so nobody learns it from an error after the click.
 */
export function ActionButton({ capability, children, ...props }: ComponentProps<typeof Button> & { capability: Capability }) {
  const { t } = useTranslation()
  const { cooperative } = useMe()
  const allowed = can(cooperative.status, capability)
  return (
    <div className="flex flex-col gap-y-1 [&>button]:w-full">
      <Button {...props} disabled={props.disabled || !allowed} aria-describedby={allowed ? undefined : `why-${capability}`}>
        {children}
      </Button>
      {!allowed && (
        <Text size="xsmall" className="text-ui-fg-subtle" id={`why-${capability}`} data-testid="unavailable-reason">
          {t(`status.forbids.${cooperative.status}`)}
        </Text>
      )}
    </div>
  )
}
