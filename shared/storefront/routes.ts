import { mountStorefrontEditing } from './edit-routes';
import { storefrontReadRoutes } from './read-routes';

export { StorefrontSchema } from './read-routes';

/** Every storefront route: the public read plus the owner's editing. */
export function storefrontRoutes() {
  const app = storefrontReadRoutes();
  mountStorefrontEditing(app);
  return app;
}
