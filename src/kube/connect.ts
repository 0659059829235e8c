import type { Credentials } from './credentials/credentials.js';
import { execCredentials } from './credentials/exec-credentials.js';
import { pluginCredentials } from './credentials/plugin-credentials.js';
import { staticCredentials } from './credentials/static-credentials.js';
import { KubeClient, type Timeouts } from './kube-client.js';
import type { KubeTarget } from './kubeconfig/kube-target.js';
import type { PodMetricsDecoder } from './pod-metrics-list.js';
import { DEFAULT_API_LIMIT, type LimiterSettings, RequestLimiter } from './request-limiter.js';
import type { RequestLog } from './request-log.js';
import { clusterTlsOptions } from './tls-options.js';
import { Transport } from './transport.js';

export interface Connection {
  readonly client: KubeClient;
  close(): void;
}

function credentialsFor(target: KubeTarget): Credentials {
  if (target.user.exec) return execCredentials(target);
  return target.user['auth-provider'] ? pluginCredentials(target) : staticCredentials(target.user);
}

/**
 * A client for the target; credentials and TLS files are read now, so mistakes surface at start.
 * Every request but kubelet reads passes one limiter of `limit` (client-go's default unless set).
 * Pod metrics are decoded by `podMetrics` (on the calling thread unless given).
 */
export function connect(
  target: KubeTarget,
  timeouts: Timeouts,
  log?: RequestLog,
  limit: LimiterSettings = DEFAULT_API_LIMIT,
  podMetrics?: PodMetricsDecoder,
): Connection {
  const limiter = new RequestLimiter(limit);
  const transport = new Transport(target.server, clusterTlsOptions(target.cluster), credentialsFor(target), log, limiter);
  const client = new KubeClient(target, transport, timeouts, podMetrics);
  return {
    client,
    close: () => {
      transport.close();
      client.close();
    },
  };
}
