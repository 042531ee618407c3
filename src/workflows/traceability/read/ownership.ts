import type { MedusaContainer } from "@medusajs/framework/types"
import { TRACEABILITY_MODULE, TraceabilityModuleService } from "../../../modules/traceability"

// Ownership questions for the tenant middleware: a lot belongs to the cooperative that created it.

export async function ownsLot(container: MedusaContainer, cooperativeId: string, lotId: string): Promise<boolean> {
  const service: TraceabilityModuleService = container.resolve(TRACEABILITY_MODULE)
  return (await service.listLots({ id: lotId, cooperative_id: cooperativeId }, { select: ["id"] })).length === 1
}

/** Whether the event exists, belongs to that lot, and the lot to the cooperative. */
export async function ownsLotEvent(container: MedusaContainer, cooperativeId: string, lotId: string, eventId: string): Promise<boolean> {
  const service: TraceabilityModuleService = container.resolve(TRACEABILITY_MODULE)
  const [event] = await service.listTraceEvents({ id: eventId, lot_id: lotId } as any, { select: ["id"] })
  return !!event && (await ownsLot(container, cooperativeId, lotId))
}
