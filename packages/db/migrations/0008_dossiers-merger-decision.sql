ALTER TABLE "recognised_levels" ADD COLUMN "signer" text;--> statement-breakpoint
ALTER TABLE "recognised_levels" ADD COLUMN "basis" text;