import { z } from 'zod';

/** A lab file's text (YAML), at most 512 KiB. */
export const labSourceSchema = z
  .object({
    source: z
      .string()
      .min(1)
      .max(512 * 1024),
  })
  .strict();
export const revealHintSchema = z.object({ taskId: z.string().min(1) }).strict();

export type LabSource = z.infer<typeof labSourceSchema>;
export type RevealHint = z.infer<typeof revealHintSchema>;
