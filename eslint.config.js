import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import importX from "eslint-plugin-import-x";
import { readdirSync } from "node:fs";

/** Each feature folder may import another feature only through that feature's `index.ts`. */
function featureZones(root) {
  const features = readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
  return features.map((feature) => ({
    target: `${root}/${feature}/**`,
    from: `${root}/!(${feature})/**`,
    except: [`**/${root}/*/index.ts`],
    message: `Import another feature only through its index.ts (${root}/<feature>/index.ts).`,
  }));
}

const sqlMessage = "SQL belongs in a *.repository.ts file of the feature.";
const dbNames = "/^(db|tx|trx|database)$/";
const queryMethods = "/^(select|selectDistinct|insert|update|delete|execute)$/";
/** Spreading rows into arguments overflows the stack once the rows come from a large input. */
const spreadIntoPush = {
  selector: "CallExpression[callee.property.name=/^(push|unshift)$/] > SpreadElement",
  message: "No push(...rows): append in a loop (a spread of a long list overflows the stack).",
};

export default tseslint.config(
  {
    ignores: [
      "**/node_modules/**",
      "**/dist/**",
      ".data/**",
      "**/.data/**",
      ".bench-data/**",
      "bin/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
    },
  },
  {
    files: ["apps/web/src/**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
    },
  },
  {
    // The domain package is the functional core: no clock, no randomness, no console, no I/O.
    files: ["packages/domain/src/**/*.ts"],
    ignores: ["packages/domain/src/**/*.test.ts"],
    languageOptions: { globals: {} },
    rules: {
      "no-restricted-globals": ["error", "Date", "console", "process", "fetch", "setTimeout"],
      "no-restricted-properties": [
        "error",
        { object: "Math", property: "random", message: "The domain is deterministic." },
      ],
      "no-restricted-imports": ["error", { patterns: ["node:*", "fs", "path"] }],
    },
  },
  {
    files: ["apps/*/src/**/*.{ts,tsx}"],
    plugins: { "import-x": importX },
    settings: {
      "import-x/resolver-next": [
        importX.createNodeResolver({ extensions: [".ts", ".tsx", ".js"] }),
      ],
    },
    rules: {
      "import-x/no-restricted-paths": [
        "error",
        {
          zones: [
            ...featureZones("apps/api/src/features"),
            ...featureZones("apps/web/src/features"),
            {
              target: "apps/web/**",
              from: ["apps/api/**", "apps/cli/**", "packages/db/**"],
              message: "The web app shares only packages/contracts and packages/domain.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["packages/*/src/**/*.ts"],
    plugins: { "import-x": importX },
    settings: {
      "import-x/resolver-next": [importX.createNodeResolver({ extensions: [".ts", ".js"] })],
    },
    rules: {
      "import-x/no-restricted-paths": [
        "error",
        {
          zones: [
            {
              target: "packages/domain/**",
              from: ["apps/**", "packages/contracts/**", "packages/db/**"],
              message: "The domain depends on nothing of the product.",
            },
            {
              target: "packages/contracts/**",
              from: ["apps/**", "packages/db/**"],
              message: "Contracts are shared with the web: only the domain may be imported.",
            },
          ],
        },
      ],
    },
  },
  {
    rules: { "no-restricted-syntax": ["error", spreadIntoPush] },
  },
  {
    // Repositories hold all SQL: query builders, the sql tag and drizzle's operators appear only in
    // *.repository.ts files. The demo seeding writes generated rows straight into its tables: a
    // database-level tool of the command line, exempt by decision.
    files: ["apps/api/src/**/*.ts", "apps/cli/src/**/*.ts"],
    ignores: [
      "**/*.repository.ts",
      "**/*.test.ts",
      "apps/api/src/test/**",
      "apps/cli/src/test/**",
      "apps/cli/src/commands/seed-*.ts",
    ],
    rules: {
      "no-restricted-syntax": [
        "error",
        spreadIntoPush,
        { selector: "TaggedTemplateExpression[tag.name='sql']", message: sqlMessage },
        {
          selector: `CallExpression[callee.object.name=${dbNames}][callee.property.name=${queryMethods}]`,
          message: sqlMessage,
        },
        {
          selector: `CallExpression[callee.object.property.name=${dbNames}][callee.property.name=${queryMethods}]`,
          message: sqlMessage,
        },
        {
          selector: `MemberExpression[object.name=${dbNames}][property.name='query']`,
          message: sqlMessage,
        },
      ],
      "no-restricted-imports": [
        "error",
        {
          paths: [
            { name: "drizzle-orm", allowTypeImports: true, message: sqlMessage },
            { name: "drizzle-orm/pg-core", allowTypeImports: true, message: sqlMessage },
          ],
        },
      ],
    },
  },
);
