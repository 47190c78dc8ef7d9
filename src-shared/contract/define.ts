import type { z } from 'zod';
import type { LatheErrorData } from './errors';

/** A request/response call from a client to the host. */
export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly kind: 'method';
  readonly input: I;
  readonly output: O;
}

/** A flow of chunks from the host, opened by a client, with back-pressure and cancellation. */
export interface StreamSpec<I extends z.ZodType = z.ZodType, C extends z.ZodType = z.ZodType> {
  readonly kind: 'stream';
  readonly input: I;
  readonly chunk: C;
}

/** A notification the host pushes to every client that listens. */
export interface EventSpec<P extends z.ZodType = z.ZodType> {
  readonly kind: 'event';
  readonly payload: P;
}

export type MemberSpec = MethodSpec | StreamSpec | EventSpec;
export type ServiceSpec = Readonly<Record<string, MemberSpec>>;
export type ContractSpec = Readonly<Record<string, ServiceSpec>>;

export const method = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O): MethodSpec<I, O> => ({
  kind: 'method',
  input,
  output,
});

export const stream = <I extends z.ZodType, C extends z.ZodType>(input: I, chunk: C): StreamSpec<I, C> => ({
  kind: 'stream',
  input,
  chunk,
});

export const event = <P extends z.ZodType>(payload: P): EventSpec<P> => ({ kind: 'event', payload });

export interface Disposable {
  dispose(): void;
}

export interface StreamObserver<T> {
  /** Called once per chunk; the next chunk is acknowledged only after a returned promise settles. */
  next(value: T): void | Promise<void>;
  error?(error: LatheErrorData): void;
  complete?(): void;
}

type CallArgs<I extends z.ZodType> = undefined extends z.input<I> ? [input?: z.input<I>] : [input: z.input<I>];

export type ClientMember<M> =
  M extends MethodSpec<infer I, infer O>
    ? (...args: CallArgs<I>) => Promise<z.output<O>>
    : M extends StreamSpec<infer I, infer C>
      ? (input: z.input<I>, observer: StreamObserver<z.output<C>>) => Disposable
      : M extends EventSpec<infer P>
        ? (listener: (payload: z.output<P>) => void) => Disposable
        : never;

export type ServiceClient<S extends ServiceSpec> = { readonly [K in keyof S]: ClientMember<S[K]> };
export type ContractClient<C extends ContractSpec> = { readonly [K in keyof C]: ServiceClient<C[K]> };

/** Finds a member by its wire name (`service.member`), looking only at the contract's own keys. */
export function lookupMember(contract: ContractSpec, wireName: string): MemberSpec | undefined {
  const dot = wireName.indexOf('.');
  if (dot <= 0) return undefined;
  const serviceName = wireName.slice(0, dot);
  const memberName = wireName.slice(dot + 1);
  if (!Object.hasOwn(contract, serviceName)) return undefined;
  const service = contract[serviceName];
  if (!service || !Object.hasOwn(service, memberName)) return undefined;
  return service[memberName];
}

/** Every member of a contract with its wire name, in declaration order. */
export function listMembers(contract: ContractSpec): { wireName: string; service: string; member: string; spec: MemberSpec }[] {
  return Object.entries(contract).flatMap(([service, members]) =>
    Object.entries(members).map(([member, spec]) => ({ wireName: `${service}.${member}`, service, member, spec })),
  );
}
