import { Module } from "@medusajs/framework/utils"
import TraceabilityModuleService from "./service"

export const TRACEABILITY_MODULE = "traceability"

export default Module(TRACEABILITY_MODULE, {
  service: TraceabilityModuleService,
})

export { TraceabilityModuleService }
export { LOT_STATUSES } from "./models/lot"
export { TRACE_EVENT_TYPES, type TraceEventType } from "./models/trace-event"
