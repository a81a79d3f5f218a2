// DynamoDB through the simulated SDK, as a handler calls it (APIReference API_PutItem, API_GetItem,
// API_UpdateItem, API_Query; lib-dynamodb's DocumentClient), on the real QuickJS runtime.
import { describe, expect, it } from "vitest";
import { createLambdaService } from "../../../service/service";
import { fn, template } from "../../../service/testing";
import { SdkHub } from "../../sdk/hub";
import { dataExtension } from "../index";

const allow = { Policies: [{ Statement: [{ Effect: "Allow", Action: "dynamodb:*", Resource: "*" }] }] };
const table = {
  Type: "AWS::DynamoDB::Table",
  Properties: {
    TableName: "Orders",
    KeySchema: [{ AttributeName: "pk", KeyType: "HASH" }, { AttributeName: "sk", KeyType: "RANGE" }],
    AttributeDefinitions: [{ AttributeName: "pk", AttributeType: "S" }, { AttributeName: "sk", AttributeType: "N" }],
    BillingMode: "PAY_PER_REQUEST",
  },
};

async function run(code: string, event: unknown = {}, props: Record<string, unknown> = allow) {
  const hub = new SdkHub();
  const s = await createLambdaService({ template: template({ Orders: table, F: fn(code, props) }), extensions: [hub.extension, dataExtension(hub)] });
  try {
    return (await s.invoke("F", event)).payload;
  } finally {
    s.dispose();
  }
}

describe("DynamoDB from a handler", () => {
  it("PutItem then GetItem returns the item in attribute-value form", async () => {
    const out = await run(`
      const { DynamoDBClient, PutItemCommand, GetItemCommand } = require("@aws-sdk/client-dynamodb");
      const db = new DynamoDBClient({});
      exports.handler = async () => {
        await db.send(new PutItemCommand({ TableName: "Orders", Item: { pk: { S: "u1" }, sk: { N: "1" }, total: { N: "42" } } }));
        return db.send(new GetItemCommand({ TableName: "Orders", Key: { pk: { S: "u1" }, sk: { N: "1" } } }));
      };`);
    expect(out).toEqual({ Item: { pk: { S: "u1" }, sk: { N: "1" }, total: { N: "42" } } });
  });

  it("a failed ConditionExpression is ConditionalCheckFailedException: The conditional request failed (API_PutItem)", async () => {
    const out = await run(`
      const { DynamoDBClient, PutItemCommand, ConditionalCheckFailedException } = require("@aws-sdk/client-dynamodb");
      const db = new DynamoDBClient({});
      const put = () => db.send(new PutItemCommand({ TableName: "Orders", Item: { pk: { S: "u1" }, sk: { N: "1" } }, ConditionExpression: "attribute_not_exists(pk)" }));
      exports.handler = async () => {
        await put();
        try { await put(); return "no error"; } catch (e) { return [e.name, e.message, e instanceof ConditionalCheckFailedException, e.$metadata.httpStatusCode]; }
      };`);
    expect(out).toEqual(["ConditionalCheckFailedException", "The conditional request failed", true, 400]);
  });

  it("the DocumentClient marshals plain values: Update with ADD and ReturnValues ALL_NEW, Query with begins_with-free range and ScanIndexForward false", async () => {
    const out = await run(`
      const { DynamoDBClient } = require("@aws-sdk/client-dynamodb");
      const { DynamoDBDocumentClient, PutCommand, UpdateCommand, QueryCommand } = require("@aws-sdk/lib-dynamodb");
      const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));
      exports.handler = async () => {
        for (const sk of [1, 2, 3]) await doc.send(new PutCommand({ TableName: "Orders", Item: { pk: "u1", sk, tags: new Set(["a"]) } }));
        const up = await doc.send(new UpdateCommand({ TableName: "Orders", Key: { pk: "u1", sk: 2 }, UpdateExpression: "SET #s = :s ADD visits :one", ExpressionAttributeNames: { "#s": "status" }, ExpressionAttributeValues: { ":s": "paid", ":one": 1 }, ReturnValues: "ALL_NEW" }));
        const q = await doc.send(new QueryCommand({ TableName: "Orders", KeyConditionExpression: "pk = :p AND sk >= :two", ExpressionAttributeValues: { ":p": "u1", ":two": 2 }, ScanIndexForward: false }));
        return { up: { ...up.Attributes, tags: [...up.Attributes.tags] }, sks: q.Items.map((i) => i.sk), count: q.Count };
      };`);
    expect(out).toEqual({ up: { pk: "u1", sk: 2, status: "paid", visits: 1, tags: ["a"] }, sks: [3, 2], count: 2 });
  });

  it("a key of the wrong shape is ValidationException: The provided key element does not match the schema", async () => {
    const out = await run(`
      const { DynamoDBClient, GetItemCommand } = require("@aws-sdk/client-dynamodb");
      exports.handler = async () => new DynamoDBClient({}).send(new GetItemCommand({ TableName: "Orders", Key: { pk: { S: "u1" } } })).catch((e) => e.name + ": " + e.message);`);
    expect(out).toBe("ValidationException: The provided key element does not match the schema");
  });

  it("an unknown table is ResourceNotFoundException: Requested resource not found", async () => {
    const out = await run(`
      const { DynamoDBClient, GetItemCommand } = require("@aws-sdk/client-dynamodb");
      exports.handler = async () => new DynamoDBClient({}).send(new GetItemCommand({ TableName: "Nope", Key: { pk: { S: "u1" } } })).catch((e) => e.name + ": " + e.message);`);
    expect(out).toBe("ResourceNotFoundException: Requested resource not found");
  });

  it("without dynamodb:PutItem in the role the call is AccessDeniedException", async () => {
    const out = await run(
      `
      const { DynamoDBClient, PutItemCommand } = require("@aws-sdk/client-dynamodb");
      exports.handler = async () => new DynamoDBClient({}).send(new PutItemCommand({ TableName: "Orders", Item: { pk: { S: "a" }, sk: { N: "1" } } })).catch((e) => e.name);`,
      {},
      { Policies: [{ Statement: [{ Effect: "Allow", Action: "dynamodb:GetItem", Resource: "*" }] }] },
    );
    expect(out).toBe("AccessDeniedException");
  });

  it("marshall/unmarshall from @aws-sdk/util-dynamodb refuse undefined unless removeUndefinedValues", async () => {
    const out = await run(`
      const { marshall, unmarshall } = require("@aws-sdk/util-dynamodb");
      exports.handler = async () => {
        let err; try { marshall({ a: undefined }); } catch (e) { err = e.message; }
        return { err, m: marshall({ a: 1, b: undefined, c: [true, null] }, { removeUndefinedValues: true }), u: unmarshall({ n: { N: "5" }, l: { L: [{ S: "x" }] } }) };
      };`);
    expect(out).toEqual({ err: "Pass options.removeUndefinedValues=true to remove undefined values from map/array/set.", m: { a: { N: "1" }, c: { L: [{ BOOL: true }, { NULL: true }] } }, u: { n: 5, l: ["x"] } });
  });

  it("paginateQuery from lib-dynamodb follows LastEvaluatedKey page by page", async () => {
    const out = await run(`
      const { DynamoDBClient } = require("@aws-sdk/client-dynamodb");
      const { DynamoDBDocumentClient, BatchWriteCommand, paginateQuery } = require("@aws-sdk/lib-dynamodb");
      const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));
      exports.handler = async () => {
        await doc.send(new BatchWriteCommand({ RequestItems: { Orders: [1, 2, 3, 4, 5].map((sk) => ({ PutRequest: { Item: { pk: "u1", sk } } })) } }));
        const pages = [];
        for await (const page of paginateQuery({ client: doc, pageSize: 2 }, { TableName: "Orders", KeyConditionExpression: "pk = :p", ExpressionAttributeValues: { ":p": "u1" } })) pages.push(page.Items.map((i) => i.sk));
        return pages;
      };`);
    expect(out).toEqual([[1, 2], [3, 4], [5]]);
  });

  it("plain values sent to the low-level client are refused as DynamoDB refuses them (use lib-dynamodb or marshall)", async () => {
    const out = await run(`
      const { DynamoDBClient, PutItemCommand } = require("@aws-sdk/client-dynamodb");
      exports.handler = async () => new DynamoDBClient({}).send(new PutItemCommand({ TableName: "Orders", Item: { pk: "u1", sk: 1 } })).catch((e) => e.name + ": " + e.message);`);
    expect(out).toBe("ValidationException: Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
  });
});
