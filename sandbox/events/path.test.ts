import { describe, expect, it } from "vitest";
import { s3Put, sqsBatch } from "./messaging";
import { InvalidEventPathError, applyAssignment, formatPath, getPath, hasPath, parsePath, setPath } from "./path";

describe("parsePath", () => {
  it("reads names, indexes and quoted names", () => {
    expect(parsePath("Records[0].s3.object.key")).toEqual(["Records", 0, "s3", "object", "key"]);
    expect(parsePath('headers["content-type"]')).toEqual(["headers", "content-type"]);
    expect(parsePath("headers['x.y']")).toEqual(["headers", "x.y"]);
    expect(parsePath("detail-type")).toEqual(["detail-type"]);
    expect(parsePath("[0].a")).toEqual([0, "a"]);
    expect(parsePath('m["a\\"b"]')).toEqual(["m", 'a"b']);
  });

  it("says what is wrong and where", () => {
    expect(() => parsePath("")).toThrow("Invalid path \"\": the path is empty at position 0");
    expect(() => parsePath("Records[0.s3")).toThrow('Invalid path "Records[0.s3": expected "]" at position 9');
    expect(() => parsePath("a..b")).toThrow(/expected a property name at position 2/);
    expect(() => parsePath("a[x]")).toThrow(/expected an array index or a quoted name/);
    expect(() => parsePath('a["x]')).toThrow(/unterminated quoted name/);
    expect(() => parsePath("a]")).toThrow(/unexpected "]" at position 1/);
  });

  it("formats segments back into a path", () => {
    expect(formatPath(["Records", 0, "s3", "content-type", "a.b"])).toBe('Records[0].s3.content-type["a.b"]');
  });
});

describe("getPath / setPath", () => {
  it("reads and replaces a deep value without changing the input", () => {
    const event = s3Put();
    const changed = setPath(event, "Records[0].s3.object.key", "photos/cat.jpg");
    expect(getPath(changed, "Records[0].s3.object.key")).toBe("photos/cat.jpg");
    expect(getPath(event, "Records[0].s3.object.key")).toBe("uploads/photo.jpg");
  });

  it("adds a new last property and appends one past the end of an array", () => {
    const e = setPath(setPath(sqsBatch(["a"]), "Records[0].messageAttributes.kind", { dataType: "String", stringValue: "k" }), "Records[1]", { body: "b" });
    expect(e.Records[0]?.messageAttributes.kind?.stringValue).toBe("k");
    expect(e.Records).toHaveLength(2);
  });

  it("refuses a path that leaves the event, saying where it stops matching", () => {
    const event = s3Put();
    expect(() => setPath(event, "Records[3].s3", 1)).toThrow('Cannot use "Records[3].s3": Records has 1 item (indexes 0–0)');
    expect(() => setPath(event, "Records[0].s4.bucket", 1)).toThrow(/Records\[0\] has no property "s4" \(it has: eventVersion, eventSource/);
    expect(() => setPath(event, "Records[0].eventName.x", 1)).toThrow('Cannot use "Records[0].eventName.x": Records[0].eventName is a string, not an object');
    expect(() => setPath(event, "Records.x", 1)).toThrow(/Records is an array, not an object/);
    expect(() => setPath(event, "Records[0][1]", 1)).toThrow(/Records\[0\] is an object, not an array/);
    expect(() => getPath(event, "nope")).toThrow(InvalidEventPathError);
    expect(hasPath(event, "Records[0].s3")).toBe(true);
    expect(hasPath(event, "Records[1]")).toBe(false);
  });
});

describe("applyAssignment (the CLI's --set path=value)", () => {
  it("reads the value as JSON unless the current value is a string", () => {
    let e = applyAssignment(s3Put(), "Records[0].s3.object.size=2048");
    expect(e.Records[0]?.s3.object.size).toBe(2048);
    e = applyAssignment(e, "Records[0].s3.object.key=123");
    expect(e.Records[0]?.s3.object.key).toBe("123");
    e = applyAssignment(e, 'Records[0].s3.object.key="quoted"');
    expect(e.Records[0]?.s3.object.key).toBe('"quoted"');
    e = applyAssignment(e, "Records[0].glacierEventData=null");
    expect(e.Records[0]?.glacierEventData).toBeNull();
  });

  it("keeps text that is not JSON as a string, and '=' inside the value", () => {
    const e = applyAssignment(sqsBatch(["x"]), "Records[0].body=a=b c");
    expect(e.Records[0]?.body).toBe("a=b c");
  });

  it("refuses an assignment without a path", () => {
    expect(() => applyAssignment({}, "=1")).toThrow('Invalid assignment "=1": expected path=value');
    expect(() => applyAssignment({}, "novalue")).toThrow(InvalidEventPathError);
  });
});
