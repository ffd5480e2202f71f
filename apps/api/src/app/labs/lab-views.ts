import type { Lab } from '@kubelab/labs';
import type { AttemptCheck, LabAttempt } from '../../generated/prisma/client';
import type { StoredLab } from './lab-catalog.service';

export function catalogEntry(stored: StoredLab) {
  const { metadata } = stored.lab;
  return {
    id: stored.id,
    version: stored.version,
    builtIn: stored.builtIn,
    title: metadata.title,
    summary: metadata.summary,
    difficulty: metadata.difficulty,
    estimatedMinutes: metadata.estimatedMinutes,
    tags: metadata.tags,
    prerequisites: metadata.prerequisites,
    tasks: stored.lab.tasks.length,
    points: stored.lab.tasks.reduce((sum, task) => sum + task.points, 0),
  };
}

/**
 * A lab as a learner sees it: instructions and checks' purposes, but not the
 * solution, the wrong attempts or hint texts not yet revealed (instructors
 * also get the source).
 */
export function labForLearner(stored: StoredLab, revealedHints: Record<string, number> = {}) {
  const lab: Lab = stored.lab;
  return {
    ...catalogEntry(stored),
    order: lab.order,
    tasks: lab.tasks.map((task) => ({
      id: task.id,
      title: task.title,
      instructions: task.instructions,
      points: task.points,
      hints: task.hints.map((hint, index) =>
        index < (revealedHints[task.id] ?? 0) ? { text: hint.text, cost: hint.cost } : { cost: hint.cost },
      ),
      checks: task.checks.map((check) => ({ id: check.id, type: check.type })),
    })),
  };
}

export function attemptView(attempt: LabAttempt, checks: AttemptCheck[] = []) {
  return {
    id: attempt.id,
    labId: attempt.labId,
    labVersion: attempt.labVersion,
    sandboxId: attempt.sandboxId,
    status: attempt.status,
    score: attempt.score,
    bestScore: attempt.bestScore,
    maxScore: attempt.maxScore,
    revealedHints: attempt.revealedHints,
    startedAt: attempt.startedAt.toISOString(),
    gradedAt: attempt.gradedAt?.toISOString() ?? null,
    passedAt: attempt.passedAt?.toISOString() ?? null,
    checks: checks.map((check) => ({
      id: check.checkId,
      taskId: check.taskId,
      passed: check.passed,
      message: check.message,
      diagnosis: check.diagnosis,
      firstPassedAt: check.firstPassedAt?.toISOString() ?? null,
    })),
  };
}
