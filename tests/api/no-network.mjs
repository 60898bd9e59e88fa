// Preloaded into the Redocly CLI by openapi-lint.test.ts: any attempt to reach the network (telemetry,
// update checks, remote $refs) fails at once and is written to NO_NETWORK_LOG, so the test can prove
// the lint ran offline rather than merely hoping the sandbox blocked it.
import { appendFileSync } from 'node:fs';
import dns from 'node:dns';
import net from 'node:net';

const log = (what) => {
  appendFileSync(process.env.NO_NETWORK_LOG ?? '/dev/stderr', `${what}\n`);
  return new Error(`network disabled in this test: ${what}`);
};

globalThis.fetch = async (input) => {
  throw log(`fetch ${typeof input === 'string' ? input : (input?.url ?? String(input))}`);
};
const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  const target = args[0];
  // Local IPC (a path) is not the network.
  if (typeof target === 'string' || (target && typeof target === 'object' && 'path' in target && target.path)) return connect.apply(this, args);
  throw log(`connect ${JSON.stringify(target?.host ?? target)}:${target?.port ?? args[1] ?? ''}`);
};
dns.lookup = (hostname, ...rest) => {
  const callback = rest.at(-1);
  const error = log(`dns ${hostname}`);
  if (typeof callback === 'function') process.nextTick(() => callback(error));
};
