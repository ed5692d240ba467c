/**
 * One API replica for bench/live-latency.bench.ts, in its own Node process (as a second
 * container would be): the configuration comes from the environment, the port is printed
 * once the app listens ("LISTENING <port>"), SIGTERM closes it.
 */
import './production-mode';
import { loadConfig } from '@second-look/server-platform';
import { createApi } from '../../apps/api/src/bootstrap';

async function main(): Promise<void> {
  // Errors are logged (JSON lines, no patient data) so a failing run says why.
  const app = await createApi(loadConfig());
  await app.listen(0, '127.0.0.1');
  process.stdout.write(`LISTENING ${(app.getHttpServer().address() as { port: number }).port}\n`);
  const stop = () => void app.close().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
