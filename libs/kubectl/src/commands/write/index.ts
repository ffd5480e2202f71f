// The write commands, for the registry.
import type { KubectlCommand } from '../../cli/invocation';
import { apply } from './apply';
import { create } from './create';
import { createConfigMap, createSecretGeneric } from './create-configmap';
import { createDeployment } from './create-deployment';
import { createNamespace } from './create-namespace';
import { createServiceCommands } from './create-service';
import { createServiceAccount } from './create-serviceaccount';
import { deleteCommand } from './delete';
import { edit } from './edit';
import { expose } from './expose';
import { annotate, label } from './metadata-update';
import { patch } from './patch';
import { replace } from './replace';
import { run } from './run';
import { scale } from './scale';
import { setEnv, setSelector } from './set-environment';
import { setImage } from './set-image';

export const writeCommands: KubectlCommand[] = [
  create,
  createDeployment,
  ...createServiceCommands,
  createNamespace,
  createConfigMap,
  createSecretGeneric,
  createServiceAccount,
  run,
  expose,
  apply,
  deleteCommand,
  edit,
  label,
  annotate,
  scale,
  setImage,
  setEnv,
  setSelector,
  patch,
  replace,
];
