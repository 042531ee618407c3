import { z } from "zod"
import { paginationQuery } from "../../lib/validation"
import {
  bankAccount,
  email,
  handle,
  optionalText,
  phone,
  province,
  taxCode,
  text,
  url,
  vndAmount,
} from "../../lib/schemas"

const thisYear = new Date().getFullYear()

const cooperativeProfile = {
  name: text(200),
  legal_name: text(300),
  registration_number: optionalText(50),
  province,
  ward: text(120),
  street_address: text(300),
  phone,
  email,
  founded_year: z.number().int().min(1950).max(thisYear).nullable().optional(),
  member_count: z.number().int().min(1).max(1_000_000).nullable().optional(),
  description: optionalText(5000),
  logo_url: url.nullable().optional(),
}

export const CreateCooperativeBody = z
  .object({
    handle: handle.optional(),
    tax_code: taxCode,
    ...cooperativeProfile,
    bank_account: bankAccount.optional(),
    owner: z
      .object({ first_name: optionalText(100), last_name: optionalText(100), phone: phone.optional() })
      .strict()
      .optional(),
  })
  .strict()
export type CreateCooperativeBody = z.infer<typeof CreateCooperativeBody>

/** Profile edits a cooperative makes itself; legal identity (tax code) and status are not among them. */
export const UpdateCooperativeBody = z.object(cooperativeProfile).partial().strict()

export const UpdateBankAccountBody = bankAccount

export const CreateInviteBody = z.object({ email, role: z.enum(["owner", "staff"]).default("staff") }).strict()

export const AcceptInviteBody = z
  .object({ token: z.string().min(10).max(200), first_name: optionalText(100), last_name: optionalText(100), phone: phone.optional() })
  .strict()

const productStatus = z.enum(["draft", "proposed"], {
  errorMap: () => ({ message: "a cooperative saves a product as draft or submits it as proposed; the union publishes it" }),
})

const variantFields = {
  title: text(200),
  sku: z.string().trim().min(1).max(100).nullable().optional(),
  barcode: z.string().trim().max(50).nullable().optional(),
  /** Price in whole đồng. */
  price: vndAmount,
  /** Weight in grams. */
  weight: z.number().int().min(0).max(1_000_000).nullable().optional(),
  manage_inventory: z.boolean().default(true),
  allow_backorder: z.boolean().default(false),
}

export const CreateVariantBody = z.object(variantFields).strict()
export const UpdateVariantBody = z.object(variantFields).partial().strict()

const image = z.object({ url }).strict()

const productFields = {
  title: text(200),
  subtitle: optionalText(300),
  description: optionalText(10000),
  handle: handle.optional(),
  thumbnail: url.nullable().optional(),
  images: z.array(image).max(20).optional(),
  weight: z.number().int().min(0).max(1_000_000).nullable().optional(),
  origin_country: z.string().length(2).toLowerCase().nullable().optional(),
  status: productStatus.optional(),
}

export const CreateProductBody = z
  .object({
    ...productFields,
    variants: z.array(CreateVariantBody).min(1, "a product needs at least one variant with a price").max(50),
  })
  .strict()
  .superRefine((body, ctx) => {
    const titles = body.variants.map((v) => v.title.toLowerCase())
    titles.forEach((t, i) => {
      if (titles.indexOf(t) !== i) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["variants", i, "title"], message: "variant titles must differ" })
      }
    })
  })
export type CreateProductBody = z.infer<typeof CreateProductBody>

export const UpdateProductBody = z.object(productFields).partial().strict()

export const ListProductsQuery = z
  .object({
    ...paginationQuery,
    status: z.enum(["draft", "proposed", "published", "rejected"]).optional(),
    q: z.string().max(200).optional(),
  })
  .strict()

export const SetStockBody = z
  .object({ stocked_quantity: z.number().int("must be a whole number").min(0).max(10_000_000) })
  .strict()

export const ORDER_PROGRESS = ["pending", "fulfilled", "shipped", "delivered", "canceled", "returned"] as const

export const ListOrdersQuery = z
  .object({
    ...paginationQuery,
    status: z.enum(ORDER_PROGRESS).optional(),
    created_from: z.coerce.date({ invalid_type_error: "must be a date (YYYY-MM-DD)" }).optional(),
    created_to: z.coerce.date({ invalid_type_error: "must be a date (YYYY-MM-DD)" }).optional(),
  })
  .strict()

export const CreateFulfillmentBody = z
  .object({
    items: z.array(z.object({ id: z.string().min(1), quantity: z.number().int().min(1) }).strict()).min(1).optional(),
  })
  .strict()

export const ShipFulfillmentBody = z
  .object({
    carrier: z.string().trim().min(1).max(100),
    tracking_number: z.string().trim().min(1).max(100),
    tracking_url: z.string().url().max(500).optional(),
  })
  .strict()

export const CancelOrderBody = z.object({ reason: z.string().trim().max(500).optional() }).strict()

const shippingOptionFields = {
  name: text(120),
  description: optionalText(300),
  amount: vndAmount,
  free_above: vndAmount.nullable().optional(),
}

export const CreateShippingOptionBody = z.object(shippingOptionFields).strict()
export const UpdateShippingOptionBody = z
  .object(shippingOptionFields)
  .partial()
  .strict()
  .refine((b) => Object.keys(b).length > 0, { message: "Send at least one field to change" })
