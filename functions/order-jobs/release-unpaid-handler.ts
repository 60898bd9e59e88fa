import { createServices } from '../../app/create-services';
import { jobConfigFromEnv } from '../../shared/config';
import { releaseUnpaid } from '../../shared/orders/payment-expiry';

// Built once per container. The job moves sub-orders with the same code as the API (stock, log, notices).
const services = createServices(jobConfigFromEnv());

/** EventBridge every 5 minutes: unpaid transfer/card sub-orders past their due time are released. */
export const handler = async (): Promise<void> => {
  const report = await releaseUnpaid(services);
  services.logger.info('release-unpaid job done', { ...report });
};
