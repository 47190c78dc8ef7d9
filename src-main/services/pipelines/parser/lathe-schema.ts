import { JSONObjectReader } from '@actions/workflow-parser/templates/json-object-reader';
import { TemplateSchema } from '@actions/workflow-parser/templates/schema/index';
import type { MappingDefinition } from '@actions/workflow-parser/templates/schema/mapping-definition';
import type { PropertyDefinition } from '@actions/workflow-parser/templates/schema/property-definition';
import { getWorkflowSchema } from '@actions/workflow-parser/workflows/workflow-schema';

const stepContext = ['github', 'inputs', 'vars', 'needs', 'strategy', 'matrix', 'secrets', 'steps', 'job', 'runner', 'env', 'hashFiles(1,255)'];

/**
 * What Lathe adds to GitHub's workflow schema, in the schema's own format: `retry` on steps, `cache`,
 * `artifacts` and `executor` on jobs, `executor` at the top, and Lathe's triggers under `on`. Names that
 * end in `-extras` hold properties merged into GitHub's definitions of the same place.
 */
const latheDefinitions = {
  'lathe-root-extras': { mapping: { properties: { on: 'lathe-on', executor: 'lathe-executor' } } },
  'lathe-job-extras': { mapping: { properties: { executor: 'lathe-executor', cache: 'lathe-cache', artifacts: 'lathe-artifacts' } } },
  'lathe-step-extras': { mapping: { properties: { retry: 'lathe-retry' } } },
  'lathe-executor': { 'one-of': ['lathe-executor-local', 'lathe-executor-container'] },
  'lathe-executor-local': { string: { constant: 'local' } },
  'lathe-executor-container': { string: { constant: 'container' } },
  'lathe-retry': { 'one-of': ['number', 'lathe-retry-mapping'] },
  'lathe-retry-mapping': {
    mapping: { properties: { max: { type: 'number', required: true }, when: 'lathe-retry-when', exit_codes: 'lathe-exit-codes' } },
  },
  'lathe-retry-when': { 'one-of': ['lathe-retry-when-failure', 'lathe-retry-when-timeout', 'lathe-retry-when-any'] },
  'lathe-retry-when-failure': { string: { constant: 'failure' } },
  'lathe-retry-when-timeout': { string: { constant: 'timeout' } },
  'lathe-retry-when-any': { string: { constant: 'any' } },
  'lathe-exit-codes': { sequence: { 'item-type': 'number' } },
  'lathe-cache': {
    context: stepContext,
    mapping: { properties: { key: { type: 'lathe-non-empty', required: true }, paths: { type: 'lathe-strings', required: true }, 'restore-keys': 'lathe-strings' } },
  },
  'lathe-artifacts': { mapping: { properties: { name: 'lathe-non-empty', paths: { type: 'lathe-strings', required: true } } } },
  'lathe-strings': { sequence: { 'item-type': 'lathe-non-empty' } },
  'lathe-non-empty': { string: { 'require-non-empty': true } },
  'lathe-on': { 'one-of': ['lathe-trigger', 'lathe-triggers', 'lathe-on-mapping'] },
  'lathe-trigger': { 'one-of': ['lathe-trigger-manual', 'lathe-trigger-save', 'lathe-trigger-commit'] },
  'lathe-trigger-manual': { string: { constant: 'manual' } },
  'lathe-trigger-save': { string: { constant: 'save' } },
  'lathe-trigger-commit': { string: { constant: 'commit' } },
  'lathe-triggers': { sequence: { 'item-type': 'lathe-trigger' } },
  'lathe-on-mapping': { mapping: { properties: { manual: 'workflow-dispatch', save: 'lathe-save', commit: 'null' } } },
  'lathe-save': { 'one-of': ['null', 'lathe-save-mapping'] },
  'lathe-save-mapping': { mapping: { properties: { paths: 'lathe-strings' } } },
};

/** GitHub's definitions that Lathe pipelines extend, and with which extras. */
const extensions: [githubDefinition: string, extras: keyof typeof latheDefinitions][] = [
  ['workflow-root-strict', 'lathe-root-extras'],
  ['job-factory', 'lathe-job-extras'],
  ['run-step', 'lathe-step-extras'],
  ['regular-step', 'lathe-step-extras'],
];

let latheSchema: TemplateSchema | undefined;

/** GitHub's workflow schema with Lathe's additions; GitHub's own schema is left as it is. */
export function getLatheSchema(): TemplateSchema {
  latheSchema ??= buildLatheSchema();
  return latheSchema;
}

function buildLatheSchema(): TemplateSchema {
  const github = getWorkflowSchema();
  const extension = loadExtension(github);
  const schema = new TemplateSchema();
  Object.assign(schema.definitions, github.definitions);
  for (const name of Object.keys(latheDefinitions)) schema.definitions[name] = extension.getDefinition(name);
  for (const [target, extras] of extensions) {
    const base = github.getDefinition(target) as MappingDefinition;
    const added = (extension.getDefinition(extras) as MappingDefinition).properties;
    schema.definitions[target] = withProperties(base, { ...base.properties, ...added });
  }
  // Lathe jobs run on this machine (`runs-on` is accepted, not required), and a pipeline without `on` is run by hand.
  makeOptional(schema, 'job-factory', 'runs-on');
  makeOptional(schema, 'workflow-root-strict', 'on');
  return schema;
}

function makeOptional(schema: TemplateSchema, definition: string, property: string): void {
  const { properties } = schema.definitions[definition] as MappingDefinition;
  const original = properties[property];
  if (original) properties[property] = Object.assign(Object.create(Object.getPrototypeOf(original) as object) as PropertyDefinition, original, { required: false });
}

/**
 * Loading checks that every name a document refers to is defined in it, so GitHub's names appear as
 * placeholders while the extension is loaded; the merged schema then resolves them to GitHub's own.
 */
function loadExtension(github: TemplateSchema): TemplateSchema {
  const builtIn = new TemplateSchema().definitions;
  const placeholders = Object.fromEntries(
    Object.keys(github.definitions)
      .filter((name) => !(name in builtIn))
      .map((name) => [name, { null: {} }]),
  );
  const document = { version: 'workflow-v1.0', definitions: { ...placeholders, ...latheDefinitions } };
  return TemplateSchema.load(new JSONObjectReader(undefined, JSON.stringify(document)));
}

/** A copy of a mapping definition with other properties (definitions are shared: never change GitHub's). */
function withProperties(base: MappingDefinition, properties: MappingDefinition['properties']): MappingDefinition {
  return Object.assign(Object.create(Object.getPrototypeOf(base) as object) as MappingDefinition, base, { properties });
}
