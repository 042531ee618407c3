import { Label, Text, clx } from "@medusajs/ui"
import type { ReactNode } from "react"

/** A labelled control with its hint and the server's error for it, read out with the control. */
export function Field({ id, label, error, hint, children }: { id: string; label: string; error?: string; hint?: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-y-1.5">
      <Label htmlFor={id} size="small" weight="plus">
        {label}
      </Label>
      {children}
      {hint && !error && (
        <Text size="xsmall" className="text-ui-fg-subtle" id={`${id}-hint`}>
          {hint}
        </Text>
      )}
      {error && (
        <Text size="small" className="text-ui-fg-error" id={`${id}-error`} data-testid={`error-${id}`} role="alert">
          {error}
        </Text>
      )}
    </div>
  )
}

/** Inputs at a phone's finger size (44 px); @medusajs/ui's Input sizes are for a desktop pointer. */
export const tapInput = "!h-11 !text-base"

export function NativeSelect({ className, ...props }: React.SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <select
      {...props}
      className={clx(
        "bg-ui-bg-field shadow-borders-base txt-compact-medium text-ui-fg-base h-11 w-full appearance-none rounded-md px-3 outline-none",
        "focus-visible:shadow-borders-interactive-with-active aria-[invalid=true]:shadow-borders-error",
        className
      )}
    />
  )
}
