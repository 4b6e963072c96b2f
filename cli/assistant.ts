import { ApiError, type Api } from './api';
import { CliError } from './errors';

export interface AssistantReply {
  reply: string;
  awaiting: 'input' | 'confirmation' | null;
  proposal?: unknown;
  options?: unknown[];
  actions: unknown[];
}

/** One conversation with the server's assistant (POST /assistant/conversations…), started on first use. */
export class Assistant {
  private id: string | undefined;

  constructor(private readonly api: Api) {}

  private async conversation(): Promise<string> {
    if (this.id) return this.id;
    try {
      const { id } = await this.api.json<{ id: string }>('/assistant/conversations', { method: 'POST', body: {}, label: 'Starting the assistant…' });
      this.id = id;
      return id;
    } catch (error) {
      if (error instanceof ApiError && (error.status === 404 || error.status === 405)) {
        throw new CliError('the assistant is not available on this server (no /assistant/conversations); use the commands — type help');
      }
      throw error;
    }
  }

  async send(text: string): Promise<AssistantReply> {
    const id = await this.conversation();
    return this.api.json<AssistantReply>(`/assistant/conversations/${encodeURIComponent(id)}/messages`, { method: 'POST', body: { text }, label: 'Thinking…' });
  }

  async confirm(accept: boolean): Promise<AssistantReply> {
    const id = await this.conversation();
    return this.api.json<AssistantReply>(`/assistant/conversations/${encodeURIComponent(id)}/confirm`, { method: 'POST', body: { accept }, label: 'Thinking…' });
  }
}
