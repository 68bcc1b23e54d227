// `npm install`'s last step: the empty embedded-database cluster a new data folder is copied from
// (packages/db/src/empty-cluster-template.ts), so the first `npm start` skips PGlite's initdb.
// It never fails the install (nor one without the development packages, where TypeScript cannot
// be loaded): without the template the first start runs initdb as before.
try {
  const { register } = await import("tsx/esm/api");
  register();
  const { defaultTemplateFolder, makeTemplate } =
    await import("../packages/db/src/empty-cluster-template.ts");
  if (await makeTemplate())
    console.log(`Embedded database template made in ${defaultTemplateFolder}`);
} catch (error) {
  console.warn(`Embedded database template not made (the first start runs initdb): ${error}`);
}
