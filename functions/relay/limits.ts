/** Per-user limits on one relay instance: sockets open, sockets opened per minute, frames per second. */
export interface UserLimitSettings {
  maxSocketsPerUser: number;
  connectionsPerMinute: number;
  messageRate: number;
  messageBurst: number;
}

interface UserState {
  sockets: number;
  /** times (ms) of the sockets opened during the last minute */
  opened: number[];
  tokens: number;
  refilledAt: number;
}

const MINUTE = 60_000;

export class UserLimits {
  private readonly users = new Map<string, UserState>();

  constructor(private readonly settings: UserLimitSettings) {}

  private state(userId: string, now: number): UserState {
    let state = this.users.get(userId);
    if (!state) {
      state = { sockets: 0, opened: [], tokens: this.settings.messageBurst, refilledAt: now };
      this.users.set(userId, state);
    }
    return state;
  }

  /** Counts a newly authenticated socket; answers why it is refused, if it is. */
  admitSocket(userId: string, now = Date.now()): string | undefined {
    const state = this.state(userId, now);
    if (state.sockets >= this.settings.maxSocketsPerUser)
      return `too many connections: at most ${this.settings.maxSocketsPerUser} sockets per user`;
    state.opened = state.opened.filter((t) => now - t < MINUTE);
    if (state.opened.length >= this.settings.connectionsPerMinute)
      return `too many connections: at most ${this.settings.connectionsPerMinute} new sockets per user per minute`;
    state.opened.push(now);
    state.sockets++;
    return undefined;
  }

  releaseSocket(userId: string): void {
    const state = this.users.get(userId);
    if (state) state.sockets = Math.max(0, state.sockets - 1);
  }

  /** Token bucket over all the user's sockets: `messageRate` per second, bursts up to `messageBurst`. */
  allowMessage(userId: string, now = Date.now()): boolean {
    const state = this.state(userId, now);
    const { messageRate, messageBurst } = this.settings;
    state.tokens = Math.min(messageBurst, state.tokens + ((now - state.refilledAt) / 1000) * messageRate);
    state.refilledAt = now;
    if (state.tokens < 1) return false;
    state.tokens -= 1;
    return true;
  }

  /** Forgets users without sockets whose windows have passed. */
  sweep(now = Date.now()): void {
    for (const [userId, state] of this.users) {
      if (state.sockets === 0 && state.opened.every((t) => now - t >= MINUTE)) this.users.delete(userId);
    }
  }
}
