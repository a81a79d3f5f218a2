// The SAM template subset: intrinsics (CloudFormation "Intrinsic function reference"), Parameters,
// Globals (SAM "Globals section of the AWS SAM template"), limits (DG gettingstarted-limits,
// API CreateFunction, PutFunctionEventInvokeConfig), and errors that name resource and property.
import { describe, expect, it } from "vitest";
import { TemplateError } from "./errors";
import { parseTemplate } from "./template";
import { fn, template } from "./testing";

const code = "exports.handler = async () => 1;";

async function templateError(source: string | object, options = {}): Promise<TemplateError> {
  try {
    await parseTemplate(source, options);
  } catch (error) {
    if (error instanceof TemplateError) return error;
    throw error;
  }
  throw new Error("expected a TemplateError");
}

describe("SAM templates", () => {
  it("expands the short forms !Ref, !GetAtt and !Sub and resolves them to names and ARNs", async () => {
    const t = await parseTemplate(`
Transform: AWS::Serverless-2016-10-31
Resources:
  Jobs:
    Type: AWS::SQS::Queue
  Worker:
    Type: AWS::Serverless::Function
    Properties:
      Handler: index.handler
      Runtime: nodejs22.x
      InlineCode: "${code}"
      Environment:
        Variables:
          QUEUE_URL: !Ref Jobs
          QUEUE_ARN: !GetAtt Jobs.Arn
          GREETING: !Sub "hello from \${AWS::Region} to \${Jobs.QueueName}"
          JOINED: !Join [ "-", [ a, !Ref AWS::AccountId ] ]
`);
    const w = t.functions[0];
    expect(w?.environment).toEqual({
      QUEUE_URL: "https://sqs.us-east-1.amazonaws.com/123456789012/lambda-lab-Jobs",
      QUEUE_ARN: "arn:aws:sqs:us-east-1:123456789012:lambda-lab-Jobs",
      GREETING: "hello from us-east-1 to lambda-lab-Jobs",
      JOINED: "a-123456789012",
    });
    expect(w?.arn).toBe("arn:aws:lambda:us-east-1:123456789012:function:Worker");
    expect(w?.files).toEqual({ "index.js": code });
  });

  it("takes Parameters from their defaults, overridden by given values", async () => {
    const src = template({ F: fn(code, { MemorySize: { Ref: "Memory" }, Environment: { Variables: { STAGE: { Ref: "Stage" } } } }) }, {
      Parameters: { Memory: { Type: "Number", Default: 256 }, Stage: { Type: "String", Default: "dev", AllowedValues: ["dev", "prod"] } },
    });
    const a = await parseTemplate(src);
    expect(a.functions[0]?.memoryMB).toBe(256);
    expect(a.functions[0]?.environment.STAGE).toBe("dev");
    const b = await parseTemplate(src, { parameters: { Stage: "prod", Memory: 512 } });
    expect(b.functions[0]?.memoryMB).toBe(512);
    expect(b.functions[0]?.environment.STAGE).toBe("prod");
    expect((await templateError(src, { parameters: { Stage: "qa" } })).message).toMatch(/Stage must be one of dev, prod/);
  });

  it("refuses a parameter without Default or value, naming it", async () => {
    const e = await templateError(template({ F: fn(code, { Timeout: { Ref: "T" } }) }, { Parameters: { T: { Type: "Number" } } }));
    expect(e.resource).toBe("Parameters");
    expect(e.property).toBe("T");
    expect(e.message).toMatch(/no Default/);
  });

  it("merges Globals.Function: maps merged, scalars replaced by the resource's own", async () => {
    const t = await parseTemplate(
      template({ A: fn(code, { Timeout: 10, Environment: { Variables: { OWN: "1" } } }), B: fn(code) }, {
        Globals: { Function: { Timeout: 5, MemorySize: 1024, Environment: { Variables: { SHARED: "x" } } } },
      }),
    );
    const [a, b] = t.functions;
    expect(a?.timeoutSeconds).toBe(10);
    expect(a?.memoryMB).toBe(1024);
    expect(a?.environment).toEqual({ SHARED: "x", OWN: "1" });
    expect(b?.timeoutSeconds).toBe(5);
  });

  it("reports malformed YAML with its line", async () => {
    const e = await templateError("Resources:\n  F:\n    Type: [AWS::Serverless::Function\n    Properties: {}\n");
    expect(e.message).toMatch(/malformed YAML: template:\d+:\d+/);
    expect(e.line).toBeGreaterThan(1);
  });

  it("refuses an unknown intrinsic function, naming resource and property", async () => {
    const e = await templateError(template({ F: fn(code, { Description: "x", MemorySize: { "Fn::Double": 128 } }) }));
    expect(e.resource).toBe("F");
    expect(e.property).toBe("MemorySize");
    expect(e.message).toMatch(/unknown intrinsic function Fn::Double/);
  });

  it("refuses intrinsics outside the subset (Fn::If) as not simulated", async () => {
    const e = await templateError(`
Resources:
  F:
    Type: AWS::Serverless::Function
    Properties: { Handler: index.handler, Runtime: nodejs22.x, InlineCode: x, Timeout: !If [IsProd, 10, 3] }
`);
    expect(e.message).toMatch(/F\.Timeout: the intrinsic function Fn::If is not simulated/);
  });

  it("refuses a circular dependency between resources, as CloudFormation does", async () => {
    const e = await templateError(
      template({
        A: { Type: "AWS::SQS::Queue", Properties: { QueueName: { "Fn::GetAtt": ["B", "QueueName"] } } },
        B: { Type: "AWS::SQS::Queue", Properties: { QueueName: { "Fn::Sub": "${A.QueueName}-b" } } },
      }),
    );
    expect(e.message).toMatch(/circular dependency between resources: (A → B → A|B → A → B)/);
  });

  it("refuses a Ref to something that is not in the template", async () => {
    const e = await templateError(template({ F: fn(code, { Environment: { Variables: { Q: { Ref: "Missing" } } } }) }));
    expect(e.resource).toBe("F");
    expect(e.property).toBe("Environment");
    expect(e.message).toMatch(/"Missing", which is neither a parameter nor a resource/);
  });

  it("warns by name about what it does not simulate, and refuses what would mislead", async () => {
    const t = await parseTemplate(
      template({
        F: fn(code, { Tracing: "Active", Events: { Api: { Type: "Api", Properties: { Path: "/", Method: "get" } } } }),
        Table: { Type: "AWS::DynamoDB::Table", Properties: {} },
      }),
    );
    expect(t.warnings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ resource: "F", property: "Tracing", message: expect.stringMatching(/not simulated/) as unknown }),
        expect.objectContaining({ resource: "F", property: "Events.Api", message: expect.stringMatching(/Api is not simulated yet/) as unknown }),
        expect.objectContaining({ resource: "Table", property: "Type", message: expect.stringMatching(/AWS::DynamoDB::Table is not simulated/) as unknown }),
      ]),
    );
    expect((await templateError(template({ F: fn(code, { Runtime: "python3.12" }) }))).message).toMatch(/F\.Runtime: only Node\.js runtimes are simulated/);
    expect((await templateError(template({ F: fn(code, { PackageType: "Image" }) }))).property).toBe("PackageType");
  });

  it("refuses absurd settings with Lambda's limits", async () => {
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ MemorySize: 20_000 }, "MemorySize", /128 to 10240/],
      [{ Timeout: 0 }, "Timeout", /1 to 900/],
      [{ Timeout: 901 }, "Timeout", /1 to 900/],
      [{ ReservedConcurrentExecutions: -1 }, "ReservedConcurrentExecutions", /from 0/],
      [{ EventInvokeConfig: { MaximumRetryAttempts: 5 } }, "EventInvokeConfig.MaximumRetryAttempts", /0 to 2/],
      [{ EventInvokeConfig: { MaximumEventAgeInSeconds: 30 } }, "EventInvokeConfig.MaximumEventAgeInSeconds", /60 to 21600/],
      [{ Layers: ["a", "b", "c", "d", "e", "f"] }, "Layers", /at most 5 layers/],
      [{ Environment: { Variables: { BIG: "x".repeat(5000) } } }, "Environment.Variables", /4 KB/],
      [{ ProvisionedConcurrencyConfig: { ProvisionedConcurrentExecutions: 2 } }, "ProvisionedConcurrencyConfig", /needs AutoPublishAlias/],
    ];
    for (const [props, property, message] of cases) {
      const e = await templateError(template({ F: fn(code, props) }));
      expect(e.property, JSON.stringify(props)).toBe(property);
      expect(e.message).toMatch(message);
    }
  });

  it("loads CodeUri folders from the given project files, and refuses code in S3", async () => {
    const t = await parseTemplate(template({ F: { Type: "AWS::Serverless::Function", Properties: { Handler: "app.handler", Runtime: "nodejs22.x", CodeUri: "src/" } } }), {
      files: { "src/app.mjs": "export const handler = async () => 1;", "src/lib/util.mjs": "export const x = 1;", "other/x.js": "" },
    });
    expect(Object.keys(t.functions[0]?.files ?? {}).sort()).toEqual(["app.mjs", "lib/util.mjs"]);
    const e = await templateError(template({ F: { Type: "AWS::Serverless::Function", Properties: { Handler: "app.handler", Runtime: "nodejs22.x", CodeUri: { Bucket: "b", Key: "k" } } } }));
    expect(e.property).toBe("CodeUri");
  });

  it("gives a function its layers from LayerVersion resources", async () => {
    const t = await parseTemplate(
      template({
        Shared: { Type: "AWS::Serverless::LayerVersion", Properties: { ContentUri: { "nodejs/node_modules/greet/index.js": "module.exports = () => 'hi';" } } },
        F: fn(code, { Layers: [{ Ref: "Shared" }] }),
      }),
    );
    expect(t.functions[0]?.layers).toEqual([{ name: "Shared", files: { "nodejs/node_modules/greet/index.js": "module.exports = () => 'hi';" } }]);
  });

  it("expands SAM policy templates into IAM statements for the function's role", async () => {
    const t = await parseTemplate(template({ F: fn(code, { Policies: ["AWSLambdaBasicExecutionRole", { DynamoDBCrudPolicy: { TableName: "Orders" } }, { Statement: [{ Effect: "Deny", Action: "s3:*", Resource: "*" }] }] }) }));
    const p = t.functions[0]?.policies ?? [];
    expect(p.map((s) => s.source)).toEqual(["AWSLambdaBasicExecutionRole", "DynamoDBCrudPolicy", "inline"]);
    expect(p[1]?.Resource[0]).toBe("arn:aws:dynamodb:us-east-1:123456789012:table/Orders");
    expect(p[2]).toMatchObject({ Effect: "Deny", Action: ["s3:*"] });
  });

  it("reads aliases with RoutingConfig and EventInvokeConfig resources", async () => {
    const t = await parseTemplate(
      template({
        F: fn(code),
        V: { Type: "AWS::Lambda::Version", Properties: { FunctionName: { Ref: "F" } } },
        Live: { Type: "AWS::Lambda::Alias", Properties: { FunctionName: { Ref: "F" }, FunctionVersion: { "Fn::GetAtt": ["V", "Version"] }, Name: "live", RoutingConfig: { AdditionalVersionWeights: [{ FunctionVersion: "2", FunctionWeight: 0.1 }] } } },
        Q: { Type: "AWS::SQS::Queue" },
        Cfg: { Type: "AWS::Lambda::EventInvokeConfig", Properties: { FunctionName: { Ref: "F" }, Qualifier: "$LATEST", MaximumRetryAttempts: 0, DestinationConfig: { OnFailure: { Destination: { "Fn::GetAtt": ["Q", "Arn"] } } } } },
      }),
    );
    expect(t.aliases[0]).toMatchObject({ function: "F", name: "live", version: "1", weights: { "2": 0.1 } });
    expect(t.eventInvokeConfigs[0]?.config).toEqual({ maximumRetryAttempts: 0, onFailure: { kind: "sqs", arn: "arn:aws:sqs:us-east-1:123456789012:lambda-lab-Q", logicalId: "Q" } });
  });

  it("reads a plain AWS::Lambda::Function as the equivalent SAM function", async () => {
    const t = await parseTemplate(`
Transform: AWS::Serverless-2016-10-31
Resources:
  Dlq:
    Type: AWS::SNS::Topic
  Plain:
    Type: AWS::Lambda::Function
    Properties:
      Handler: index.handler
      Runtime: nodejs20.x
      Role: arn:aws:iam::123456789012:role/plain
      MemorySize: 256
      Code:
        ZipFile: "exports.handler = async () => 'plain';"
      DeadLetterConfig:
        TargetArn: !Ref Dlq
  Reader:
    Type: AWS::Serverless::Function
    Properties: { Handler: index.handler, Runtime: nodejs22.x, InlineCode: x, Environment: { Variables: { TARGET: !GetAtt Plain.Arn } } }
`);
    const plain = t.functions.find((f) => f.logicalId === "Plain");
    expect(plain).toMatchObject({ runtime: "nodejs20.x", memoryMB: 256, files: { "index.js": "exports.handler = async () => 'plain';" }, deadLetter: { kind: "sns", logicalId: "Dlq" } });
    expect(t.functions.find((f) => f.logicalId === "Reader")?.environment.TARGET).toBe("arn:aws:lambda:us-east-1:123456789012:function:Plain");
    expect(t.warnings).toEqual([expect.objectContaining({ resource: "Plain", property: "Role" })]);
    const e = await templateError(template({ P: { Type: "AWS::Lambda::Function", Properties: { Handler: "index.handler", Runtime: "nodejs22.x", Code: { S3Bucket: "b", S3Key: "k" } } } }));
    expect(e.message).toMatch(/P\.Code: code in S3 \(S3Bucket\/S3Key\) is not simulated/);
  });

  it("refuses an alias name made only of digits", async () => {
    const e = await templateError(template({ F: fn(code, { AutoPublishAlias: "123" }) }));
    expect(e.property).toBe("AutoPublishAlias");
  });
});
