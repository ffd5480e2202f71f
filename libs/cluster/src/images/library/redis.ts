// docker.io/library/redis: the 6.0, 6.2, 7.0, 7.2 and 7.4 releases on Debian
// and Alpine, started by docker-entrypoint.sh, which steps down to the redis
// user with gosu and execs redis-server as PID 1 in /data.

import { redisStartupLogs } from '../logs';
import { debianOrAlpine, resolveTag, type Release, type TagScheme } from '../tags';
import { DEFAULT_PATH, type ImageDefinition, type ListenSpec, type RepositoryDefinition } from '../types';
import { alpineShell, debianShell } from './base-systems';

const REPOSITORY = 'docker.io/library/redis';

// version, Debian codename, Alpine release, GOSU_VERSION on Debian and on
// Alpine ('-': none), REDIS_DOWNLOAD_SHA ('-': not known here). From the
// Dockerfiles of docker-library/redis and redis/docker-library-redis and the
// tags of docker-library/official-images (2025-02-20).
const RELEASE_LINES = `
7.4.2 bookworm 3.21 1.17 1.17 -
7.4.1 bookworm 3.20 1.17 1.17 bc34b878eb89421bbfca6fa78752343bf37af312a09eb0fae47c9575977dfaa2
7.4.0 bookworm 3.20 1.17 1.17 57b47c2c6682636d697dbf5d66d8d495b4e653afc9cd32b7adf9da3e433b8aaf
7.2.7 bookworm 3.21 1.17 1.17 -
7.2.6 bookworm 3.20 1.17 1.17 fb10d67a2fe2b4556f6cb840064dd6e6e3175ce8ca035f0726990ec2da9f3d0e
7.2.5 bookworm 3.20 1.17 1.17 5981179706f8391f03be91d951acafaeda91af7fac56beffb2701963103e423d
7.2.4 bookworm 3.19 1.17 1.17 8d104c26a154b29fd67d6568b4f375212212ad41e0c2caa3d66480e78dbd3b59
7.2.3 bookworm 3.19 1.17 1.17 3e2b196d6eb4ddb9e743088bfc2915ccbb42d40f5a8a3edd8cb69c716ec34be7
7.2.2 bookworm 3.18 1.16 - ca999be08800edc6d265379c4c7aafad92f0ee400692e4e2d69829ab4b4c3d08
7.2.1 bookworm 3.18 1.16 - 5c76d990a1b1c5f949bcd1eed90d0c8a4f70369bdbdcb40288c561ddf88967a4
7.2.0 bookworm 3.18 1.16 - 8b12e242647635b419a0e1833eda02b65bf64e39eb9e509d9db4888fb3124943
7.0.15 bookworm 3.20 1.17 1.17 98066f5363504b26c34dd20fbcc3c957990d764cdf42576c836fc021073f4341
7.0.14 bookworm 3.19 1.17 1.17 7e1cdf347f4970ea39d5b7fdb19aedec4c21942e202de65bdeb782d38d2f299f
7.0.13 bookworm 3.18 1.16 - 97065774d5fb8388eb0d8913458decfcb167d356e40d31dd01cd30c1cc391673
7.0.12 bookworm 3.18 1.16 - 9dd83d5b278bb2bf0e39bfeb75c3e8170024edbaf11ba13b7037b2945cf48ab7
7.0.11 bullseye 3.18 1.16 - ce250d1fba042c613de38a15d40889b78f7cb6d5461a27e35017ba39b07221e3
7.0.10 bullseye 3.17 1.16 - 1dee4c6487341cae7bd6432ff7590906522215a061fdef87c7d040a0cb600131
7.0.9 bullseye 3.17 1.16 - f77135c2a47c9151d4028bfea3b34470ab4d324d1484f79a84c6f32a3cfb9f65
7.0.8 bullseye 3.17 1.16 - 06a339e491306783dcf55b97f15a5dbcbdc01ccbde6dc23027c475cab735e914
7.0.7 bullseye 3.17 1.14 - 8d327d7e887d1bb308fc37aaf717a0bf79f58129e3739069aaeeae88955ac586
7.0.6 bullseye 3.17 1.14 - 7b33a7e890d13e27af1f246acb16312669ad8a1d56ce8f807dfbcd3c09aa7bb3
7.0.5 bullseye 3.17 1.14 - 67054cc37b58c125df93bd78000261ec0ef4436a26b40f38262c780e56315cc3
7.0.4 bullseye 3.16 1.14 - f0e65fda74c44a3dd4fa9d512d4d4d833dd0939c934e946a5c622a630d057f2f
7.0.3 bullseye 3.16 1.14 - 2cde7d17214ffe305953da9fff12333e8a72caa57fd4923e4872f6362a208e73
7.0.2 bullseye 3.16 1.14 - 5e57eafe7d4ac5ecb6a7d64d6b61db775616dbf903293b3fcc660716dbda5eeb
7.0.1 bullseye 3.16 1.14 - ca1820d527e4759884620be2917079e61e996fa81da5fbe5c07c4a7b507264dc
7.0.0 bullseye 3.16 1.14 - 284d8bd1fd85d6a55a05ee4e7c31c31977ad56cbf344ed83790beeb148baa720
6.2.17 bookworm 3.21 1.17 1.17 -
6.2.16 bookworm 3.20 1.17 1.17 846bff83c26d827d49f8cc8114ea9d1e72eea1169f7de36b8135ea2cec104e7d
6.2.14 bookworm 3.20 1.17 1.17 34e74856cbd66fdb3a684fb349d93961d8c7aa668b06f81fd93ff267d09bc277
6.2.13 bookworm 3.18 1.16 - 89ff27c80d420456a721ccfb3beb7cc628d883c53059803513749e13214a23d1
6.2.12 bullseye 3.18 1.16 - 75352eef41e97e84bfa94292cbac79e5add5345fc79787df5cbdff703353fb1b
6.2.11 bullseye 3.17 1.16 - 8c75fb9cdd01849e92c23f30cb7fe205ea0032a38d11d46af191014e9acc3098
6.2.10 bullseye 3.17 1.16 - 22684f66d272379b91e3e53693918b535e2a6e54b9d14e1cad171658e0eefeca
6.2.9 bullseye 3.17 1.14 - 9661b2c6b1cc9bf2999471b37a4d759fa5e747d408142c18af8792ebd8384a2a
6.2.8 bullseye 3.17 1.14 - f91ab24bcb42673cb853292eb5d43c2017d11d659854808ed6a529c97297fdfe
6.2.7 bullseye 3.17 1.14 - b7a79cc3b46d3c6eb52fa37dde34a4a60824079ebdfb3abfbbfa035947c55319
6.2.6 buster 3.15 1.14 - 5b2b8b7a50111ef395bf1c1d5be11e6e167ac018125055daa8b5c2317ae131ab
6.2.5 buster 3.14 1.12 - 4b9a75709a1b74b3785e20a6c158cab94cf52298aa381eea947a678a60d551ae
6.2.4 buster 3.14 1.12 - ba32c406a10fc2c09426e2be2787d74ff204eb3a2e496d87cff76a476b6ae16e
6.2.3 buster 3.13 1.12 - 98ed7d532b5e9671f5df0825bb71f0f37483a16546364049384c63db8764512b
6.2.2 buster 3.13 1.12 - 7a260bb74860f1b88c3d5942bf8ba60ca59f121c6dce42d3017bed6add0b9535
6.2.1 buster 3.13 1.12 - cd222505012cce20b25682fca931ec93bd21ae92cb4abfe742cf7b76aa907520
6.2.0 buster 3.13 1.12 - 67d624c25d962bd68aff8812a135df85bad07556b8825f3bcd5b522a9932dbca
6.0.20 bookworm 3.19 1.17 1.17 173d4c5f44b5d7186da96c4adc5cb20e8018b50ec3a8dfe0d191dbbab53952f0
6.0.19 bullseye 3.18 1.16 - 55e26318c3d9c53a77a6e802f60524afdddd057a2e965cebcf781a0a72f0e3e6
6.0.18 bullseye 3.17 1.16 - d7b4f2a97fcab96727284092b0a4aa854af47d570803fa0e7a0345359743836e
6.0.17 bullseye 3.17 1.16 - ad50bf7c6bf98d7bf3c626bdd5588368f52c82c8d41869cca024455f651e7bfc
6.0.16 buster 3.17 1.14 - 3639bbf29aca1a1670de1ab2ce224d6511c63969e7e590d3cdf8f7888184fa19
6.0.15 buster 3.14 1.12 - 4bc295264a95bc94423c162a9eee66135a24a51eefe5f53f18fc9bde5c3a9f74
6.0.14 buster 3.14 1.12 - c3e60c928b183ca9fe8e878936a6f8ba99e0441b9b6e04d2412a750ea576c649
6.0.13 buster 3.13 1.12 - 3049763f4553ddd5a69552f41da3dd7dde9fbc524dbb15e517fee24cc73b790c
6.0.12 buster 3.13 1.12 - f16ad973d19f80f121e53794d5eb48a997e2c6a85b5be41bb3b66750cc17bf6b
6.0.11 buster 3.13 1.12 - c927f2d110e88fda308526a1809a4d7dfcd004319f0de66d40a58a42aec23c5f
6.0.10 buster 3.13 1.12 - 79bbb894f9dceb33ca699ee3ca4a4e1228be7fb5547aeb2f99d921e86c1285bd
6.0.9 buster 3.12 1.12 - dc2bdcf81c620e9f09cfd12e85d3bc631c897b2db7a55218fd8a65eaa37f86dd
6.0.8 buster 3.12 1.12 - 04fa1fddc39bd1aecb6739dd5dd73858a3515b427acd1e2947a66dadce868d68
6.0.7 buster 3.12 1.12 - c2aaa1a4c7e72c70adedf976fdd5e1d34d395989283dab9d7840e0a304bb2393
6.0.6 buster 3.12 1.12 - 12ad49b163af5ef39466e8d2f7d212a58172116e5b441eebecb4e6ca22363d94
6.0.5 buster 3.12 1.12 - 42cf86a114d2a451b898fcda96acd4d01062a7dbaaad2801d9164a36f898f596
6.0.4 buster 3.12 1.12 - 3337005a1e0c3aa293c87c313467ea8ac11984921fab08807998ba765c9943de
6.0.3 buster 3.11 1.12 - bca46dce81fe92f7b2de4cf8ae41fbc4b94fbd5674def7f12c87e7f9165cbb3a
6.0.2 buster 3.11 1.12 - 9c37cd4228a57e82e7037094751c63349302b0b86c5e30b778a63a802dfd0109
6.0.1 buster 3.11 1.12 - b8756e430479edc162ba9c44dc89ac394316cd482f2dc6b91bcd5fe12593f273
6.0.0 buster 3.11 1.12 - 16d13ec1c3255206deb4818ed444dca6dda1482b551736f0033253c211b788fc
`;

interface RedisBuild {
  readonly gosu: Readonly<Record<string, string>>;
  readonly sha: string | undefined;
}

const BUILDS = new Map<string, RedisBuild>();
const RELEASES: Release[] = RELEASE_LINES.trim()
  .split('\n')
  .map((line) => {
    const [version = '', codename = '', alpine = '', gosuDebian = '-', gosuAlpine = '-', sha = '-'] = line.split(' ');
    const gosu: Record<string, string> = {};
    if (gosuDebian !== '-') gosu['debian'] = gosuDebian;
    if (gosuAlpine !== '-') gosu['alpine'] = gosuAlpine;
    BUILDS.set(version, { gosu, sha: sha === '-' ? undefined : sha });
    return { version, systems: { debian: codename, alpine } };
  });

const SCHEME: TagScheme = {
  releases: RELEASES,
  defaultFlavour: 'debian',
  channels: { latest: '' },
  systemWord: debianOrAlpine(['buster', 'bullseye', 'bookworm']),
};

const TOOLS = ['redis-server', 'redis-cli', 'redis-benchmark', 'redis-check-aof', 'redis-check-rdb', 'redis-sentinel'];

export const redisRepository: RepositoryDefinition = {
  name: REPOSITORY,
  resolve(tag) {
    const resolved = resolveTag(SCHEME, tag);
    const build = resolved ? BUILDS.get(resolved.release.version) : undefined;
    if (!resolved || !build) return undefined;
    const version = resolved.release.version;
    const alpine = resolved.flavour === 'alpine';
    const gosu = build.gosu[resolved.flavour];
    const env: Array<readonly [string, string]> = [['PATH', DEFAULT_PATH]];
    if (gosu) env.push(['GOSU_VERSION', gosu]);
    env.push(
      ['REDIS_VERSION', version],
      ['REDIS_DOWNLOAD_URL', `http://download.redis.io/releases/redis-${version}.tar.gz`],
    );
    if (build.sha) env.push(['REDIS_DOWNLOAD_SHA', build.sha]);
    const tools = [...TOOLS, gosu ? 'gosu' : 'su-exec'];
    const image: ImageDefinition = {
      kind: 'redis',
      repository: REPOSITORY,
      canonicalTag: resolved.canonicalTag,
      version,
      sizeBytes: alpine ? 17_237_825 : 45_012_624,
      entrypoint: ['docker-entrypoint.sh'],
      cmd: ['redis-server'],
      workingDir: '/data',
      env,
      runsUntilStopped: true,
      exitCode: 0,
      stopSignal: 'SIGTERM',
      handlesSigterm: true,
      shell: alpine ? alpineShell(tools) : debianShell(tools),
      httpServer: undefined,
      listeningPorts: (_env, argv) => [redisListen(argv)],
      start: (ctx) => {
        const listen = redisListen(ctx.argv);
        const configured = serverArgs(ctx.argv).length > 0;
        const logs = redisStartupLogs(version, listen.port, configured, ctx);
        return { logs, running: true, exitCode: undefined, listens: [listen] };
      },
    };
    return image;
  },
};

// The arguments redis-server gets after its own name (`redis-server --port 7000`).
function serverArgs(argv: readonly string[] | undefined): readonly string[] {
  const at = (argv ?? []).findIndex((arg) => arg.split('/').pop() === 'redis-server');
  return at === -1 ? [] : (argv ?? []).slice(at + 1);
}

function redisListen(argv: readonly string[] | undefined): ListenSpec {
  const args = serverArgs(argv);
  const flag = args.indexOf('--port');
  const port = flag === -1 ? 6379 : Number(args[flag + 1]);
  return { port: Number.isInteger(port) && port > 0 ? port : 6379, protocol: 'TCP', service: 'redis' };
}
