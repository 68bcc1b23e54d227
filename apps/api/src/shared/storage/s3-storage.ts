import type { Readable } from "node:stream";
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  S3Client,
  S3ServiceException,
} from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
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
const isNotFound = (error: unknown) =>
  error instanceof S3ServiceException &&
  (notFoundNames.has(error.name) || error.$metadata.httpStatusCode === 404);

/**
 * Files in one S3-compatible bucket, shared by every API process. Large files go up in parts as
 * they stream; downloads stream from the store to the client.
 */
export function createS3Storage(config: S3StorageConfig): FileStorage & { client: S3Client } {
  const client = new S3Client({
    region: config.region,
    ...(config.endpoint ? { endpoint: config.endpoint } : {}),
    ...(config.credentials ? { credentials: config.credentials } : {}),
    forcePathStyle: config.pathStyle,
    // Checksums only where the API demands them: several S3-compatible stores refuse the
    // trailing-checksum uploads the SDK would otherwise send.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
  const Bucket = config.bucket;
  return {
    kind: "s3",
    client,
    async put(key, body, options) {
      assertSafeKey(key);
      await new Upload({
        client,
        params: { Bucket, Key: key, Body: body, ContentType: options.contentType },
      }).done();
    },
    async get(key) {
      assertSafeKey(key);
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
      await client.send(new DeleteObjectCommand({ Bucket, Key: key }));
    },
    async exists(key) {
      assertSafeKey(key);
      try {
        await client.send(new HeadObjectCommand({ Bucket, Key: key }));
        return true;
      } catch (error) {
        if (isNotFound(error)) return false;
        throw error;
      }
    },
    async *list(prefix) {
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
