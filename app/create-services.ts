import type { Logger } from '@aws-lambda-powertools/logger';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { AppConfig } from '../shared/config';
import type { CoreServices, Services } from '../shared/services';
import type { Clock } from '../shared/time/clock';
import { moduleList, type AppModule, type Modules } from './modules';
import { composeServices, type EdgeServices } from './compose-services';

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;
type Built<M> = M extends { readonly services: (...args: never[]) => infer S } ? S : never;
type Provided = UnionToIntersection<Built<Modules[number]>>;
/** Members some module augments `Services` with but no module's factory builds: must stay empty. */
type Unbuilt = Exclude<{ [K in keyof Services]-?: undefined extends Services[K] ? never : K }[keyof Services], keyof CoreServices | keyof Provided>;
const everyServiceBuilt: [Unbuilt] extends [never] ? true : { missing: Unbuilt } = true;
void everyServiceBuilt;

export type { EdgeServices } from './compose-services';

/** Every capability's services (the whole app); a partial function calls composeServices with its list. */
export function createServices(
  config: AppConfig,
  overrides: Partial<{ clock: Clock; logger: Logger; dynamo: DynamoDBClient }> = {},
  modules: readonly AppModule[] = moduleList,
): EdgeServices {
  return composeServices(config, overrides, modules);
}
