-- AlterTable
ALTER TABLE "app_user" ADD COLUMN     "session_epoch" INTEGER NOT NULL DEFAULT 0;
