/**
 * Azure public-cloud regions (ARM `location` names) and the short codes used in resource names.
 * Short codes follow the common Cloud Adoption Framework abbreviations.
 */
/**
 * Azure public-cloud regions (ARM `location` names); an enum in the component package's schema.
 * @enum
 */
export const AzureRegion = {
  australiacentral: "australiacentral",
  australiacentral2: "australiacentral2",
  australiaeast: "australiaeast",
  australiasoutheast: "australiasoutheast",
  austriaeast: "austriaeast",
  belgiumcentral: "belgiumcentral",
  brazilsouth: "brazilsouth",
  brazilsoutheast: "brazilsoutheast",
  canadacentral: "canadacentral",
  canadaeast: "canadaeast",
  centralindia: "centralindia",
  centralus: "centralus",
  chilecentral: "chilecentral",
  denmarkeast: "denmarkeast",
  eastasia: "eastasia",
  eastus: "eastus",
  eastus2: "eastus2",
  francecentral: "francecentral",
  francesouth: "francesouth",
  germanynorth: "germanynorth",
  germanywestcentral: "germanywestcentral",
  indonesiacentral: "indonesiacentral",
  israelcentral: "israelcentral",
  italynorth: "italynorth",
  japaneast: "japaneast",
  japanwest: "japanwest",
  koreacentral: "koreacentral",
  koreasouth: "koreasouth",
  malaysiawest: "malaysiawest",
  mexicocentral: "mexicocentral",
  newzealandnorth: "newzealandnorth",
  northcentralus: "northcentralus",
  northeurope: "northeurope",
  norwayeast: "norwayeast",
  norwaywest: "norwaywest",
  polandcentral: "polandcentral",
  qatarcentral: "qatarcentral",
  southafricanorth: "southafricanorth",
  southafricawest: "southafricawest",
  southcentralus: "southcentralus",
  southeastasia: "southeastasia",
  southindia: "southindia",
  spaincentral: "spaincentral",
  swedencentral: "swedencentral",
  swedensouth: "swedensouth",
  switzerlandnorth: "switzerlandnorth",
  switzerlandwest: "switzerlandwest",
  uaecentral: "uaecentral",
  uaenorth: "uaenorth",
  uksouth: "uksouth",
  ukwest: "ukwest",
  westcentralus: "westcentralus",
  westeurope: "westeurope",
  westindia: "westindia",
  westus: "westus",
  westus2: "westus2",
  westus3: "westus3",
} as const;

/** An Azure public-cloud region name as ARM spells it, for example `swedencentral`. */
export type AzureRegion = (typeof AzureRegion)[keyof typeof AzureRegion];

/**
 * The short code of each region used inside resource names.
 * @internal
 */
export const azureRegions: Readonly<Record<AzureRegion, string>> = {
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
};

/** Every known region name, sorted. */
export const regionNames: readonly AzureRegion[] = Object.values(AzureRegion).sort();

/** True when `name` is a known Azure public-cloud region. */
export function isAzureRegion(name: string): name is AzureRegion {
  return Object.prototype.hasOwnProperty.call(azureRegions, name);
}

/**
 * The short code of a region used inside resource names (`swedencentral` → `sdc`).
 * @internal
 */
export function regionShortName(region: AzureRegion): string {
  return azureRegions[region];
}
