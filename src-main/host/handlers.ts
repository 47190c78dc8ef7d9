import type { z } from 'zod';
import type { ContractSpec, Disposable, EventSpec, MethodSpec, ServiceSpec, StreamSpec } from '../../src-shared/contract';
import type { Contract } from '../../src-shared/contract';

/** What a handler learns about the call it serves. */
export interface CallContext {
  /** Identifies the connection (a window, a browser tab, later a plugin). */
  readonly connectionId: string;
  /** Aborted when the caller cancels or disconnects. */
  readonly signal: AbortSignal;
}

export type HandlerMember<M> =
  M extends MethodSpec<infer I, infer O>
    ? (input: z.output<I>, context: CallContext) => Promise<z.input<O>> | z.input<O>
    : M extends StreamSpec<infer I, infer C>
      ? (input: z.output<I>, context: CallContext) => AsyncIterable<z.input<C>>
      : M extends EventSpec<infer P>
        ? (listener: (payload: z.input<P>) => void) => Disposable
        : never;

export type ServiceHandlers<S extends ServiceSpec> = { readonly [K in keyof S]: HandlerMember<S[K]> };
export type ContractHandlers<C extends ContractSpec> = { readonly [K in keyof C]: ServiceHandlers<C[K]> };
export type LatheHandlers = ContractHandlers<Contract>;
