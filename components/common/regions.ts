/**
 * Azure public-cloud regions (ARM `location` names) and the short codes used in resource names.
 * Short codes follow the common Cloud Adoption Framework abbreviations.
 */
export const azureRegions = {
  australiacentral: "auc",
  australiacentral2: "auc2",
  australiaeast: "aue",
  australiasoutheast: "ause",
  austriaeast: "ate",
  belgiumcentral: "bec",
  brazilsouth: "brs",
  brazilsoutheast: "brse",
  canadacentral: "cnc",
  canadaeast: "cne",
  centralindia: "inc",
  centralus: "cus",
  chilecentral: "clc",
  denmarkeast: "dke",
  eastasia: "ea",
  eastus: "eus",
  eastus2: "eus2",
  francecentral: "frc",
  francesouth: "frs",
  germanynorth: "gn",
  germanywestcentral: "gwc",
  indonesiacentral: "idc",
  israelcentral: "ilc",
  italynorth: "itn",
  japaneast: "jpe",
  japanwest: "jpw",
  koreacentral: "krc",
  koreasouth: "krs",
  malaysiawest: "myw",
  mexicocentral: "mxc",
  newzealandnorth: "nzn",
  northcentralus: "ncus",
  northeurope: "ne",
  norwayeast: "nwe",
  norwaywest: "nww",
  polandcentral: "plc",
  qatarcentral: "qac",
  southafricanorth: "san",
  southafricawest: "saw",
  southcentralus: "scus",
  southeastasia: "sea",
  southindia: "ins",
  spaincentral: "spc",
  swedencentral: "sdc",
  swedensouth: "sds",
  switzerlandnorth: "szn",
  switzerlandwest: "szw",
  uaecentral: "uac",
  uaenorth: "uan",
  uksouth: "uks",
  ukwest: "ukw",
  westcentralus: "wcus",
  westeurope: "we",
  westindia: "inw",
  westus: "wus",
  westus2: "wus2",
  westus3: "wus3",
} as const;

/** An Azure public-cloud region name as ARM spells it, for example `swedencentral`. */
export type AzureRegion = keyof typeof azureRegions;

/** Every known region name, sorted. */
export const regionNames = Object.keys(azureRegions).sort() as AzureRegion[];

/** True when `name` is a known Azure public-cloud region. */
export function isAzureRegion(name: string): name is AzureRegion {
  return Object.prototype.hasOwnProperty.call(azureRegions, name);
}

/** The short code of a region used inside resource names (`swedencentral` → `sdc`). */
export function regionShortName(region: AzureRegion): string {
  return azureRegions[region];
}
