import { deployables } from '../../../functions/manifest.js';
import { startTestStack, type TestStack } from '../../helpers/stack.js';
import { chatsFamilies } from './operations.js';
import { ValidatingClient } from './validating-client.js';

export interface ChatsUser {
  id: string;
  token: string;
  api: ValidatingClient;
}

export interface ChatsStack {
  stack: TestStack;
  anonymous: ValidatingClient;
  /** a new user who has signed in: their profile exists, so rooms can take them as members */
  user(name?: string): Promise<ChatsUser>;
  stop(): Promise<void>;
}

/** The Chats functions behind the gateway, on this test file's own emulator project. */
export async function startChatsStack(): Promise<ChatsStack> {
  const names = new Set(chatsFamilies.map((f) => f.name));
  const stack = await startTestStack({ deployables: deployables.filter((d) => names.has(d.name)) });
  const anonymous = new ValidatingClient(stack.url);
  let count = 0;
  return {
    stack,
    anonymous,
    user: async (name) => {
      count += 1;
      const label = name ?? `User ${count}`;
      const email = `${label.toLowerCase().replace(/[^a-z0-9]+/g, '.')}.${count}@example.com`;
      const { id, token } = await stack.user({ name: label, email });
      return { id, token, api: anonymous.as(token) };
    },
    stop: () => stack.stop(),
  };
}
