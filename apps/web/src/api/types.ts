/** Shapes exchanged with the kubelab API (apps/api). */

export const ROLES = ['learner', 'instructor', 'admin'] as const;

export type Role = (typeof ROLES)[number];

export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
}

export interface ManagedUser extends User {
  /** ISO 8601 timestamp. */
  createdAt: string;
}

export interface AuthOptions {
  signUpEnabled: boolean;
}

export interface ApiIssue {
  path: string;
  message: string;
}

/** Body of every non-2xx response from the API. */
export interface ApiErrorBody {
  statusCode: number;
  error: string;
  message: string;
  issues?: ApiIssue[];
}
