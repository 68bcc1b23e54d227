// What `npm start` builds (the web app, the server's bundle) is made again only when its sources
// changed. A build keeps a stamp beside its output: the SHA-256 of the sources' contents and a
// fingerprint of their file names, sizes and change times. A start compares the fingerprint first,
// which needs no file read; only when it differs (an edit, a checkout, a fresh clone) are the
// contents hashed, and a build follows only when that hash differs too.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";

/**
 * The files under `sources` (folders and files relative to `root`), relative and sorted; a
 * missing source is no file. `skip(name)` leaves files out by name.
 */
export function sourceFiles(root, sources, skip = () => false) {
  return sources
    .flatMap((source) => {
      const path = join(root, source);
      try {
        return readdirSync(path, { withFileTypes: true, recursive: true })
          .filter((entry) => entry.isFile() && !skip(entry.name))
          .map((entry) => join(entry.parentPath, entry.name));
      } catch {
        return existsSync(path) ? [path] : [];
      }
    })
    .map((file) => relative(root, file))
    .sort();
}

/** The SHA-256 of the files' names and contents. */
export function contentHash(root, files) {
  const hash = createHash("sha256");
  for (const file of files) {
    hash.update(`${file}\0`);
    hash.update(readFileSync(join(root, file)));
    hash.update("\0");
  }
  return hash.digest("hex");
}

/**
 * A SHA-256 of the files' names, sizes and modification and change times: any write to a file
 * changes its change time, which no tool sets back.
 */
export function statFingerprint(root, files) {
  const hash = createHash("sha256");
  for (const file of files) {
    const stat = statSync(join(root, file), { bigint: true });
    hash.update(`${file}\0${stat.size}\0${stat.mtimeNs}\0${stat.ctimeNs}\n`);
  }
  return hash.digest("hex");
}

function readStamp(stampFile) {
  if (!existsSync(stampFile)) return { hash: "", fingerprint: "" };
  const [hash = "", fingerprint = ""] = readFileSync(stampFile, "utf8").trim().split("\n");
  return { hash, fingerprint };
}

/**
 * Whether the output stamped in `stampFile` was built from the sources as they are now.
 * `reason` says how it was decided; `save()` stamps a build made from them (call it after the
 * build succeeds). The fingerprint is taken before the contents are read, so a file changed
 * while they are read or built leaves a fingerprint that differs at the next start.
 */
export function checkSources({ root, sources, skip, stampFile }) {
  const files = sourceFiles(root, sources, skip);
  const fingerprint = statFingerprint(root, files);
  const stamp = readStamp(stampFile);
  const save = (hash) => writeFileSync(stampFile, `${hash}\n${fingerprint}\n`);
  if (stamp.hash && stamp.fingerprint === fingerprint) {
    return { upToDate: true, reason: "unchanged files", save: () => save(stamp.hash) };
  }
  const hash = contentHash(root, files);
  if (hash === stamp.hash) {
    // Touched but not changed (a checkout, a copy): the next start takes the fast path again.
    save(hash);
    return { upToDate: true, reason: "unchanged contents", save: () => save(hash) };
  }
  return {
    upToDate: false,
    reason: stamp.hash ? "changed" : "never built",
    save: () => save(hash),
  };
}
