import { z } from 'zod';
import { passwordSchema } from '../auth/auth.schemas';

export const updateUserSchema = z
  .object({
    role: z.enum(['learner', 'instructor', 'admin']).optional(),
    name: z.string().trim().min(1, { message: 'is required' }).max(100).optional(),
  })
  .strict();

export const resetPasswordSchema = z.object({ password: passwordSchema }).strict();

export type UpdateUser = z.infer<typeof updateUserSchema>;
export type ResetPassword = z.infer<typeof resetPasswordSchema>;
