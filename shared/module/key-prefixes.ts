import type { ModuleDescriptor } from './define-module';

export interface PrefixClash {
  prefix: string;
  owner: string;
  other: string;
  otherPrefix: string;
}

/**
 * Two modules clash when one's partition-key prefix starts another's ('APP' would read 'APPS#…'
 * items): the same item could then be parsed by two owners. Within one module overlap is its own
 * business (e.g. 'CERT#' and 'CERTS#' are distinct anyway).
 */
export function keyPrefixClashes(modules: readonly Pick<ModuleDescriptor, 'name' | 'keyPrefixes'>[]): PrefixClash[] {
  const clashes: PrefixClash[] = [];
  for (const a of modules) {
    for (const b of modules) {
      if (a === b) continue;
      for (const prefix of a.keyPrefixes) {
        for (const otherPrefix of b.keyPrefixes) {
          if (otherPrefix.startsWith(prefix) && (prefix !== otherPrefix || a.name < b.name)) {
            clashes.push({ prefix, owner: a.name, other: b.name, otherPrefix });
          }
        }
      }
    }
  }
  return clashes;
}

/** Called where the app is composed, so a clash stops the boot instead of corrupting data. */
export function assertDistinctKeyPrefixes(modules: readonly Pick<ModuleDescriptor, 'name' | 'keyPrefixes'>[]): void {
  const clashes = keyPrefixClashes(modules);
  if (clashes.length > 0) {
    const lines = clashes.map((c) => `${c.owner} '${c.prefix}' ~ ${c.other} '${c.otherPrefix}'`);
    throw new Error(`Modules share DynamoDB key prefixes: ${lines.join('; ')}`);
  }
}
