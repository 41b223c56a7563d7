/**
 * The package's imsmanifest.xml, pure: SCORM 1.2 (IMS CP 1.1.2 with ADL CP 1.2:
 * `adlcp:scormtype="sco"`, `adlcp:masteryscore`) or SCORM 2004 4th Edition (IMS CP 1.1.4 with ADL
 * CP 1.3: `adlcp:scormType="sco"`, the mastery threshold as the primary objective's
 * `imsss:minNormalizedMeasure`, satisfied by measure). One organisation of one item: the SCO that
 * launches the site's index.html with the package's parameters; every file of the site listed in
 * its resource, the schema files in a resource of their own. Every string goes through the
 * project's strict escaper.
 */
import { escapeXml } from '../util/xml';
import type { ScormVersion } from './find-api';

/** The schema files each version's package carries at its root (src/lms/schemas/<folder>/). */
export const SCHEMAS: Readonly<Record<ScormVersion, { readonly folder: string; readonly files: readonly string[] }>> = {
  '1.2': { folder: 'scorm12', files: ['adlcp_rootv1p2.xsd', 'ims_xml.xsd', 'imscp_rootv1p1p2.xsd', 'imsmd_rootv1p2p1.xsd'] },
  '2004': {
    folder: 'scorm2004',
    files: [
      'adlcp_v1p3.xsd',
      'adlnav_v1p3.xsd',
      'adlseq_v1p3.xsd',
      'datatypes.dtd',
      'imscp_v1p1.xsd',
      'imsss_v1p0.xsd',
      'imsss_v1p0auxresource.xsd',
      'imsss_v1p0control.xsd',
      'imsss_v1p0delivery.xsd',
      'imsss_v1p0limit.xsd',
      'imsss_v1p0objective.xsd',
      'imsss_v1p0random.xsd',
      'imsss_v1p0rollup.xsd',
      'imsss_v1p0seqrule.xsd',
      'imsss_v1p0util.xsd',
      'xml.xsd',
      'XMLSchema.dtd',
    ],
  },
};

export const MANIFEST_FILE = 'imsmanifest.xml';
/** The file the SCO launches. */
export const LAUNCH_FILE = 'index.html';

export interface ManifestOptions {
  readonly version: ScormVersion;
  /** The package's identifier (an XML name: letters, digits, - _ .; see {@link packageIdentifier}). */
  readonly identifier: string;
  /** The organisation's title (the course). */
  readonly courseTitle: string;
  /** The SCO's title (the chapter, 繁體 then English). */
  readonly title: string;
  /** Every file of the site, relative to the package root, `/`-separated. */
  readonly files: readonly string[];
  /** What the LMS appends to index.html at launch: the bridge's query and the starting view's hash. */
  readonly parameters: string;
  /** The mastery threshold in [0, 1]. */
  readonly mastery: number;
}

/** An identifier usable as an XML ID from any text: `linkage-` then the text's letters, digits, - _ . (others become -). */
export function packageIdentifier(text: string): string {
  return `linkage-${text.replace(/[^A-Za-z0-9_.-]+/g, '-').replace(/^-+|-+$/g, '') || 'chapter'}`;
}

/** A file's href: each path segment percent-encoded as a URL needs (the zip holds the plain name). */
export function fileHref(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

const files = (paths: readonly string[], indent: string) => paths.map((p) => `${indent}<file href="${escapeXml(fileHref(p))}"/>`).join('\n');

/** What differs between the two versions' manifests; the rest is {@link manifestXml}'s. */
interface VersionParts {
  readonly manifestVersion: string;
  /** Namespace declarations and schema locations. */
  readonly namespaces: string;
  readonly schemaVersion: string;
  /** The SCO item's mastery threshold, as the version writes it. */
  readonly mastery: (id: string, mastery: number) => string;
  /** The attribute naming a resource's SCORM type (`scormtype` in 1.2, `scormType` in 2004). */
  readonly scormType: string;
}

const VERSION_PARTS: Record<ScormVersion, VersionParts> = {
  '1.2': {
    manifestVersion: '1.0',
    namespaces: `xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
    xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd"`,
    schemaVersion: '1.2',
    mastery: (_id, m) => `        <adlcp:masteryscore>${Math.round(m * 100)}</adlcp:masteryscore>`,
    scormType: 'adlcp:scormtype',
  },
  '2004': {
    manifestVersion: '1',
    namespaces: `xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
    xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
    xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"
    xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"
    xmlns:imsss="http://www.imsglobal.org/xsd/imsss"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd"`,
    schemaVersion: '2004 4th Edition',
    mastery: (id, m) => `        <imsss:sequencing>
          <imsss:objectives>
            <imsss:primaryObjective objectiveID="${id}-mastery" satisfiedByMeasure="true">
              <imsss:minNormalizedMeasure>${String(Number(m.toFixed(4)))}</imsss:minNormalizedMeasure>
            </imsss:primaryObjective>
          </imsss:objectives>
        </imsss:sequencing>`,
    scormType: 'adlcp:scormType',
  },
};

/** The manifest for `options`. */
export function manifestXml(o: ManifestOptions): string {
  const id = escapeXml(o.identifier);
  const schemas = SCHEMAS[o.version].files;
  const site = [...o.files].sort();
  const mastery = Math.min(1, Math.max(0, o.mastery));
  const v = VERSION_PARTS[o.version];
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${id}" version="${v.manifestVersion}"
    ${v.namespaces}>
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>${v.schemaVersion}</schemaversion>
  </metadata>
  <organizations default="${id}-org">
    <organization identifier="${id}-org">
      <title>${escapeXml(o.courseTitle)}</title>
      <item identifier="${id}-item" identifierref="${id}-sco" isvisible="true" parameters="${escapeXml(o.parameters)}">
        <title>${escapeXml(o.title)}</title>
${v.mastery(id, mastery)}
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="${id}-sco" type="webcontent" ${v.scormType}="sco" href="${LAUNCH_FILE}">
${files(site, '      ')}
    </resource>
    <resource identifier="${id}-schemas" type="webcontent" ${v.scormType}="asset">
${files(schemas, '      ')}
    </resource>
  </resources>
</manifest>
`;
}
