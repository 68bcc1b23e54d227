import type { DbOrTx } from "@ntm/db";
import { reportingTreeOn, type ReportingTree, type SubmitterLevel } from "@ntm/domain";
import {
  findDescendantsOn,
  findLatestUnit,
  findSuccessorLinks,
  findUnitOn,
} from "../units/index.ts";
import { findDepartmentsOf, type ReportTypeRow } from "./reports.repository.ts";

/** Who sends and who receives a type's period, on the tree in force on the period's last day. */
export async function periodTreeOf(
  tx: DbOrTx,
  type: ReportTypeRow,
  date: string,
): Promise<ReportingTree> {
  const code = type.receiverUnitCode;
  const receiver = (await findUnitOn(tx, code, date)) ?? null;
  const receiverLast = receiver ?? (await findLatestUnit(tx, code)) ?? null;
  const successors =
    !receiver && receiverLast?.validTo && receiverLast.validTo < date
      ? (await findSuccessorLinks(tx, code))
          .filter(
            (link) =>
              link.predecessorCode === code && link.predecessorValidFrom === receiverLast.validFrom,
          )
          .map((link) => ({
            code: link.successorCode,
            name: link.successorName ?? link.successorCode,
          }))
      : [];
  const submitterLevel = type.submitterLevel as SubmitterLevel;
  return reportingTreeOn({
    type: { submitterLevel, receiverUnitCode: code },
    date,
    receiver,
    receiverLast,
    successors,
    below:
      receiver && submitterLevel !== "department" ? await findDescendantsOn(tx, code, date) : [],
    departments:
      receiver && submitterLevel === "department" ? await findDepartmentsOf(tx, code) : [],
  });
}
