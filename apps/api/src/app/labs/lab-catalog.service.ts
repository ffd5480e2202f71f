import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { validateLab } from '@kubelab/grader';
import { formatProblem, type Lab, type LabProblem, loadLab } from '@kubelab/labs';
import type { Logger } from 'pino';
import type { Lab as LabRow, LabVersion as LabVersionRow, Prisma } from '../../generated/prisma/client';
import type { Configuration } from '../../services/configuration/configuration';
import { CONFIGURATION } from '../../services/configuration/configuration.token';
import { LOGGER } from '../../services/logger/logger.token';
import { PrismaService } from '../../services/prisma/prisma.service';
import { shellLabRunner } from './lab-runner';

export interface StoredLab {
  id: string;
  title: string;
  builtIn: boolean;
  version: number;
  lab: Lab;
  source: string;
}

/** A lab file that does not load: its problems, by line and field. */
export class InvalidLabError extends Error {
  constructor(readonly problems: LabProblem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'InvalidLabError';
  }
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function versionRow(lab: Lab, source: string, version: number, createdById: string | null) {
  return {
    labId: lab.metadata.id,
    version,
    source,
    definition: lab as unknown as Prisma.InputJsonObject,
    sha256: sha256(source),
    createdById,
  };
}

function storedLab(lab: LabRow, row: LabVersionRow): StoredLab {
  return {
    id: lab.id,
    title: lab.title,
    builtIn: lab.builtIn,
    version: row.version,
    lab: row.definition as unknown as Lab,
    source: row.source,
  };
}

/**
 * The labs in the database, every version kept. The built-in ones are read
 * from LABS_DIR at startup: a changed file becomes a new version; a file that
 * does not load is logged and skipped, never fatal.
 */
@Injectable()
export class LabCatalog implements OnApplicationBootstrap {
  constructor(
    private readonly prisma: PrismaService,
    @Inject(CONFIGURATION) private readonly configuration: Configuration,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.syncBuiltIns();
  }

  async syncBuiltIns(): Promise<{ published: number; unchanged: number; invalid: number }> {
    const counts = { published: 0, unchanged: 0, invalid: 0 };
    const names = await readdir(this.configuration.labsDir).catch(() => [] as string[]);
    const labs: Array<{ lab: Lab; source: string }> = [];
    for (const name of names.filter((file) => /\.ya?ml$/.test(file)).sort()) {
      const file = join(this.configuration.labsDir, name);
      const source = await readFile(file, 'utf8');
      const loaded = loadLab(source, `labs/${name}`);
      if (loaded.ok) labs.push({ lab: loaded.lab, source });
      else {
        counts.invalid++;
        this.logger.error(
          { file, problems: loaded.problems.map(formatProblem) },
          'a built-in lab does not load; skipped',
        );
      }
    }
    // What is stored already, in one query: most starts change nothing.
    const current = await this.prisma.lab.findMany({
      where: { id: { in: labs.map(({ lab }) => lab.metadata.id) } },
      select: { id: true, currentVersion: true, versions: { select: { version: true, sha256: true } } },
    });
    const storedSha = new Map(
      current.map((lab) => [lab.id, lab.versions.find((version) => version.version === lab.currentVersion)?.sha256]),
    );
    const fresh = labs.filter(({ lab }) => !storedSha.has(lab.metadata.id));
    if (fresh.length > 0) {
      await this.prisma.$transaction([
        this.prisma.lab.createMany({
          data: fresh.map(({ lab }) => ({
            id: lab.metadata.id,
            title: lab.metadata.title,
            builtIn: true,
            currentVersion: 1,
          })),
        }),
        this.prisma.labVersion.createMany({
          data: fresh.map(({ lab, source }) => versionRow(lab, source, 1, null)),
        }),
      ]);
      counts.published += fresh.length;
    }
    for (const { lab, source } of labs.filter(({ lab }) => storedSha.has(lab.metadata.id))) {
      if (storedSha.get(lab.metadata.id) === sha256(source)) counts.unchanged++;
      else if ((await this.store(lab, source, { builtIn: true })) !== 'unchanged') counts.published++;
    }
    this.logger.info(counts, 'built-in labs loaded');
    return counts;
  }

  /**
   * Loads `source` and stores it as a new version (or the first); invalid
   * labs throw InvalidLabError. With `rehearse`, its solution and wrong
   * attempts are played in sandboxes first, as `kubelab lab validate` does.
   */
  async publish(
    source: string,
    options: { builtIn: boolean; createdById?: string; expectedId?: string; rehearse?: boolean },
  ): Promise<{ lab: StoredLab; outcome: 'created' | 'new-version' | 'unchanged' }> {
    const loaded = loadLab(source, 'lab.yaml');
    if (!loaded.ok) throw new InvalidLabError(loaded.problems);
    if (options.expectedId !== undefined && loaded.lab.metadata.id !== options.expectedId) {
      throw new InvalidLabError([
        { file: 'lab.yaml', line: 0, column: 0, path: 'metadata.id', message: `must be "${options.expectedId}"` },
      ]);
    }
    if (options.rehearse) {
      // As `kubelab lab validate`: the solution passes, the wrong attempts fail, no task is done from the start.
      const { problems } = await validateLab(loaded.lab, shellLabRunner);
      if (problems.length > 0) {
        throw new InvalidLabError(
          problems.map((message) => ({ file: 'lab.yaml', line: 0, column: 0, path: '', message })),
        );
      }
    }
    const outcome = await this.store(loaded.lab, source, options);
    const stored = await this.find(loaded.lab.metadata.id);
    if (!stored) throw new Error('the lab just stored is missing');
    return { lab: stored, outcome };
  }

  private async store(
    lab: Lab,
    source: string,
    options: { builtIn: boolean; createdById?: string },
  ): Promise<'created' | 'new-version' | 'unchanged'> {
    const id = lab.metadata.id;
    const digest = sha256(source);
    return this.prisma.$transaction(async (tx) => {
      const existing = await tx.lab.findUnique({ where: { id } });
      const current = existing
        ? await tx.labVersion.findUnique({ where: { labId_version: { labId: id, version: existing.currentVersion } } })
        : null;
      if (current?.sha256 === digest) return 'unchanged';
      const version = (existing?.currentVersion ?? 0) + 1;
      if (existing) {
        await tx.lab.update({ where: { id }, data: { title: lab.metadata.title, currentVersion: version } });
      } else {
        await tx.lab.create({
          data: { id, title: lab.metadata.title, builtIn: options.builtIn, currentVersion: version },
        });
      }
      await tx.labVersion.create({ data: versionRow(lab, source, version, options.createdById ?? null) });
      return existing ? 'new-version' : 'created';
    });
  }

  /** Every lab at its current version (two queries, whatever the size of the catalogue). */
  async list(): Promise<StoredLab[]> {
    const labs = await this.prisma.lab.findMany({ orderBy: { id: 'asc' } });
    if (labs.length === 0) return [];
    const versions = await this.prisma.labVersion.findMany({
      where: { OR: labs.map((lab) => ({ labId: lab.id, version: lab.currentVersion })) },
    });
    const byLab = new Map(versions.map((row) => [row.labId, row]));
    return labs.flatMap((lab) => {
      const row = byLab.get(lab.id);
      return row ? [storedLab(lab, row)] : [];
    });
  }

  async find(id: string, version?: number): Promise<StoredLab | undefined> {
    const lab = await this.prisma.lab.findUnique({ where: { id } });
    if (!lab) return undefined;
    const row = await this.prisma.labVersion.findUnique({
      where: { labId_version: { labId: id, version: version ?? lab.currentVersion } },
    });
    return row ? storedLab(lab, row) : undefined;
  }

  async versions(id: string) {
    return this.prisma.labVersion.findMany({
      where: { labId: id },
      orderBy: { version: 'asc' },
      select: { version: true, sha256: true, createdById: true, createdAt: true },
    });
  }
}
