// What other features use of users; everything else stays inside the feature.
export { insertDepartment } from "./users.repository.ts";
export { createUser } from "./users.service.ts";
