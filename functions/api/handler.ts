import { handle } from 'hono/aws-lambda';
import { createApp } from '../../app/create-app';
import { configFromEnv } from '../../shared/config';
import { createServices } from '../../app/create-services';

// Built once per container, outside the handler, so warm invocations reuse clients and routes.
const services = createServices(configFromEnv());
export const handler = handle(createApp(services));
