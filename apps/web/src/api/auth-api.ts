import { apiRequest } from './api-client';
import { isApiError } from './api-error';
import type { AuthOptions, User } from './types';

interface UserResponse {
  user: User;
}

export function getAuthOptions(signal?: AbortSignal): Promise<AuthOptions> {
  return apiRequest<AuthOptions>('/api/v1/auth/options', { signal });
}

/** The signed-in user, or null when there is no valid session (401). */
export async function getCurrentUser(signal?: AbortSignal): Promise<User | null> {
  try {
    const { user } = await apiRequest<UserResponse>('/api/v1/auth/me', { signal });
    return user;
  } catch (error) {
    if (isApiError(error, 401)) return null;
    throw error;
  }
}

export interface SignInInput {
  email: string;
  password: string;
}

export async function signIn(input: SignInInput): Promise<User> {
  const { user } = await apiRequest<UserResponse>('/api/v1/auth/sign-in', {
    method: 'POST',
    body: input,
  });
  return user;
}

export interface SignUpInput {
  email: string;
  name: string;
  password: string;
}

export async function signUp(input: SignUpInput): Promise<User> {
  const { user } = await apiRequest<UserResponse>('/api/v1/auth/sign-up', {
    method: 'POST',
    body: input,
  });
  return user;
}

export function signOut(): Promise<undefined> {
  return apiRequest<undefined>('/api/v1/auth/sign-out', { method: 'POST', body: {} });
}
