import { writeFileSync } from 'node:fs';

/**
 * Writes a random-weight llama model in GGUF v3 (f32 tensors, SPM tokenizer) that node-llama-cpp
 * loads for real: tokenizing, streaming, cancelling and chat all run; the text is gibberish.
 */
export interface TinyModelOptions {
  layers?: number;
  dim?: number;
  contextLength?: number;
  /** Adds fill-in-the-middle tokens so the model reports infill support. */
  fim?: boolean;
  /** Stores the norm tensors as f16, which makes llama.cpp abort the whole process while loading. */
  f16Norms?: boolean;
  seed?: number;
}

const ggufType = { uint32: 4, int32: 5, float32: 6, bool: 7, string: 8, array: 9 } as const;
const tensorType = { f32: 0, f16: 1 } as const;
const alignment = 32;

const tokenType = { normal: 1, unknown: 2, control: 3, byte: 6 } as const;

type MetadataValue =
  | { type: 'u32'; value: number }
  | { type: 'f32'; value: number }
  | { type: 'bool'; value: boolean }
  | { type: 'string'; value: string }
  | { type: 'strings'; value: string[] }
  | { type: 'f32s'; value: number[] }
  | { type: 'i32s'; value: number[] };

class ByteWriter {
  private readonly parts: Buffer[] = [];
  length = 0;

  private push(buffer: Buffer): void {
    this.parts.push(buffer);
    this.length += buffer.length;
  }

  u32(value: number): void {
    const buffer = Buffer.alloc(4);
    buffer.writeUInt32LE(value);
    this.push(buffer);
  }

  i32(value: number): void {
    const buffer = Buffer.alloc(4);
    buffer.writeInt32LE(value);
    this.push(buffer);
  }

  u64(value: number): void {
    const buffer = Buffer.alloc(8);
    buffer.writeBigUInt64LE(BigInt(value));
    this.push(buffer);
  }

  f32(value: number): void {
    const buffer = Buffer.alloc(4);
    buffer.writeFloatLE(value);
    this.push(buffer);
  }

  string(value: string): void {
    const bytes = Buffer.from(value, 'utf8');
    this.u64(bytes.length);
    this.push(bytes);
  }

  bytes(buffer: Buffer): void {
    this.push(buffer);
  }

  padTo(boundary: number): void {
    const gap = (boundary - (this.length % boundary)) % boundary;
    if (gap > 0) this.push(Buffer.alloc(gap));
  }

  toBuffer(): Buffer {
    return Buffer.concat(this.parts);
  }
}

function writeValue(writer: ByteWriter, entry: MetadataValue): void {
  switch (entry.type) {
    case 'u32':
      writer.u32(ggufType.uint32);
      writer.u32(entry.value);
      return;
    case 'f32':
      writer.u32(ggufType.float32);
      writer.f32(entry.value);
      return;
    case 'bool':
      writer.u32(ggufType.bool);
      writer.bytes(Buffer.from([entry.value ? 1 : 0]));
      return;
    case 'string':
      writer.u32(ggufType.string);
      writer.string(entry.value);
      return;
    case 'strings':
      writer.u32(ggufType.array);
      writer.u32(ggufType.string);
      writer.u64(entry.value.length);
      for (const item of entry.value) writer.string(item);
      return;
    case 'f32s':
      writer.u32(ggufType.array);
      writer.u32(ggufType.float32);
      writer.u64(entry.value.length);
      for (const item of entry.value) writer.f32(item);
      return;
    case 'i32s':
      writer.u32(ggufType.array);
      writer.u32(ggufType.int32);
      writer.u64(entry.value.length);
      for (const item of entry.value) writer.i32(item);
      return;
  }
}

/** A small deterministic generator, so a seed gives the same model every time. */
function random(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 0x1_0000_0000;
  };
}

function vocabulary(fim: boolean): { tokens: string[]; scores: number[]; types: number[]; fimIds?: { prefix: number; suffix: number; middle: number } } {
  const tokens = ['<unk>', '<s>', '</s>'];
  const types: number[] = [tokenType.unknown, tokenType.control, tokenType.control];
  for (let byte = 0; byte < 256; byte += 1) {
    tokens.push(`<0x${byte.toString(16).toUpperCase().padStart(2, '0')}>`);
    types.push(tokenType.byte);
  }
  let fimIds: { prefix: number; suffix: number; middle: number } | undefined;
  if (fim) {
    fimIds = { prefix: tokens.length, suffix: tokens.length + 1, middle: tokens.length + 2 };
    tokens.push('<PRE>', '<SUF>', '<MID>');
    types.push(tokenType.control, tokenType.control, tokenType.control);
  }
  const words = ['the', 'a', 'fn', 'let', 'mut', 'struct', 'impl', 'return', 'use', 'crate', 'hello', 'world', 'code', 'rust', 'lathe'];
  const letters = 'abcdefghijklmnopqrstuvwxyz0123456789'.split('');
  const pieces = new Set([...words.map((word) => `▁${word}`), ...letters.map((letter) => `▁${letter}`), ...letters, '▁']);
  for (const piece of pieces) {
    tokens.push(piece);
    types.push(tokenType.normal);
  }
  const scores = tokens.map((token, index) => (types[index] === tokenType.normal ? -index / 10 - token.length : 0));
  return fimIds ? { tokens, scores, types, fimIds } : { tokens, scores, types };
}

/** Builds the model in memory; `writeTinyModel` puts it in a file. */
export function tinyModelBytes(options: TinyModelOptions = {}): Buffer {
  const layers = options.layers ?? 2;
  const dim = options.dim ?? 64;
  const heads = 4;
  const feedForward = dim * 2;
  const contextLength = options.contextLength ?? 2048;
  const vocab = vocabulary(options.fim ?? false);
  const vocabSize = vocab.tokens.length;
  const next = random(options.seed ?? 42);

  const metadata: [string, MetadataValue][] = [
    ['general.architecture', { type: 'string', value: 'llama' }],
    ['general.name', { type: 'string', value: 'lathe-tiny-test' }],
    ['general.alignment', { type: 'u32', value: alignment }],
    ['general.file_type', { type: 'u32', value: 0 }],
    ['llama.context_length', { type: 'u32', value: contextLength }],
    ['llama.embedding_length', { type: 'u32', value: dim }],
    ['llama.block_count', { type: 'u32', value: layers }],
    ['llama.feed_forward_length', { type: 'u32', value: feedForward }],
    ['llama.attention.head_count', { type: 'u32', value: heads }],
    ['llama.attention.head_count_kv', { type: 'u32', value: heads }],
    ['llama.attention.layer_norm_rms_epsilon', { type: 'f32', value: 1e-5 }],
    ['llama.rope.dimension_count', { type: 'u32', value: dim / heads }],
    ['llama.rope.freq_base', { type: 'f32', value: 10000 }],
    ['llama.vocab_size', { type: 'u32', value: vocabSize }],
    ['tokenizer.ggml.model', { type: 'string', value: 'llama' }],
    ['tokenizer.ggml.tokens', { type: 'strings', value: vocab.tokens }],
    ['tokenizer.ggml.scores', { type: 'f32s', value: vocab.scores }],
    ['tokenizer.ggml.token_type', { type: 'i32s', value: vocab.types }],
    ['tokenizer.ggml.unknown_token_id', { type: 'u32', value: 0 }],
    ['tokenizer.ggml.bos_token_id', { type: 'u32', value: 1 }],
    ['tokenizer.ggml.eos_token_id', { type: 'u32', value: 2 }],
    ['tokenizer.ggml.add_bos_token', { type: 'bool', value: true }],
  ];
  if (vocab.fimIds) {
    metadata.push(
      ['tokenizer.ggml.fim_pre_token_id', { type: 'u32', value: vocab.fimIds.prefix }],
      ['tokenizer.ggml.fim_suf_token_id', { type: 'u32', value: vocab.fimIds.suffix }],
      ['tokenizer.ggml.fim_mid_token_id', { type: 'u32', value: vocab.fimIds.middle }],
    );
  }

  // Dimensions are innermost first, as GGUF stores them.
  const tensors: { name: string; dims: number[] }[] = [
    { name: 'token_embd.weight', dims: [dim, vocabSize] },
    { name: 'output_norm.weight', dims: [dim] },
    { name: 'output.weight', dims: [dim, vocabSize] },
  ];
  for (let block = 0; block < layers; block += 1) {
    tensors.push(
      { name: `blk.${block}.attn_norm.weight`, dims: [dim] },
      { name: `blk.${block}.attn_q.weight`, dims: [dim, dim] },
      { name: `blk.${block}.attn_k.weight`, dims: [dim, dim] },
      { name: `blk.${block}.attn_v.weight`, dims: [dim, dim] },
      { name: `blk.${block}.attn_output.weight`, dims: [dim, dim] },
      { name: `blk.${block}.ffn_norm.weight`, dims: [dim] },
      { name: `blk.${block}.ffn_gate.weight`, dims: [dim, feedForward] },
      { name: `blk.${block}.ffn_up.weight`, dims: [dim, feedForward] },
      { name: `blk.${block}.ffn_down.weight`, dims: [feedForward, dim] },
    );
  }

  const header = new ByteWriter();
  header.bytes(Buffer.from('GGUF', 'ascii'));
  header.u32(3);
  header.u64(tensors.length);
  header.u64(metadata.length);
  for (const [key, value] of metadata) {
    header.string(key);
    writeValue(header, value);
  }
  const data = new ByteWriter();
  for (const tensor of tensors) {
    data.padTo(alignment);
    header.string(tensor.name);
    header.u32(tensor.dims.length);
    for (const size of tensor.dims) header.u64(size);
    const isNorm = tensor.dims.length === 1;
    const half = isNorm && options.f16Norms === true;
    header.u32(half ? tensorType.f16 : tensorType.f32);
    header.u64(data.length);
    const count = tensor.dims.reduce((product, size) => product * size, 1);
    const values = Buffer.alloc(count * (half ? 2 : 4));
    // 0x3c00 is 1.0 in f16.
    for (let index = 0; index < count; index += 1) {
      if (half) values.writeUInt16LE(0x3c00, index * 2);
      else values.writeFloatLE(isNorm ? 1 : (next() - 0.5) * 0.4, index * 4);
    }
    data.bytes(values);
  }
  header.padTo(alignment);
  return Buffer.concat([header.toBuffer(), data.toBuffer()]);
}

export function writeTinyModel(file: string, options: TinyModelOptions = {}): string {
  writeFileSync(file, tinyModelBytes(options));
  return file;
}
