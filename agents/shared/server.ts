import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { version } from '../../package.json';

/** A new MCP server of this app; one per request (stateless). */
export function newServer(name: string, title: string, instructions: string): McpServer {
  return new McpServer({ name, title, version }, { instructions });
}

/** The `language` argument of the prompts. */
export const PromptLanguage = { language: z.enum(['zh', 'en']).optional().describe('zh (中文, default) or en') };

/** The text of a prompt as the one user message it is. */
export function promptMessage(text: string) {
  return { messages: [{ role: 'user' as const, content: { type: 'text' as const, text } }] };
}
