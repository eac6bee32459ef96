/**
 * Regenerates the bundled demo data set in resources/demo:
 *   rubrics/<rubric-id>.json, credentials.json, portfolios/<portfolio-id>/{manifest.json, evidence/...}
 *
 * Usage: npm run demo:generate [-- --force-media] [-- --out <dir>]
 *
 * JSON and PDFs are rebuilt every time (and are byte-for-byte deterministic). Videos and images come from ffmpeg,
 * whose output can differ between builds, so existing media files are reused unless --force-media is given.
 * The run ends by re-reading everything it wrote and checking it against the domain schemas and the manifests.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeDemo } from './demo/build';
import { verifyDemo } from './demo/verify';
import { ffmpegAvailable } from './demo/video';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const forceMedia = args.includes('--force-media');
const outIndex = args.indexOf('--out');
const outDir = outIndex >= 0 && args[outIndex + 1] ? path.resolve(args[outIndex + 1]!) : path.resolve(here, '..', 'resources', 'demo');

async function main(): Promise<void> {
  const started = Date.now();
  console.log(`Writing demo data to ${path.relative(process.cwd(), outDir) || '.'}${forceMedia ? ' (regenerating media)' : ''}`);
  let media;
  try {
    media = await writeDemo(outDir, { forceMedia, log: (l) => console.log(l) });
  } catch (err) {
    if (!ffmpegAvailable()) console.error('ffmpeg was not found on PATH; it is needed to create missing video and image files.');
    throw err;
  }
  if (media.generated.length) console.log(`Generated media: ${media.generated.join(', ')}`);
  if (media.reused.length) console.log(`Reused existing media: ${media.reused.length} files (use --force-media to regenerate them)`);

  const { contents, problems } = verifyDemo(outDir);
  if (problems.length) {
    console.error(`\n${problems.length} problem(s) in the generated data:`);
    for (const p of problems) console.error(`  - ${p}`);
    process.exitCode = 1;
    return;
  }
  const files = contents.manifests.reduce((n, m) => n + m.evidence.length + m.evidence.reduce((k, e) => k + e.captions.length, 0), 0);
  console.log(
    `\nOK: ${contents.rubrics.length} rubrics, ${contents.credentials.length} credentials, ${contents.manifests.length} portfolios, ` +
      `${files} evidence and caption files, ${(contents.totalBytes / 1024 / 1024).toFixed(2)} MB, checked against the schemas ` +
      `(${((Date.now() - started) / 1000).toFixed(1)} s).`,
  );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
