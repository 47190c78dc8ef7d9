import { z } from 'zod';

// Zod probes `new Function` to pick a faster validator; under `script-src 'self'` that probe is a CSP
// violation reported on every start. The interpreted path is fast enough for RPC payloads.
z.config({ jitless: true });
