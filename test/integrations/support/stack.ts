import { deployables } from '../../../functions/manifest.js';
import { startTestStack, type TestStack } from '../../helpers/stack.js';
import { IntegrationsClient } from './client.js';
import { startFakePartners, type FakePartners } from './fake-partners.js';

export interface IntegrationsUser {
  id: string;
  token: string;
  api: IntegrationsClient;
}

export interface IntegrationsStack {
  stack: TestStack;
  partners: FakePartners;
  anonymous: IntegrationsClient;
  user(): Promise<IntegrationsUser>;
  stop(): Promise<void>;
}

/** The integrations function, its Drive sync trigger, the resources, chats rooms and ressources functions behind the gateway, with the fake partners configured. */
export async function startIntegrationsStack(): Promise<IntegrationsStack> {
  const partners = await startFakePartners();
  const names = new Set(['resources', 'resource-integrations', 'drive-sync', 'chats-rooms', 'ressources']);
  const stack = await startTestStack({ deployables: deployables.filter((d) => names.has(d.name)) });
  const anonymous = new IntegrationsClient(stack.url);
  return {
    stack,
    partners,
    anonymous,
    user: async () => {
      const { id, token } = await stack.user();
      return { id, token, api: anonymous.as(token) };
    },
    stop: async () => {
      await stack.stop();
      await partners.close();
    },
  };
}
