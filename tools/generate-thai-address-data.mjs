#!/usr/bin/env node
// Generates src/WiangHa.Platform.Infrastructure/Seeding/Data/thai-provinces-districts.json
// from the npm package thai-address-universal@2.2.0 (ISC licence).
//
// Usage:
//   mkdir -p /tmp/tau && cd /tmp/tau
//   npm pack thai-address-universal@2.2.0
//   tar xzf thai-address-universal-2.2.0.tgz        # -> /tmp/tau/package
//   cd <repo root>
//   node tools/generate-thai-address-data.mjs /tmp/tau/package [output.json]
//
// <extracted package dir> may be the tarball's "package" folder or the folder
// that contains it. The output defaults to the seeding data file in this repo.
//
// Output: a JSON array of provinces ordered by 2-digit geocode, one province per
// line, each {"code","nameTh","nameEn","districts":[{"code","nameTh","nameEn"}]}
// with districts ordered by 4-digit geocode.
//
// The package's codes and names are used as-is, except for the small, explicit
// CORRECTIONS below (defects in the package's data). Each correction first
// checks that the package still holds exactly the value it replaces, so a
// different package version fails loudly instead of being silently "fixed".

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const PACKAGE_NAME = 'thai-address-universal';
const PACKAGE_VERSION = '2.2.0';
const EXPECTED_PROVINCES = 77;
const EXPECTED_DISTRICTS = 928;

// Province corrections, keyed by the package's province code.
const PROVINCE_CORRECTIONS = {
  // Bueng Kan's official geocode is 38 (ISO 3166-2:TH-38); the package uses 97.
  '97': { expect: { nameTh: 'บึงกาฬ', nameEn: 'Bueng Kan' }, set: { code: '38' } },
  // English names missing a space / inconsistent with ISO 3166-2:TH and with the
  // package's own "Mueang ..." district names.
  '30': { expect: { nameEn: 'Nakhonratchasima' }, set: { nameEn: 'Nakhon Ratchasima' } },
  '60': { expect: { nameEn: 'Nakhonsawan' }, set: { nameEn: 'Nakhon Sawan' } },
  '72': { expect: { nameEn: 'Suphanburi' }, set: { nameEn: 'Suphan Buri' } },
};

// District corrections, keyed by "<package province code>|<Thai district name>".
const DISTRICT_CORRECTIONS = {
  // Bueng Kan: the package has no geocodes at all for these eight districts.
  '97|เมืองบึงกาฬ': { expect: { code: '' }, set: { code: '3801' } },
  '97|พรเจริญ': { expect: { code: '' }, set: { code: '3802' } },
  '97|โซ่พิสัย': { expect: { code: '' }, set: { code: '3803' } },
  '97|เซกา': { expect: { code: '' }, set: { code: '3804' } },
  '97|ปากคาด': { expect: { code: '' }, set: { code: '3805' } },
  '97|บึงโขงหลง': { expect: { code: '' }, set: { code: '3806' } },
  '97|ศรีวิไล': { expect: { code: '' }, set: { code: '3807' } },
  '97|บุ่งคล้า': { expect: { code: '' }, set: { code: '3808' } },
  // Nam Pat: package gives 5303 (duplicate of Tha Pla) and a truncated English name.
  '53|น้ำปาด': { expect: { code: '5303', nameEn: 'Nam' }, set: { code: '5304', nameEn: 'Nam Pat' } },
  // Galyani Vadhana: package derives 5003 (duplicate of Mae Chaem, the district it
  // was split from in 2009) and spells the name syllable by syllable.
  '50|กัลยาณิวัฒนา': {
    expect: { code: '5003', nameEn: 'Kan La Ya Wi Nat Tha' },
    set: { code: '5025', nameEn: 'Galyani Vadhana' },
  },
  // English misspellings.
  '10|สาทร': { expect: { code: '1028', nameEn: 'Satn' }, set: { nameEn: 'Sathon' } },
  '24|สนามชัยเขต': { expect: { code: '2408', nameEn: 'Snam Chai Khet' }, set: { nameEn: 'Sanam Chai Khet' } },
};

function fail(message) {
  console.error(`error: ${message}`);
  process.exit(1);
}

function resolvePackageDir(arg) {
  const dir = resolve(arg);
  for (const candidate of [dir, join(dir, 'package')]) {
    if (existsSync(join(candidate, 'package.json')) && existsSync(join(candidate, 'dist', 'esm', 'index.js'))) {
      return candidate;
    }
  }
  fail(`${dir} does not look like an extracted ${PACKAGE_NAME} package (no package.json + dist/esm/index.js)`);
}

function applyCorrection(entry, correction, label, used) {
  for (const [field, value] of Object.entries(correction.expect)) {
    if (entry[field] !== value) {
      fail(`correction for ${label}: expected ${field}=${JSON.stringify(value)}, package has ${JSON.stringify(entry[field])}`);
    }
  }
  used.add(label);
  return { ...entry, ...correction.set };
}

// Names are already clean in 2.2.0; this only guards against regressions.
function cleanName(value, label) {
  if (typeof value !== 'string') fail(`${label}: name is not a string`);
  const cleaned = value.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (cleaned === '') fail(`${label}: empty name`);
  if (cleaned !== value) console.warn(`warning: ${label}: normalised ${JSON.stringify(value)} -> ${JSON.stringify(cleaned)}`);
  if (/\u0E4D\u0E32/.test(cleaned)) fail(`${label}: contains NIKHAHIT+SARA AA instead of SARA AM: ${cleaned}`);
  return cleaned;
}

async function main() {
  const [arg, outArg] = process.argv.slice(2);
  if (!arg || arg === '-h' || arg === '--help') {
    console.error('usage: node tools/generate-thai-address-data.mjs <extracted package dir> [output.json]');
    process.exit(arg ? 0 : 2);
  }

  const packageDir = resolvePackageDir(arg);
  const pkg = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
  if (pkg.name !== PACKAGE_NAME || pkg.version !== PACKAGE_VERSION) {
    fail(`expected ${PACKAGE_NAME}@${PACKAGE_VERSION}, found ${pkg.name}@${pkg.version} (corrections are version-specific)`);
  }

  const lib = await import(pathToFileURL(join(packageDir, 'dist', 'esm', 'index.js')).href);
  const usedProvince = new Set();
  const usedDistrict = new Set();
  const provinces = [];

  for (const raw of await lib.getProvinces()) {
    const packageCode = raw.code;
    let p = { code: raw.code, nameTh: raw.nameTh, nameEn: raw.nameEn };
    if (PROVINCE_CORRECTIONS[packageCode]) {
      p = applyCorrection(p, PROVINCE_CORRECTIONS[packageCode], packageCode, usedProvince);
    }
    const province = {
      code: p.code,
      nameTh: cleanName(p.nameTh, `province ${p.code}`),
      nameEn: cleanName(p.nameEn, `province ${p.code}`),
      districts: [],
    };

    // getDistricts accepts a 2-digit code; query with the package's own code.
    for (const rawDistrict of await lib.getDistricts(packageCode)) {
      const key = `${packageCode}|${rawDistrict.nameTh}`;
      let d = { code: rawDistrict.code, nameTh: rawDistrict.nameTh, nameEn: rawDistrict.nameEn };
      if (DISTRICT_CORRECTIONS[key]) d = applyCorrection(d, DISTRICT_CORRECTIONS[key], key, usedDistrict);
      province.districts.push({
        code: d.code,
        nameTh: cleanName(d.nameTh, `district ${d.code || key}`),
        nameEn: cleanName(d.nameEn, `district ${d.code || key}`),
      });
    }
    province.districts.sort((a, b) => a.code.localeCompare(b.code));
    provinces.push(province);
  }
  provinces.sort((a, b) => a.code.localeCompare(b.code));

  // Every correction must have been used (guards against silent no-ops).
  for (const key of Object.keys(PROVINCE_CORRECTIONS)) if (!usedProvince.has(key)) fail(`province correction ${key} not applied`);
  for (const key of Object.keys(DISTRICT_CORRECTIONS)) if (!usedDistrict.has(key)) fail(`district correction ${key} not applied`);

  // Validation.
  if (provinces.length !== EXPECTED_PROVINCES) fail(`expected ${EXPECTED_PROVINCES} provinces, got ${provinces.length}`);
  const provinceCodes = new Set();
  const districtCodes = new Set();
  let districtCount = 0;
  for (const p of provinces) {
    if (!/^\d{2}$/.test(p.code)) fail(`bad province code ${JSON.stringify(p.code)} (${p.nameEn})`);
    if (provinceCodes.has(p.code)) fail(`duplicate province code ${p.code}`);
    provinceCodes.add(p.code);
    if (p.districts.length === 0) fail(`province ${p.code} has no districts`);
    for (const d of p.districts) {
      if (!/^\d{4}$/.test(d.code)) fail(`bad district code ${JSON.stringify(d.code)} (${d.nameEn}, province ${p.code})`);
      if (!d.code.startsWith(p.code)) fail(`district ${d.code} is not under province ${p.code}`);
      if (districtCodes.has(d.code)) fail(`duplicate district code ${d.code}`);
      districtCodes.add(d.code);
      districtCount++;
    }
  }
  if (districtCount !== EXPECTED_DISTRICTS) fail(`expected ${EXPECTED_DISTRICTS} districts, got ${districtCount}`);

  const chiangRai = provinces.find((p) => p.code === '57');
  const phan = chiangRai?.districts.find((d) => d.nameTh === 'พาน');
  if (!chiangRai || chiangRai.nameEn !== 'Chiang Rai' || !phan || phan.nameEn !== 'Phan') {
    fail('sanity check failed: Chiang Rai (57) / Phan (พาน) not found');
  }

  // One province per line keeps diffs readable.
  const json = `[\n${provinces.map((p) => JSON.stringify(p)).join(',\n')}\n]\n`;
  const scriptDir = dirname(fileURLToPath(import.meta.url));
  const outPath = resolve(
    outArg ?? join(scriptDir, '..', 'src', 'WiangHa.Platform.Infrastructure', 'Seeding', 'Data', 'thai-provinces-districts.json'),
  );
  writeFileSync(outPath, json, 'utf8');

  console.log(`source: ${pkg.name}@${pkg.version}`);
  console.log(`provinces: ${provinces.length}, districts: ${districtCount}`);
  console.log(`corrections applied: ${usedProvince.size} province, ${usedDistrict.size} district`);
  console.log(`Chiang Rai ${chiangRai.code}: ${phan.nameTh} / ${phan.nameEn} = ${phan.code}`);
  console.log(`wrote ${outPath}`);
}

await main();
