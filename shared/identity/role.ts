/** Everyone who can sign in. "Anonymous" is the absence of a principal, not a role. */
export const roles = ['shopper', 'producer', 'officer', 'admin'] as const;
export type Role = (typeof roles)[number];
