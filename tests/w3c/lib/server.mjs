// Starting and stopping `werkagenda serve` for the runner. Every process
// started here is killed when the runner ends, also when it fails.
import { spawn } from 'node:child_process';

const live = new Set();
const stopping = new Set();

/** Waits until every server told to stop has exited. */
export async function serversStopped() {
  await Promise.all([...stopping]);
}

function killAll() {
  for (const child of live) {
    try {
      child.kill('SIGKILL');
    } catch {
      // already gone
    }
  }
}
process.on('exit', killAll);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    killAll();
    process.exit(130);
  });
}

/**
 * Runs `binary args...` and resolves with { url, stop } once it prints
 * "SPARQL endpoint: URL"; rejects with its stderr if it exits first or does
 * not get ready within `readyMs`.
 */
export function startServer(binary, args, { readyMs = 60000 } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, ['serve', '--host', '127.0.0.1', '--port', '0', ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    live.add(child);
    let stdout = '';
    let stderr = '';
    let ready = false;
    const exited = new Promise((done) => child.on('exit', done));
    // Stopping does not wait: a server lets open keep-alive connections run
    // out first. serversStopped() waits for all of them.
    const stop = () => {
      if (!live.has(child)) return exited;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 8000);
      const done = exited.then(() => {
        clearTimeout(timer);
        live.delete(child);
        stopping.delete(done);
      });
      stopping.add(done);
      return Promise.resolve();
    };
    const timer = setTimeout(() => {
      if (!ready) {
        stop();
        reject(new Error(`server not ready after ${readyMs} ms: ${stderr.trim().split('\n').pop()}`));
      }
    }, readyMs);
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      const match = /SPARQL endpoint: (\S+)/.exec(stdout);
      if (match && !ready) {
        ready = true;
        clearTimeout(timer);
        resolve({ url: match[1], stop, stderr: () => stderr });
      }
    });
    child.stderr.on('data', (chunk) => {
      // Keep the start (load errors) and not the per-request log lines.
      if (stderr.length < 20000) stderr += chunk;
    });
    child.on('exit', (code, signal) => {
      live.delete(child);
      if (!ready) {
        clearTimeout(timer);
        const lines = stderr.trim().split('\n').filter(Boolean);
        reject(new Error(`server exited (${code ?? signal}) before it was ready: ${lines.pop() ?? ''}`));
      }
    });
  });
}

/** Runs a command to its end; resolves with { code, stdout, stderr }. */
export function runCommand(command, args, { timeoutMs = 300000 } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    live.add(child);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      live.delete(child);
      reject(error);
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      live.delete(child);
      resolve({ code, stdout, stderr });
    });
  });
}
