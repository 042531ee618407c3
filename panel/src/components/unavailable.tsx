import { Button, Text } from "@medusajs/ui"
import { useId, type ComponentProps } from "react"
import { useTranslation } from "react-i18next"
import { useMe } from "../api/session"
import { can, type Capability } from "../lib/capabilities"

/**
 * A button for an action the cooperative's status may forbid: when it does, the button is shown
 * disabled with the reason under it, so nobody learns it from an error after the click.
 * `ownerOnly`: the server also refuses it to staff (requireOwner); `forbidden`: another reason the page knows.
 */
export function ActionButton({ capability, ownerOnly, forbidden, children, ...props }: ComponentProps<typeof Button> & { capability: Capability; ownerOnly?: boolean; forbidden?: string }) {
  const { t } = useTranslation()
  const { cooperative, user } = useMe()
  const why = !can(cooperative.status, capability)
    ? t(`status.forbids.${cooperative.status}`)
    : ownerOnly && user.role !== "owner"
      ? t("status.owner_only")
      : forbidden
  const allowed = !why
  const whyId = `why-${capability}-${useId()}`
  return (
    <div className="flex flex-col gap-y-1 [&>button]:w-full">
      <Button {...props} disabled={props.disabled || !allowed} aria-describedby={allowed ? undefined : whyId}>
        {children}
      </Button>
      {!allowed && (
        <Text size="xsmall" className="text-ui-fg-subtle" id={whyId} data-testid="unavailable-reason">
          {why}
        </Text>
      )}
    </div>
  )
}
