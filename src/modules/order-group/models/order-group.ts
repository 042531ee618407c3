import { model } from "@medusajs/framework/utils"

/**
 * One purchase across cooperatives: the shopper paid once, each cooperative got its own order.
 * `cart_id` is unique, so a cart can never be completed into two groups, whatever the locks do.
 * `shares` attributes the single payment to the orders in whole đồng and sums to `total`.
 */
export const OrderGroup = model.define("order_group", {
  id: model.id({ prefix: "ordgrp" }).primaryKey(),
  cart_id: model.text().unique(),
  email: model.text().nullable(),
  customer_id: model.text().nullable(),
  currency_code: model.text(),
  /** bigint in the database (Migration20261201100600), at most MAX_VND. */
  total: model.number(),
  payment_collection_id: model.text().nullable(),
  payment_provider_id: model.text().nullable(),
  /** The reference the shopper puts in a bank transfer (VietQR), to match the bank's notification. */
  payment_reference: model.text().index().nullable(),
  shares: model.json(),
})
