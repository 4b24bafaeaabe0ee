import { Hono, type Context } from 'hono';
import { distResponse, type DistFiles } from '../bundle.ts';
import type { AppEnv } from '../env.ts';
import { notFound } from '../errors.ts';
import { describe } from '../openapi.ts';

/**
 * The distribution for other origins (see bff/bundle.ts): `/partnerkit.js`, `/elements/<tag>.js`
 * with `/elements/chunks/*`,
 * `/locales/<locale>.js` and `/custom-elements.json`. `?v=<hash>` pins a version.
 */
export function bundleRoutes(files: DistFiles) {
  const serve = async (c: Context<AppEnv>, path: string) => {
    const file = await files.get(path);
    if (!file) throw notFound('File');
    const answer = distResponse(file, {
      version: c.req.query('v'),
      ifNoneMatch: c.req.header('if-none-match'),
      acceptEncoding: c.req.header('accept-encoding'),
    });
    return answer.status === 304 ? c.body(null, 304, answer.headers) : c.body(answer.body, 200, answer.headers);
  };
  const doc = (summary: string) =>
    describe({
      summary,
      tags: ['distribution'],
      auth: false,
      responses: { 200: { description: 'The file; `?v=<ETag hash>` makes it cacheable for a year' }, 304: { description: 'Not modified (If-None-Match)' } },
      errors: [404],
    });

  return new Hono<AppEnv>()
    .get('/partnerkit.js', doc('Every element in one ES module, for a <script type="module"> on any origin'), (c) => serve(c, 'partnerkit.js'))
    .get('/custom-elements.json', doc('The Custom Elements Manifest of every element'), (c) => serve(c, 'custom-elements.json'))
    .get('/elements/:file', doc('One element as an ES module (imports shared chunks)'), (c) => serve(c, `elements/${c.req.param('file')}`))
    .get('/locales/:file', doc('The translations of one language, which /partnerkit.js loads when that language is chosen'), (c) => serve(c, `locales/${c.req.param('file')}`))
    .get('/elements/chunks/:file', doc('A chunk the element modules share (content-hashed name)'), (c) =>
      serve(c, `elements/chunks/${c.req.param('file')}`),
    );
}
