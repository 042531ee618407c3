import { MedusaModule } from "@medusajs/framework/modules-sdk"
import { expectMentions, probe } from "./shape"

// Module lifecycle hooks: Medusa calls `instance.__hooks.onApplicationPrepareShutdown` (and
// onApplicationStart / onApplicationShutdown) on every loaded module service. The double
// underscore marks it as Medusa's own convention, not documented API; the traceability module
// uses it to write its buffered scan counts before the process exits
// (src/modules/traceability/service.ts). If Medusa stopped calling it, scans counted in the last
// few seconds before a shutdown would be lost without an error.

export const MODULE_HOOKS = ["onApplicationStart", "onApplicationPrepareShutdown", "onApplicationShutdown"] as const
export type ModuleHooks = { [K in (typeof MODULE_HOOKS)[number]]?: () => Promise<void> }

export function checkModuleHooks(): string[] {
  return probe(() => {
    const medusaModule = MedusaModule as unknown as Record<string, unknown>
    return MODULE_HOOKS.flatMap((hook) => expectMentions(medusaModule[hook], [`__hooks?.${hook}`], `MedusaModule.${hook}`))
  })
}
