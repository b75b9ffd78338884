-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "lockedUntil" TIMESTAMP(3);
