import { z } from "zod";

export const statisticsQuery = z.object({
  year: z.coerce.number().int().min(1900).max(2999).optional(),
  quarter: z.coerce
    .number()
    .int()
    .min(1)
    .max(4)
    .optional()
    .transform((q) => q as 1 | 2 | 3 | 4 | undefined),
});
