ALTER TABLE "admin_units" ADD COLUMN "region_candidates" text[];--> statement-breakpoint
ALTER TABLE "unit_successors" DROP CONSTRAINT "unit_successors_predecessor_code_successor_code_pk";--> statement-breakpoint
ALTER TABLE "unit_successors" ADD COLUMN "predecessor_valid_from" date;--> statement-breakpoint
ALTER TABLE "unit_successors" ADD COLUMN "successor_valid_from" date;--> statement-breakpoint
ALTER TABLE "unit_successors" ADD COLUMN "kind" text DEFAULT 'full' NOT NULL;--> statement-breakpoint
UPDATE "unit_successors" l SET
  "predecessor_valid_from" = coalesce(
    (SELECT max(a.valid_from) FROM "admin_units" a
      WHERE a.code = l.predecessor_code AND a.valid_from < l.effective_date),
    l.effective_date - 1),
  "successor_valid_from" = coalesce(
    (SELECT max(a.valid_from) FROM "admin_units" a
      WHERE a.code = l.successor_code AND a.valid_from <= l.effective_date),
    l.effective_date);--> statement-breakpoint
ALTER TABLE "unit_successors" ALTER COLUMN "predecessor_valid_from" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "unit_successors" ALTER COLUMN "successor_valid_from" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "unit_successors" ADD CONSTRAINT "unit_successors_versions_pk" PRIMARY KEY("predecessor_code","predecessor_valid_from","successor_code","successor_valid_from");--> statement-breakpoint
CREATE INDEX "unit_successors_successor_idx" ON "unit_successors" USING btree ("successor_code","successor_valid_from");
