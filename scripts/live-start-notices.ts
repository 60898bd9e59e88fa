/**
 * `npm run livestream:start-notices -- [--endpoint URL | --aws] [--table NAME] [--now ISO]`
 * Runs the start-notice job once (the LiveStartNotices Lambda runs it every minute; `npm start` every
 * minute too): lives the clock opened without a press of "start" notify their storefront's
 * followers. Rerunning is safe: each live is announced once.
 */
import { sendStartNotices } from '../shared/livestream/start-notices';
import { runJobOnce } from './run-job-once';

await runJobOnce('livestream:start-notices', sendStartNotices);
