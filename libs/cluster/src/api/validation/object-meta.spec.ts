import { FieldPath, fieldErrorMessage, type FieldError } from '../field-errors';
import type { ObjectMeta } from '../objects';
import {
  nameIsDNSLabel,
  nameIsDNSSubdomain,
  validateAnnotations,
  validateObjectMeta,
  validateObjectMetaUpdate,
  type ObjectMetaValidationOptions,
} from './object-meta';

const DNS1123_SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const DNS1123_LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const NAME_PART_MSG =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const LABEL_VALUE_MSG =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

const namespaced: ObjectMetaValidationOptions = { namespaced: true, nameValidator: nameIsDNSSubdomain };
const clusterScoped: ObjectMetaValidationOptions = { namespaced: false, nameValidator: nameIsDNSLabel };
const metadata = FieldPath.root('metadata');

function messages(errors: FieldError[]): string[] {
  return errors.map(fieldErrorMessage);
}

function create(meta: ObjectMeta, options = namespaced): string[] {
  return messages(validateObjectMeta(meta, options, metadata));
}

describe('validateObjectMeta', () => {
  it('accepts a plain namespaced object', () => {
    expect(create({ name: 'web', namespace: 'default', labels: { app: 'web' }, finalizers: ['kubernetes'] })).toEqual(
      [],
    );
  });

  it('requires a name', () => {
    expect(create({ namespace: 'default' })).toEqual([
      'metadata.name: Required value: name or generateName is required',
    ]);
  });

  it('validates the name and the generateName with the kind validator', () => {
    expect(create({ name: 'Bad_NS' }, clusterScoped)).toEqual([
      `metadata.name: Invalid value: "Bad_NS": ${DNS1123_LABEL_MSG}`,
    ]);
    expect(create({ name: 'web-x7k2p', generateName: 'web-', namespace: 'default' })).toEqual([]);
    expect(create({ name: 'abc', generateName: 'Web-', namespace: 'default' })).toEqual([
      `metadata.generateName: Invalid value: "Web-": ${DNS1123_SUBDOMAIN_MSG}`,
    ]);
  });

  it('requires or forbids the namespace', () => {
    expect(create({ name: 'web' })).toEqual(['metadata.namespace: Required value']);
    expect(create({ name: 'web', namespace: 'Bad.NS' })).toEqual([
      `metadata.namespace: Invalid value: "Bad.NS": ${DNS1123_LABEL_MSG}`,
    ]);
    expect(create({ name: 'web', namespace: 'default' }, clusterScoped)).toEqual([
      'metadata.namespace: Forbidden: not allowed on this type',
    ]);
  });

  it('refuses a negative generation', () => {
    expect(create({ name: 'a', namespace: 'b', generation: -1 })).toEqual([
      'metadata.generation: Invalid value: -1: must be greater than or equal to 0',
    ]);
  });

  it('validates label keys and values at the map path', () => {
    expect(create({ name: 'a', namespace: 'b', labels: { 'Bad Key': 'ok', app: 'bad value' } })).toEqual([
      `metadata.labels: Invalid value: "Bad Key": ${NAME_PART_MSG}`,
      `metadata.labels: Invalid value: "bad value": ${LABEL_VALUE_MSG}`,
    ]);
  });

  it('validates annotation keys case-insensitively and their total size', () => {
    expect(create({ name: 'a', namespace: 'b', annotations: { 'Example.com/UPPER': 'x' } })).toEqual([]);
    expect(create({ name: 'a', namespace: 'b', annotations: { 'only/one/slash': 'x' } })).toHaveLength(1);
    expect(messages(validateAnnotations({ a: 'b'.repeat(262143) }, 'metadata.annotations'))).toEqual([]);
    expect(messages(validateAnnotations({ a: 'b'.repeat(262144) }, 'metadata.annotations'))).toEqual([
      'metadata.annotations: Too long: may not be more than 262144 bytes',
    ]);
    expect(
      messages(validateAnnotations({ a: 'b'.repeat(131072), c: 'd'.repeat(131072) }, 'metadata.annotations')),
    ).toEqual(['metadata.annotations: Too long: may not be more than 262144 bytes']);
  });

  it('validates owner references at the list path', () => {
    const reference = { apiVersion: '', kind: '', name: '', uid: '' };
    expect(create({ name: 'a', namespace: 'b', ownerReferences: [reference] })).toEqual([
      'metadata.ownerReferences.apiVersion: Invalid value: "": version must not be empty',
      'metadata.ownerReferences.kind: Invalid value: "": kind must not be empty',
      'metadata.ownerReferences.name: Invalid value: "": name must not be empty',
      'metadata.ownerReferences.uid: Invalid value: "": uid must not be empty',
    ]);
    expect(
      create({ name: 'a', namespace: 'b', ownerReferences: [{ apiVersion: 'a/b/c', kind: 'K', name: 'n', uid: 'u' }] }),
    ).toEqual(['metadata.ownerReferences.apiVersion: Invalid value: "a/b/c": version must not be empty']);
  });

  it('refuses an Event as owner', () => {
    const event = { apiVersion: 'v1', kind: 'Event', name: 'name', uid: '1' };
    expect(create({ name: 'a', namespace: 'b', ownerReferences: [event] })).toEqual([
      'metadata.ownerReferences: Invalid value: v1.OwnerReference{APIVersion:"v1", Kind:"Event", Name:"name", UID:"1", Controller:(*bool)(nil), BlockOwnerDeletion:(*bool)(nil)}: /v1, Kind=Event is disallowed from being an owner',
    ]);
  });

  it('allows one controller reference only', () => {
    const owner = (kind: string, uid: string, controller?: boolean) => ({
      apiVersion: 'customresourceVersion',
      kind,
      name: 'name',
      uid,
      ...(controller === undefined ? {} : { controller }),
    });
    const ok = [owner('customresourceKind', '1', true), owner('customresourceKind', '2', false), owner('k', '3')];
    expect(create({ name: 'a', namespace: 'b', ownerReferences: ok })).toEqual([]);
    const twice = [owner('customresourceKind1', '1', false), owner('customresourceKind2', '2', true)];
    twice.push(owner('customresourceKind3', '3', true));
    const [message] = create({ name: 'a', namespace: 'b', ownerReferences: twice });
    expect(message).toMatch(/^metadata\.ownerReferences: Invalid value: \[\]v1\.OwnerReference\{v1\.OwnerReference\{/);
    expect(message).toContain('Controller:(*bool)(0xc000a4e3c0), BlockOwnerDeletion:(*bool)(nil)}');
    expect(message).toMatch(
      /: Only one reference can have Controller set to true\. Found "true" in references for customresourceKind2\/name and customresourceKind3\/name$/,
    );
  });

  it('validates finalizers as apimachinery and pkg/apis/core do', () => {
    expect(create({ name: 'a', namespace: 'b', finalizers: ['orphan', 'foregroundDeletion'] })).toEqual([
      'metadata.finalizers: Invalid value: []string{"orphan", "foregroundDeletion"}: finalizer orphan and foregroundDeletion cannot be both set',
    ]);
    expect(create({ name: 'a', namespace: 'b', finalizers: ['example.com/x', 'foo'] })).toEqual([
      'metadata.finalizers[1]: Invalid value: "foo": name is neither a standard finalizer name nor is it fully qualified',
    ]);
    expect(create({ name: 'a', namespace: 'b', finalizers: ['Bad Name'] })).toEqual([
      `metadata.finalizers: Invalid value: "Bad Name": ${NAME_PART_MSG}`,
      'metadata.finalizers[0]: Invalid value: "Bad Name": name is neither a standard finalizer name nor is it fully qualified',
    ]);
    expect(
      create({ name: 'a', namespace: 'b', finalizers: ['foo'] }, { ...namespaced, apimachineryOnly: true }),
    ).toEqual([]);
  });
});

describe('validateObjectMetaUpdate', () => {
  const field = FieldPath.root('field');
  const update = (next: ObjectMeta, old: ObjectMeta): string[] =>
    messages(validateObjectMetaUpdate(next, old, field, { apimachineryOnly: true }));
  const base = { name: 'test', resourceVersion: '1' };

  it('accepts an unchanged object', () => {
    expect(update({ ...base, labels: { a: 'b' } }, base)).toEqual([]);
  });

  it('requires a resourceVersion', () => {
    expect(update({ name: 'test' }, base)).toEqual([
      'field.resourceVersion: Invalid value: "": must be specified for an update',
    ]);
  });

  it('refuses a decremented generation', () => {
    expect(update({ ...base, generation: 4 }, { ...base, generation: 5 })).toEqual([
      'field.generation: Invalid value: 4: must not be decremented',
    ]);
    expect(update({ ...base, generation: 2 }, { ...base, generation: 1 })).toEqual([]);
  });

  it('keeps identity fields immutable', () => {
    expect(
      update({ ...base, name: 'other', namespace: 'ns2', uid: 'u2' }, { ...base, namespace: 'ns', uid: 'u' }),
    ).toEqual([
      'field.name: Invalid value: "other": field is immutable',
      'field.namespace: Invalid value: "ns2": field is immutable',
      'field.uid: Invalid value: "u2": field is immutable',
    ]);
  });

  it('compares timestamps as instants and prints them as Go does', () => {
    const created = { ...base, creationTimestamp: '1970-01-01T00:00:10Z' };
    expect(update(base, created)).toEqual([
      'field.creationTimestamp: Invalid value: 0001-01-01 00:00:00 +0000 UTC: field is immutable',
    ]);
    expect(update(created, base)).toEqual([
      'field.creationTimestamp: Invalid value: 1970-01-01 00:00:10 +0000 UTC: field is immutable',
    ]);
    expect(update(created, { ...base, creationTimestamp: '1970-01-01T01:00:10+01:00' })).toEqual([]);
  });

  it('keeps the deletion fields immutable (TestValidateObjectMetaUpdatePreventsDeletionFieldMutation)', () => {
    const now = '1970-01-01T00:16:40Z';
    const later = '1970-01-01T00:33:20Z';
    expect(update({ ...base, deletionTimestamp: now }, base)).toEqual([
      'field.deletionTimestamp: Invalid value: 1970-01-01 00:16:40 +0000 UTC: field is immutable',
    ]);
    expect(update(base, { ...base, deletionTimestamp: now })).toEqual([
      'field.deletionTimestamp: Invalid value: "null": field is immutable',
    ]);
    expect(update({ ...base, deletionTimestamp: later }, { ...base, deletionTimestamp: now })).toEqual([
      'field.deletionTimestamp: Invalid value: 1970-01-01 00:33:20 +0000 UTC: field is immutable',
    ]);
    expect(update({ ...base, deletionGracePeriodSeconds: 30 }, base)).toEqual([
      'field.deletionGracePeriodSeconds: Invalid value: 30: field is immutable',
    ]);
    expect(update(base, { ...base, deletionGracePeriodSeconds: 30 })).toEqual([
      'field.deletionGracePeriodSeconds: Invalid value: "null": field is immutable',
    ]);
  });

  it('forbids new finalizers once deletion started', () => {
    const deleting = { ...base, deletionTimestamp: '1970-01-01T00:16:40Z' };
    expect(update({ ...deleting, finalizers: ['x/a', 'y/b'] }, { ...deleting, finalizers: ['x/a'] })).toEqual([
      'field.finalizers: Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers []string{"y/b"}',
    ]);
    expect(update({ ...deleting, finalizers: ['x/a'] }, { ...deleting, finalizers: ['x/a', 'y/b'] })).toEqual([]);
    expect(update({ ...base, finalizers: ['x/a', 'y/b'] }, { ...base, finalizers: ['x/a'] })).toEqual([]);
  });

  it('adds the core finalizer rule for built-in kinds', () => {
    expect(messages(validateObjectMetaUpdate({ ...base, finalizers: ['foo'] }, base, field))).toEqual([
      'field.finalizers[0]: Invalid value: "foo": name is neither a standard finalizer name nor is it fully qualified',
    ]);
  });
});
