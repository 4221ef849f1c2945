import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createBenchInputs } from './bench-harness.ts';
import { envNumber, median } from './measure.ts';
import { type PurePathResult, purePath } from './pure-path.ts';

/** Fresh processes the pure path is measured in (odd, so one of them is the median). */
export const pureProcesses = envNumber('BENCH_PURE_PROCESSES', 3);

/**
 * The pure path measured in `count` fresh Node processes, one after another, each quiet; the result is the
 * process whose ratio is the median, with every process's ratio beside it. A process is measured whole: in
 * some (about one in six here) V8 decides early to pretenure the path's allocation sites and the path
 * costs some 40 % more for that process's life, so one process alone says more about V8's draw than
 * about the path; every process's figure is printed.
 */
export async function purePathInFreshProcesses(count = pureProcesses): Promise<PurePathResult> {
  const runs: PurePathResult[] = [];
  for (let i = 0; i < count; i++) runs.push(await purePathInChild());
  const ratios = runs.map((run) => run.newAlertOverRsa);
  const middle = median(ratios);
  const chosen = runs.find((run) => run.newAlertOverRsa === middle) ?? runs[0]!;
  return { ...chosen, ratiosByProcess: ratios };
}

function purePathInChild(): Promise<PurePathResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`the pure path process exited with ${code}`));
      try {
        resolve(JSON.parse(out) as PurePathResult);
      } catch (error) {
        reject(error);
      }
    });
  });
}

// Run as a script (the child): measure once and print the result.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const result = await purePath(createBenchInputs());
  process.stdout.write(JSON.stringify(result));
}
