// DefaultTolerationSeconds admission
// (plugin/pkg/admission/defaulttolerationseconds): pods tolerate a node
// that is not ready or unreachable for 300 seconds unless they say otherwise.
import type { AdmissionPlugin } from '../api/admission/admission';
import { child, records, text } from '../registry/pod/json';
import { isPodWrite } from './admission-errors';

export const DEFAULT_TOLERATION_SECONDS = 300;
const NOT_READY = 'node.kubernetes.io/not-ready';
const UNREACHABLE = 'node.kubernetes.io/unreachable';

export const defaultTolerationSecondsAdmission: AdmissionPlugin = {
  name: 'DefaultTolerationSeconds',
  admit(attributes) {
    if (attributes.operation === 'DELETE' || !isPodWrite(attributes) || !attributes.object) return;
    const spec = child(attributes.object, 'spec');
    const tolerations = records(spec.tolerations);
    const tolerates = (key: string): boolean =>
      tolerations.some((toleration) => {
        const tolerationKey = text(toleration.key);
        const effect = text(toleration.effect);
        return (tolerationKey === key || tolerationKey === '') && (effect === 'NoExecute' || effect === '');
      });
    const added = [NOT_READY, UNREACHABLE]
      .filter((key) => !tolerates(key))
      .map((key) => ({ effect: 'NoExecute', key, operator: 'Exists', tolerationSeconds: DEFAULT_TOLERATION_SECONDS }));
    if (added.length) spec.tolerations = [...tolerations, ...added];
  },
};
