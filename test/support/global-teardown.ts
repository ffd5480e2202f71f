import { rm } from 'node:fs/promises';

export default async function globalTeardown(): Promise<void> {
  const directory = process.env['KUBELAB_TEST_DIR'];
  if (directory) await rm(directory, { recursive: true, force: true });
}
