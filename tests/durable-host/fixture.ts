import { app, type HttpRequest, type InvocationContext } from '@azure/functions';
import * as df from 'durable-functions';

/**
 * A small durable-functions app written only against the SDK, as a user would: it is what the
 * stand-in must run exactly as the extension would. Module state (attempt counters, the switch
 * that makes one orchestrator non-deterministic) is test scaffolding, never read by orchestrators
 * except where non-determinism is the point.
 */
export const scaffolding = {
  flakyAttempts: new Map<string, number>(),
  nonDeterministic: false,
  /** Runs of the activity `held` waiting for the test to let them finish, by input. */
  held: new Map<string, () => void>(),
  /** Inputs the activity `record` has run with. */
  recorded: [] as string[],
};

df.app.activity('double', { handler: (n: number) => n * 2 });
df.app.activity('greet', { handler: (name: string) => `hello ${name}` });
df.app.activity('boom', {
  handler: () => {
    throw new Error('the activity broke');
  },
});
df.app.activity('flaky', {
  handler: (key: string) => {
    const attempts = (scaffolding.flakyAttempts.get(key) ?? 0) + 1;
    scaffolding.flakyAttempts.set(key, attempts);
    if (attempts < 3) throw new Error(`attempt ${attempts} failed`);
    return { key, attempts };
  },
});

df.app.activity('held', { handler: (key: string) => new Promise<string>((resolve) => scaffolding.held.set(key, () => resolve(key))) });
df.app.activity('record', {
  handler: (key: string) => {
    scaffolding.recorded.push(key);
    return key;
  },
});

df.app.orchestration('heldThenRecord', function* (context) {
  const key = context.df.getInput<string>();
  yield context.df.callActivity('held', key);
  yield context.df.callActivity('record', key);
  return 'finished';
});

df.app.orchestration('heldThenEvent', function* (context) {
  yield context.df.callActivity('held', context.df.getInput<string>());
  return yield context.df.waitForExternalEvent('go');
});

df.app.orchestration('chain', function* (context) {
  const first: number = yield context.df.callActivity('double', context.df.getInput<number>());
  const second: number = yield context.df.callActivity('double', first);
  return second;
});

df.app.orchestration('retry', function* (context) {
  return yield context.df.callActivityWithRetry('flaky', new df.RetryOptions(200, 3), context.df.getInput<string>());
});

df.app.orchestration('catching', function* (context) {
  try {
    yield context.df.callActivity('boom');
    return 'no error';
  } catch (error) {
    return (error as Error).message;
  }
});

df.app.orchestration('throwing', function* (context) {
  yield context.df.callActivity('double', 1);
  throw new Error('the orchestrator gave up');
});

/** A turn per given expiry (ms), each racing an answer against a timer created afresh for that turn. */
df.app.orchestration('approval', function* (context) {
  const answers: unknown[] = [];
  const expiries = context.df.getInput<number[]>();
  for (let turn = 1; turn <= expiries.length; turn++) {
    context.df.setCustomStatus({ turn });
    const expiry = context.df.createTimer(new Date(context.df.currentUtcDateTime.getTime() + expiries[turn - 1]!));
    const answer = context.df.waitForExternalEvent('answer');
    const winner: df.Task = yield context.df.Task.any([answer, expiry]);
    if (winner === expiry) {
      answers.push('expired');
    } else {
      expiry.cancel();
      answers.push(answer.result);
    }
  }
  context.df.setCustomStatus({ turn: 'done' });
  return answers;
});

df.app.orchestration('fanout', function* (context) {
  const names = context.df.getInput<string[]>();
  return yield context.df.Task.all(names.map((name) => context.df.callActivity('greet', name)));
});

df.app.orchestration('parent', function* (context) {
  const child: number = yield context.df.callSubOrchestrator('chain', context.df.getInput<number>());
  return { child };
});

df.app.orchestration('counter', function* (context) {
  const count = context.df.getInput<number>() ?? 0;
  yield context.df.createTimer(new Date(context.df.currentUtcDateTime.getTime() + 50));
  if (count < 3) {
    context.df.continueAsNew(count + 1);
    return undefined;
  }
  return count;
});

df.app.orchestration('nondeterministic', function* (context) {
  yield context.df.callActivity(scaffolding.nonDeterministic ? 'greet' : 'double', 1);
  yield context.df.waitForExternalEvent('go');
  return 'finished';
});

/** The HTTP side: functions that drive orchestrations only through the SDK's DurableClient. */
const client = df.input.durableClient();

app.http('start', {
  route: 'start/{name}',
  methods: ['POST'],
  extraInputs: [client],
  handler: async (request: HttpRequest, context: InvocationContext) => {
    const durable = df.getClient(context);
    const body = (await request.json()) as { input?: unknown; instanceId?: string };
    const instanceId = await durable.startNew(request.params.name!, { input: body.input, ...(body.instanceId ? { instanceId: body.instanceId } : {}) });
    return durable.createCheckStatusResponse(request, instanceId);
  },
});

app.http('status', {
  route: 'status/{id}',
  methods: ['GET'],
  extraInputs: [client],
  handler: async (request: HttpRequest, context: InvocationContext) => {
    const status = await df.getClient(context).getStatus(request.params.id!, { showHistory: true, showHistoryOutput: true });
    return { jsonBody: status };
  },
});

app.http('answer', {
  route: 'answer/{id}',
  methods: ['POST'],
  extraInputs: [client],
  handler: async (request: HttpRequest, context: InvocationContext) => {
    await df.getClient(context).raiseEvent(request.params.id!, request.query.get('event') ?? 'answer', await request.json());
    return { status: 202 };
  },
});

app.http('control', {
  route: 'control/{id}/{operation}',
  methods: ['POST'],
  extraInputs: [client],
  handler: async (request: HttpRequest, context: InvocationContext) => {
    const durable = df.getClient(context);
    const id = request.params.id!;
    switch (request.params.operation) {
      case 'terminate':
        await durable.terminate(id, 'stopped by test');
        break;
      case 'suspend':
        await durable.suspend(id, 'paused');
        break;
      case 'resume':
        await durable.resume(id, 'go on');
        break;
      case 'purge':
        return { jsonBody: await durable.purgeInstanceHistory(id) };
      case 'wait':
        return durable.waitForCompletionOrCreateCheckStatusResponse(request, id, { timeoutInMilliseconds: 5000, retryIntervalInMilliseconds: 100 });
    }
    return { status: 202 };
  },
});

app.http('list', {
  route: 'list',
  methods: ['GET'],
  extraInputs: [client],
  handler: async (_request: HttpRequest, context: InvocationContext) => {
    const all = await df.getClient(context).getStatusBy({ runtimeStatus: [df.OrchestrationRuntimeStatus.Completed] });
    return { jsonBody: all.map((status) => status.instanceId) };
  },
});
