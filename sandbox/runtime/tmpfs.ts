/**
 * The environment's file system as a handler sees it: `/tmp` writable (in memory, limited to the
 * function's ephemeral storage), the function's code under `/var/task` and layers under `/opt`
 * readable, everything else read-only (EROFS), as on Lambda. It lives on the host so that it
 * survives an environment reset (LAMBDA.md §4: `/tmp` is not cleared by a reset).
 *
 * The guest `fs` module (guest/modules.ts) calls {@link TmpFs.call} through the single host function
 * `H.fs(op, …)`; every operation returns `[errorCode, value]` and the guest builds Node's errors.
 */
import type { QuickJSContext, QuickJSHandle } from "quickjs-emscripten";
import { dirname, resolvePath, type CodeTree } from "./modules";

interface FileNode {
  kind: "file";
  data: Uint8Array;
  mtimeMs: number;
  birthtimeMs: number;
}
interface DirNode {
  kind: "dir";
  mtimeMs: number;
  birthtimeMs: number;
}
type FsNode = FileNode | DirNode;

type FsResult = [code: string, value?: unknown];

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export class TmpFs {
  private readonly nodes = new Map<string, FsNode>();
  private used = 0;
  readonly limitBytes: number;

  constructor(
    limitMB: number,
    private readonly code: CodeTree,
    private readonly now: () => number = () => Date.now(),
  ) {
    this.limitBytes = limitMB * 1024 * 1024;
    const t = this.now();
    this.nodes.set("/tmp", { kind: "dir", mtimeMs: t, birthtimeMs: t });
  }

  /** Bytes stored in /tmp. */
  get usedBytes(): number {
    return this.used;
  }

  private static inTmp(p: string): boolean {
    return p === "/tmp" || p.startsWith("/tmp/");
  }

  private lookup(p: string): FsNode | { kind: "code-file"; text: string } | { kind: "code-dir" } | undefined {
    if (TmpFs.inTmp(p)) return this.nodes.get(p);
    const text = this.code.files.get(p);
    if (text !== undefined) return { kind: "code-file", text };
    if (this.code.dirs.has(p) || p === "/tmp") return { kind: "code-dir" };
    return undefined;
  }

  private parentDir(p: string): string {
    const d = dirname(p);
    const n = this.lookup(d);
    if (!n) return "ENOENT";
    if (n.kind === "file" || n.kind === "code-file") return "ENOTDIR";
    return "";
  }

  readFile(p: string): FsResult {
    const n = this.lookup(p);
    if (!n) return ["ENOENT"];
    if (n.kind === "dir" || n.kind === "code-dir") return ["EISDIR"];
    return ["", n.kind === "file" ? n.data : encoder.encode(n.text)];
  }

  writeFile(p: string, data: Uint8Array, append: boolean, exclusive: boolean): FsResult {
    if (!TmpFs.inTmp(p)) return ["EROFS"];
    const parent = this.parentDir(p);
    if (parent) return [parent];
    const existing = this.nodes.get(p);
    if (existing?.kind === "dir") return ["EISDIR"];
    if (existing && exclusive) return ["EEXIST"];
    const old = existing?.kind === "file" ? existing.data : undefined;
    const next = append && old ? concat(old, data) : data;
    const delta = next.length - (old?.length ?? 0);
    if (this.used + delta > this.limitBytes) return ["ENOSPC"];
    this.used += delta;
    const t = this.now();
    this.nodes.set(p, { kind: "file", data: next === data ? data.slice() : next, mtimeMs: t, birthtimeMs: existing?.birthtimeMs ?? t });
    return [""];
  }

  stat(p: string): FsResult {
    const n = this.lookup(p);
    if (!n) return ["ENOENT"];
    const t0 = 1_700_000_000_000;
    if (n.kind === "code-file") return ["", [1, encoder.encode(n.text).length, t0, t0, 0o100644]];
    if (n.kind === "code-dir") return ["", [0, 4096, t0, t0, 0o40755]];
    if (n.kind === "file") return ["", [1, n.data.length, n.mtimeMs, n.birthtimeMs, 0o100664]];
    return ["", [0, 4096, n.mtimeMs, n.birthtimeMs, 0o40775]];
  }

  readdir(p: string): FsResult {
    const n = this.lookup(p);
    if (!n) return ["ENOENT"];
    if (n.kind === "file" || n.kind === "code-file") return ["ENOTDIR"];
    const prefix = p === "/" ? "/" : p + "/";
    const names = new Map<string, number>();
    const scan = (keys: Iterable<string>, isDir: (k: string) => boolean) => {
      for (const k of keys) {
        if (k.startsWith(prefix) && k.length > prefix.length && !k.slice(prefix.length).includes("/")) {
          names.set(k.slice(prefix.length), isDir(k) ? 1 : 0);
        }
      }
    };
    if (TmpFs.inTmp(p)) scan(this.nodes.keys(), (k) => this.nodes.get(k)?.kind === "dir");
    else {
      scan(this.code.files.keys(), () => false);
      scan(this.code.dirs, () => true);
      if (p === "/") names.set("tmp", 1);
    }
    return ["", [...names.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))];
  }

  mkdir(p: string, recursive: boolean): FsResult {
    if (!TmpFs.inTmp(p)) return [this.lookup(p) ? "EEXIST" : "EROFS"];
    const existing = this.lookup(p);
    if (existing) return recursive && (existing.kind === "dir" || existing.kind === "code-dir") ? ["", undefined] : ["EEXIST"];
    if (!recursive) {
      const parent = this.parentDir(p);
      if (parent) return [parent];
      const t = this.now();
      this.nodes.set(p, { kind: "dir", mtimeMs: t, birthtimeMs: t });
      return ["", undefined];
    }
    const missing: string[] = [];
    let d = p;
    while (!this.lookup(d)) {
      missing.unshift(d);
      d = dirname(d);
    }
    const top = this.lookup(d);
    if (top && (top.kind === "file" || top.kind === "code-file")) return ["ENOTDIR"];
    const t = this.now();
    for (const m of missing) this.nodes.set(m, { kind: "dir", mtimeMs: t, birthtimeMs: t });
    return ["", missing[0]];
  }

  unlink(p: string): FsResult {
    const n = this.lookup(p);
    if (!TmpFs.inTmp(p)) return [n ? "EROFS" : "ENOENT"];
    if (!n) return ["ENOENT"];
    if (n.kind === "dir") return ["EISDIR"];
    if (n.kind === "file") this.used -= n.data.length;
    this.nodes.delete(p);
    return [""];
  }

  rm(p: string, recursive: boolean, force: boolean, dirOnly: boolean): FsResult {
    const n = this.lookup(p);
    if (!n) return [force ? "" : "ENOENT"];
    if (!TmpFs.inTmp(p) || p === "/tmp") return [p === "/tmp" ? "EBUSY" : "EROFS"];
    if (n.kind === "file") {
      if (dirOnly) return ["ENOTDIR"];
      return this.unlink(p);
    }
    const children = [...this.nodes.keys()].filter((k) => k.startsWith(p + "/"));
    if (children.length && !recursive) return [dirOnly ? "ENOTEMPTY" : "ERR_FS_EISDIR"];
    for (const k of children) {
      const c = this.nodes.get(k);
      if (c?.kind === "file") this.used -= c.data.length;
      this.nodes.delete(k);
    }
    this.nodes.delete(p);
    return [""];
  }

  rename(from: string, to: string): FsResult {
    const n = this.lookup(from);
    if (!n) return ["ENOENT"];
    if (!TmpFs.inTmp(from) || !TmpFs.inTmp(to)) return ["EROFS"];
    const parent = this.parentDir(to);
    if (parent) return [parent];
    if (n.kind === "dir") {
      if (to.startsWith(from + "/")) return ["EINVAL"];
      const moves = [...this.nodes.entries()].filter(([k]) => k === from || k.startsWith(from + "/"));
      for (const [k] of moves) this.nodes.delete(k);
      for (const [k, v] of moves) this.nodes.set(to + k.slice(from.length), v);
      return [""];
    }
    const target = this.nodes.get(to);
    if (target?.kind === "dir") return ["EISDIR"];
    if (target?.kind === "file") this.used -= target.data.length;
    this.nodes.delete(from);
    this.nodes.set(to, n as FsNode);
    return [""];
  }

  copyFile(from: string, to: string, exclusive: boolean): FsResult {
    const r = this.readFile(from);
    if (r[0]) return r;
    return this.writeFile(to, r[1] as Uint8Array, false, exclusive);
  }

  access(p: string, write: boolean): FsResult {
    const n = this.lookup(p);
    if (!n) return ["ENOENT"];
    if (write && !TmpFs.inTmp(p)) return ["EACCES"];
    return [""];
  }

  /** Host side of the guest's `H.fs(op, path, a, b)`. */
  call(ctx: QuickJSContext, args: QuickJSHandle[]): QuickJSHandle {
    const str = (i: number): string => {
      const h = args[i];
      return h !== undefined && ctx.typeof(h) === "string" ? ctx.getString(h) : "";
    };
    const bool = (i: number): boolean => {
      const h = args[i];
      return h !== undefined && ctx.typeof(h) === "boolean" && ctx.dump(h) === true;
    };
    const op = str(0);
    const p = resolvePath("/var/task", str(1));
    let r: FsResult;
    switch (op) {
      case "read": {
        r = this.readFile(p);
        if (!r[0] && bool(2)) r = ["", decoder.decode(r[1] as Uint8Array)];
        break;
      }
      case "write": {
        const h = args[2];
        let data: Uint8Array;
        if (h !== undefined && ctx.typeof(h) === "string") data = encoder.encode(ctx.getString(h));
        else if (h !== undefined) {
          const lifetime = ctx.getArrayBuffer(h);
          // Check the space before copying the guest's bytes into host memory.
          if (TmpFs.inTmp(p) && this.used + lifetime.value.length > this.limitBytes && !bool(3)) {
            const existing = this.nodes.get(p);
            const freed = existing?.kind === "file" ? existing.data.length : 0;
            if (this.used - freed + lifetime.value.length > this.limitBytes) {
              lifetime.dispose();
              return toHandle(ctx, ["ENOSPC"]);
            }
          }
          data = lifetime.value.slice();
          lifetime.dispose();
        } else data = new Uint8Array(0);
        r = this.writeFile(p, data, bool(3), bool(4));
        break;
      }
      case "stat":
        r = this.stat(p);
        break;
      case "readdir":
        r = this.readdir(p);
        break;
      case "mkdir":
        r = this.mkdir(p, bool(2));
        break;
      case "unlink":
        r = this.unlink(p);
        break;
      case "rm":
        r = this.rm(p, bool(2), bool(3), bool(4));
        break;
      case "rename":
        r = this.rename(p, resolvePath("/var/task", str(2)));
        break;
      case "copy":
        r = this.copyFile(p, resolvePath("/var/task", str(2)), bool(3));
        break;
      case "access":
        r = this.access(p, bool(2));
        break;
      default:
        r = ["ENOSYS"];
    }
    return toHandle(ctx, r);
  }

  clear(): void {
    this.nodes.clear();
    this.used = 0;
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

function toHandle(ctx: QuickJSContext, v: unknown): QuickJSHandle {
  if (v === undefined) return ctx.undefined;
  if (v === null) return ctx.null;
  if (typeof v === "string") return ctx.newString(v);
  if (typeof v === "number") return ctx.newNumber(v);
  if (typeof v === "boolean") return v ? ctx.true : ctx.false;
  if (v instanceof Uint8Array) {
    const copy = v.slice();
    return ctx.newArrayBuffer(copy.buffer);
  }
  if (Array.isArray(v)) {
    const a = ctx.newArray();
    v.forEach((item, i) => {
      const h = toHandle(ctx, item);
      ctx.setProp(a, i, h);
      if (h.alive && h !== ctx.undefined && h !== ctx.null && h !== ctx.true && h !== ctx.false) h.dispose();
    });
    return a;
  }
  return ctx.undefined;
}
