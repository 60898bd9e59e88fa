import { createServices } from '../../app/create-services';
import { jobConfigFromEnv } from '../../shared/config';
import { sendStartNotices } from '../../shared/livestream/start-notices';

// Built once per container; the same code as the start button's notices.
const services = createServices(jobConfigFromEnv());

/** EventBridge every minute: lives the clock opened tell their storefront's followers, once. */
export const handler = async (): Promise<void> => {
  const report = await sendStartNotices(services);
  services.logger.info('live start-notice job done', { ...report });
};
