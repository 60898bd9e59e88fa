import { searchModule } from '../shared/search/module';
import { searchWebRoutes } from '../web/search/search-routes';
import { identityReadModule } from './identity-read-module';
import { withPages, type AppModule } from './app-module';

/** The search function's capabilities: search itself (API and page) and the header's needs. */
export const searchFunctionModules: readonly AppModule[] = [identityReadModule, withPages(searchModule, searchWebRoutes)];
