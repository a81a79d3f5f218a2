/**
 * Sample events: builders for the events AWS services send to Lambda, the catalogue of ready-made
 * ones (`content/events/`), and access to it for the event picker and `lambda-lab events`.
 *
 * Framework-agnostic and browser-safe: nothing here imports Node built-ins, Next, React or `app/`;
 * types come from `@types/aws-lambda` (type-only imports). The Node-only parts are not re-exported
 * here: `loadCatalogue(dir)` in `sandbox/events/node.ts`, and the generator script `generate.ts`.
 *
 * ## Builders
 *
 * One function per event shape, each returning the matching `@types/aws-lambda` type (or one of
 * ours in `./types` where that package has none or is narrower than AWS). Every argument is
 * optional; every builder also takes `{ accountId, region, time }` ({@link CommonOptions}).
 * Output is deterministic: account `123456789012`, region `us-east-1`, time
 * `2026-01-15T09:30:00.123Z`, and ids (request ids, message ids, sequence numbers) derived from
 * the inputs by hashing, so the same call gives the same event, in tests and in lessons.
 *
 * @example
 * import { s3Put, sqsBatch, apiGatewayV2, dynamodbStream } from "sandbox/events";
 * s3Put({ bucket: "invoices", key: "2026/01/inv-7.pdf", size: 52133 });
 * sqsBatch(["a", { body: { orderId: 7 }, messageAttributes: { priority: "high" } }], { queueName: "jobs" });
 * apiGatewayV2({ method: "POST", path: "/orders", body: { sku: "A-1" } });
 * dynamodbStream([{ eventName: "INSERT", keys: { pk: "ORDER#1" }, newImage: { total: 42 } }]);
 *
 * ## One source of truth
 *
 * The catalogue is *generated from the builders*: `./catalogue.ts` lists every entry (id, title,
 * description, type, docs page, and the builder call that makes it), and
 * `npx tsx sandbox/events/generate.ts` writes `content/events/<service>/<name>.json` and
 * `content/events/index.json` from it. The JSON files are checked in so that the browser app can
 * import them, the CLI can read them and people can browse them, but they are build output:
 * `tests/content/events.test.ts` rebuilds the catalogue and fails if any file differs (compared as
 * JSON, so reformatting is harmless). This was chosen over hand-written JSON plus a "builders match
 * the files" test because then a change has one place to go, and the builders cannot lag behind.
 *
 * Adding an event: extend or write the builder (with its test beside it), add an entry to
 * `CATALOGUE` in `./catalogue.ts` (id, title, description, type and `typeFrom`, docs page, the
 * call), run `npx tsx sandbox/events/generate.ts`, then
 * `npx vitest run sandbox/events tests/content` — the content test type-checks the new file.
 *
 * ## The manifest and access
 *
 * `content/events/index.json` ({@link EventManifest}): `{ version: 1, accountId, region, time,
 * services: [{ id, title }], events: [{ id, service, title, description, file, type, typeFrom,
 * builder, docs, sam?, notes? }] }`. `id` is `<service>/<name>` and `file` is `<id>.json`, relative
 * to the manifest; `type` is a TypeScript type exported by `typeFrom` (`aws-lambda` or `lambda-lab`).
 *
 * ```ts
 * parseManifest(json: unknown, source?: string): EventManifest      // zod-validated; throws EventCatalogueError
 * listEvents(manifest: EventManifest): EventGroup[]                  // [{ service, events }] in picker order
 * findEvent(manifest: EventManifest, name: string): ManifestEvent    // "s3/put", "s3 put" (SAM) or unique "put"
 * getEvent(catalogue: LoadedCatalogue, name: string): unknown        // deep copy; catalogue = { manifest, events }
 * loadEvent(manifest, name, load: (file) => unknown): Promise<unknown>  // browser: load = (f) => import(`…/${f}`)
 * loadCatalogue(dir = "content/events"): LoadedCatalogue             // Node only: "sandbox/events/node"
 * ```
 *
 * CLI (`lambda-lab events list | show <name> [--set path=value …]`):
 * ```ts
 * const catalogue = loadCatalogue();                       // from "sandbox/events/node"
 * for (const { service, events } of listEvents(catalogue.manifest)) …
 * let event = getEvent(catalogue, name);                   // throws EventCatalogueError with suggestions
 * for (const s of sets) event = applyAssignment(event, s); // throws InvalidEventPathError
 * ```
 * Browser: `import manifest from "@/content/events/index.json"`, then
 * `loadEvent(parseManifest(manifest), id, (file) => import(\`@/content/events/${file}\`))`.
 *
 * ## Paths
 *
 * `getPath` / `setPath` / `applyAssignment` address a value as `Records[0].s3.object.key` or
 * `headers["content-type"]`; a bad path throws {@link InvalidEventPathError} saying where it stops
 * matching (`Records has 1 item (indexes 0–0)`).
 *
 * ## CloudWatch Logs and gzip
 *
 * `awslogs.data` must be gzip. Builders must be synchronous and run in a browser, where the only
 * built-in compressor (`CompressionStream`) is asynchronous, so {@link cloudWatchLogs} uses a small
 * pure-TypeScript gzip *encoder* with stored (uncompressed) deflate blocks: valid gzip that every
 * gunzip decodes, byte-for-byte reproducible, only larger than AWS's. Pass `{ gzip: zlib.gzipSync }`
 * in Node for realistic sizes. The content test decodes the catalogue file with Node's zlib.
 */

export { ACCOUNT_ID, DEFAULT_TIME, REGION } from "./defaults";
export type { CommonOptions, TimeInput } from "./defaults";

export {
  albRequest,
  apiGatewayTokenAuthorizer,
  apiGatewayV1,
  apiGatewayV2,
  cloudFrontRequest,
  cloudFrontResponse,
  functionUrl,
  httpApiAuthorizer,
  matchResource,
} from "./http";
export type {
  AlbInput,
  ApiGatewayV1Input,
  ApiGatewayV2Input,
  BodyInput,
  CloudFrontRequestInput,
  CloudFrontResponseInput,
  FunctionUrlInput,
  HeaderInput,
  HttpApiAuthorizerInput,
  HttpRequestInput,
  QueryInput,
  TokenAuthorizerInput,
} from "./http";

export {
  activeMq,
  eventBridge,
  md5OfMessageAttributes,
  rabbitMq,
  s3Delete,
  s3EncodeKey,
  s3Put,
  scheduledEvent,
  snsNotification,
  sqsBatch,
} from "./messaging";
export type {
  ActiveMqMessageInput,
  EventBridgeInput,
  MessageBody,
  MqOptions,
  RabbitMqMessageInput,
  S3ObjectInput,
  ScheduledEventInput,
  SnsInput,
  SqsAttributeInput,
  SqsBatchOptions,
  SqsMessageInput,
} from "./messaging";

export {
  cloudWatchLogs,
  cloudWatchLogsPayload,
  dynamodbStream,
  firehoseTransformation,
  kinesisRecords,
  kinesisTumblingWindow,
  mskRecords,
} from "./streams";
export type {
  CloudWatchLogsOptions,
  DynamoDBChangeInput,
  DynamoDBStreamOptions,
  FirehoseOptions,
  KafkaRecord,
  KafkaRecordInput,
  KinesisOptions,
  KinesisRecordInput,
  KinesisTumblingWindowOptions,
  LogEventInput,
  MskOptions,
} from "./streams";

export { cognitoCustomMessage, cognitoPostConfirmation, cognitoPreAuthentication, cognitoPreSignUp } from "./cognito";
export type { CognitoTriggerInput } from "./cognito";

export { cloudFormationCustomResource, iotRule, lambdaDestinationRecord, secretsManagerRotation, stepFunctionsTask } from "./platform";
export type { CustomResourceInput, DestinationRecordInput, IoTRuleInput, SecretsRotationInput, StepFunctionsTaskInput } from "./platform";

export type {
  ActiveMQEvent,
  ActiveMQMessage,
  KinesisTumblingWindowEvent,
  LambdaDestinationRecord,
  RabbitMQBasicProperties,
  RabbitMQEvent,
  RabbitMQMessage,
  S3ObjectRemovedEvent,
  S3ObjectRemovedRecord,
  StepFunctionsContextObject,
  StepFunctionsTaskEvent,
} from "./types";

export { marshall, marshallItem, unmarshall, unmarshallItem } from "./dynamodb";
export type { AttributeValue, DynamoDBItem } from "./dynamodb";

export { fromBase64, gzipStored, md5Hex, sha256Hex, toBase64 } from "./encoding";

export { CATALOGUE, SERVICES, buildCatalogueEvents, buildManifest } from "./catalogue";
export type { CatalogueEntry } from "./catalogue";

export {
  EventCatalogueError,
  EventManifestSchema,
  findEvent,
  getEvent,
  listEvents,
  loadEvent,
  parseManifest,
} from "./manifest";
export type { EventGroup, EventManifest, LoadedCatalogue, ManifestEvent, ManifestService } from "./manifest";

export { InvalidEventPathError, applyAssignment, formatPath, getPath, hasPath, parsePath, setPath } from "./path";
export type { PathSegment } from "./path";
