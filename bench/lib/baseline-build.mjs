// Builds the baseline page's one minimal Lit element the way the widget's script-tag bundle is
// built: one minified ES module. Lit comes from the widget's own dependencies, so both pages run
// the very same Lit version.
import { join } from 'node:path';
import { build } from 'esbuild';

/**
 * @param {string} root repo root
 * @param {string} outDir where baseline-element.js goes (a temp folder: build output is not source)
 * @returns {Promise<string>} the written file
 */
export async function buildBaseline(root, outDir) {
  const outfile = join(outDir, 'baseline-element.js');
  await build({
    entryPoints: [join(root, 'bench/pages/baseline-element.ts')],
    outfile,
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    platform: 'browser',
    legalComments: 'none',
    nodePaths: [join(root, 'packages/widget/node_modules')],
    logLevel: 'warning',
  });
  return outfile;
}
