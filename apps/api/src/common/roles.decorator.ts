import { SetMetadata } from '@nestjs/common';
import type { Role } from '../generated/prisma/client';

export const ROLES = 'kubelab:roles';

/** Only users with one of these roles may call the route. */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator => SetMetadata(ROLES, roles);
