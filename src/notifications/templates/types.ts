import type { Locale, Message } from "../layout"

/** One message in both languages, with sample data a test renders it with. */
export type Template<D> = { [L in Locale]: (data: D) => Message } & { sample: D }

export const defineTemplate = <D>(template: Template<D>) => template

/** A line item as messages show it (amounts in whole đồng). */
export type ItemLine = { title: string; quantity: number; total: number }
