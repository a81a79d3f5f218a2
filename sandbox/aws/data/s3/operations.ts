/**
 * `@aws-sdk/client-s3`: PutObject, GetObject (Body with `transformToString()`), HeadObject,
 * DeleteObject, ListObjectsV2 (Prefix, MaxKeys, ContinuationToken, StartAfter), CopyObject, with
 * S3's errors (S3 APIReference ErrorResponses: NoSuchBucket, NoSuchKey 404).
 */
import { AwsServiceError, GuestStream, base64ToBytes, bytesToBase64, type AwsCallContext, type AwsServiceDefinition } from "../../sdk/hub";
import { compareUtf8, type Bucket } from "./bucket";

type In = Record<string, unknown>;

export interface S3Host {
  bucket(name: string): Bucket | undefined;
  /** An object was created or removed by a function: run the bucket's notifications. */
  notify(bucket: Bucket, eventName: string, key: string, size: number | undefined, ctx: AwsCallContext): void;
}

function noSuchBucket(name: string): AwsServiceError {
  return new AwsServiceError("NoSuchBucket", "The specified bucket does not exist", { statusCode: 404, fields: { BucketName: name } });
}

function bucketOf(input: In, s3: S3Host): Bucket {
  const name = input.Bucket;
  if (typeof name !== "string" || name === "") throw new AwsServiceError("ValidationError", "Bucket is required: the bucket name (e.g. process.env.BUCKET_NAME)", { statusCode: 400 });
  const b = s3.bucket(name);
  if (!b) throw noSuchBucket(name);
  return b;
}

function keyOf(input: In): string {
  const key = input.Key;
  if (typeof key !== "string" || key === "") throw new AwsServiceError("ValidationError", "Key is required", { statusCode: 400 });
  if (new TextEncoder().encode(key).length > 1024) throw new AwsServiceError("KeyTooLongError", "Your key is too long", { statusCode: 400 });
  return key;
}

function bodyBytes(body: unknown): Uint8Array {
  if (body === undefined || body === null) return new Uint8Array();
  if (body instanceof Uint8Array) return body;
  if (typeof body === "string") return new TextEncoder().encode(body);
  throw new AwsServiceError("ValidationError", "Body must be a string, a Buffer or a Uint8Array", { statusCode: 400 });
}

function noSuchKey(key: string): AwsServiceError {
  return new AwsServiceError("NoSuchKey", "The specified key does not exist.", { statusCode: 404, fields: { Key: key } });
}

/** Continuation tokens are opaque to callers: here, the last key returned, as base64 of its UTF-8. */
function toToken(key: string): string {
  return bytesToBase64(new TextEncoder().encode(key));
}

function fromToken(token: string): string {
  try {
    return new TextDecoder().decode(base64ToBytes(token));
  } catch {
    throw new AwsServiceError("InvalidArgument", "The continuation token provided is incorrect", { statusCode: 400 });
  }
}

export function s3Service(s3: S3Host): AwsServiceDefinition {
  const objectArn = (input: In) => `arn:aws:s3:::${String(input.Bucket ?? "")}/${String(input.Key ?? "")}`;
  const bucketArn = (input: In) => `arn:aws:s3:::${String(input.Bucket ?? "")}`;
  return {
    package: "@aws-sdk/client-s3",
    clientName: "S3Client",
    exceptions: ["NoSuchKey", "NoSuchBucket", "NotFound"],
    accessDenied: { name: "AccessDenied", statusCode: 403 },
    operations: {
      PutObject: {
        action: "s3:PutObject",
        resource: objectArn,
        latencyMs: 20,
        run: (input: In, ctx) => {
          const b = bucketOf(input, s3);
          const key = keyOf(input);
          const obj = b.put(key, bodyBytes(input.Body), ctx.time, {
            ...(typeof input.ContentType === "string" && { contentType: input.ContentType }),
            ...(input.Metadata !== undefined && { metadata: input.Metadata as Record<string, string> }),
          });
          s3.notify(b, "ObjectCreated:Put", key, obj.size, ctx);
          return { ETag: obj.etag };
        },
      },
      GetObject: {
        action: "s3:GetObject",
        resource: objectArn,
        latencyMs: 15,
        run: (input: In) => {
          const b = bucketOf(input, s3);
          const key = keyOf(input);
          const obj = b.objects.get(key);
          b.counts.gets++;
          if (!obj) throw noSuchKey(key);
          return { Body: new GuestStream(obj.body), ContentLength: obj.size, ContentType: obj.contentType, ETag: obj.etag, Metadata: obj.metadata, LastModified: new Date(obj.lastModified) };
        },
      },
      HeadObject: {
        action: "s3:GetObject",
        resource: objectArn,
        latencyMs: 10,
        run: (input: In) => {
          const b = bucketOf(input, s3);
          const obj = b.objects.get(keyOf(input));
          // HEAD responses have no body, so the SDK reports a bare 404 as NotFound.
          if (!obj) throw new AwsServiceError("NotFound", "Not Found", { statusCode: 404 });
          return { ContentLength: obj.size, ContentType: obj.contentType, ETag: obj.etag, Metadata: obj.metadata, LastModified: new Date(obj.lastModified) };
        },
      },
      DeleteObject: {
        action: "s3:DeleteObject",
        resource: objectArn,
        latencyMs: 10,
        run: (input: In, ctx) => {
          const b = bucketOf(input, s3);
          const key = keyOf(input);
          // Deleting a missing key succeeds (204) and, on an unversioned bucket, still notifies.
          b.delete(key);
          s3.notify(b, "ObjectRemoved:Delete", key, undefined, ctx);
          return {};
        },
      },
      CopyObject: {
        action: "s3:PutObject",
        resource: objectArn,
        latencyMs: 20,
        run: (input: In, ctx) => {
          const b = bucketOf(input, s3);
          const key = keyOf(input);
          const source = String(input.CopySource ?? "");
          const slash = source.replace(/^\//, "").indexOf("/");
          if (slash < 0) throw new AwsServiceError("InvalidArgument", "Invalid copy source object key", { statusCode: 400 });
          const srcBucketName = decodeURIComponent(source.replace(/^\//, "").slice(0, slash));
          const srcKey = decodeURIComponent(source.replace(/^\//, "").slice(slash + 1));
          const src = s3.bucket(srcBucketName);
          if (!src) throw noSuchBucket(srcBucketName);
          const obj = src.objects.get(srcKey);
          if (!obj) throw noSuchKey(srcKey);
          const copy = b.put(key, obj.body, ctx.time, { contentType: obj.contentType, metadata: obj.metadata });
          s3.notify(b, "ObjectCreated:Copy", key, copy.size, ctx);
          return { CopyObjectResult: { ETag: copy.etag, LastModified: new Date(ctx.time) } };
        },
      },
      ListObjectsV2: {
        action: "s3:ListBucket",
        resource: bucketArn,
        latencyMs: 20,
        run: (input: In) => {
          const b = bucketOf(input, s3);
          const prefix = typeof input.Prefix === "string" ? input.Prefix : "";
          const max = input.MaxKeys === undefined ? 1000 : Number(input.MaxKeys);
          if (!Number.isInteger(max) || max < 0) throw new AwsServiceError("InvalidArgument", "Provided max-keys not an integer or within integer range", { statusCode: 400 });
          const after = typeof input.ContinuationToken === "string" ? fromToken(input.ContinuationToken) : typeof input.StartAfter === "string" ? input.StartAfter : "";
          const keys = b.keys().filter((k) => k.startsWith(prefix) && (after === "" || compareUtf8(k, after) > 0));
          const page = keys.slice(0, Math.min(max, 1000));
          const truncated = page.length < keys.length;
          return {
            Name: b.name,
            Prefix: prefix,
            MaxKeys: max,
            KeyCount: page.length,
            IsTruncated: truncated,
            ...(page.length && { Contents: page.map((k) => ({ Key: k, Size: b.objects.get(k)!.size, ETag: b.objects.get(k)!.etag, LastModified: new Date(b.objects.get(k)!.lastModified), StorageClass: "STANDARD" })) }),
            ...(truncated && { NextContinuationToken: toToken(page[page.length - 1]!) }),
            ...(typeof input.ContinuationToken === "string" && { ContinuationToken: input.ContinuationToken }),
          };
        },
      },
    },
  };
}
