import type { Readable } from "node:stream";
import type { S3Client } from "@aws-sdk/client-s3";
import { loadS3Sdk } from "../lazy-packages.ts";
import { assertSafeKey, StoredFileMissingError, type FileStorage } from "./file-storage.ts";

/** The bucket of NTM_S3_*; see docs/deploy.md. */
export interface S3StorageConfig {
  /** The store's address (MinIO, a cloud provider's S3 endpoint); absent for AWS itself. */
  endpoint: string | undefined;
  bucket: string;
  region: string;
  /** Absent: the SDK's own chain (instance role, AWS_* variables, shared files). */
  credentials: { accessKeyId: string; secretAccessKey: string } | undefined;
  /** `http://host/bucket/key` instead of `http://bucket.host/key` (MinIO and most stores). */
  pathStyle: boolean;
}

const notFoundNames = new Set(["NoSuchKey", "NotFound"]);

/**
 * Files in one S3-compatible bucket, shared by every API process. Large files go up in parts as
 * they stream; downloads stream from the store to the client. The SDK and its client are made at
 * the first file.
 */
export function createS3Storage(config: S3StorageConfig): FileStorage {
  const connect = async () => {
    const sdk = await loadS3Sdk();
    const client: S3Client = new sdk.S3Client({
      region: config.region,
      ...(config.endpoint ? { endpoint: config.endpoint } : {}),
      ...(config.credentials ? { credentials: config.credentials } : {}),
      forcePathStyle: config.pathStyle,
      // Checksums only where the API demands them: several S3-compatible stores refuse the
      // trailing-checksum uploads the SDK would otherwise send.
      requestChecksumCalculation: "WHEN_REQUIRED",
      responseChecksumValidation: "WHEN_REQUIRED",
    });
    const isNotFound = (error: unknown) =>
      error instanceof sdk.S3ServiceException &&
      (notFoundNames.has(error.name) || error.$metadata.httpStatusCode === 404);
    return { ...sdk, client, isNotFound };
  };
  let connection: ReturnType<typeof connect> | undefined;
  const s3 = () => (connection ??= connect());
  const Bucket = config.bucket;
  return {
    kind: "s3",
    async put(key, body, options) {
      assertSafeKey(key);
      const { client, Upload } = await s3();
      await new Upload({
        client,
        params: { Bucket, Key: key, Body: body, ContentType: options.contentType },
      }).done();
    },
    async get(key) {
      assertSafeKey(key);
      const { client, GetObjectCommand, isNotFound } = await s3();
      try {
        const answer = await client.send(new GetObjectCommand({ Bucket, Key: key }));
        return answer.Body as Readable;
      } catch (error) {
        if (isNotFound(error)) throw new StoredFileMissingError(key);
        throw error;
      }
    },
    async delete(key) {
      assertSafeKey(key);
      const { client, DeleteObjectCommand } = await s3();
      await client.send(new DeleteObjectCommand({ Bucket, Key: key }));
    },
    async exists(key) {
      assertSafeKey(key);
      const { client, HeadObjectCommand, isNotFound } = await s3();
      try {
        await client.send(new HeadObjectCommand({ Bucket, Key: key }));
        return true;
      } catch (error) {
        if (isNotFound(error)) return false;
        throw error;
      }
    },
    async *list(prefix) {
      const { client, ListObjectsV2Command } = await s3();
      let ContinuationToken: string | undefined;
      do {
        const page = await client.send(
          new ListObjectsV2Command({ Bucket, Prefix: prefix, ContinuationToken }),
        );
        for (const object of page.Contents ?? []) {
          if (object.Key && object.LastModified) {
            yield { key: object.Key, modifiedAt: object.LastModified };
          }
        }
        ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (ContinuationToken);
    },
  };
}
