-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN "lockedUntil" DATETIME;
