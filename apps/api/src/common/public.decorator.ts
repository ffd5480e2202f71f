import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'kubelab:public';

/** Marks a route (or controller) as reachable without signing in. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);
