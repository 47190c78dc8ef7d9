import type { HostStatus } from '../../src-shared/contract';

/** "Uptime 1h 2m 3s · Resident memory 85.3 MB · 2 connections" */
export function formatHostStatus(status: HostStatus): string {
  const memoryMb = (status.residentMemoryBytes / (1024 * 1024)).toFixed(1);
  const connections = `${status.connections} ${status.connections === 1 ? 'connection' : 'connections'}`;
  return `Host status — Uptime ${formatDuration(status.uptimeMs)} · Resident memory ${memoryMb} MB · ${connections}`;
}

function formatDuration(ms: number): string {
  const totalSeconds = Math.floor(ms / 1000);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  if (hours > 0) return `${hours}h ${minutes}m ${seconds}s`;
  if (minutes > 0) return `${minutes}m ${seconds}s`;
  return `${seconds}s`;
}
