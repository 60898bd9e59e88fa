import { handle } from 'hono/aws-lambda';
import { composeApp } from '../../app/compose-app';
import { composeServices } from '../../app/compose-services';
import { searchFunctionModules } from '../../app/search-modules';
import { configFromEnv } from '../../shared/config';

const services = composeServices(configFromEnv(), {}, searchFunctionModules);
// Top-level await: the snapshot loads during Lambda's init phase, not inside the first search.
await services.search.index();
export const handler = handle(composeApp(services, searchFunctionModules));
