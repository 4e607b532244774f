/** What a PBX told us about one call, whatever format it spoke: the input of planCallEvents. */
export type CallStage = 'ringing' | 'queued' | 'answered' | 'abandoned' | 'ended';

export interface CallSignal {
  callId: string;
  stage: CallStage;
  /** when it happened (the PBX's time, else when the server received it), ISO-8601 */
  at: string;
  direction: 'in' | 'out';
  /** the caller's number as the PBX sent it */
  from?: string | undefined;
  /** the number that was called */
  to?: string | undefined;
  queue?: string | undefined;
  /** who answered: an agent id, a login, a name or an extension (resolved to an agent later) */
  agent?: string | undefined;
  /** agents the call rings at (Zammad's user[]) */
  ringing?: readonly string[] | undefined;
  talk_s?: number | undefined;
  hold_s?: number | undefined;
  wrap_s?: number | undefined;
  /**
   * For a hang-up: the call reached someone (Zammad's `normalClearing`: it was established, so its answer
   * is merely late or lost) or was passed on (`forwarded`): an end without a known answer is then no abandon.
   */
  connected?: boolean | undefined;
}
