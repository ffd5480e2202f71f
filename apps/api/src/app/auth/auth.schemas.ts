import { z } from 'zod';

const email = z
  .email({ message: 'must be an email address' })
  .max(254)
  .transform((value) => value.toLowerCase());

export const passwordSchema = z
  .string()
  .min(10, { message: 'must be at least 10 characters' })
  .max(200, { message: 'must be at most 200 characters' });

export const signUpSchema = z.object({
  email,
  name: z.string().trim().min(1, { message: 'is required' }).max(100),
  password: passwordSchema,
});

export const signInSchema = z.object({
  email: z
    .string()
    .max(254)
    .transform((value) => value.trim().toLowerCase()),
  password: z.string().max(200),
});

export type SignUp = z.infer<typeof signUpSchema>;
export type SignIn = z.infer<typeof signInSchema>;
