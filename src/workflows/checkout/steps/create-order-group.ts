import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ORDER_GROUP_MODULE, OrderGroupModuleService, PaymentShare } from "../../../modules/order-group"

export type CreateOrderGroupInput = {
  cart_id: string
  email?: string | null
  customer_id?: string | null
  currency_code: string
  total: number
  payment_collection_id?: string | null
  payment_provider_id?: string | null
  payment_reference?: string | null
  shares: PaymentShare[]
}

export const createOrderGroupStep = createStep(
  "create-order-group",
  async (input: CreateOrderGroupInput, { container }) => {
    const service: OrderGroupModuleService = container.resolve(ORDER_GROUP_MODULE)
    const group = await service.createOrderGroups(input as any)
    return new StepResponse(group, group.id)
  },
  async (id, { container }) => {
    if (!id) return
    await (container.resolve(ORDER_GROUP_MODULE) as OrderGroupModuleService).deleteOrderGroups(id)
  }
)
