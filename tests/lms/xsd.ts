/**
 * Validates a manifest against the SCORM schemas offline: libxml2's XSD validator compiled to
 * WebAssembly (xmllint-wasm), on the schema files the packages carry (src/lms/schemas/). A small
 * driver schema imports every namespace the version's manifest uses, so that the ADL and IMSS
 * elements and attributes are checked too (the IMS CP schemas take them with processContents
 * "strict").
 *
 * Two quirks of the public SCORM 1.2 files that libxml2 (rightly) refuses to compile are worked
 * around here, in the validation only (the packages carry the files as published): ims_xml.xsd
 * binds the xml namespace as its default namespace, which Namespaces in XML forbids — the W3C's
 * own xml.xsd (carried by the 2004 packages) stands in for it, declaring the same xml:lang; and
 * imsmd_rootv1p2p1.xsd's content models are not deterministic — it is left out, as the manifest
 * holds no IMS metadata record.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateXML } from 'xmllint-wasm';
import { SCHEMAS } from '../../src/lms/manifest';
import type { ScormVersion } from '../../src/lms/find-api';
import { SCHEMA_DIR } from '../../src/cli/scorm';

const IMPORTS: Record<ScormVersion, Array<[string, string]>> = {
  '1.2': [
    ['http://www.imsproject.org/xsd/imscp_rootv1p1p2', 'imscp_rootv1p1p2.xsd'],
    ['http://www.adlnet.org/xsd/adlcp_rootv1p2', 'adlcp_rootv1p2.xsd'],
  ],
  '2004': [
    ['http://www.imsglobal.org/xsd/imscp_v1p1', 'imscp_v1p1.xsd'],
    ['http://www.adlnet.org/xsd/adlcp_v1p3', 'adlcp_v1p3.xsd'],
    ['http://www.adlnet.org/xsd/adlseq_v1p3', 'adlseq_v1p3.xsd'],
    ['http://www.adlnet.org/xsd/adlnav_v1p3', 'adlnav_v1p3.xsd'],
    ['http://www.imsglobal.org/xsd/imsss', 'imsss_v1p0.xsd'],
  ],
};

/** The validator's errors for `manifest` (empty: valid). */
export async function schemaErrors(version: ScormVersion, manifest: string): Promise<string[]> {
  const { folder, files } = SCHEMAS[version];
  const driver = `<?xml version="1.0"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
${IMPORTS[version].map(([ns, file]) => `  <xs:import namespace="${ns}" schemaLocation="${file}"/>`).join('\n')}
</xs:schema>`;
  const result = await validateXML({
    xml: [{ fileName: 'imsmanifest.xml', contents: manifest }],
    schema: [{ fileName: 'driver.xsd', contents: driver }],
    preload: files
      .filter((f) => f !== 'imsmd_rootv1p2p1.xsd')
      .map((f) => ({
        fileName: f,
        contents: readFileSync(f === 'ims_xml.xsd' ? join(SCHEMA_DIR, SCHEMAS['2004'].folder, 'xml.xsd') : join(SCHEMA_DIR, folder, f)),
      })),
  });
  return result.errors.map((e) => e.rawMessage);
}
