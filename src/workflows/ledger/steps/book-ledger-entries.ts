import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LEDGER_MODULE, LedgerEntryInput, LedgerModuleService } from "../../../modules/ledger"

/**
 * Appends entries in one INSERT; lines whose source is already booked are skipped by the database,
 * so running again (an event delivered twice, a retried workflow) books nothing twice. No
 * compensation: the ledger is append-only, so this is always a workflow's last write.
 */
export const bookLedgerEntriesStep = createStep("book-ledger-entries", async (input: { entries: LedgerEntryInput[] }, { container }) => {
  const ledger: LedgerModuleService = container.resolve(LEDGER_MODULE)
  const booked = await ledger.book(input.entries)
  return new StepResponse({ booked: booked.length, skipped: input.entries.length - booked.length, ids: booked.map((b) => b.id) })
})
