import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
import S3rver from "s3rver";

export interface TestS3Server {
  /** The NTM_S3_* variables that point a server at this store's bucket. */
  environment: Record<string, string>;
  bucket: string;
  /** Every key in the bucket under a prefix, sorted. */
  keys: (prefix?: string) => Promise<string[]>;
  close: () => Promise<void>;
}

/**
 * An S3-compatible server (s3rver) on a free port of this machine, its data in a temporary folder,
 * with one empty bucket: as a deployment's MinIO or cloud bucket, for one test file.
 */
export async function startS3Server(bucket = "ntm-test"): Promise<TestS3Server> {
  const directory = mkdtempSync(join(tmpdir(), "ntm-s3-"));
  const server = new S3rver({
    address: "127.0.0.1",
    port: 0,
    directory,
    silent: true,
    configureBuckets: [{ name: bucket }],
  });
  const { port } = await server.run();
  const environment = {
    NTM_S3_URL: `http://127.0.0.1:${port}`,
    NTM_S3_BUCKET: bucket,
    // s3rver accepts this pair (its documented default credentials).
    NTM_S3_ACCESS_KEY_ID: "S3RVER",
    NTM_S3_SECRET_ACCESS_KEY: "S3RVER",
    NTM_S3_REGION: "us-east-1",
  };
  const client = new S3Client({
    endpoint: environment.NTM_S3_URL,
    region: environment.NTM_S3_REGION,
    forcePathStyle: true,
    credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
  });
  return {
    environment,
    bucket,
    keys: async (prefix = "") => {
      const answer = await client.send(
        new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix }),
      );
      return (answer.Contents ?? []).map((object) => object.Key ?? "").sort();
    },
    close: async () => {
      client.destroy();
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
