import type { EventEmitter } from 'node:events';
import type { FakeSlackState } from './fake-slack-state.ts';
import type { FakeSlackIdentity, Params, SlackResult } from './fake-slack-types.ts';

/** What every Web API method handler gets: the workspace store, who the bot is, and the event stream. */
export interface MethodContext {
  state: FakeSlackState;
  identity: FakeSlackIdentity;
  events: EventEmitter;
  /** Server origin, for URLs the fake hands out (upload URLs). */
  origin: string;
}

export type MethodHandler = (params: Params, context: MethodContext) => SlackResult;
