// Tables and their operations called directly (the handler-side path is in operations.test.ts):
// key schema from the template, paging (APIReference API_Query: Limit, LastEvaluatedKey, Select),
// batches (API_BatchWriteItem: 25 requests) and transactions (API_TransactWriteItems).
import { describe, expect, it } from "vitest";
import type { AwsCallContext } from "../../sdk/hub";
import { AwsServiceError } from "../../sdk/hub";
import { dynamodbService } from "./operations";
import { Table, tableDefinition } from "./table";

const names = { region: "us-east-1", accountId: "123456789012", stackName: "lab" };
function setup() {
  const table = new Table(
    tableDefinition(
      "Orders",
      "AWS::DynamoDB::Table",
      {
        TableName: "Orders",
        KeySchema: [{ AttributeName: "pk", KeyType: "HASH" }, { AttributeName: "sk", KeyType: "RANGE" }],
        AttributeDefinitions: [{ AttributeName: "pk", AttributeType: "S" }, { AttributeName: "sk", AttributeType: "N" }],
      },
      names,
    ),
  );
  const ops = dynamodbService((n) => (n === "Orders" ? table : undefined), () => table.def.arn).operations;
  const ctx = { time: 0 } as AwsCallContext;
  const call = (op: string, input: Record<string, unknown>) => ops[op]!.run(input, ctx) as Record<string, unknown>;
  for (let sk = 1; sk <= 5; sk++) call("PutItem", { TableName: "Orders", Item: { pk: { S: "u1" }, sk: { N: String(sk) }, odd: { BOOL: sk % 2 === 1 } } });
  return { table, call };
}

function error(f: () => unknown): AwsServiceError {
  try {
    f();
  } catch (e) {
    if (e instanceof AwsServiceError) return e;
    throw e;
  }
  throw new Error("no error");
}

describe("table definitions", () => {
  it("reads KeySchema, AttributeDefinitions and the stream view type; a key without a definition is refused", () => {
    const def = tableDefinition("T", "AWS::DynamoDB::Table", { KeySchema: [{ AttributeName: "id", KeyType: "HASH" }], AttributeDefinitions: [{ AttributeName: "id", AttributeType: "S" }], StreamSpecification: { StreamViewType: "KEYS_ONLY" } }, names);
    expect(def).toMatchObject({ name: "lab-T", hashKey: "id", streamViewType: "KEYS_ONLY", streamArn: "arn:aws:dynamodb:us-east-1:123456789012:table/lab-T/stream/2026-01-01T00:00:00.000" });
    expect(() => tableDefinition("T", "AWS::DynamoDB::Table", { KeySchema: [{ AttributeName: "id", KeyType: "HASH" }], AttributeDefinitions: [] }, names)).toThrow("Some index key attributes are not defined in AttributeDefinitions");
    expect(() => tableDefinition("T", "AWS::DynamoDB::Table", { KeySchema: [{ AttributeName: "id", KeyType: "HASH" }], AttributeDefinitions: [{ AttributeName: "id", AttributeType: "S" }], StreamSpecification: { StreamViewType: "ALL" } }, names)).toThrow("StreamViewType must be");
  });

  it("a SimpleTable has a string id key unless PrimaryKey says otherwise (SAM sam-resource-simpletable)", () => {
    expect(tableDefinition("T", "AWS::Serverless::SimpleTable", {}, names)).toMatchObject({ hashKey: "id", keyTypes: { id: "S" } });
    expect(tableDefinition("T", "AWS::Serverless::SimpleTable", { PrimaryKey: { Name: "n", Type: "Number" } }, names)).toMatchObject({ hashKey: "n", keyTypes: { n: "N" } });
  });
});

describe("operations", () => {
  it("Query pages with Limit and LastEvaluatedKey, and Select COUNT counts after the filter", () => {
    const { call } = setup();
    const first = call("Query", { TableName: "Orders", KeyConditionExpression: "pk = :p", ExpressionAttributeValues: { ":p": { S: "u1" } }, Limit: 2 });
    expect((first.Items as unknown[]).length).toBe(2);
    expect(first.LastEvaluatedKey).toEqual({ pk: { S: "u1" }, sk: { N: "2" } });
    const next = call("Query", { TableName: "Orders", KeyConditionExpression: "pk = :p", ExpressionAttributeValues: { ":p": { S: "u1" } }, ExclusiveStartKey: first.LastEvaluatedKey });
    expect((next.Items as { sk: { N: string } }[]).map((i) => i.sk.N)).toEqual(["3", "4", "5"]);
    const count = call("Query", { TableName: "Orders", KeyConditionExpression: "pk = :p AND sk BETWEEN :a AND :b", FilterExpression: "odd = :t", ExpressionAttributeValues: { ":p": { S: "u1" }, ":a": { N: "2" }, ":b": { N: "5" }, ":t": { BOOL: true } }, Select: "COUNT" });
    expect(count).toEqual({ Count: 2, ScannedCount: 4 });
  });

  it("a key condition without the partition key, or with <> on the sort key, is refused", () => {
    const { call } = setup();
    expect(error(() => call("Query", { TableName: "Orders", KeyConditionExpression: "sk = :s", ExpressionAttributeValues: { ":s": { N: "1" } } })).message).toBe("Query condition missed key schema element: pk");
    expect(error(() => call("Query", { TableName: "Orders", KeyConditionExpression: "pk = :p AND sk <> :s", ExpressionAttributeValues: { ":p": { S: "u1" }, ":s": { N: "1" } } })).message).toBe("Query key condition not supported");
  });

  it("items over 400 KB and keys of the wrong type are ValidationExceptions", () => {
    const { call } = setup();
    expect(error(() => call("PutItem", { TableName: "Orders", Item: { pk: { S: "u2" }, sk: { N: "1" }, blob: { S: "x".repeat(410_000) } } })).message).toBe("Item size has exceeded the maximum allowed size");
    expect(error(() => call("PutItem", { TableName: "Orders", Item: { pk: { S: "u2" }, sk: { S: "1" } } })).message).toBe("One or more parameter values were invalid: Type mismatch for key sk expected: N actual: S");
    expect(error(() => call("PutItem", { TableName: "Orders", Item: { pk: { S: "u2" } } })).message).toBe("One or more parameter values were invalid: Missing the key sk in the item");
    expect(error(() => call("UpdateItem", { TableName: "Orders", Key: { pk: { S: "u1" }, sk: { N: "1" } }, UpdateExpression: "SET pk = :v", ExpressionAttributeValues: { ":v": { S: "x" } } })).message).toBe("One or more parameter values were invalid: Cannot update attribute pk. This attribute is part of the key");
  });

  it("BatchWriteItem takes at most 25 requests", () => {
    const { call } = setup();
    const puts = Array.from({ length: 26 }, (_, i) => ({ PutRequest: { Item: { pk: { S: "b" }, sk: { N: String(i) } } } }));
    expect(error(() => call("BatchWriteItem", { RequestItems: { Orders: puts } })).name).toBe("ValidationException");
    expect(call("BatchWriteItem", { RequestItems: { Orders: puts.slice(0, 25) } })).toEqual({ UnprocessedItems: {} });
  });

  it("a TransactWriteItems with one failed condition writes nothing and lists the cancellation reasons", () => {
    const { table, call } = setup();
    const e = error(() =>
      call("TransactWriteItems", {
        TransactItems: [
          { Put: { TableName: "Orders", Item: { pk: { S: "t" }, sk: { N: "1" } } } },
          { ConditionCheck: { TableName: "Orders", Key: { pk: { S: "u1" }, sk: { N: "1" } }, ConditionExpression: "attribute_not_exists(pk)" } },
        ],
      }),
    );
    expect(e.name).toBe("TransactionCanceledException");
    expect(e.message).toBe("Transaction cancelled, please refer cancellation reasons for specific reasons [None, ConditionalCheckFailed]");
    expect(e.fields.CancellationReasons).toEqual([{ Code: "None" }, { Code: "ConditionalCheckFailed", Message: "The conditional request failed" }]);
    expect(table.size).toBe(5);
  });

  it("an UpdateItem that changes nothing writes no stream record (DeveloperGuide Streams)", () => {
    const { table, call } = setup();
    const changes: string[] = [];
    table.onChange((c) => changes.push(c.eventName));
    const same = { TableName: "Orders", Key: { pk: { S: "u1" }, sk: { N: "1" } }, UpdateExpression: "SET odd = :t", ExpressionAttributeValues: { ":t": { BOOL: true } } };
    call("UpdateItem", same);
    call("UpdateItem", { ...same, ExpressionAttributeValues: { ":t": { BOOL: false } } });
    expect(changes).toEqual(["MODIFY"]);
  });
});

describe("secondary indexes (DeveloperGuide GSI, LSI)", () => {
  function indexed() {
    const table = new Table(
      tableDefinition(
        "Orders",
        "AWS::DynamoDB::Table",
        {
          TableName: "Orders",
          KeySchema: [{ AttributeName: "pk", KeyType: "HASH" }],
          AttributeDefinitions: [{ AttributeName: "pk", AttributeType: "S" }, { AttributeName: "status", AttributeType: "S" }, { AttributeName: "placedAt", AttributeType: "N" }],
          GlobalSecondaryIndexes: [{ IndexName: "byStatus", KeySchema: [{ AttributeName: "status", KeyType: "HASH" }, { AttributeName: "placedAt", KeyType: "RANGE" }], Projection: { ProjectionType: "KEYS_ONLY" } }],
        },
        names,
      ),
    );
    const ops = dynamodbService(() => table, () => table.def.arn).operations;
    const call = (op: string, input: Record<string, unknown>) => ops[op]!.run({ TableName: "Orders", ...input }, { time: 0 } as AwsCallContext) as Record<string, unknown>;
    const orders: [string, string | undefined, number][] = [["o1", "paid", 30], ["o2", "new", 10], ["o3", "paid", 20], ["o4", undefined, 5]];
    for (const [pk, status, placedAt] of orders) call("PutItem", { Item: { pk: { S: pk }, placedAt: { N: String(placedAt) }, total: { N: "1" }, ...(status && { status: { S: status } }) } });
    return call;
  }

  it("Query on a GSI reads by the index's keys, in its sort order, with its projection and a combined LastEvaluatedKey", () => {
    const call = indexed();
    const q = { IndexName: "byStatus", KeyConditionExpression: "#s = :paid", ExpressionAttributeNames: { "#s": "status" }, ExpressionAttributeValues: { ":paid": { S: "paid" } } };
    const all = call("Query", q);
    expect(all.Items).toEqual([
      { pk: { S: "o3" }, status: { S: "paid" }, placedAt: { N: "20" } },
      { pk: { S: "o1" }, status: { S: "paid" }, placedAt: { N: "30" } },
    ]);
    const first = call("Query", { ...q, Limit: 1 });
    expect(first.LastEvaluatedKey).toEqual({ pk: { S: "o3" }, status: { S: "paid" }, placedAt: { N: "20" } });
    expect((call("Query", { ...q, ExclusiveStartKey: first.LastEvaluatedKey }).Items as unknown[]).length).toBe(1);
  });

  it("the index is sparse (items without its key are not in it), and an unknown index is named", () => {
    const call = indexed();
    expect(call("Scan", { IndexName: "byStatus", Select: "COUNT" })).toEqual({ Count: 3, ScannedCount: 3 });
    expect(error(() => call("Query", { IndexName: "nope", KeyConditionExpression: "pk = :p", ExpressionAttributeValues: { ":p": { S: "o1" } } })).message).toBe("The table does not have the specified index: nope");
    expect(error(() => call("PutItem", { Item: { pk: { S: "o9" }, status: { N: "1" } } })).message).toBe("One or more parameter values were invalid: Type mismatch for Index Key status Expected: S Actual: N IndexName: byStatus");
  });
});
