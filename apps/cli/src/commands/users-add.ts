import { createUser, systemUser } from "@ntm/api";
import { createUserInputSchema } from "@ntm/contracts";
import { withDatabase } from "../cli-context.ts";

/** `ntm users add --username U --password P --role ROLE --unit CODE [--department CODE] [--name TEXT]`. */
export async function usersAddCommand(options: {
  username: string;
  password: string;
  role: string;
  unit: string;
  department?: string;
  name?: string;
}) {
  const input = createUserInputSchema.parse({
    username: options.username,
    password: options.password,
    role: options.role,
    unitCode: options.unit,
    ...(options.department ? { departmentCode: options.department } : {}),
    ...(options.name ? { displayName: options.name } : {}),
  });
  await withDatabase(async ({ database }) => {
    const user = await createUser(database.db, { input, by: systemUser });
    console.log(`Đã tạo tài khoản ${user.username} (${user.role}, đơn vị ${user.unitCode}).`);
  });
}
