// An error recipe (error-recipes.ts) as shell lines a reader pastes: curl
// against the sandbox serving the docs, earlier answers kept in shell
// variables (read with node, which every sandbox user has), loops for
// repeated attempts. Only the last command prints its answer, the one with
// the code. Runs in bash and zsh.
import type { Json } from '../lib/spec.ts';
import type { SampleTarget } from './code-samples.ts';
import type { Call, Recipe, Step } from './error-recipes.ts';
import type { OperationExample } from './operation-examples.ts';
import type { RecipeKeys } from './recipe-keys.ts';

const VARIABLE = /(\$[A-Z][A-Z_]*)/;

/** One shell word: literal text in single quotes, `$NAME`s in double quotes so that they expand. */
function shellWord(text: string): string {
  return text
    .split(VARIABLE)
    .filter((part) => part !== '')
    .map((part) => (VARIABLE.test(part) ? `"${part}"` : `'${part.replace(/'/g, `'\\''`)}'`))
    .join('');
}

/** Every `teamId` of a body set to `team`. */
function withTeam(value: Json, team: string): Json {
  if (Array.isArray(value)) return value.map((v) => withTeam(v, team));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === 'teamId' ? team : withTeam(v, team)]));
}

function queryString(op: OperationExample, overrides: Call['query'] = {}): string {
  const values = new Map(op.query.map(({ name, value }) => [name, Array.isArray(value) ? value.join(',') : value]));
  for (const [name, value] of Object.entries(overrides)) value === null ? values.delete(name) : values.set(name, value);
  // Values are ids, lists of ids and variables: nothing to encode but what is not one.
  const text = [...values].map(([name, value]) => `${name}=${/^[\w$,.-]*$/.test(value) ? value : encodeURIComponent(value)}`).join('&');
  return text === '' ? '' : `?${text}`;
}

function curl(call: Call, op: OperationExample, target: SampleTarget, keys: RecipeKeys, quiet: boolean): string {
  const keyRole = call.key ?? 'demo';
  const url = shellWord(target.baseUrl + (call.path ?? op.path) + queryString(op, call.query));
  const words = [`curl${quiet ? ' -s' : ''}${call.repeat ? ' -o /dev/null' : ''} -X ${call.method ?? op.method} ${url}`];
  const authorization = op.authenticated ? keys.authorization(keyRole) : undefined;
  if (authorization) words.push(`-H ${shellWord(`Authorization: ${authorization}`)}`);
  for (const header of call.headers ?? []) words.push(`-H ${shellWord(header)}`);
  let prefix = '';
  if (call.bodyFrom !== undefined) {
    prefix = `${call.bodyFrom} | `;
    words.push(`-H ${shellWord(`Content-Type: ${call.contentType ?? 'application/json'}`)}`, '--data-binary @-');
  } else if (op.body !== undefined) {
    let body = call.body ? call.body(structuredClone(op.body)) : op.body;
    if (call.team) body = withTeam(body, keys.team(keyRole, call.team));
    const json = JSON.stringify(body).replace(/"<<(\$[A-Z][A-Z_]*)>>"/g, '$1');
    words.push(`-H ${shellWord(`Content-Type: ${call.contentType ?? 'application/json'}`)}`, `-d ${shellWord(call.rawBody ? call.rawBody(json) : json)}`);
  }
  return prefix + words.join(' \\\n  ');
}

/** `NAME=$(…)` for one captured value, `read -r A B <<< "$(…)"` for several. */
function captured(command: string, capture: Partial<Record<string, string>>): string {
  const names = Object.keys(capture);
  const paths = Object.values(capture).map((path) => `d.${path!}`);
  const read = `node -pe 'const d = JSON.parse(require("fs").readFileSync(0, "utf8")); ${paths.length === 1 ? paths[0] : `[${paths.join(', ')}].join(" ")`}'`;
  return names.length === 1 ? `${names[0]}=$(${command} | ${read})` : `read -r ${names.join(' ')} <<< "$(${command} | ${read})"`;
}

export function recipeShell(recipe: Recipe, examples: OperationExample[], target: SampleTarget, keys: RecipeKeys): string {
  const last = recipe.steps.length - 1;
  return recipe.steps
    .map((step: Step, index) => {
      if ('let' in step) return `${step.let}=$(${step.shell})`;
      const op = examples.find((o) => o.operationId === step.operationId);
      if (!op) throw new Error(`error recipes: no operation ${step.operationId} in the spec`);
      const quiet = index !== last;
      const command = curl(step, op, target, keys, quiet);
      if (step.capture) return captured(command, step.capture);
      if (step.repeat) return `for i in $(seq ${step.repeat}); do\n  ${command.replace(/\n/g, '\n  ')}\ndone`;
      // An earlier step's answer is not the one that matters: keep it off the screen.
      return quiet ? command.replace(/^(.*?curl -s)/, '$1 -o /dev/null') : command;
    })
    .join('\n');
}
