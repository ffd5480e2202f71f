// The errors of k8s.io/apimachinery/pkg/util/mergepatch and strategicpatch,
// with the status patch.go's interpretStrategicMergePatchError gives each:
// malformed directives are 400, lists of lists a generic 422, the rest a bare 500.
import { goSprint, goSprintS, goTypeName, type GoJsonType } from './go-format';
import { patchErrors, type PatchError } from './patch-error';

export const smpErrors = {
  badJsonDoc: (): PatchError => patchErrors.badRequest('invalid JSON document'),
  noListOfLists: (): PatchError => patchErrors.rejected('lists of lists are not supported'),
  badPrimitiveList: (): PatchError => patchErrors.badRequest('invalid patch format of primitive list'),
  badRetainKeys: (): PatchError => patchErrors.badRequest('invalid patch format of retainKeys'),
  badSetElementOrder: (): PatchError => patchErrors.badRequest('invalid patch format of setElementOrder list'),
  unsupported: (): PatchError => patchErrors.badRequest('strategic merge patch format is not supported'),

  noMergeKey: (map: Record<string, unknown>, key: string): PatchError =>
    patchErrors.unexpected(`map: ${goSprint(map)} does not contain declared merge key: ${key}`),
  badArgType: (expected: GoJsonType, actual: unknown): PatchError =>
    patchErrors.unexpected(`expected a ${expected}, but received a ${goTypeName(actual)}`),
  badPatchType: (directive: unknown, map: Record<string, unknown>): PatchError =>
    patchErrors.unexpected(`unknown patch type: ${goSprintS(directive)} in map: ${goSprint(map)}`),
  /** Any other fmt.Errorf of the package. */
  other: (message: string): PatchError => patchErrors.unexpected(message),
};
