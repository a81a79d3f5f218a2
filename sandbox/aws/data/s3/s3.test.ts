// S3 from a handler (S3 APIReference PutObject, GetObject, ListObjectsV2; ErrorResponses NoSuchKey),
// notifications with prefix/suffix filters (S3 UG notification-how-to-filtering), and Lambda's
// recursive loop detection for Lambda → S3 → Lambda (DG invocation-recursion, S3 since 2024; What's New 2023-07: the 17th is stopped and its event sent to the DLQ).
import { describe, expect, it } from "vitest";
import { createLambdaService } from "../../../service/service";
import { fn, template } from "../../../service/testing";
import { SdkHub } from "../../sdk/hub";
import { dataExtension } from "../index";
import { awsExtensions } from "../../index";

const allow = [{ Statement: [{ Effect: "Allow", Action: "s3:*", Resource: "*" }] }];

async function run(resources: Record<string, unknown>, drive: unknown) {
  const hub = new SdkHub();
  using s = await createLambdaService({ template: template(resources), extensions: [hub.extension, dataExtension(hub)] });
  const report = await s.run(drive as object);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the report's extension section is JSON, read by shape
  return { report, data: report.extensions?.data as Record<string, any> };
}

describe("S3", () => {
  it("PutObject, GetObject with transformToString, ListObjectsV2 with a prefix, and NoSuchKey", async () => {
    const { report } = await run(
      {
        Files: { Type: "AWS::S3::Bucket", Properties: { BucketName: "files" } },
        F: fn(
          `const { S3Client, PutObjectCommand, GetObjectCommand, ListObjectsV2Command, NoSuchKey } = require("@aws-sdk/client-s3");
          const s3 = new S3Client({});
          exports.handler = async () => {
            const put = await s3.send(new PutObjectCommand({ Bucket: "files", Key: "in/a.txt", Body: "hello" }));
            await s3.send(new PutObjectCommand({ Bucket: "files", Key: "out/b.txt", Body: "x" }));
            const got = await s3.send(new GetObjectCommand({ Bucket: "files", Key: "in/a.txt" }));
            const list = await s3.send(new ListObjectsV2Command({ Bucket: "files", Prefix: "in/" }));
            await s3.send(new PutObjectCommand({ Bucket: "files", Key: "in/été.txt", Body: "x" }));
            const page1 = await s3.send(new ListObjectsV2Command({ Bucket: "files", Prefix: "in/", MaxKeys: 1 }));
            const page2 = await s3.send(new ListObjectsV2Command({ Bucket: "files", Prefix: "in/", MaxKeys: 1, ContinuationToken: page1.NextContinuationToken }));
            const missing = await s3.send(new GetObjectCommand({ Bucket: "files", Key: "nope" })).catch((e) => [e.name, e.message, e instanceof NoSuchKey, e.$metadata.httpStatusCode]);
            return { etag: put.ETag, body: await got.Body.transformToString(), keys: list.Contents.map((c) => c.Key), missing, pages: [page1.Contents[0].Key, page1.IsTruncated, page2.Contents[0].Key, page2.IsTruncated] };
          };`,
          { Policies: allow },
        ),
      },
      { stimuli: [{ invoke: "F" }] },
    );
    expect(report.invocations[0]?.response).toEqual({ etag: '"5d41402abc4b2a76b9719d911017c592"', body: "hello", keys: ["in/a.txt"], missing: ["NoSuchKey", "The specified key does not exist.", true, 404], pages: ["in/a.txt", true, "in/été.txt", false] });
  });

  it("a notification fires only for keys matching its prefix and suffix, with the S3 event", async () => {
    const { report, data } = await run(
      {
        Uploads: { Type: "AWS::S3::Bucket" },
        Thumb: fn(`exports.handler = async (e) => [e.Records[0].eventName, e.Records[0].s3.object.key, e.Records[0].s3.object.size];`, {
          Events: { Up: { Type: "S3", Properties: { Bucket: { Ref: "Uploads" }, Events: "s3:ObjectCreated:*", Filter: { S3Key: { Rules: [{ Name: "prefix", Value: "images/" }, { Name: "suffix", Value: ".jpg" }] } } } } },
        }),
      },
      {
        stimuli: [
          { s3: { bucket: "Uploads", put: "images/cat.jpg", body: "meow" } },
          { s3: { bucket: "Uploads", put: "images/cat.png", body: "x" } },
          { s3: { bucket: "Uploads", put: "docs/cat.jpg", body: "x" } },
        ],
      },
    );
    const runs = report.invocations.filter((i) => i.trigger === "s3:Uploads");
    expect(runs.map((i) => i.response)).toEqual([["ObjectCreated:Put", "images/cat.jpg", 4]]);
    expect(runs[0]?.invocationType).toBe("Event");
    expect(data.resources.Uploads.objectCount).toBe(3);
    expect(data.edges).toContainEqual({ from: "Uploads", to: "Thumb", kind: "s3:notification" });
  });

  it("a function that writes back to the bucket that triggers it is stopped after 16 invocations (RecursiveInvocationsDropped)", async () => {
    const { report, data } = await run(
      {
        Photos: { Type: "AWS::S3::Bucket", Properties: { BucketName: "photos" } },
        Resize: fn(
          `const { S3Client, PutObjectCommand } = require("@aws-sdk/client-s3");
          const s3 = new S3Client({});
          exports.handler = async (e) => {
            const key = e.Records[0].s3.object.key;
            await s3.send(new PutObjectCommand({ Bucket: "photos", Key: "resized-" + key, Body: "small" }));
          };`,
          { Policies: allow, DeadLetterQueue: { Type: "SQS", TargetArn: { "Fn::GetAtt": ["Stopped", "Arn"] } }, Events: { Up: { Type: "S3", Properties: { Bucket: { Ref: "Photos" }, Events: "s3:ObjectCreated:*" } } } },
        ),
        Stopped: { Type: "AWS::SQS::Queue" },
      },
      { stimuli: [{ s3: { bucket: "Photos", put: "a.jpg", body: "big" } }] },
    );
    expect(report.invocations.filter((i) => i.trigger === "s3:Photos")).toHaveLength(16);
    expect(data.metrics.RecursiveInvocationsDropped).toEqual({ Resize: 1 });
    expect(data.recursiveLoops[0]).toMatchObject({ function: "Resize", source: "Photos", depth: 17 });
    // "… sends the event to a Dead-Letter Queue or on-failure destination, if configured" (What's New, July 2023).
    const dlq = report.resources.targets?.Stopped?.messages as { body: string }[];
    expect(JSON.parse(dlq[0]!.body).Records[0].s3.object.key).toBe("resized-".repeat(16) + "a.jpg");
  });

  it("a notification to a bucket not in the template is a TemplateError", async () => {
    const hub = new SdkHub();
    await expect(
      createLambdaService({ template: template({ F: fn("exports.handler = async () => 1;", { Events: { Up: { Type: "S3", Properties: { Bucket: "elsewhere", Events: "s3:ObjectCreated:*" } } } }) }), extensions: [hub.extension, dataExtension(hub)] }),
    ).rejects.toThrow("Bucket must be !Ref to an AWS::S3::Bucket of the template");
  });

  it("a QueueConfiguration sends the S3 event to a queue, and the queue's function gets it as the SQS message body", async () => {
    using s = await createLambdaService({
      template: template({
        Jobs: { Type: "AWS::SQS::Queue" },
        Inbox: { Type: "AWS::S3::Bucket", Properties: { NotificationConfiguration: { QueueConfigurations: [{ Event: "s3:ObjectCreated:*", Queue: { "Fn::GetAtt": ["Jobs", "Arn"] } }] } } },
        Worker: fn(`exports.handler = async (e) => e.Records.map((r) => JSON.parse(r.body).Records[0].s3.object.key);`, { Events: { Q: { Type: "SQS", Properties: { Queue: { "Fn::GetAtt": ["Jobs", "Arn"] } } } } }),
      }),
      extensions: awsExtensions(),
    });
    const report = await s.run({ stimuli: [{ s3: { bucket: "Inbox", put: "in/a.txt", body: "x" } }] });
    expect(report.invocations.map((i) => i.response)).toEqual([["in/a.txt"]]);
  });
});
