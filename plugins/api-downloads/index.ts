/**
 * Docusaurus plugin: serves /downloads/openapi.yaml, /downloads/openapi.json
 * and /downloads/callbell-api.postman_collection.json, generated from the spec
 * on every build and dev start, so the downloads never drift from it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { LoadContext, Plugin } from '@docusaurus/types';
import { SPEC_PATH } from '../../src/lib/api/load';
import { buildDownloads, type ApiDownloads } from './build';

export default function apiDownloads(context: LoadContext): Plugin<ApiDownloads> {
  return {
    name: 'api-downloads',
    getPathsToWatch: () => [SPEC_PATH],
    loadContent: () => buildDownloads(),
    async postBuild({ outDir, content }) {
      const dir = path.join(outDir, 'downloads');
      mkdirSync(dir, { recursive: true });
      for (const [name, text] of Object.entries(content)) writeFileSync(path.join(dir, name), text);
    },
    configureWebpack(_config, isServer, _utils, content) {
      if (isServer || process.env.NODE_ENV === 'production') return {};
      // Dev server: answer /downloads/* from memory.
      return {
        devServer: {
          setupMiddlewares: (middlewares: unknown[], devServer: { app?: { get: (p: string, h: (req: { params: { name: string } }, res: { type: (t: string) => { send: (b: string) => void }; sendStatus: (s: number) => void }) => void) => void } }) => {
            devServer.app?.get(`${context.baseUrl}downloads/:name`, (req, res) => {
              const text = content[req.params.name as keyof ApiDownloads];
              if (text === undefined) return res.sendStatus(404);
              res.type(req.params.name.endsWith('.yaml') ? 'text/yaml' : 'application/json').send(text);
            });
            return middlewares;
          },
        },
      };
    },
  };
}
