/** Types for the dictionary sub-modules of opencc-js, which its package does not declare. */
declare module 'opencc-js/from/tw' {
  import type { DictGroup } from 'opencc-js/core';
  const dict: readonly DictGroup[];
  export default dict;
}
declare module 'opencc-js/to/cn' {
  import type { DictGroup } from 'opencc-js/core';
  const dict: readonly DictGroup[];
  export default dict;
}
