import { handle } from 'hono/aws-lambda';
import { composeApp } from '../../app/compose-app';
import { composeServices } from '../../app/compose-services';
import { publicReadModules } from '../../app/public-read-modules';
import { configFromEnv } from '../../shared/config';

// The public read function (app/functions.ts): the same app, composed from the read-only module list.
const services = composeServices(configFromEnv(), {}, publicReadModules);
export const handler = handle(composeApp(services, publicReadModules));
