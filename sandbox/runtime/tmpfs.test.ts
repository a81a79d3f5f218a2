// DG configuration-ephemeral-storage (/tmp 512–10,240 MB), Node fs error codes and messages (nodejs.org/api/errors.html#common-system-errors).
import { describe, expect, it } from "vitest";
import { env, invokeOnce } from "./testing";

async function run(code: string, config = {}) {
  return (await invokeOnce(`const fs = require('fs'); exports.handler = async () => { ${code} };`, {}, config)).payload;
}

describe("/tmp through the fs module", () => {
  it("writes, appends, reads, stats, lists, renames, copies and deletes with the sync API", async () => {
    expect(
      await run(`
      fs.mkdirSync('/tmp/d/e', { recursive: true });
      fs.writeFileSync('/tmp/d/a.txt', 'hello');
      fs.appendFileSync('/tmp/d/a.txt', Buffer.from(' world'));
      fs.copyFileSync('/tmp/d/a.txt', '/tmp/d/b.txt');
      fs.renameSync('/tmp/d/b.txt', '/tmp/d/e/c.txt');
      const st = fs.statSync('/tmp/d/a.txt');
      const out = { text: fs.readFileSync('/tmp/d/a.txt', 'utf8'), buf: fs.readFileSync('/tmp/d/e/c.txt').length, size: st.size, isFile: st.isFile(), isDir: fs.statSync('/tmp/d').isDirectory(),
        list: fs.readdirSync('/tmp/d'), types: fs.readdirSync('/tmp/d', { withFileTypes: true }).map((d) => d.name + ':' + d.isDirectory()) };
      fs.unlinkSync('/tmp/d/a.txt');
      fs.rmSync('/tmp/d', { recursive: true });
      out.gone = fs.existsSync('/tmp/d');
      return out;`),
    ).toEqual({ text: "hello world", buf: 11, size: 11, isFile: true, isDir: true, list: ["a.txt", "e"], types: ["a.txt:false", "e:true"], gone: false });
  });

  it("offers callback and promise forms that complete on a later turn of the event loop", async () => {
    expect(
      await run(`
      const order = [];
      await new Promise((res, rej) => fs.writeFile('/tmp/x', 'cb', (err) => { order.push('cb'); err ? rej(err) : res(); }));
      order.push('after-cb');
      const t = await fs.promises.readFile('/tmp/x', 'utf8');
      const p = await require('fs/promises').stat('/tmp/x');
      const exists = await new Promise((r) => fs.exists('/tmp/x', r));
      return { order, t, size: p.size, exists };`),
    ).toEqual({ order: ["cb", "after-cb"], t: "cb", size: 2, exists: true });
  });

  it("fails like Node: ENOENT, EEXIST, ENOTDIR, EISDIR, ENOTEMPTY with code, syscall, path", async () => {
    const r = (await run(`
      const errs = [];
      const t = (f) => { try { f(); errs.push('no error'); } catch (e) { errs.push(e.message + '|' + e.code + '|' + e.syscall + '|' + e.errno); } };
      t(() => fs.readFileSync('/tmp/none'));
      fs.mkdirSync('/tmp/dir');
      t(() => fs.mkdirSync('/tmp/dir'));
      fs.writeFileSync('/tmp/file', '1');
      t(() => fs.writeFileSync('/tmp/file/x', '1'));
      t(() => fs.readFileSync('/tmp/dir'));
      fs.writeFileSync('/tmp/dir/f', '1');
      t(() => fs.rmdirSync('/tmp/dir'));
      t(() => fs.statSync('/tmp/nope'));
      return errs;`)) as string[];
    expect(r).toEqual([
      "ENOENT: no such file or directory, open '/tmp/none'|ENOENT|open|-2",
      "EEXIST: file already exists, mkdir '/tmp/dir'|EEXIST|mkdir|-17",
      "ENOTDIR: not a directory, open '/tmp/file/x'|ENOTDIR|open|-20",
      "EISDIR: illegal operation on a directory, read '/tmp/dir'|EISDIR|read|-21",
      "ENOTEMPTY: directory not empty, rmdir '/tmp/dir'|ENOTEMPTY|rmdir|-39",
      "ENOENT: no such file or directory, stat '/tmp/nope'|ENOENT|stat|-2",
    ]);
  });

  it("refuses writes outside /tmp with EROFS, as Lambda's read-only file system does", async () => {
    expect(await run("try { fs.writeFileSync('/var/task/index.js', 'x'); } catch (e) { return e.message; }")).toBe("EROFS: read-only file system, open '/var/task/index.js'");
    expect(await run("try { fs.mkdirSync('/opt/x'); } catch (e) { return e.code; }")).toBe("EROFS");
  });

  it("reads the function's own files under /var/task (relative to the working directory too)", async () => {
    const r = await invokeOnce({ "index.js": "const fs = require('fs'); exports.handler = async () => [fs.readFileSync('/var/task/data.txt', 'utf8'), fs.readFileSync('data.txt', 'utf8'), fs.readdirSync('/var/task').sort()];", "data.txt": "payload" });
    expect(r.payload).toEqual(["payload", "payload", ["data.txt", "index.js"]]);
  });

  it("enforces the ephemeral storage limit with ENOSPC", async () => {
    expect(
      await run(
        "const chunk = Buffer.alloc(1024 * 1024, 1); let n = 0; try { for (;;) { fs.writeFileSync('/tmp/f' + n, chunk); n++; } } catch (e) { return [e.code, n, e.message]; }",
        { memoryMB: 256, timeoutSeconds: 60 },
      ),
    ).toEqual(["ENOSPC", 512, "ENOSPC: no space left on device, open '/tmp/f512'"]);
  }, 60_000);

  it("gives each environment its own /tmp", async () => {
    const a = await env("const fs = require('fs'); exports.handler = async (e) => { if (e.w) fs.writeFileSync('/tmp/own', 'a'); return fs.existsSync('/tmp/own'); };");
    const b = await env("const fs = require('fs'); exports.handler = async () => fs.existsSync('/tmp/own');");
    expect((await a.invoke({ w: true })).payload).toBe(true);
    expect((await b.invoke({})).payload).toBe(false);
    a.dispose();
    b.dispose();
  });
});
