import { AppError } from "@ntm/api";
import { ZodError } from "zod";

/** Prints an error the way an official can act on it, and returns the exit code. */
export function printError(error: unknown): number {
  if (error instanceof AppError) {
    console.error(`Lỗi: ${error.message}`);
    for (const detail of error.details ?? [])
      console.error(`  - ${detail.path}: ${detail.message}`);
    return 1;
  }
  if (error instanceof ZodError) {
    console.error("Lỗi: dữ liệu không hợp lệ.");
    for (const issue of error.issues.slice(0, 50)) {
      console.error(`  - ${issue.path.join(".")}: ${issue.message}`);
    }
    return 1;
  }
  console.error(`Lỗi: ${error instanceof Error ? error.message : String(error)}`);
  return 1;
}
