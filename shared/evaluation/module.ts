import { ownerIndex } from '../db/owner-index';
import { defineModule } from '../module/define-module';
import { DOSSIER_DOCUMENT_UPLOAD_PATH } from './document-routes';
import { EVAL_PREFIX } from './keys';
import { evaluationRoutes } from './routes';
import { DynamoEvaluationStore } from './store';

declare module '../services' {
  interface Services {
    evaluation: DynamoEvaluationStore;
  }
}

/**
 * The OCOP evaluation (docs/evaluation.md): score sheets, rounds, council, dossiers, scores and the
 * decision that ends in a registry certificate. It owns the EVAL# partitions only; certificates and
 * products are written by the registry's service, never here.
 */
export const evaluationModule = defineModule({
  name: 'evaluation',
  keyPrefixes: [EVAL_PREFIX],
  api: evaluationRoutes,
  ownBodyLimitPaths: [DOSSIER_DOCUMENT_UPLOAD_PATH],
  services: (deps) => ({ evaluation: new DynamoEvaluationStore(deps.db, deps.tableName) }),
  indexes: [ownerIndex],
  tableActions: ['GetItem', 'BatchGetItem', 'Query', 'PutItem', 'ConditionCheckItem'],
});
