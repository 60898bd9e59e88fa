/** Tests serve the app exactly as `npm start` does (app/local-server.ts). */
export { defaultStaticDir, startLocalServer as startTestServer, type LocalServer as TestServer } from '../../app/local-server';
