/**
 * A small reader of prisma/schema.prisma's models and enums: enough to compare the schema with
 * the database the migrations produce (field names, SQL types, nullability).
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";

export interface SchemaField {
  name: string;
  type: string;
  optional: boolean;
  list: boolean;
  /** Relation fields (another model) have no column. */
  relation: boolean;
}

export interface SchemaModel {
  name: string;
  fields: SchemaField[];
}

export function readPrismaSchema(path = resolve("prisma", "schema.prisma")) {
  const text = readFileSync(path, "utf8").replace(/\/\/.*$/gm, "");
  const enums = [...text.matchAll(/^enum\s+(\w+)\s*\{([\s\S]*?)^\}/gm)].map((m) => ({
    name: m[1]!,
    values: m[2]!.split(/\s+/).filter(Boolean),
  }));
  const blocks = [...text.matchAll(/^model\s+(\w+)\s*\{([\s\S]*?)^\}/gm)];
  const modelNames = new Set(blocks.map((m) => m[1]!));
  const models: SchemaModel[] = blocks.map((m) => ({
    name: m[1]!,
    fields: m[2]!
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => line !== "" && !line.startsWith("@@"))
      .map((line) => {
        const [name, rawType] = line.split(/\s+/) as [string, string];
        const type = rawType.replace(/[?[\]]/g, "");
        return { name, type, optional: rawType.endsWith("?"), list: rawType.endsWith("[]"), relation: modelNames.has(type) };
      }),
  }));
  return { models, enums };
}

/** The PostgreSQL type (information_schema udt_name) Prisma maps a scalar type to. */
export function expectedUdt(field: SchemaField, enumNames: Set<string>): string {
  if (enumNames.has(field.type)) return field.type;
  const base: Record<string, string> = {
    String: "text",
    Int: "int4",
    BigInt: "int8",
    Float: "float8",
    Boolean: "bool",
    DateTime: "timestamp",
    Json: "jsonb",
  };
  const udt = base[field.type];
  if (!udt) throw new Error(`schema.prisma: no SQL type known for ${field.type} (field ${field.name})`);
  return field.list ? `_${udt}` : udt;
}
