import { tableDefinitionOf } from '../shared/db/table-definition';
import { moduleList } from './modules';

/** The table every environment builds: base keys plus the indexes the modules declare. */
export const tableDefinition = tableDefinitionOf(moduleList.flatMap((m) => m.indexes ?? []));
