import { useEffect, useRef, useState } from 'react';
import type { CallPush } from './call-api.js';
import { type QueueScope, scopeParams } from './desk-api.js';

export interface TicketChange {
  ticket_id: string;
  types: string[];
  version: number | null;
}

/**
 * Follows the server's ticket changes (GET /api/v1/stream) for a line/team, and the calls that ring at
 * or were answered by the signed-in agent (the screen pop); `live` is false while the stream is down
 * (EventSource reconnects by itself, told by the server's `retry`).
 */
export function useTicketStream(
  scope: QueueScope,
  onChange: (c: TicketChange) => void,
  onCall?: (c: CallPush) => void,
): boolean {
  const [live, setLive] = useState(false);
  const handler = useRef(onChange);
  handler.current = onChange;
  const callHandler = useRef(onCall);
  callHandler.current = onCall;
  const query = scopeParams(scope).toString();
  useEffect(() => {
    const source = new EventSource(`/api/v1/stream${query ? `?${query}` : ''}`);
    source.onopen = () => setLive(true);
    source.onerror = () => setLive(false);
    source.addEventListener('ticket', (e) => {
      handler.current(JSON.parse((e as MessageEvent<string>).data) as TicketChange);
    });
    source.addEventListener('call', (e) => {
      callHandler.current?.(JSON.parse((e as MessageEvent<string>).data) as CallPush);
    });
    return () => source.close();
  }, [query]);
  return live;
}
