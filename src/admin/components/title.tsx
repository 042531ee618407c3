import { Heading } from "@medusajs/ui"
import type { ReactElement, ReactNode } from "react"

/**
 * Heading, typed for what these pages pass it: @medusajs/ui's HeadingProps resolve against a second
 * copy of React's types here and refuse `children` (the type errors of the older pages).
 */
export const Title = Heading as unknown as (props: { level?: "h1" | "h2" | "h3"; className?: string; children?: ReactNode; "data-testid"?: string }) => ReactElement
