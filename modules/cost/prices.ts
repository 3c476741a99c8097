import table from "../../vendor/aws-prices/prices.json";

/** What the estimate needs a price for; each is USD per the unit its name ends with. */
export const PRICE_KEYS = [
  "eksClusterStandardHour",
  "eksClusterExtendedHour",
  "natGatewayHour",
  "publicIpv4Hour",
  "fargateVcpuHour",
  "fargateGbHour",
  "albHour",
  "albLcuHour",
  "nlbHour",
  "nlbNlcuHour",
  "kmsKeyMonth",
  "logsIngestionGb",
  "logsStorageGbMonth",
  "vendedLogsIngestionGb",
  "ebsGp3GbMonth",
] as const;

/** One priced item of the table. */
export type PriceKey = (typeof PRICE_KEYS)[number];

/** One price and where it came from. */
export interface Price {
  /** On-demand list price in USD. */
  usd: number;
  /** The AWS pricing page it was read from. */
  page: string;
  /** The day it was read (ISO date). */
  read: string;
}

/** The prices of one region; an item missing here is unknown, never guessed. */
export type RegionPrices = Partial<Record<PriceKey, Price>>;

/** The vendored price table (vendor/aws-prices/prices.json). */
export interface PriceTable {
  /** Hours in a month, for hourly prices. */
  hoursPerMonth: number;
  /** Prices by region code. */
  regions: Record<string, RegionPrices>;
}

/** The project's price table. */
export const PRICES: PriceTable = table;

/** A price's source as the estimate shows it: the page and the day it was read. */
export function priceSource(price: Price): string {
  return `${price.page} (read ${price.read})`;
}
