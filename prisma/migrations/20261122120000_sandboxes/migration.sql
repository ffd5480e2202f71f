-- CreateEnum
CREATE TYPE "SandboxStatus" AS ENUM ('ready', 'broken');

-- CreateEnum
CREATE TYPE "SandboxCommandKind" AS ENUM ('command', 'reset');

-- CreateTable
CREATE TABLE "sandboxes" (
    "id" UUID NOT NULL,
    "owner_id" UUID NOT NULL,
    "lab_attempt_id" UUID,
    "name" TEXT NOT NULL,
    "status" "SandboxStatus" NOT NULL DEFAULT 'ready',
    "status_reason" TEXT,
    "setup" JSONB NOT NULL,
    "token_hash" TEXT NOT NULL,
    "size_bytes" INTEGER NOT NULL DEFAULT 0,
    "last_seq" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "last_used_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sandboxes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sandbox_states" (
    "sandbox_id" UUID NOT NULL,
    "snapshot" BYTEA NOT NULL,
    "snapshot_bytes" INTEGER NOT NULL,
    "through_seq" INTEGER NOT NULL,
    "saved_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sandbox_states_pkey" PRIMARY KEY ("sandbox_id")
);

-- CreateTable
CREATE TABLE "sandbox_commands" (
    "sandbox_id" UUID NOT NULL,
    "seq" INTEGER NOT NULL,
    "kind" "SandboxCommandKind" NOT NULL DEFAULT 'command',
    "input" TEXT NOT NULL,
    "output" TEXT NOT NULL,
    "output_truncated" BOOLEAN NOT NULL DEFAULT false,
    "exit_code" INTEGER NOT NULL,
    "interrupted" BOOLEAN NOT NULL DEFAULT false,
    "in_history" BOOLEAN NOT NULL DEFAULT true,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "finished_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "sandbox_commands_pkey" PRIMARY KEY ("sandbox_id","seq")
);

-- CreateTable
CREATE TABLE "sandbox_leases" (
    "sandbox_id" UUID NOT NULL,
    "instance_id" TEXT NOT NULL,
    "acquired_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "sandbox_leases_pkey" PRIMARY KEY ("sandbox_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "sandboxes_token_hash_key" ON "sandboxes"("token_hash");

-- CreateIndex
CREATE INDEX "sandboxes_owner_id_idx" ON "sandboxes"("owner_id");

-- CreateIndex
CREATE INDEX "sandbox_leases_instance_id_idx" ON "sandbox_leases"("instance_id");

-- AddForeignKey
ALTER TABLE "sandboxes" ADD CONSTRAINT "sandboxes_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sandbox_states" ADD CONSTRAINT "sandbox_states_sandbox_id_fkey" FOREIGN KEY ("sandbox_id") REFERENCES "sandboxes"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sandbox_commands" ADD CONSTRAINT "sandbox_commands_sandbox_id_fkey" FOREIGN KEY ("sandbox_id") REFERENCES "sandboxes"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sandbox_leases" ADD CONSTRAINT "sandbox_leases_sandbox_id_fkey" FOREIGN KEY ("sandbox_id") REFERENCES "sandboxes"("id") ON DELETE CASCADE ON UPDATE CASCADE;
