-- A row trigger on the two largest tables made bulk writes (imports, re-evaluation) several times
-- slower; their writers will carry the province themselves when the queries are sharded.
DROP TRIGGER IF EXISTS assessment_values_province ON assessment_values;--> statement-breakpoint
DROP TRIGGER IF EXISTS evaluation_criteria_province ON evaluation_criteria;--> statement-breakpoint
ALTER TABLE "assessment_values" DROP COLUMN "province_code";--> statement-breakpoint
ALTER TABLE "evaluation_criteria" DROP COLUMN "province_code";
