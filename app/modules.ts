import { withPages, type AppModule } from './app-module';
import { cartModule } from '../shared/cart/module';
import { catalogModule } from '../shared/catalog/module';
import { evaluationModule } from '../shared/evaluation/module';
import { healthModule } from '../shared/health/module';
import { identityModule } from '../shared/identity/module';
import { fairsModule } from '../shared/fairs/module';
import { livestreamModule } from '../shared/livestream/module';
import { locatorModule } from '../shared/locator/module';
import { mediaModule } from '../shared/media/module';
import { onboardingModule } from '../shared/onboarding/module';
import { ordersModule } from '../shared/orders/module';
import { paymentsModule } from '../shared/payments/module';
import { referenceModule } from '../shared/reference/module';
import { registryModule } from '../shared/registry/module';
import { reviewsModule } from '../shared/reviews/module';
import { searchModule } from '../shared/search/module';
import { storefrontModule } from '../shared/storefront/module';
import { cartWebRoutes as cartPages } from '../web/cart/routes';
import { onboardingConsoleRoutes as onboardingPages } from '../web/console/onboarding-routes';
import { ordersWebRoutes as ordersPages } from '../web/orders/routes';
import { identityWebRoutes as identityPages } from '../web/identity/routes';
import { producerWebRoutes as storefrontPages } from '../web/producer/routes';
import { registryWebRoutes as registryPages } from '../web/registry/routes';
import { reviewWebRoutes as reviewPages } from '../web/reviews/routes';
import { livestreamWebRoutes as livestreamPages } from '../web/livestream/routes';
import { fairWebRoutes as fairPages } from '../web/fairs/routes';
import { locatorWebRoutes as locatorPages } from '../web/locator/routes';
import { webRoutes as catalogPages } from '../web/routes';
import { evaluationWebRoutes as evaluationPages } from '../web/evaluation/routes';
import { searchWebRoutes as searchPages } from '../web/search/search-routes';

export { withPages, type AppModule } from './app-module';

/**
 * The one list of capabilities. createApp, createServices, the table, the CDK stack and the tests loop
 * over it. Order matters twice: services are built in this order, and pages are matched in it
 * (the catalogue's pages, which own `/`, come last).
 */
export const modules = [
  healthModule,
  referenceModule,
  withPages(identityModule, identityPages),
  mediaModule,
  withPages(searchModule, searchPages),
  withPages(storefrontModule, storefrontPages),
  withPages(onboardingModule, onboardingPages),
  withPages(registryModule, registryPages),
  withPages(evaluationModule, evaluationPages),
  paymentsModule,
  withPages(ordersModule, ordersPages),
  withPages(reviewsModule, reviewPages),
  withPages(livestreamModule, livestreamPages),
  withPages(fairsModule, fairPages),
  withPages(locatorModule, locatorPages),
  withPages(cartModule, cartPages),
  withPages(catalogModule, catalogPages),
] as const;

export type Modules = typeof modules;

/** The same list, seen through the descriptor type (for loops that read optional members). */
export const moduleList: readonly AppModule[] = modules;
