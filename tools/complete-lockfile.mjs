// The npm registry these machines reach does not serve every platform build
// of a few native packages (e.g. @swc/core-darwin-arm64 answers 404), so
// `npm install` leaves them out of package-lock.json, and `npm ci` then
// refuses the lock file ("Missing: ... from lock file"). This adds each
// missing optional platform package with the os/cpu/libc its name states,
// which is all npm needs to skip it on other platforms without fetching it.
// Run after changing dependencies: `npm install && node tools/complete-lockfile.mjs`.
import { readFileSync, writeFileSync } from 'node:fs';

const path = 'package-lock.json';
const lock = JSON.parse(readFileSync(path, 'utf8'));
const packages = lock.packages;

const OS = ['darwin', 'linux', 'win32', 'freebsd', 'android', 'openharmony', 'sunos', 'aix', 'netbsd', 'openbsd'];
const CPU = ['arm64', 'x64', 'ia32', 'arm', 'ppc64', 's390x', 'riscv64', 'loong64', 'mips64el'];

/** Reads "<prefix>-<os>-<cpu>[-<abi>]" names such as core-linux-arm-gnueabihf. */
function platformOf(name) {
  const parts = name.split('/').pop().split('-');
  const osIndex = parts.findIndex((part) => OS.includes(part));
  if (osIndex < 0) return undefined;
  const cpu = parts[osIndex + 1];
  if (!CPU.includes(cpu)) return undefined;
  const abi = parts.slice(osIndex + 2).join('-');
  const libc = /musl/.test(abi) ? 'musl' : /gnu/.test(abi) ? 'glibc' : undefined;
  return { os: [parts[osIndex]], cpu: [cpu], ...(libc && parts[osIndex] === 'linux' ? { libc: [libc] } : {}) };
}

let added = 0;
for (const [location, entry] of Object.entries(packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const nested = `${location ? `${location}/` : ''}node_modules/${name}`;
    if (packages[nested] || packages[`node_modules/${name}`]) continue;
    const platform = platformOf(name);
    if (!platform) {
      console.error(`complete-lockfile: ${name} is missing from the lock file and is not a platform package`);
      process.exitCode = 1;
      continue;
    }
    packages[`node_modules/${name}`] = { version, optional: true, ...platform };
    added += 1;
  }
}
const sorted = Object.fromEntries(
  Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : 1)),
);
lock.packages = sorted;
writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`complete-lockfile: ${added} platform package(s) added`);
