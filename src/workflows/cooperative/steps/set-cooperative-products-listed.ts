import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { marketplaceSalesChannelId } from "../../marketplace/read/marketplace"
import { cooperativeProductIds } from "../read/ownership"

/**
 * Puts all of a cooperative's products into the marketplace sales channel (listed: true) or takes
 * them out (listed: false). Channel membership is what the store filters on, so this single step is
 * what makes an approved cooperative's published products visible and a suspended one's vanish.
 */
export const setCooperativeProductsListedStep = createStep(
  "set-cooperative-products-listed",
  async (input: { cooperative_id: string; listed: boolean; product_ids?: string[] }, { container }) => {
    const link = container.resolve(ContainerRegistrationKeys.LINK)
    const productIds = input.product_ids ?? (await cooperativeProductIds(container, input.cooperative_id))
    if (!productIds.length) return new StepResponse([], null)

    const salesChannelId = await marketplaceSalesChannelId(container)
    const links = productIds.map((product_id) => ({
      [Modules.PRODUCT]: { product_id },
      [Modules.SALES_CHANNEL]: { sales_channel_id: salesChannelId },
    }))
    if (input.listed) {
      await link.create(links)
    } else {
      await link.dismiss(links)
    }
    return new StepResponse(productIds, { links, listed: input.listed })
  },
  async (undo, { container }) => {
    if (!undo) return
    const link = container.resolve(ContainerRegistrationKeys.LINK)
    if (undo.listed) await link.dismiss(undo.links)
    else await link.create(undo.links)
  }
)
