-- CreateEnum
CREATE TYPE "AttemptStatus" AS ENUM ('in_progress', 'passed');

-- CreateTable
CREATE TABLE "labs" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "built_in" BOOLEAN NOT NULL DEFAULT false,
    "current_version" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "labs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "lab_versions" (
    "lab_id" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    "definition" JSONB NOT NULL,
    "sha256" TEXT NOT NULL,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "lab_versions_pkey" PRIMARY KEY ("lab_id","version")
);

-- CreateTable
CREATE TABLE "lab_attempts" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "lab_id" TEXT NOT NULL,
    "lab_version" INTEGER NOT NULL,
    "sandbox_id" UUID,
    "status" "AttemptStatus" NOT NULL DEFAULT 'in_progress',
    "score" INTEGER NOT NULL DEFAULT 0,
    "max_score" INTEGER NOT NULL,
    "best_score" INTEGER NOT NULL DEFAULT 0,
    "revealed_hints" JSONB NOT NULL DEFAULT '{}',
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "graded_at" TIMESTAMPTZ(3),
    "passed_at" TIMESTAMPTZ(3),

    CONSTRAINT "lab_attempts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "attempt_checks" (
    "attempt_id" UUID NOT NULL,
    "check_id" TEXT NOT NULL,
    "task_id" TEXT NOT NULL,
    "passed" BOOLEAN NOT NULL,
    "message" TEXT NOT NULL,
    "diagnosis" TEXT,
    "first_passed_at" TIMESTAMPTZ(3),
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "attempt_checks_pkey" PRIMARY KEY ("attempt_id","check_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "lab_attempts_sandbox_id_key" ON "lab_attempts"("sandbox_id");

-- CreateIndex
CREATE INDEX "lab_attempts_user_id_lab_id_idx" ON "lab_attempts"("user_id", "lab_id");

-- AddForeignKey
ALTER TABLE "lab_versions" ADD CONSTRAINT "lab_versions_lab_id_fkey" FOREIGN KEY ("lab_id") REFERENCES "labs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lab_versions" ADD CONSTRAINT "lab_versions_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lab_attempts" ADD CONSTRAINT "lab_attempts_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lab_attempts" ADD CONSTRAINT "lab_attempts_lab_id_lab_version_fkey" FOREIGN KEY ("lab_id", "lab_version") REFERENCES "lab_versions"("lab_id", "version") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attempt_checks" ADD CONSTRAINT "attempt_checks_attempt_id_fkey" FOREIGN KEY ("attempt_id") REFERENCES "lab_attempts"("id") ON DELETE CASCADE ON UPDATE CASCADE;
