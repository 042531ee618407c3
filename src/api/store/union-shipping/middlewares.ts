import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { CoopstallError, notFound, ErrorTypes } from "../../../lib/errors"
import { cartCooperatives } from "../../../workflows/cooperative/read/ownership"
import { isUnionChoiceId, unionChoiceCode } from "../../../workflows/shipping/utils/union-shipping-choices"
import { cartUnionChoices, loadCartShipping, offeredUnionChoices, serializeUnionChoice } from "./choices"

// How Medusa's own store routes serve a storefront that sets one shipping method per cart
// (docs/storefront/shipping.md). The routes stay Medusa's; these only shape their input and answers.

const notOffered = (id: string) =>
  new CoopstallError(
    ErrorTypes.INVALID_DATA,
    "shipping_option_not_offered",
    `The shipping option ${id.slice(0, 80)} is not offered for this cart: list the cart's shipping options and choose again.`
  )

/** Sends `body` once `shape` has worked it out, or Medusa's error handling if it throws. */
type JsonBody = Record<string, unknown> | null | undefined

/** A shipping option in Medusa's store listing, the fields read here. */
interface ListedOption {
  id: string
  shipping_profile_id: string
  service_zone?: { fulfillment_set?: { location?: { id?: string } | null } | null } | null
}

/** A shipping method in Medusa's store cart answer: the fields read here, the rest passed on. */
interface AnsweredMethod {
  id: string
  amount?: unknown
  [field: string]: unknown
}

/** One entry of the body of POST /store/carts/:id/shipping-methods. */
interface MethodInput {
  option_id?: string
  data?: Record<string, unknown>
  [field: string]: unknown
}

function reshapeJson(res: MedusaResponse, next: MedusaNextFunction, shape: (body: JsonBody) => Promise<unknown> | null) {
  const json = res.json.bind(res)
  res.json = (body?: unknown) => {
    if (res.statusCode >= 400) return json(body)
    const pending = shape(body as JsonBody)
    if (!pending) return json(body)
    pending.then(json, next)
    return res
  }
}

/**
 * GET /store/shipping-options?cart_id=: Medusa lists every option of every warehouse in the sales
 * channel and flags one insufficient_inventory when its warehouse lacks any item of the cart. Here
 * the answer keeps the options of the cooperatives in the cart, each judged on its own goods; for
 * a cart of several cooperatives it is the union choices instead (one per kind of service, the sum
 * of each cooperative's rate), since one of those is all such a storefront sets.
 */
export async function listCartShippingOptions(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const cartId = typeof req.query.cart_id === "string" ? req.query.cart_id : undefined
  if (!cartId) return next()
  try {
    const shipping = await loadCartShipping(req.scope, cartId)
    // The starter's question (cart_id alone) for a cart of several cooperatives: the union choices
    // price the same options Medusa's listing would find (its pricing workflow applies the same
    // address, rule, sales-channel, is_return and enabled_in_store filters), so that listing is skipped.
    if (shipping && shipping.cooperatives.length > 1 && Object.keys(req.query).length === 1) {
      const choices = await offeredUnionChoices(req.scope, shipping)
      return res.json({ shipping_options: choices.map((c) => serializeUnionChoice(c, shipping.cart.currency_code)) })
    }
    reshapeJson(res, next, (body) => {
      if (!body || !Array.isArray(body.shipping_options)) return null
      const options = body.shipping_options as ListedOption[]
      return (async () => {
        if (!shipping) return { ...body, shipping_options: [] }
        const own = options
          .filter((o) => shipping.profileIds.has(o.shipping_profile_id))
          .map((o) => ({ ...o, insufficient_inventory: shipping.insufficient(o.shipping_profile_id, o.service_zone?.fulfillment_set?.location?.id) }))
        if (shipping.cooperatives.length < 2) return { ...body, shipping_options: own }
        const choices = own.length ? await cartUnionChoices(req.scope, shipping, own.map((o) => o.id)) : []
        return { ...body, shipping_options: choices.map((c) => serializeUnionChoice(c, shipping.cart.currency_code)) }
      })()
    })
    next()
  } catch (err) {
    next(err)
  }
}

/**
 * POST /store/carts/:id/shipping-methods `{ option_id: "so_union_<kind>" }`: the union choice becomes
 * what Medusa's route already accepts, one option per cooperative (`[{ option_id }, …]`), so Medusa's
 * own workflow validates, prices and sets them under its cart lock, replacing each cooperative's
 * previous method. Each method records the choice in its `data`, which only we may write.
 */
export async function expandUnionChoice(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  try {
    const body = (req.validatedBody ?? req.body) as MethodInput | MethodInput[]
    const list: MethodInput[] = Array.isArray(body) ? body : [body]
    const union = list.filter((o) => isUnionChoiceId(o?.option_id))
    if (!list.length) throw new CoopstallError(ErrorTypes.INVALID_DATA, "invalid_request", "Choose a shipping option: option_id is required.")
    let expanded: MethodInput[]
    if (!union.length) {
      expanded = list.map((o) => (o?.data && typeof o.data === "object" && "union_choice" in o.data ? { ...o, data: withoutMarker(o.data) } : o))
    } else {
      const id = union[0].option_id as string
      const code = unionChoiceCode(id)
      if (list.length !== 1 || !code) throw notOffered(id)
      const shipping = await loadCartShipping(req.scope, req.params.id)
      if (!shipping) throw notFound("Cart", req.params.id)
      const choice = (await offeredUnionChoices(req.scope, shipping)).find((c) => c.id === id)
      if (!choice) throw notOffered(id)
      const marker = { union_choice: choice.id, union_choice_name: serializeUnionChoice(choice, shipping.cart.currency_code).name }
      expanded = choice.parts.map((p) => ({ option_id: p.option.id, data: marker }))
    }
    const rewritten = Array.isArray(body) || union.length ? expanded : expanded[0]
    ;req.validatedBody = rewritten
    req.body = rewritten
    next()
  } catch (err) {
    next(err)
  }
}

const withoutMarker = ({ union_choice: _c, union_choice_name: _n, ...rest }: Record<string, unknown>) => rest

/** POST /store/shipping-options/:id/calculate for a union choice: its price for the cart, in the route's shape. */
export async function calculateUnionChoice(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  try {
    const id = req.params.id
    if (!isUnionChoiceId(id)) {
      // Medusa's route answers an unknown option with a 500 from deep inside its workflow.
      const [known] = await req.scope.resolve(Modules.FULFILLMENT).listShippingOptions({ id }, { select: ["id"] })
      return known ? next() : next(notFound("Shipping option", id.slice(0, 80)))
    }
    const cartId = (req.validatedBody as { cart_id?: unknown } | undefined)?.cart_id
    const shipping = typeof cartId === "string" ? await loadCartShipping(req.scope, cartId) : null
    if (!shipping) throw notFound("Cart", typeof cartId === "string" ? cartId.slice(0, 80) : undefined)
    const choice = (await offeredUnionChoices(req.scope, shipping)).find((c) => c.id === id)
    if (!choice) throw notOffered(id)
    res.status(200).json({ shipping_option: serializeUnionChoice(choice, shipping.cart.currency_code) })
  } catch (err) {
    next(err)
  }
}

const SUMMED = [
  "amount", "subtotal", "total", "tax_total", "discount_total", "discount_subtotal", "discount_tax_total",
  "original_total", "original_subtotal", "original_tax_total",
]

/** Amounts in a route's answer are still Medusa BigNumbers (serialised later by JSON.stringify). */
function amountOf(value: unknown): number {
  if (typeof value === "number") return value
  if (typeof value === "string") return Number(value)
  if (value && typeof value === "object") {
    const toJSON = (value as { toJSON?: unknown }).toJSON
    return Number(typeof toJSON === "function" ? toJSON.call(value) : value.valueOf())
  }
  return NaN
}

/**
 * Store cart answers: when the cart's shipping methods are exactly one union choice covering every
 * cooperative in the cart, `shipping_methods` shows that choice as one method (its option id, its
 * name, the sums), which is what a storefront that set one method reads back to mark its choice
 * (the starter: `cart.shipping_methods.at(-1).shipping_option_id`). The cooperatives' own methods
 * stay in the cart, are what completion uses, and are listed in that method's `data`.
 */
export function showUnionChoiceAsOneMethod(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  reshapeJson(res, next, (body) => {
    const key = body?.cart ? "cart" : body?.parent ? "parent" : null
    const cart = key ? (body![key] as { id: string; shipping_methods?: unknown }) : null
    const methods = cart?.shipping_methods as AnsweredMethod[] | undefined
    if (!Array.isArray(methods) || methods.length < 2 || !methods.every((m) => typeof m?.id === "string")) return null
    return (async () => {
      const stored = await req.scope
        .resolve(Modules.CART)
        .listShippingMethods({ id: methods.map((m) => m.id) }, { select: ["id", "data", "shipping_option_id", "name", "amount"] })
      const choices = new Set(stored.map((m) => m.data?.union_choice))
      const [choice] = [...choices]
      if (stored.length !== methods.length || choices.size !== 1 || typeof choice !== "string") return body
      const found = await cartCooperatives(req.scope, cart!.id)
      if (found?.cooperativeIds.length !== methods.length) return body
      const last = methods[methods.length - 1]
      const one: AnsweredMethod = {
        ...last,
        id: `casm_${choice}`,
        shipping_option_id: choice,
        name: stored[0].data?.union_choice_name ?? choice,
        data: {
          union_choice: choice,
          shipping_methods: methods.map((m) => {
            const s = stored.find((x) => x.id === m.id)
            return { id: m.id, shipping_option_id: s?.shipping_option_id, name: s?.name, amount: amountOf(m.amount ?? s?.amount) }
          }),
        },
      }
      for (const field of SUMMED) {
        const amounts = methods.map((m) => amountOf(m[field]))
        if (amounts.every(Number.isFinite)) one[field] = amounts.reduce((sum, a) => sum + a, 0)
      }
      for (const list of ["tax_lines", "adjustments"]) {
        if (methods.some((m) => Array.isArray(m[list]))) one[list] = methods.flatMap((m) => (m[list] as unknown[] | undefined) ?? [])
      }
      return { ...body, [key!]: { ...cart, shipping_methods: [one] } }
    })()
  })
  next()
}
