#!/usr/bin/env node
// Writes a brotli (.br) and a gzip (.gz) copy beside each text asset of the built web client,
// compressed once at the highest levels, so the API serves them without compressing anything
// per request (apps/api/src/web-client.ts picks the copy the browser accepts).
//   node tools/web/precompress.mjs [dir]      default dist/apps/web/assets
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const dir = path.resolve(process.argv[2] ?? 'dist/apps/web/assets');
// Source maps are left as they are: only developer tools fetch them.
const TEXT = /\.(js|mjs|css|html|svg|json|txt)$/;
let files = 0;
let raw = 0;
let br = 0;
for (const name of fs.readdirSync(dir)) {
  if (!TEXT.test(name)) continue;
  const file = path.join(dir, name);
  const body = fs.readFileSync(file);
  const brotli = zlib.brotliCompressSync(body, {
    params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length },
  });
  fs.writeFileSync(`${file}.br`, brotli);
  fs.writeFileSync(`${file}.gz`, zlib.gzipSync(body, { level: 9 }));
  files++;
  raw += body.length;
  br += brotli.length;
}
console.log(`precompressed ${files} assets (JS and CSS ${(raw / 1024).toFixed(0)} KB, ${(br / 1024).toFixed(0)} KB as brotli)`);
