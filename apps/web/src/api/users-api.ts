import { apiRequest } from './api-client';
import type { ManagedUser, Role, User } from './types';

interface UserListResponse {
  items: ManagedUser[];
}

export async function listUsers(signal?: AbortSignal): Promise<ManagedUser[]> {
  const { items } = await apiRequest<UserListResponse>('/api/v1/users', { signal });
  return items;
}

export interface UserUpdate {
  role?: Role;
  name?: string;
}

export async function updateUser(id: string, update: UserUpdate): Promise<User> {
  const { user } = await apiRequest<{ user: User }>(`/api/v1/users/${encodeURIComponent(id)}`, {
    method: 'PATCH',
    body: update,
  });
  return user;
}

export function resetUserPassword(id: string, password: string): Promise<undefined> {
  return apiRequest<undefined>(`/api/v1/users/${encodeURIComponent(id)}/password`, {
    method: 'POST',
    body: { password },
  });
}
