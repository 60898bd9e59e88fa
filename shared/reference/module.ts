import { defineModule } from '../module/define-module';
import { referenceRoutes } from './routes';

/** Provinces (2025) and OCOP product groups: versioned JSON shipped with the code, no table items. */
export const referenceModule = defineModule({
  name: 'reference',
  keyPrefixes: [],
  api: referenceRoutes,
});
