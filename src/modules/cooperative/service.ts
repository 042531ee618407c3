import { MedusaService } from "@medusajs/framework/utils"
import { Cooperative } from "./models/cooperative"
import { CooperativeInvite } from "./models/cooperative-invite"
import { CooperativeStatusChange } from "./models/cooperative-status-change"
import { CooperativeUser } from "./models/cooperative-user"

class CooperativeModuleService extends MedusaService({
  Cooperative,
  CooperativeUser,
  CooperativeInvite,
  CooperativeStatusChange,
}) {}

export default CooperativeModuleService
