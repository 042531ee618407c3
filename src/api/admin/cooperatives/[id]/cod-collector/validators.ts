import { z } from "zod"

/** null: the cooperative follows the union's COD_COLLECTOR. */
export const SetCodCollectorBody = z
  .object({
    cod_collector: z.enum(["cooperative", "union"], {
      errorMap: () => ({ message: 'must be "cooperative" (its own carrier account), "union" (the union\'s carrier contract) or null' }),
    }).nullable(),
  })
  .strict()
