import { composeApp } from './compose-app';
import { moduleList, type AppModule } from './modules';
import type { Services } from '../shared/services';

export type { App } from './compose-app';

/** The whole app (every capability); a function that serves part of it calls composeApp with its own list. */
export function createApp(services: Services, modules: readonly AppModule[] = moduleList) {
  return composeApp(services, modules);
}
