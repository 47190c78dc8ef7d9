import { create } from 'zustand';

/** The Output view's own list (host notices and settings issues) is shown when no channel is chosen. */
export const noticesChannel = 'notices';

interface OutputChannel {
  id: string;
  label: string;
  lines: string[];
}

interface OutputChannelsState {
  channels: OutputChannel[];
  /** The channel the Output view shows. */
  active: string;
}

/** Lines a channel keeps; older ones are dropped. */
const lineLimit = 10_000;

export const useOutputChannels = create<OutputChannelsState>()(() => ({ channels: [], active: noticesChannel }));

/** Adds text to a channel (created on first use, listed by its label; empty text only creates it). */
export function appendOutput(id: string, label: string, text: string): void {
  const added = text === '' ? [] : text.replace(/\n$/, '').split('\n');
  useOutputChannels.setState((state) => {
    const existing = state.channels.find((channel) => channel.id === id);
    const lines = [...(existing?.lines ?? []), ...added];
    const channel = { id, label, lines: lines.length > lineLimit ? lines.slice(-lineLimit) : lines };
    return { channels: existing ? state.channels.map((other) => (other.id === id ? channel : other)) : [...state.channels, channel] };
  });
}

export function clearOutput(id: string): void {
  useOutputChannels.setState((state) => ({ channels: state.channels.map((channel) => (channel.id === id ? { ...channel, lines: [] } : channel)) }));
}

export function selectOutputChannel(id: string): void {
  useOutputChannels.setState({ active: id });
}
