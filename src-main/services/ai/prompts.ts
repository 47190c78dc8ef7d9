import type { AiEditInput } from '../../../src-shared/contract';
import type { RuleText } from './context-files';
import type { ChatRequest, InfillRequest, ProviderMessage } from './provider';
import type { StoredMessage } from './threads';
import { joinContext } from './tokens';

const chatInstructions =
  'You are the coding assistant built into Lathe, a code editor. Answer precisely and briefly. Use Markdown; put code in fenced blocks that name their language.';

const editInstructions =
  'You rewrite code as instructed. Answer with the replacement code only: no explanation, no Markdown fences, nothing before or after it. Keep the original indentation and style.';

const infillInstructions =
  'You complete code at the cursor. Answer with the text to insert at <CURSOR> only: no explanation, no Markdown fences, nothing that is already before or after the cursor.';

/** The system prompt: the feature's instructions, then the project's rules files. */
export function systemPrompt(feature: 'chat' | 'edit', rules: RuleText[]): string {
  return withRules(feature === 'chat' ? chatInstructions : editInstructions, rules);
}

/** Instructions followed by the project's rules files. */
export function withRules(instructions: string, rules: RuleText[]): string {
  if (rules.length === 0) return instructions;
  const sections = rules.map((rule) => `## ${rule.path}\n\n${rule.content.trim()}`);
  return `${instructions}\n\n# Project rules\n\nThe open project asks you to follow these rules.\n\n${sections.join('\n\n')}`;
}

export function editMessages(input: Pick<AiEditInput, 'instruction' | 'code' | 'path' | 'language'>, rules: RuleText[]): ProviderMessage[] {
  const where = [input.path ? `File: ${input.path}` : '', input.language ? `Language: ${input.language}` : ''].filter(Boolean).join('\n');
  return [
    { role: 'system', content: systemPrompt('edit', rules) },
    { role: 'user', content: `${where ? `${where}\n\n` : ''}Instruction: ${input.instruction}\n\nCode:\n${input.code}` },
  ];
}

/** Fill-in-the-middle through a chat model, for providers without a native endpoint. */
export function infillAsChat(request: InfillRequest, language: string | undefined): ChatRequest {
  const header = language ? `Language: ${language}\n\n` : '';
  return {
    model: request.model,
    messages: [
      { role: 'system', content: infillInstructions },
      { role: 'user', content: `${header}${request.prefix}<CURSOR>${request.suffix}` },
    ],
    tools: [],
    temperature: request.temperature,
    maxOutputTokens: request.maxOutputTokens,
  };
}

/** A thread's title from its first message: the first line, cut at a word near 60 characters. */
export function titleFrom(text: string): string {
  const line = text.trim().split('\n')[0]?.trim() ?? '';
  if (line.length <= 60) return line || 'New chat';
  const cut = line.slice(0, 60);
  const space = cut.lastIndexOf(' ');
  return `${space > 30 ? cut.slice(0, space) : cut}…`;
}

/** A stored message as the model reads it: user messages with their attached context first. */
export function toProviderMessages(message: StoredMessage): ProviderMessage[] {
  if (message.role === 'user') return [{ role: 'user', content: joinContext(message.context, message.content) }];
  if (message.role === 'tool') return [{ role: 'tool', content: message.content, toolCallId: message.toolCallId ?? '' }];
  // A failed answer with nothing in it is not part of the conversation.
  if (message.status === 'error' && !message.content && !message.toolCalls?.length) return [];
  return [{ role: 'assistant', content: message.content, ...(message.toolCalls ? { toolCalls: message.toolCalls } : {}) }];
}
