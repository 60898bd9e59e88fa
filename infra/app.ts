import { buildWeb } from '../scripts/build-web';
import { buildOcopApp } from './build-app';

// The stack uploads web/dist, so it must exist (and be current) before the asset is staged.
await buildWeb();

const { app } = buildOcopApp();
app.synth();
