/**
 * `app.request`'s bindings as @hono/node-server passes them: the socket a request came in on. The
 * throttles count this address (shared/identity/client-ip.ts), never a header the client sends.
 */
export function fromAddress(address: string) {
  return { incoming: { socket: { remoteAddress: address, remotePort: 50_000, remoteFamily: address.includes(':') ? 'IPv6' : 'IPv4' } } };
}
