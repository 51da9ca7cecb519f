import { createSequencer, type SequencerStats } from './sequencer.js';
import { startSweeper } from './sweeper.js';

export interface RunningSequencer {
  stats(): SequencerStats;
  /** re-publishes stale outbox entries now (the sweeper also runs on its own) */
  sweep(): Promise<number>;
  stop(): Promise<void>;
}

/** The sequencer pulling the intake subscription, and the outbox sweeper. */
export async function startSequencer(): Promise<RunningSequencer> {
  const sequencer = await createSequencer();
  const sweeper = startSweeper();
  return {
    stats: () => ({ ...sequencer.stats }),
    sweep: () => sweeper.sweep(),
    stop: async () => {
      await sweeper.stop();
      await sequencer.stop();
    },
  };
}

const running = new Map<string, { sequencer: Promise<RunningSequencer>; users: number }>();

/**
 * One sequencer per process and project, shared by whoever needs events to flow in this process
 * (the local stack, tests hosting functions themselves); stopped when its last user releases it.
 */
export async function acquireSequencer(): Promise<{ sequencer: RunningSequencer; release(): Promise<void> }> {
  const project = process.env.GOOGLE_CLOUD_PROJECT ?? '';
  let slot = running.get(project);
  if (!slot) running.set(project, (slot = { sequencer: startSequencer(), users: 0 }));
  slot.users++;
  const sequencer = await slot.sequencer;
  let released = false;
  return {
    sequencer,
    release: async () => {
      if (released) return;
      released = true;
      if (--slot.users > 0) return;
      running.delete(project);
      await sequencer.stop();
    },
  };
}
